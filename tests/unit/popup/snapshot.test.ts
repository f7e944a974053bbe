import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BURST_GAP_MS, createPopupSnapshotKeeper, SETTLE_MS } from '../../../lib/background/popupSnapshot';
import { completeFollowUp } from '../../../lib/cadence/followUps';
import { addFollowUp, db, upsertSeenPerson } from '../../../lib/db';
import { declareSchema, GroundworkDB } from '../../../lib/db/db';
import { SCHEMA_VERSIONS } from '../../../lib/db/schema';
import { markWorkerStart } from '../../../lib/db/changeMark';
import { CHANGE_MARK_KEY, copyOf, COPY_KEY, PAGE_MARK_KEY, popupAddress, SNAPSHOT_KEY, usableCopy, usableSnapshot, workerMarkOf, type PopupSnapshot } from '../../../lib/popup/snapshot';
import { popupSnapshot } from '../../../lib/popup/today';

/**
 * The popup's snapshot is never shown stale: every write marks a change, a snapshot is usable only
 * under the mark it was made with and on its day, and the worker remakes it after each change.
 */

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  localStorage.clear();
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

  it('is left when a write starts, and again once it has committed', async () => {
    const events: string[] = [];
    vi.spyOn(session, 'set').mockImplementation(async (items) => void (CHANGE_MARK_KEY in items && events.push('mark')));
    await db.transaction('rw', db.settings, async () => {
      Dexie.currentTransaction.idbtrans.addEventListener('complete', () => events.push('committed'));
      await db.settings.put({ key: 'daily', value: 'x' });
      events.push('written');
    });
    expect(events).toEqual(['mark', 'written', 'committed', 'mark']);
  });

  it('is not changed by a read-write transaction that writes nothing', async () => {
    await settled();
    const set = vi.spyOn(session, 'set');
    await db.transaction('rw', db.followUps, () => db.followUps.toArray());
    expect(set).not.toHaveBeenCalled();
  });

  it('is left when an upgrade rewrote the database, once it is open', async () => {
    const name = 'groundwork-upgrade-mark';
    const older = new Dexie(name);
    // Just before the last version whose upgrade rewrites rows (a version that only adds a table rewrites none).
    declareSchema(older, SCHEMA_VERSIONS.slice(0, SCHEMA_VERSIONS.findLastIndex((v) => v.upgrade !== undefined)));
    await older.open();
    older.close();
    const set = vi.spyOn(session, 'set');
    const upgraded = new GroundworkDB(name);
    await upgraded.open();
    expect(set.mock.calls.filter(([items]) => CHANGE_MARK_KEY in items).length).toBeGreaterThanOrEqual(1);
    set.mockClear();
    upgraded.close();
    await upgraded.open(); // no upgrade this time
    expect(set).not.toHaveBeenCalled();
    await upgraded.delete();
  });

  it('takes the snapshot away when the mark cannot be stored', async () => {
    await session.set({ [SNAPSHOT_KEY]: { version: 1 } });
    vi.spyOn(session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.settings.put({ key: 'daily', value: 'x' });
    await settled();
    expect((await session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]).toBeUndefined();
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

  it('is none before the start of the day it was made for (a clock put back)', async () => {
    const snapshot = await made();
    expect(usableSnapshot(await stored(), snapshot.validFrom)).toBeDefined();
    expect(usableSnapshot(await stored(), snapshot.validFrom - 1)).toBeUndefined();
  });

  it('is none once the browser is in another time zone, when the rep’s day follows the browser', async () => {
    const snapshot = await made();
    expect(snapshot.zone).toBe(`browser:${Intl.DateTimeFormat().resolvedOptions().timeZone}`);
    const travelled = { ...(await stored()), [SNAPSHOT_KEY]: { ...snapshot, zone: 'browser:Pacific/Chatham' } };
    expect(usableSnapshot(travelled, Date.now())).toBeUndefined();
    // A day counted in the rep's own zone setting does not move with the browser.
    const fixed = { ...(await stored()), [SNAPSHOT_KEY]: { ...snapshot, zone: 'Pacific/Chatham' } };
    expect(usableSnapshot(fixed, Date.now())).toBeDefined();
  });

  it.each([
    ['another version', (s: PopupSnapshot) => ({ ...s, version: 2 })],
    ['no view', (s: PopupSnapshot) => ({ ...s, view: undefined })],
    ['a row without a name', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, rows: [{ ...s.view.rows[0], name: 3 }] } })],
    ['a row that cannot be shown', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, rows: [{ ...s.view.rows[0], problem: 'Unknown touch type' }] } })],
    ['a flagged person without a story', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, flagged: [{ id: 'p', name: 'X', raisedAt: 1 }] } })],
    ['a goal that is no number', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, goal: { touched: '1', goal: 4 } } })],
    ['a band that is none of A to D', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, rows: [{ ...s.view.rows[0], band: 'A x' }] } })],
    ['a count that is not a whole number', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, total: 0.5 } })],
    ['fewer rows than are due', (s: PopupSnapshot) => ({ ...s, view: { ...s.view, total: 2 } })],
    ['no day', (s: PopupSnapshot) => ({ ...s, validFrom: undefined })],
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

  it('does not keep a snapshot read while a write marked a change; the new mark’s remaking does', async () => {
    await dueToday('Ana Lima', 'Call Ana back');
    await settled();
    const get = session.get.bind(session);
    let reads = 0;
    // A write lands between the keeper's look at the mark and its second look.
    const racing = {
      get: async (keys: string | string[] | null) => {
        reads += 1;
        if (reads === 2) await session.set({ [CHANGE_MARK_KEY]: 'a write meanwhile' });
        return get(keys);
      },
      set: (items: Record<string, unknown>) => session.set(items),
      remove: (keys: string | string[]) => session.remove(keys),
    };
    const keep = createPopupSnapshotKeeper({ db, session: racing, now: Date.now });
    await keep.refresh();
    expect((await session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]).toBeUndefined();
    await keep.refresh();
    expect(((await session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as PopupSnapshot).basis).toBe('a write meanwhile');
    expect(usableSnapshot(await stored(), Date.now())).toBeDefined();
  });

  it('leaves a current snapshot alone (a worker woken for something else, an alarm)', async () => {
    await dueToday('Ana Lima', 'Call Ana back');
    await settled();
    const keep = keeper();
    await keep.refresh();
    const set = vi.spyOn(session, 'set');
    await keep.refresh();
    expect(set).not.toHaveBeenCalled();
  });

  it('stores no snapshot when a row cannot be shown: React shows its error card', async () => {
    const followUp = await dueToday('Ana Lima', 'Call Ana back');
    await db.followUps.update(followUp.id, { suggestedType: 'carrier-pigeon' as never });
    await settled();
    await keeper().refresh();
    expect((await session.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]).toBeUndefined();
  });

  /** A keeper whose timers and clock are fake. */
  const keeperOnFakeClock = () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    return keeper();
  };
  /** Storage is read (a remaking starts) `SETTLE_MS` after the last change, not before. */
  const expectReadOnlyOnceSettled = async (get: MockInstance) => {
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 10);
    expect(get).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10);
    expect(get).toHaveBeenCalled();
  };

  it('remakes it once a burst of changes has settled, not during it', async () => {
    const keep = keeperOnFakeClock();
    // Each remaking starts by reading the change mark.
    const get = vi.spyOn(session, 'get');
    const set = vi.spyOn(session, 'set');
    for (let i = 0; i < 40; i++) {
      keep.changed();
      await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    }
    expect(get).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(BURST_GAP_MS);
    await vi.waitFor(() => expect(set.mock.calls.filter(([items]) => SNAPSHOT_KEY in items)).toHaveLength(1));
  });

  it('remakes it half a second after a lone write (its two marks), not a burst’s wait later', async () => {
    const keep = keeperOnFakeClock();
    const get = vi.spyOn(session, 'get');
    keep.changed();
    await vi.advanceTimersByTimeAsync(5);
    keep.changed();
    await expectReadOnlyOnceSettled(get);
  });

  it('after a burst has been waited out, a lone write is remade half a second after again', async () => {
    const keep = keeperOnFakeClock();
    for (let i = 0; i < 5; i++) {
      keep.changed();
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(BURST_GAP_MS);
    // The burst's remaking, done.
    await keep.refresh();
    const get = vi.spyOn(session, 'get');
    keep.changed();
    await expectReadOnlyOnceSettled(get);
  });

  it('does not read between an import’s chunks a second apart, only once after the last', async () => {
    const keep = keeperOnFakeClock();
    // Each remaking starts by reading the snapshot and the mark together.
    const get = vi.spyOn(session, 'get');
    const remakings = () => get.mock.calls.filter(([keys]) => Array.isArray(keys)).length;
    // 25 chunks of 2,000 rows, each leaving two marks, a chunk a second.
    for (let chunk = 0; chunk < 25; chunk++) {
      keep.changed();
      await vi.advanceTimersByTimeAsync(20);
      keep.changed();
      await vi.advanceTimersByTimeAsync(980);
    }
    // At most the one the first chunk set going, before the keeper could tell a burst.
    const during = remakings();
    expect(during).toBeLessThanOrEqual(1);
    await vi.advanceTimersByTimeAsync(BURST_GAP_MS);
    await vi.waitFor(() => expect(remakings()).toBe(during + 1));
    expect(usableSnapshot(await stored(), Date.now())).toBeDefined();
  });

});

