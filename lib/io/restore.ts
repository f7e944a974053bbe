import { afterHistoriesChanged, pendingOfPeople } from '../cadence/followUps';
import type { GroundworkDB } from '../db/db';
import { Account, FollowUp, IdealCustomerProfile, type Person, Touch } from '../model';
import { BACKUP_TABLES, type Backup, type BackupTable } from './backup';
import { resolvePeople, type IncomingIdentity } from './identity';

/**
 * Restoring a checked backup (lib/io/backup.ts), and deleting everything. Each runs in one
 * transaction over every table: it happens whole or not at all, so a failure midway (a full disk,
 * a closed page) leaves the database exactly as it was.
 */

export interface TableSummary {
  /** Rows the database did not have. */
  added: number;
  /** Rows matched to one the database had, which changed it (newer edits, new details). */
  merged: number;
  /** Rows the database already had as they are (or newer). */
  skipped: number;
}

export type RestoreSummary = Record<BackupTable, TableSummary> & {
  /** Merge keeps this browser's settings when it has any; Replace takes the backup's. */
  settings: 'restored' | 'kept' | 'defaults';
};

const emptySummary = (): TableSummary => ({ added: 0, merged: 0, skipped: 0 });

/**
 * The stores a restore or a delete writes: everything the extension keeps (the touches' figures
 * go with the touches, lib/db/touchFigures.ts). Deleting all data also takes the address mark
 * back to none: with no person left, no import's known addresses can lack one.
 */
const allTables = (db: GroundworkDB) => [db.people, db.accounts, db.touches, db.followUps, db.profiles, db.fits, db.settings, db.writeMarks];

/**
 * Marks the stored fits as not current, so the background re-scores everyone the next time it
 * looks (a `scores/recompute` message, or its next start). Inside the caller's transaction.
 */
export async function invalidateFits(db: GroundworkDB): Promise<void> {
  await db.settings.delete('scoring');
}

/** Replaces everything with the backup's contents. Only after the rep confirmed it. */
export async function restoreReplace(db: GroundworkDB, backup: Backup): Promise<RestoreSummary> {
  const { data } = backup;
  await db.transaction('rw', allTables(db), async () => {
    await Promise.all([db.people.clear(), db.accounts.clear(), db.touches.clear(), db.followUps.clear(), db.profiles.clear(), db.fits.clear()]);
    // This browser's bookkeeping (digest, daily pass) stays; the rep's settings are the backup's.
    await db.settings.bulkDelete(['settings', 'scoring']);
    await db.people.bulkAdd(data.people);
    await db.accounts.bulkAdd(data.accounts);
    await db.touches.bulkAdd(data.touches);
    await db.followUps.bulkAdd(data.followUps);
    await db.profiles.bulkAdd(data.profiles);
    if (data.settings) await db.settings.put({ key: 'settings', value: data.settings });
  });
  const summary = Object.fromEntries(
    BACKUP_TABLES.map((t) => [t, { added: data[t].length, merged: 0, skipped: 0 }]),
  ) as Record<BackupTable, TableSummary>;
  return { ...summary, settings: data.settings ? 'restored' : 'defaults' };
}

/** Deletes every record, leaving an empty database Groundwork starts afresh with. */
export async function deleteAllData(db: GroundworkDB): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    await Promise.all(allTables(db).map((table) => table.clear()));
  });
}

// ——— Merge ———

/**
 * Each person's next step after a merge brought follow-ups: a step the rep set by hand (here or in
 * the other browser, rescheduling included) is the next step and every cadence step is
 * cancelled, as the cadence steps aside for it; otherwise the cadence step updated last stays.
 */
