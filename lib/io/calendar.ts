import Dexie from 'dexie';
import ical from 'ical-generator';
import type { GroundworkDB } from '../db/db';
import { PENDING_STATUSES } from '../model/followUpStatus';
import { touchTypeInfo, type FollowUp, type Person } from '../model';
import { isKeptTime } from '../model/timeBounds';

/**
 * Open follow-ups as an iCalendar file for reps who live in their calendar: one 15-minute event
 * per follow-up at its due time, saying who, why and which touch is suggested. UIDs come from the
 * follow-up's id, so importing a newer file updates the events instead of duplicating them.
 */

export const EVENT_MINUTES = 15;

export function followUpUid(followUp: Pick<FollowUp, 'id'>): string {
  return `followup-${followUp.id}@groundwork`;
}

export interface CalendarExport {
  ics: string;
  /** Follow-ups in the file. */
  count: number;
  /** Follow-ups left out, each said for the rep: "Jane Doe: its due date is not a date". */
  skipped: string[];
}

/**
 * The open follow-ups as an .ics file. A row whose times are not dates (written before times
 * were bounded, or by hand) is left out and named in `skipped`, rather than failing the whole
 * export (issue 15).
 */
export async function followUpsCalendar(db: GroundworkDB, now: number = Date.now()): Promise<CalendarExport> {
  const { followUps, people } = await db.transaction('r', db.followUps, db.people, async () => {
    const pending = (
      await Promise.all(
        PENDING_STATUSES.map((status) =>
          db.followUps.where('[status+dueAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).toArray(),
        ),
      )
    )
      .flat()
      .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
    const found = await db.people.bulkGet([...new Set(pending.map((f) => f.personId))]);
    return { followUps: pending, people: new Map(found.filter((p): p is Person => p !== undefined).map((p) => [p.id, p])) };
  });

  const calendar = ical({
    name: 'Groundwork follow-ups',
    prodId: { company: 'Groundwork', product: 'Groundwork', language: 'EN' },
  });
  const skipped: string[] = [];
  let count = 0;
  for (const followUp of followUps) {
    const person = people.get(followUp.personId);
    const who = person?.name ?? 'Someone no longer saved';
    if (!isKeptTime(followUp.dueAt)) {
      skipped.push(`${who}: its due date is not a date`);
      continue;
    }
    count++;
    const touch = touchTypeInfo(followUp.suggestedType).label;
    const company = person?.companyName;
    const description = [
      `Why: ${followUp.reason}`,
      `Suggested touch: ${touch}`,
      `Who: ${who}${person?.headline ? ` — ${person.headline}` : company ? ` — ${company}` : ''}`,
      person?.emails.length ? `Email: ${person.emails.join(', ')}` : undefined,
      person?.linkedinUrl ? `LinkedIn: ${person.linkedinUrl}` : undefined,
      followUp.status === 'snoozed' ? 'Snoozed in Groundwork.' : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    calendar.createEvent({
      id: followUpUid(followUp),
      start: new Date(followUp.dueAt),
      end: new Date(followUp.dueAt + EVENT_MINUTES * 60_000),
      stamp: new Date(now),
      ...(isKeptTime(followUp.updatedAt) ? { lastModified: new Date(followUp.updatedAt) } : {}),
      summary: `${touch}: ${who}${company ? ` (${company})` : ''}`,
      description,
      ...(person?.linkedinUrl ? { url: person.linkedinUrl } : {}),
    });
  }
  return { ics: calendar.toString(), count, skipped };
}
