import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { BackupError, backupToJson, createBackup, parseBackup, parseBackupText } from '../../../lib/io/backup';
import { readBackupFile } from '../../../lib/io/files';
import { restoreMerge, restoreReplace } from '../../../lib/io/restore';
import { Account, FollowUp, Person, Touch } from '../../../lib/model';
import { freshDb, T0 } from '../../support/db';
import { dump, seedFixture } from '../io/support';
import { hostileValue, mutationsOf, RUNS } from './arbitraries';

/**
 * The backup parser and restore, fuzzed (issue 15): near-valid backups (a value replaced, a key
 * removed or added anywhere), arbitrary JSON and arbitrary text. Every refusal is a BackupError
 * whose message the rep can read; whatever is accepted holds only valid records; and a refused
 * restore leaves the database byte for byte as it was.
 */

let db: GroundworkDB;
let good: Record<string, unknown>;
let before: string;
beforeAll(async () => {
  db = freshDb();
  await seedFixture(db, 4);
  good = JSON.parse(backupToJson(await createBackup(db, T0))) as Record<string, unknown>;
  before = JSON.stringify(await dump(db));
});
afterAll(async () => {
  await db.delete();
});

/** What parseBackup did with `value`: the backup, or the refusal (any other exception fails the test). */
function outcome(read: () => unknown): { backup?: ReturnType<typeof parseBackup>; refusal?: string } {
  try {
    return { backup: read() as ReturnType<typeof parseBackup> };
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    const message = (error as Error).message;
    expect(message).toMatch(/Nothing was changed\.$/);
    expect(message.length).toBeLessThan(2000);
    return { refusal: message };
  }
}

describe('backups, fuzzed', () => {
  it(`a near-valid backup is refused with a readable reason, or accepted holding only valid records (${RUNS.many} cases)`, () => {
    fc.assert(
      fc.property(mutationsOf(good), (file) => {
        const { backup } = outcome(() => parseBackup(file));
        if (!backup) return;
        for (const person of backup.data.people) expect(Person.safeParse(person).success).toBe(true);
        for (const account of backup.data.accounts) expect(Account.safeParse(account).success).toBe(true);
        for (const touch of backup.data.touches) expect(Touch.safeParse(touch).success).toBe(true);
        for (const followUp of backup.data.followUps) expect(FollowUp.safeParse(followUp).success).toBe(true);
      }),
      { numRuns: RUNS.many },
    );
  });

  it(`any other JSON value is refused as not a backup (${RUNS.some} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, fc.jsonValue(), fc.record({ format: fc.constant('groundwork-backup'), version: hostileValue, data: hostileValue })), (value) => {
        const { refusal } = outcome(() => parseBackup(value));
        expect(refusal).toBeDefined();
      }),
      { numRuns: RUNS.some },
    );
  });

  it(`any text that is not a backup is refused, never thrown past (${RUNS.some} cases)`, () => {
    const json = backupToJson(good as never);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 500 }),
          fc.integer({ min: 0, max: json.length - 2 }).map((end) => json.slice(0, end)), // cut short anywhere
          fc.tuple(fc.integer({ min: 0, max: json.length - 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 5 })).map(([at, junk]) => json.slice(0, at) + junk + json.slice(at + 1)),
        ),
        (text) => {
          outcome(() => parseBackupText(text));
        },
      ),
      { numRuns: RUNS.some },
    );
  });

  it(`a refused restore, whole or merged, leaves the database byte for byte as it was (${RUNS.few} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(mutationsOf(good), fc.boolean(), async (file, replace) => {
        let text: string;
        try {
          text = JSON.stringify(file);
        } catch {
          return; // not JSON at all: covered above
        }
        if (text === undefined) return;
        let accepted = true;
        try {
          const backup = await readBackupFile(new Blob([text]));
          if (replace) await restoreReplace(db, backup);
          else await restoreMerge(db, backup, T0);
        } catch (error) {
          accepted = false;
          expect(error).toBeInstanceOf(Error);
          expect(JSON.stringify(await dump(db))).toBe(before);
        }
        // An accepted mutation wrote a valid backup: put the database back for the next case.
        if (accepted) {
          await restoreReplace(db, parseBackup(good));
          before = JSON.stringify(await dump(db));
        }
      }),
      { numRuns: RUNS.few },
    );
  });
});