async function keepOneNextStep(db: GroundworkDB, personIds: readonly string[], now: number, batch = 500): Promise<void> {
  for (let from = 0; from < personIds.length; from += batch) {
    // Stryker disable next-line MethodExpression: batches only bound each read; a pass over everyone cancels the same steps, and later passes find them cancelled
    const pending = await pendingOfPeople(db, personIds.slice(from, from + batch));
    const byHand = new Set(pending.filter((f) => f.origin === 'manual').map((f) => f.personId));
    const cadence = pending.filter((f) => f.origin === 'cadence').sort((a, b) => a.personId.localeCompare(b.personId) || b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
    const cancelled = cadence.filter((f, i) => byHand.has(f.personId) || (i > 0 && cadence[i - 1]!.personId === f.personId));
    await db.followUps.bulkPut(cancelled.map((f) => ({ ...f, status: 'cancelled' as const, updatedAt: now })));
  }
}

type Dated = { createdAt: number; updatedAt: number };

/** Object entries in one fixed order of their keys (one object's keys are never equal). */
// Stryker disable next-line EqualityOperator: any fixed order of distinct keys gives both sides the same fingerprint order, so the same verdict
const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : 1);

/** Stable JSON of a record, keys sorted, for "did anything change?". */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(byKey)) : v));
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/**
 * Newer edits win: the record edited last gives every field it has; the other fills the fields it
 * lacks, so nothing known is dropped. The stored record's id stays; createdAt is the earliest.
 */
function newerWins<T extends Dated & { id: string }>(stored: T, incoming: T): T {
  const [newer, older] = incoming.updatedAt > stored.updatedAt ? [incoming, stored] : [stored, incoming];
  const result = { ...older } as Record<string, unknown>;
  for (const [key, value] of Object.entries(newer)) if (value !== undefined) result[key] = value;
  result.id = stored.id;
  result.createdAt = Math.min(stored.createdAt, incoming.createdAt);
  result.updatedAt = Math.max(stored.updatedAt, incoming.updatedAt);
  return result as T;
}

function changed<T>(before: T, after: T): boolean {
  return fingerprint(before) !== fingerprint(after);
}

/**
 * Records matched by id (`stored[i]` is the database's match for `incoming[i]`): new ones are
 * added, matched ones merged with newer edits winning, and written only when that changes
 * something. Counted in `summary`; returns the rows to write.
 */
function mergeById<T extends Dated & { id: string }>(stored: readonly (T | undefined)[], incoming: readonly T[], schema: { parse(value: unknown): T }, summary: TableSummary): T[] {
  const writes: T[] = [];
  incoming.forEach((row, i) => {
    const match = stored[i];
    if (!match) {
      writes.push(row);
      summary.added += 1;
      return;
    }
    const result = newerWins(match, row);
    if (changed(match, result)) {
      writes.push(schema.parse(result));
      summary.merged += 1;
    } else summary.skipped += 1;
  });
  return writes;
}

interface BackupPersonRow extends IncomingIdentity {
  person: Person;
}

/**
 * Adds the backup to what is stored. Identity: people by record id, canonical LinkedIn URL or any
 * email address (as everywhere in Groundwork); accounts by id, LinkedIn company URL or web domain;
 * touches by id or source key; follow-ups and profiles by id. Where both sides have a record, the
 * one edited last wins field by field; identities (emails, domains), tags and flags are unioned.
 */