describe('the marks the popup reads without waiting', () => {
  const sessionMark = async () => (await session.get(CHANGE_MARK_KEY))[CHANGE_MARK_KEY];

  it('in a page, a write leaves its mark in localStorage in the task of its first request, the same mark storage gets', async () => {
    await settled();
    const before = localStorage.getItem(PAGE_MARK_KEY);
    let seenDuringWrite: string | null = null;
    await db.transaction('rw', db.settings, async () => {
      const written = db.settings.put({ key: 'daily', value: 'x' });
      seenDuringWrite = localStorage.getItem(PAGE_MARK_KEY);
      await written;
    });
    expect(seenDuringWrite).not.toBe(before);
    await settled();
    // The second mark, once committed: storage and localStorage end on the same one.
    expect(localStorage.getItem(PAGE_MARK_KEY)).toBe(await sessionMark());
  });

  it('in a page, a write takes the popup’s copy away at once: what it names does not outlive the change', async () => {
    localStorage.setItem(COPY_KEY, 'a copy naming Ana Lima');
    const written = db.settings.put({ key: 'daily', value: 'x' });
    expect(localStorage.getItem(COPY_KEY)).toBeNull();
    await written;
  });

  it('in a page whose localStorage refuses the mark, the popup’s copy is dropped', async () => {
    localStorage.setItem(COPY_KEY, 'a copy');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await db.settings.put({ key: 'daily', value: 'x' });
    expect(localStorage.getItem(COPY_KEY)).toBeNull();
  });

  it('in the worker (no localStorage), a write puts its first mark in the address the toolbar button opens, once', async () => {
    vi.stubGlobal('localStorage', undefined);
    const setPopup = vi.fn(async (_: { popup: string | null }) => undefined);
    vi.spyOn(fakeBrowser.action, 'setPopup').mockImplementation(setPopup);
    const marks: unknown[] = [];
    const set = session.set.bind(session);
    vi.spyOn(session, 'set').mockImplementation(async (items) => {
      if (CHANGE_MARK_KEY in items) marks.push(items[CHANGE_MARK_KEY]);
      return set(items);
    });
    await db.settings.put({ key: 'daily', value: 'x' });
    await settled();
    // The mark when the write started, and the one after commit; the address gets the first.
    expect(marks).toHaveLength(2);
    expect(setPopup.mock.calls).toEqual([[{ popup: popupAddress(marks[0] as string) }]]);
    expect(workerMarkOf(`#${popupAddress(marks[0] as string).split('#')[1]}`)).toBe(marks[0]);
  });

  it('in the worker, an address refused once is set again', async () => {
    vi.stubGlobal('localStorage', undefined);
    const setPopup = vi.fn(async (_: { popup: string | null }) => undefined).mockRejectedValueOnce(new Error('busy'));
    vi.spyOn(fakeBrowser.action, 'setPopup').mockImplementation(setPopup);
    await db.settings.put({ key: 'daily', value: 'x' });
    await settled();
    expect(setPopup).toHaveBeenCalledTimes(2);
    expect(setPopup.mock.calls[1]).toEqual(setPopup.mock.calls[0]);
  });

  it('a worker that starts puts one of its marks in the toolbar’s address unless one of this browser session is there', async () => {
    const none = { getPopup: vi.fn(async () => ''), setPopup: vi.fn(async () => undefined) };
    await markWorkerStart(none); // no popup at all: not this code's to add
    expect(none.setPopup).not.toHaveBeenCalled();
    let address = 'chrome-extension://abc/popup.html';
    const action = { getPopup: vi.fn(async () => address), setPopup: vi.fn(async ({ popup }: { popup: string }) => void (address = `chrome-extension://abc/${popup}`)) };
    await markWorkerStart(action);
    const first = workerMarkOf(new URL(address).hash);
    expect(first).toEqual(expect.any(String));
    await markWorkerStart(action); // woken again
    expect(action.setPopup).toHaveBeenCalledTimes(1);
    expect(workerMarkOf(new URL(address).hash)).toBe(first);
  });
});

