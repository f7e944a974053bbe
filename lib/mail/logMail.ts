import { touchesOfPerson } from '../db/touches';
import { afterTouchesChanged, recordTouch } from '../cadence/followUps';
import type { GroundworkDB } from '../db/db';
import { addEmailAddress, findPersonByEmail, removeEmailAddress, upsertSeenPerson } from '../db/people';
import { loadSettings } from '../db/settings';
import { likelyPeople } from '../identity/candidates';
import type { InboundMail, LoggedRecipient, MailParticipant, OfferedCandidate, OfferedRecipient, SentMail } from '../messaging/protocol';
import { parseMailTimeOrUndefined } from './mailTime';
import { exclusionOf } from './recipients';
import { isRoleAddress } from './roleAddresses';
import { Person, type Touch } from '../model';
import { editTouch } from '../cadence/touchEdits';

/**
 * Email touches, logged without the rep typing anything (DESIGN.md principle 2): sent email to
 * saved prospects, one-click logging of new recipients, Undo, and replies noticed on screen.
 * Each email becomes one touch per person, once: its source key is the site's draft id (or a
 * digest) and the recipient for sent mail, and the sender and minute for replies, so a reply seen
 * both as an inbox row and in its open thread is logged once.
 */

/** How long the toast's Undo may remove what was logged. */
export const UNDO_WINDOW_MS = 30 * 60_000;

/** A reply dated further ahead than this is a misread date, not a message. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** What every touch logged from a send (from `site`'s, when given) has its source key begin with. */
export function sentMailKeyPrefix(site?: SentMail['site']): string {
  return site ? `mail:sent:${site}:` : 'mail:sent:';
}

export function sentMailKey(mail: Pick<SentMail, 'site' | 'key'>, email: string): string {
  return `${sentMailKeyPrefix(mail.site)}${mail.key}:${email}`;
}

export function inboundMailKey(email: string, at: number): string {
  return `mail:in:${email}:${Math.floor(at / 60_000)}`;
}

function uniqueRecipients(mail: SentMail): { participant: MailParticipant; field: 'to' | 'cc' | 'bcc' }[] {
  const seen = new Set<string>();
  const out: { participant: MailParticipant; field: 'to' | 'cc' | 'bcc' }[] = [];
  for (const field of ['to', 'cc', 'bcc'] as const) {
    for (const participant of mail[field]) {
      if (seen.has(participant.email)) continue;
      seen.add(participant.email);
      out.push({ participant, field });
    }
  }
  return out;
}

async function logOne(db: GroundworkDB, mail: SentMail, personId: string, email: string, loggedBy: 'automatic' | 'one-click', now: number): Promise<LoggedRecipient> {
  const { touch, person } = await recordTouch(db, { personId, type: 'email', direction: 'outbound', subject: mail.subject, loggedBy, sourceKey: sentMailKey(mail, email) }, now);
  return { touchId: touch.id, personId: person.id, name: person.name, email };
}

/**
 * The rep sent `mail`: saved prospects among the recipients are logged (when automatic logging is
 * on); the rest of the To line, and saved prospects when it is off, are offered for one click.
 * Nobody is logged for the rep, colleagues, or the never-log list. Blind copies are logged when
 * saved but never offered (they are often archiving addresses).
 */
export async function logSentMail(db: GroundworkDB, mail: SentMail, now: number = Date.now()): Promise<{ logged: LoggedRecipient[]; offered: OfferedRecipient[] }> {
  // One transaction: every recipient is logged, or (on a failure) none, as the toast will say.
  const result = await db.transaction('rw', MAIL_TABLES(db), async () => {
    const settings = await loadSettings(db);
    const logged: LoggedRecipient[] = [];
    const offered: OfferedRecipient[] = [];
    for (const { participant, field } of uniqueRecipients(mail)) {
      if (exclusionOf(participant.email, settings, mail.from)) continue;
      const person = await findPersonByEmail(db, participant.email);
      if (person && settings.email.autoLog) logged.push(await logOne(db, mail, person.id, participant.email, 'automatic', now));
      else if (person || field === 'to') offered.push({ email: participant.email, ...(participant.name ? { name: participant.name } : {}), saved: person !== undefined });
    }
    return { logged, offered };
  });
  // Read after the logging committed: who each unknown address most likely is.
  const offered = await Promise.all(result.offered.map((recipient) => (recipient.saved ? recipient : withCandidates(db, recipient))));
  return { logged: result.logged, offered };
}