export async function restoreMerge(db: GroundworkDB, backup: Backup, now: number = Date.now()): Promise<RestoreSummary> {
  const { data } = backup;
  const summary = Object.fromEntries(BACKUP_TABLES.map((t) => [t, emptySummary()])) as Record<BackupTable, TableSummary>;
  let settings: RestoreSummary['settings'] = 'kept';

  await db.transaction('rw', allTables(db), async () => {
    // Profiles: by id; newer wins.
    const storedProfiles = new Map((await db.profiles.toArray()).map((p) => [p.id, p]));
    await db.profiles.bulkPut(mergeById(data.profiles.map((p) => storedProfiles.get(p.id)), data.profiles, IdealCustomerProfile, summary.profiles));

    // Settings have no edit time: this browser's win; a browser that never saved any takes the backup's.
    if (data.settings && !(await db.settings.get('settings'))) {
      await db.settings.put({ key: 'settings', value: data.settings });
      settings = 'restored';
    }

    // Accounts: a few thousand at most, so matched in memory.
    const accounts = await db.accounts.toArray();
    const accountById = new Map(accounts.map((a) => [a.id, a]));
    const accountByUrl = new Map(accounts.flatMap((a) => (a.linkedinUrl ? [[a.linkedinUrl, a.id] as const] : [])));
    const accountByDomain = new Map(accounts.flatMap((a) => a.domains.map((d) => [d, a.id] as const)));
    const accountMap = new Map<string, string>();
    const accountWrites = new Map<string, Account>();
    for (const incoming of data.accounts) {
      // Identities arrive canonical: parseBackup saw to it.
      const url = incoming.linkedinUrl;
      const matchId =
        (accountById.has(incoming.id) ? incoming.id : undefined) ??
        (url ? accountByUrl.get(url) : undefined) ??
        incoming.domains.map((d) => accountByDomain.get(d)).find((id) => id !== undefined);
      const stored = matchId ? accountById.get(matchId) : undefined;
      let result: Account;
      if (!stored) {
        result = incoming;
        summary.accounts.added += 1;
      } else {
        result = newerWins(stored, incoming);
        result.domains = union(stored.domains, incoming.domains);
        // A company page URL already held by another account stays with it.
        result.linkedinUrl = stored.linkedinUrl ?? (url && !accountByUrl.has(url) ? url : undefined);
        if (result.linkedinUrl === undefined) delete result.linkedinUrl;
        if (changed(stored, result)) summary.accounts.merged += 1;
        else {
          summary.accounts.skipped += 1;
          accountMap.set(incoming.id, stored.id);
          continue;
        }
      }
      accountById.set(result.id, result);
      // Stryker disable next-line ConditionalExpression: parseBackup refuses two accounts with one company page, so no later backup account looks this one up
      if (result.linkedinUrl) accountByUrl.set(result.linkedinUrl, result.id);
      for (const d of result.domains) if (!accountByDomain.has(d)) accountByDomain.set(d, result.id);
      accountMap.set(incoming.id, result.id);
      accountWrites.set(result.id, Account.parse(result));
    }
    await db.accounts.bulkPut([...accountWrites.values()]);
    const mapAccount = (id: string | undefined) => (id === undefined ? undefined : (accountMap.get(id) ?? id));

    // People: Groundwork's identity rules, newer edits winning.
    const rows: BackupPersonRow[] = data.people.map((p) => {
      const person: Person = { ...p };
      const accountId = mapAccount(p.accountId);
      if (accountId !== undefined) person.accountId = accountId;
      return { id: p.id, linkedinUrl: p.linkedinUrl, emails: p.emails, person };
    });
    const resolved = await resolvePeople(
      db,
      rows,
      {
        create: (row, emails) => ({ ...row.person, emails: [...emails] }),
        combine: (stored, row, emails) => {
          // Stryker disable next-line ArrayDeclaration: result.emails is set to the union just below
          const result = newerWins(stored, { ...row.person, emails: [...emails] });
          result.emails = union(stored.emails, emails);
          result.tags = union(stored.tags, row.person.tags);
          result.flags = union(stored.flags, row.person.flags);
          // The stored LinkedIn identity stays: the row's own URL, if another, was matched (and merged) above.
          result.linkedinUrl = stored.linkedinUrl ?? row.linkedinUrl;
          if (result.linkedinUrl === undefined) delete result.linkedinUrl;
          return changed(stored, result) ? result : undefined;
        },
      },
      now,
    );
    const personMap = new Map<string, string>();
    // People this browser already had: their history may change below, and their cadence with it.
    const existing = new Set<string>();
    rows.forEach((row, i) => {
      personMap.set(row.person.id, resolved.personIds[i]!);
      const outcome = resolved.outcomes[i];
      if (outcome !== 'created') existing.add(resolved.personIds[i]!);
      if (outcome === 'created') summary.people.added += 1;
      else if (outcome === 'merged') summary.people.merged += 1;
      else summary.people.skipped += 1;
    });
    const mapPerson = (id: string) => personMap.get(id) ?? id;

    // Referrers named by backup ids that now have another id (matched to a stored person).
    // Stryker disable next-line MethodExpression: only narrows who is re-read; the rule below re-checks each person
    const referred = rows.filter((r) => r.person.referredById !== undefined && mapPerson(r.person.referredById) !== r.person.referredById);
    if (referred.length) {
      const targets = (await db.people.bulkGet(referred.map((r) => mapPerson(r.person.id)))).filter((p): p is Person => p !== undefined);
      const fixes = targets.flatMap((p) => {
        const to = p.referredById === undefined ? undefined : mapPerson(p.referredById);
        return to !== undefined && to !== p.referredById && to !== p.id ? [{ ...p, referredById: to }] : [];
      });
      if (fixes.length) await db.people.bulkPut(fixes);
    }

    // Touches: by id, then source key (the same email logged in two browsers). A touch is history:
    // the stored one stays, learning only that it was answered.
    const [touchesById, touchesByKey] = await Promise.all([
      db.touches.bulkGet(data.touches.map((t) => t.id)),
      db.touches
        .where('sourceKey')
        .anyOf(data.touches.flatMap((t) => (t.sourceKey ? [t.sourceKey] : [])))
        .toArray(),
    ]);
    const byKey = new Map(touchesByKey.map((t) => [t.sourceKey!, t]));
    const touchWrites: Touch[] = [];
    data.touches.forEach((incoming, i) => {
      const stored = touchesById[i] ?? (incoming.sourceKey ? byKey.get(incoming.sourceKey) : undefined);
      if (!stored) {
        const accountId = mapAccount(incoming.accountId);
        touchWrites.push(Touch.parse({ ...incoming, personId: mapPerson(incoming.personId), ...(accountId ? { accountId } : {}) }));
        summary.touches.added += 1;
      } else if (incoming.answered && !stored.answered) {
        touchWrites.push({ ...stored, answered: true });
        summary.touches.merged += 1;
      } else summary.touches.skipped += 1;
    });
    await db.touches.bulkPut(touchWrites);

    // Follow-ups: by id; the one updated last wins (done, snoozed, rescheduled).
    const storedFollowUps = await db.followUps.bulkGet(data.followUps.map((f) => f.id));
    const incomingFollowUps = data.followUps.map((f) => ({ ...f, personId: mapPerson(f.personId) }));
    const followUpWrites = mergeById(storedFollowUps, incomingFollowUps, FollowUp, summary.followUps);
    await db.followUps.bulkPut(followUpWrites);

    // A person both sides knew whose history the backup changed gets the cadence and the crisis
    // rule applied to the merged history, as if each touch had been logged here: the reply logged
    // in the other browser answers the attempts here and asks for a reply. People new to this
    // browser keep the backup's follow-ups, computed from the same history. Two saved records the
    // backup showed to be one human are one history now, too.
    const historyChanged = new Set([...touchWrites.map((t) => t.personId), ...resolved.joined].filter((id) => existing.has(id)));
    await afterHistoriesChanged(db, [...historyChanged], now);
    // Where only follow-ups came, each side may have its own next step for the same history.
    const gainedFollowUps = new Set(followUpWrites.map((f) => f.personId).filter((id) => existing.has(id) && !historyChanged.has(id)));
    await keepOneNextStep(db, [...gainedFollowUps], now);

    const changedAnything = settings === 'restored' || BACKUP_TABLES.some((t) => summary[t].added + summary[t].merged > 0);
    if (changedAnything) await invalidateFits(db);
  });
  return { ...summary, settings };
}
