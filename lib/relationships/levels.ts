import { ago } from '../text/words';
import { SENIORITY_LEVELS, type OwnerRole, type Person, type SeniorityLevel, type Settings, type Touch } from '../model';
import { SENIORITY_LABELS, seniorityFromTitle } from '../scoring/seniority';

/**
 * Relationships at every level of an account (DESIGN.md principle 6): its people grouped by
 * seniority, whether each level has a live relationship (a reply or a meeting within the
 * settable window), who on our side owns each person, and the gaps in plain words with whom to
 * engage next and which colleague could help. Pure: callers read the people and touches.
 */

export interface LevelPerson {
  person: Person;
  lastTouchAt?: number;
  /** Their latest reply or meeting, when within the window. */
  liveAt?: number;
}

export interface LevelCoverage {
  level: SeniorityLevel;
  label: string;
  people: LevelPerson[];
  live: boolean;
  lastTouchAt?: number;
}

export interface LevelGap {
  level: SeniorityLevel;
  /** "No executive relationship at Acme; last executive touch 8 months ago". */
  message: string;
  /** "Engage Dana Ruiz (Chief Executive Officer) next; Morgan Lee, your executive, could help." */
  suggestion: string;
}

export interface AccountCoverage {
  levels: LevelCoverage[];
  /** People whose title says nothing about their level. */
  unplaced: LevelPerson[];
  gaps: LevelGap[];
}

export function levelOf(person: Pick<Person, 'seniority' | 'title' | 'headline'>): SeniorityLevel | undefined {
  return person.seniority ?? seniorityFromTitle(person.title ?? person.headline);
}

/** A reply, or time spent together: the two signs that a relationship is alive. */
export function isLiveTouch(touch: Pick<Touch, 'direction' | 'type'>): boolean {
  return touch.direction === 'inbound' || touch.type === 'meeting' || touch.type === 'lunch';
}

/** Which colleague opens doors at each level: peers talk to peers. */
const HELPER_FOR: Record<SeniorityLevel, OwnerRole> = {
  executive: 'executive',
  vp: 'executive',
  director: 'manager',
  manager: 'rep',
  individual: 'rep',
};

const LEVEL_NOUN: Record<SeniorityLevel, string> = {
  executive: 'executive',
  vp: 'VP / head-of',
  director: 'director',
  manager: 'manager',
  individual: 'individual-contributor',
};

/** "Morgan Lee (executive)", "your manager", "you". */
export function ownerLabel(role: OwnerRole, owners: Settings['owners']): string {
  const name = owners[role].trim();
  if (role === 'rep') return name ? `${name} (you)` : 'you';
  return name ? `${name} (${role})` : `your ${role}`;
}

function colleagueHelp(level: SeniorityLevel, owners: Settings['owners']): string {
  const role = HELPER_FOR[level];
  if (role === 'rep') return '';
  const name = owners[role].trim();
  return name ? ` ${name}, your ${role}, could help.` : ` Your ${role} could help.`;
}

export function accountCoverage(
  accountName: string,
  people: readonly Person[],
  touchesByPerson: ReadonlyMap<string, readonly Touch[]>,
  settings: Pick<Settings, 'liveRelationshipDays' | 'owners'>,
  now: number,
): AccountCoverage {
  const since = now - settings.liveRelationshipDays * 86_400_000;
  const placed = new Map<SeniorityLevel, LevelPerson[]>(SENIORITY_LEVELS.map((l) => [l, []]));
  const unplaced: LevelPerson[] = [];
  for (const person of people) {
    const touches = touchesByPerson.get(person.id) ?? [];
    let lastTouchAt: number | undefined;
    let liveAt: number | undefined;
    for (const t of touches) {
      // A touch dated ahead (a meeting booked, a sender's clock running fast) has not happened yet.
      if (t.at <= now && (lastTouchAt === undefined || t.at > lastTouchAt)) lastTouchAt = t.at;
      if (isLiveTouch(t) && t.at >= since && t.at <= now && (liveAt === undefined || t.at > liveAt)) liveAt = t.at;
    }
    const entry: LevelPerson = { person, ...(lastTouchAt !== undefined ? { lastTouchAt } : {}), ...(liveAt !== undefined ? { liveAt } : {}) };
    const level = levelOf(person);
    (level ? placed.get(level)! : unplaced).push(entry);
  }

  const levels: LevelCoverage[] = SENIORITY_LEVELS.map((level) => {
    const entries = placed.get(level)!.sort((a, b) => (b.lastTouchAt ?? -1) - (a.lastTouchAt ?? -1) || a.person.name.localeCompare(b.person.name));
    const lastTouchAt = entries[0]?.lastTouchAt;
    return { level, label: SENIORITY_LABELS[level], people: entries, live: entries.some((e) => e.liveAt !== undefined), ...(lastTouchAt !== undefined ? { lastTouchAt } : {}) };
  });

  const gaps: LevelGap[] = [];
  const unsaved: SeniorityLevel[] = [];
  for (const coverage of levels) {
    if (coverage.live) continue;
    const { level } = coverage;
    const noun = LEVEL_NOUN[level];
    if (coverage.people.length === 0) {
      // Individual contributors are everywhere; an account without one saved is not a gap worth a line.
      if (level !== 'individual') unsaved.push(level);
      continue;
    }
    const last = coverage.lastTouchAt === undefined ? 'never touched' : `last ${noun} touch ${ago(coverage.lastTouchAt, now)}`;
    const next = coverage.people[0]!.person;
    const owner = next.owner !== 'rep' ? `, whom ${settings.owners[next.owner].trim() || `your ${next.owner}`} owns,` : '';
    const title = next.title ?? next.headline;
    gaps.push({
      level,
      message: `No ${noun} relationship at ${accountName}; ${last}`,
      suggestion: `Engage ${next.name}${title ? ` (${title})` : ''}${owner} next.${colleagueHelp(level, settings.owners)}`,
    });
  }
  // Levels with nobody saved yet: one line, led by the most senior.
  const [senior] = unsaved;
  if (senior) {
    const names = unsaved.map((l) => LEVEL_NOUN[l]);
    const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]!}`;
    gaps.push({
      level: senior,
      message: `Nobody saved at ${list} level at ${accountName} yet`,
      suggestion: `Look under People on the company’s LinkedIn page and save them.${colleagueHelp(senior, settings.owners)}`,
    });
  }
  return { levels, unplaced, gaps };
}