/** An unknown recipient, with whether it is a role address and, if not, whom it most likely is. */
async function withCandidates(db: GroundworkDB, recipient: OfferedRecipient): Promise<OfferedRecipient> {
  if (isRoleAddress(recipient.email)) return { ...recipient, role: true };
  const candidates = await likelyPeople(db, recipient.email, recipient.name);
  if (candidates.length === 0) return recipient;
  return {
    ...recipient,
    candidates: candidates.map(
      ({ person, company, confident }): OfferedCandidate => ({ personId: person.id, name: person.name, ...(company ? { company } : {}), source: person.source, confident }),
    ),
  };
}

/**
 * The toast's "Link this address": `email`, a recipient of `mail` Groundwork did not know, is the
 * saved person `personId` — one of the people it most likely is (a page cannot have any address
 * joined to anyone). The address joins them and the email is logged for them, in one transaction.
 */
export async function linkRecipient(db: GroundworkDB, mail: SentMail, email: string, personId: string, now: number = Date.now()): Promise<LoggedRecipient[]> {
  const settings = await loadSettings(db);
  const address = email.toLowerCase();
  const participant = uniqueRecipients(mail).find(({ participant }) => participant.email === address)?.participant;
  if (!participant) throw new Error(`${address} is not a recipient of this email`);
  if (exclusionOf(address, settings, mail.from)) throw new Error(`${address} is never logged (a colleague or on the never-log list)`);
  // Already theirs: the link was made (a retry whose first answer was lost); logging is idempotent.
  if ((await findPersonByEmail(db, address))?.id === personId) {
    return db.transaction('rw', MAIL_TABLES(db), async () => [await logOne(db, mail, personId, address, 'one-click', now)]);
  }
  const candidates = await likelyPeople(db, address, participant.name);
  if (!candidates.some((c) => c.person.id === personId)) throw new Error(`${address} does not look like that person's address`);
  return db.transaction('rw', MAIL_TABLES(db), async () => {
    const owner = await findPersonByEmail(db, address);
    if (owner && owner.id !== personId) throw new Error(`${address} is already ${owner.name}'s address`);
    await addEmailAddress(db, personId, address, now);
    return [await logOne(db, mail, personId, address, 'one-click', now)];
  });
}

/**
 * The toast's "Log to Groundwork": each chosen recipient of `mail` becomes a person (named from
 * the recipient chip) when not saved yet, and the email is logged for them. Addresses that are
 * not recipients of this email, or are excluded, are refused.
 */
export async function logMailRecipients(db: GroundworkDB, mail: SentMail, emails: readonly string[], now: number = Date.now()): Promise<LoggedRecipient[]> {
  const settings = await loadSettings(db);
  const recipients = new Map(uniqueRecipients(mail).map(({ participant }) => [participant.email, participant]));
  const chosen = [...new Set(emails.map((e) => e.toLowerCase()))].map((email) => {
    const participant = recipients.get(email);
    if (!participant) throw new Error(`${email} is not a recipient of this email`);
    if (exclusionOf(email, settings, mail.from)) throw new Error(`${email} is never logged (a colleague or on the never-log list)`);
    return { email, participant };
  });
  // Every address is checked before anything is written, and all are written in one transaction:
  // a refusal or a failure logs nobody, as the toast says.
  return db.transaction('rw', MAIL_TABLES(db), async () => {
    const logged: LoggedRecipient[] = [];
    for (const { email, participant } of chosen) {
      const { person } = await upsertSeenPerson(db, { name: participant.name ?? email, emails: [email], source: 'email' }, now);
      logged.push(await logOne(db, mail, person.id, email, 'one-click', now));
    }
    return logged;
  });
}

/** Everything logging an email can write (recordTouch's tables, plus fits for a new person). */
const MAIL_TABLES = (db: GroundworkDB) => [db.people, db.touches, db.followUps, db.settings, db.fits];

/**
 * The toast's Undo: removes email touches logged from a send within the undo window and lets the
 * cadence recompute. What the touch itself caused goes with it: a crisis-mode flag it raised (it
 * was the attempt that tipped the rule), and a person "Log to Groundwork" created for it who has
 * nothing else. Anything else (a touch logged by hand, an older one, a reply, one logged from
 * another webmail than `site`'s when given) is left alone.
 */