describe('the popup’s own copy', () => {
  const snapshotFor = async (): Promise<PopupSnapshot> => {
    await dueToday('Ana Lima', 'Call Ana back');
    await settled();
    await keeper().refresh();
    return usableSnapshot(await stored(), Date.now())!;
  };

  it('is the snapshot it was made from while neither mark has moved', async () => {
    const snapshot = await snapshotFor();
    const copy = copyOf(snapshot, 'page-1', 'worker-1');
    expect(usableCopy(copy, 'page-1', 'worker-1', Date.now())).toEqual(snapshot);
  });

  it.each([
    ['a page wrote since', 'page-2', 'worker-1'],
    ['the worker wrote since', 'page-1', 'worker-2'],
    ['a popup opened in a tab (no worker mark)', 'page-1', undefined],
  ])('is none when %s', async (_, pageMark, workerMark) => {
    const copy = copyOf(await snapshotFor(), 'page-1', 'worker-1');
    expect(usableCopy(copy, pageMark, workerMark, Date.now())).toBeUndefined();
  });

  it('made before any page wrote (no page mark), is none once one has', async () => {
    const copy = copyOf(await snapshotFor(), null, 'worker-1');
    expect(usableCopy(copy, null, 'worker-1', Date.now())).toBeDefined();
    expect(usableCopy(copy, 'page-1', 'worker-1', Date.now())).toBeUndefined();
  });

  it('is none on another day, or when what is stored is not a copy', async () => {
    const snapshot = await snapshotFor();
    expect(usableCopy(copyOf(snapshot, 'p', 'w'), 'p', 'w', snapshot.validUntil)).toBeUndefined();
    for (const stored of [null, '', '{', 'null', '"copy"', JSON.stringify({ pageMark: 'p', workerMark: 'w' }), JSON.stringify({ pageMark: 'p', workerMark: 'w', snapshot: { ...snapshot, version: 2 } })]) {
      expect(usableCopy(stored, 'p', 'w', Date.now())).toBeUndefined();
    }
  });

  it('is judged by the worker mark the toolbar’s address carries, and only that shape of address', () => {
    expect(workerMarkOf('#w=abc%3A3%3A1700000000000')).toBe('abc:3:1700000000000');
    for (const hash of ['', '#', '#w=', '#x=abc', '#w=abc&x=1', '#w=%E0%A4%A']) expect(workerMarkOf(hash)).toBeUndefined();
  });
});
