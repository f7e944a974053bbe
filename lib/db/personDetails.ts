import { afterTouchesChanged, cancelPendingOf } from '../cadence/followUps';
import { Account, Person, type SeniorityLevel, type Stage } from '../model';
import { refreshFits } from '../scoring/rescore';
import type { GroundworkDB } from './db';

/**
 * Everything about a person the rep can set by hand (issue 16), and what each setting changes:
 * the stage steers the cadence (not a fit: no follow-ups; client: the referral rhythm; engaged
 * and opportunity: the ask once enough was given), do-not-contact stops every follow-up, a title
 * or seniority set by hand re-scores their fit.
 */

export interface PersonDetails {
  stage?: Stage;
  doNotContact?: boolean;
  tags?: string[];
  notes?: string;
  phones?: string[];
  /** `''` clears it. */
  title?: string;
  /** `null`: worked out from their title again. */
  seniority?: SeniorityLevel | null;
}

/**
 * Every table a change to a person can write, through the cadence and the fit it sets off: the one
 * transaction scope of person edits, merges and bulk actions.
 */
export const PERSON_CHANGE_TABLES = (db: GroundworkDB) => [db.people, db.touches, db.followUps, db.settings, db.fits, db.accounts, db.profiles];

/** Tags as typed, each once (case aside), trimmed, in the order given. */
function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags
    .map((tag) => tag.trim().replace(/\s+/g, ' '))
    .filter((tag) => tag.length > 0 && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}

export async function updatePersonDetails(db: GroundworkDB, personId: string, changes: PersonDetails, now: number = Date.now()): Promise<Person> {
  return db.transaction('rw', PERSON_CHANGE_TABLES(db), async () => {
    const stored = await db.people.get(personId);
    if (!stored) throw new Error('This person is no longer saved');
    const next: Person = { ...stored, updatedAt: now };
    if (changes.stage !== undefined) next.stage = changes.stage;
    if (changes.doNotContact !== undefined) {
      const others = stored.flags.filter((f) => f !== 'do-not-contact');
      next.flags = changes.doNotContact ? [...others, 'do-not-contact'] : others;
    }
    if (changes.tags !== undefined) next.tags = cleanTags(changes.tags);
    if (changes.notes !== undefined) {
      if (changes.notes.trim()) next.notes = changes.notes;
      else delete next.notes;
    }
    if (changes.phones !== undefined) {
      const phones = [...new Set(changes.phones.map((p) => p.trim()).filter(Boolean))];
      if (phones.length) next.phones = phones;
      else delete next.phones;
    }
    if (changes.title !== undefined) {
      if (changes.title.trim()) next.title = changes.title.trim();
      else delete next.title;
    }
    if (changes.seniority === null) delete next.seniority;
    else if (changes.seniority !== undefined) next.seniority = changes.seniority;
    const valid = Person.parse(next);
    await db.people.put(valid);

    const stopped = valid.stage === 'not-a-fit' || valid.flags.includes('do-not-contact');
    const steering = valid.stage !== stored.stage || valid.flags.includes('do-not-contact') !== stored.flags.includes('do-not-contact');
    if (steering && stopped) {
      // Nothing more is due for them, not even a follow-up the rep set by hand before.
      await cancelPendingOf(db, personId, now);
    }
    // The fit first: the cadence reads whether the profile now excludes them (a title that makes
    // them an intern stops the follow-ups; corrected back, they resume).
    let exclusionChanged = false;
    if (changes.title !== undefined || changes.seniority !== undefined) {
      const was = (await db.fits.get(personId))?.excluded ?? false;
      await refreshFits(db, [personId]);
      exclusionChanged = ((await db.fits.get(personId))?.excluded ?? false) !== was;
    }
    if (steering || exclusionChanged) await afterTouchesChanged(db, personId, now);
    return valid;
  });
}

/** The tags in use on anyone, for suggestions as the rep types (the `tags` index: no scan). */
export async function tagsInUse(db: GroundworkDB): Promise<string[]> {
  const keys = await db.people.orderBy('tags').uniqueKeys();
  return (keys as string[]).sort((a, b) => a.localeCompare(b));
}

/** The rep's notes on an account. */
export async function updateAccountNotes(db: GroundworkDB, accountId: string, notes: string, now: number = Date.now()): Promise<Account> {
  return db.transaction('rw', db.accounts, async () => {
    const stored = await db.accounts.get(accountId);
    if (!stored) throw new Error('This account is no longer saved');
    const next: Account = { ...stored, updatedAt: now };
    if (notes.trim()) next.notes = notes;
    else delete next.notes;
    const valid = Account.parse(next);
    await db.accounts.put(valid);
    return valid;
  });
}

/**
 * Moves a person to another account (or to none): their company name follows, their touches are
 * counted at the new account, and their fit is worked out again (the company's industry, size and
 * place are part of it). Done from the workspace (issue 18).
 */
export async function setPersonAccount(db: GroundworkDB, personId: string, accountId: string | undefined, now: number = Date.now()): Promise<Person> {
  return db.transaction('rw', PERSON_CHANGE_TABLES(db), async () => {
    const stored = await db.people.get(personId);
    if (!stored) throw new Error('This person is no longer saved');
    if (stored.accountId === accountId) return stored;
    const next: Person = { ...stored, updatedAt: now };
    if (accountId === undefined) delete next.accountId;
    else {
      const account = await db.accounts.get(accountId);
      if (!account) throw new Error('That account is no longer saved');
      next.accountId = account.id;
      next.companyName = account.name;
    }
    const valid = Person.parse(next);
    await db.people.put(valid);
    await db.touches
      .where('[personId+at]')
      .between([personId, -Infinity], [personId, Infinity])
      .modify((touch) => {
        if (accountId === undefined) delete touch.accountId;
        else touch.accountId = accountId;
      });
    const was = (await db.fits.get(personId))?.excluded ?? false;
    await refreshFits(db, [personId]);
    if (((await db.fits.get(personId))?.excluded ?? false) !== was) await afterTouchesChanged(db, personId, now);
    return valid;
  });
}

/** Saved accounts whose name starts with what the rep typed (any case), for picking one. */
export async function accountsNamed(db: GroundworkDB, text: string, limit = 8): Promise<Account[]> {
  const typed = text.trim();
  if (!typed) return [];
  return db.accounts.where('name').startsWithIgnoreCase(typed).limit(limit).toArray();
}