export async function undoSentMail(db: GroundworkDB, touchIds: readonly string[], now: number = Date.now(), site?: SentMail['site'], unlink: readonly string[] = []): Promise<number> {
  const undoable = sentMailKeyPrefix(site);
  return db.transaction('rw', MAIL_TABLES(db), async () => {
    let removed = 0;
    for (const id of new Set(touchIds)) {
      const touch = await db.touches.get(id);
      if (!touch?.sourceKey?.startsWith(undoable) || touch.loggedBy === 'manual' || now - touch.createdAt > UNDO_WINDOW_MS) continue;
      await db.touches.delete(id);
      removed++;
      let person = await db.people.get(touch.personId);
      if (!person) continue;
      // "Link this address" joined this touch's address to them: it goes with the touch.
      const address = touch.sourceKey.slice(touch.sourceKey.lastIndexOf(':') + 1);
      if (unlink.includes(address) && person.emails.includes(address)) {
        person = await removeEmailAddress(db, person.id, address, now);
      }
      const others = await touchesOfPerson(db, person.id).first();
      if (touch.loggedBy === 'one-click' && person.source === 'email' && person.createdAt === touch.createdAt && others === undefined) {
        // Created by this very click, and nothing else since: gone with it.
        await Promise.all([db.people.delete(person.id), db.fits.delete(person.id), db.followUps.where('personId').equals(person.id).delete()]);
        continue;
      }
      const record = person.brainPicker;
      if (person.flags.includes('brain-picker') && record && record.flaggedAt === touch.at) {
        const { brainPicker: _, ...rest } = person;
        const restored: Person = {
          ...rest,
          flags: person.flags.filter((f) => f !== 'brain-picker'),
          stage: record.previousStage,
          // An earlier episode stays remembered; this one never happened.
          ...(record.episodes > 1 ? { brainPicker: { ...record, episodes: record.episodes - 1 } } : {}),
          updatedAt: now,
        };
        await db.people.put(Person.parse(restored));
      }
      await afterTouchesChanged(db, person.id, now);
    }
    return removed;
  });
}

/**
 * The toast's "Give" / "Ask": what the email just logged was (an email is neutral unless the rep
 * says), so give before ask sees the main channel. Only touches a send from `site` logged within
 * the undo window, as for Undo.
 */
export async function setSentMailIntent(db: GroundworkDB, touchIds: readonly string[], intent: Touch['intent'], now: number = Date.now(), site?: SentMail['site']): Promise<number> {
  const own = sentMailKeyPrefix(site);
  let changed = 0;
  for (const id of new Set(touchIds)) {
    const touch = await db.touches.get(id);
    if (!touch?.sourceKey?.startsWith(own) || touch.loggedBy === 'manual' || now - touch.createdAt > UNDO_WINDOW_MS || touch.intent === intent) continue;
    await editTouch(db, id, { intent }, now);
    changed++;
  }
  return changed;
}

export interface InboundResult {
  logged: number;
  /** Messages whose date could not be read: not logged rather than logged at a guessed time. */
  undated: number;
}

/**
 * Messages from others seen on screen: those from saved prospects are logged once as inbound
 * touches at the time the page shows, which marks earlier attempts answered, resets the
 * unanswered count and feeds the crisis-mode rule (lib/cadence).
 */
export async function logInboundMail(db: GroundworkDB, me: string | undefined, messages: readonly InboundMail[], now: number = Date.now()): Promise<InboundResult> {
  const settings = await loadSettings(db);
  const result: InboundResult = { logged: 0, undated: 0 };
  if (!settings.email.logReplies) return result;
  for (const message of messages) {
    const email = message.from.email;
    if (exclusionOf(email, settings, me)) continue;
    const person = await findPersonByEmail(db, email);
    if (!person) continue;
    const at = message.timeText ? parseMailTimeOrUndefined(message.timeText) : undefined;
    if (at === undefined || at > now + CLOCK_SKEW_MS) {
      result.undated++;
      continue;
    }
    const sourceKey = inboundMailKey(email, at);
    // Checked before the transaction: most messages on screen were logged on an earlier visit.
    if ((await db.touches.where('sourceKey').equals(sourceKey).first()) !== undefined) continue;
    const { created } = await recordTouch(db, { personId: person.id, type: 'inbound-message', direction: 'inbound', at, subject: message.subject, loggedBy: 'automatic', sourceKey }, now);
    if (created) result.logged++;
  }
  return result;
}
