import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPopupSnapshotKeeper, MAX_SETTLE_MS, SETTLE_MS } from '../../../lib/background/popupSnapshot';
import { completeFollowUp } from '../../../lib/cadence/followUps';
import { addFollowUp, db, upsertSeenPerson } from '../../../lib/db';
import { CHANGE_MARK_KEY, SNAPSHOT_KEY, usableSnapshot, type PopupSnapshot } from '../../../lib/popup/snapshot';
import { popupSnapshot } from '../../../lib/popup/today';

/**
 * The popup's snapshot is never shown stale: every write marks a change, a snapshot is usable only
 * under the mark it was made with and on its day, and the worker remakes it after each change.
 */

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const session = fakeBrowser.storage.session;
const stored = () => session.get([SNAPSHOT_KEY, CHANGE_MARK_KEY]);
/** Lets pending storage writes (not awaited by writers) land. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

async function dueToday(name: string, reason: string) {
  const { person } = await upsertSeenPerson(db, { name, linkedinUrl: `https://www.linkedin.com/in/${name.toLowerCase().replace(/ /g, '-')}/`, source: 'linkedin' });
  return addFollowUp(db, { personId: person.id, dueAt: Date.now() - 60_000, reason, suggestedType: 'call', origin: 'manual' });
}

const keeper = () => createPopupSnapshotKeeper({ db, session, now: Date.now });

describe('the change mark', () => {
  it('changes with every write to the database, whoever makes it', async () => {
    await settled();
    const before = (await session.get(CHANGE_MARK_KEY))[CHANGE_MARK_KEY];
    await dueToday('Ana Lima', 'Call Ana back');
    await settled();
    const after = (await session.get(CHANGE_MARK_KEY))[CHANGE_MARK_KEY];
    expect(after).toEqual(expect.any(String));
    expect(after).not.toBe(before);
  });

  it('is left both when a write starts and once it has committed', async () => {
    const set = vi.spyOn(session, 'set');
    await db.settings.put({ key: 'daily', value: 'x' });
    const marks = set.mock.calls.filter(([items]) => CHANGE_MARK_KEY in items);
    expect(marks).toHaveLength(2);
    expect(marks[0]![0][CHANGE_MARK_KEY]).not.toBe(marks[1]![0][CHANGE_MARK_KEY]);
  });

  it('is not changed by reading', async () => {
    await dueToday('Ana Lima', 'Call Ana back');
    await settled();
    const set = vi.spyOn(session, 'set');
    await db.transaction('r', db.followUps, db.people, () => Promise.all([db.followUps.toArray(), db.people.toArray()]));
    await popupSnapshot(db, Date.now(), undefined);
    expect(set).not.toHaveBeenCalled();
  });
});

describe('a usable snapshot', () => {
  async function made(): Promise<PopupSnapshot> {
    await dueToday('Ana Lima', 'Call Ana back');
    await settled();
    await keeper().refresh();
    return (await session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as PopupSnapshot;
  }

  it('is the one made under the latest mark, on its day', async () => {
    const snapshot = await made();
    expect(usableSnapshot(await stored(), Date.now())?.view.rows.map((r) => r.reason)).toEqual(['Call Ana back']);
    expect(snapshot.basis).toBe((await session.get(CHANGE_MARK_KEY))[CHANGE_MARK_KEY]);
  });

  it('is none once a write has marked a change since', async () => {
    await made();
    await db.settings.put({ key: 'daily', value: 'x' });
    await settled();
    expect(usableSnapshot(await stored(), Date.now())).toBeUndefined();
  });

  it('is none from the end of the day it was made for', async () => {
    const snapshot = await made();
    expect(usableSnapshot(await stored(), snapshot.validUntil - 1)).toBeDefined();
    expect(usableSnapshot(await stored(), snapshot.validUntil)).toBeUndefined();
  });

  it('is none when the clock went back before it was made', async () => {
    const snapshot = await made();
    expect(usableSnapshot(await stored(), snapshot.madeAt - 2 * 60_000)).toBeUndefined();
  });

  it.each([
    ['another version', (s: PopupSnapshot) => ({ ...s, version: 2 })],
    ['no view', (s: PopupSnapshot) => ({ ...s, view: undefined })],
    ['a row without a name', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, rows: [{ ...s.view.rows[0], name: 3 }] } })],
    ['a row that cannot be shown', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, rows: [{ ...s.view.rows[0], problem: 'Unknown touch type' }] } })],
    ['a flagged person without a story', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, flagged: [{ id: 'p', name: 'X', raisedAt: 1 }] } })],
    ['a goal that is no number', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, goal: { touched: '1', goal: 4 } } })],
    ['not an object', () => 'snapshot'],
  ])('is none when it has %s', async (_, corrupt) => {
    const snapshot = await made();
    expect(usableSnapshot({ ...(await stored()), [SNAPSHOT_KEY]: corrupt(snapshot) }, Date.now())).toBeUndefined();
  });
});

describe('the worker keeping the snapshot', () => {
  it('the seeds’ day: Done elsewhere → the old snapshot is refused at once → the remade one has no row for it', async () => {
    const ana = await dueToday('Ana Lima', 'Call Ana back');
    await dueToday('Bo Chen', 'Answer Bo');
    await settled();
    const keep = keeper();
    await keep.refresh();
    expect(usableSnapshot(await stored(), Date.now())?.view.rows.map((r) => r.reason).sort()).toEqual(['Answer Bo', 'Call Ana back']);

    await completeFollowUp(db, ana.id, {});
    await settled();
    expect(usableSnapshot(await stored(), Date.now())).toBeUndefined();
    await keep.refresh();
    expect(usableSnapshot(await stored(), Date.now())?.view.rows.map((r) => r.reason)).toEqual(['Answer Bo']);
  });

  it('does not keep a snapshot read while a write was marking a change: it reads again', async () => {
    await dueToday('Ana Lima', 'Call Ana back');
    await settled();
    const get = session.get.bind(session);
    let reads = 0;
    // A write lands between the keeper's first look at the mark and its second.
    const racing = {
      get: async (keys: string | string[]) => {
        reads += 1;
        if (reads === 2) await session.set({ [CHANGE_MARK_KEY]: 'a write meanwhile' });
        return get(keys);
      },
      set: (items: Record<string, unknown>) => session.set(items),
    };
    await createPopupSnapshotKeeper({ db, session: racing, now: Date.now }).refresh();
    expect(reads).toBe(4);
    expect(((await session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as PopupSnapshot).basis).toBe('a write meanwhile');
    expect(usableSnapshot(await stored(), Date.now())).toBeDefined();
  });

  it('remakes it once after a burst of changes has settled, and at most a second after the first', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const keep = createPopupSnapshotKeeper({ db, session, now: Date.now });
    // Each remaking starts by reading the change mark.
    const get = vi.spyOn(session, 'get');
    for (let i = 0; i < 5; i++) {
      keep.changed();
      vi.advanceTimersByTime(SETTLE_MS / 2);
    }
    expect(get).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(get).toHaveBeenCalled();

    get.mockClear();
    // A change every 50 ms for two seconds: remade within MAX_SETTLE_MS of the first, not after the last.
    let elapsed = 0;
    while (get.mock.calls.length === 0 && elapsed < 2_000) {
      keep.changed();
      await vi.advanceTimersByTimeAsync(50);
      elapsed += 50;
    }
    expect(elapsed).toBeLessThanOrEqual(MAX_SETTLE_MS + 50);
  });
});
