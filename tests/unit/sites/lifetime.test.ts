import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLifetime, type RuntimeIdentity } from '../../../lib/sites/lifetime';
import { rep, trustRepEvents } from '../../support/trustedEvents';

/**
 * A content script's lifetime (issue 15): it hears only the browser's own events, ends by itself
 * once the extension that started it is gone, and a newer copy of the same script ends the older.
 */

/** The runtime as an orphaned script sees it: its id disappears when the extension is updated. */
function runtime(): RuntimeIdentity & { orphan(): void } {
  let id: string | undefined = 'groundwork-id';
  return {
    get id() {
      return id;
    },
    orphan() {
      id = undefined;
    },
  };
}

class FakeNavigation extends EventTarget {
  currentEntry: { url: string | null } = { url: 'https://www.linkedin.com/in/a/' };
  /** A same-document navigation to `url` committed: the browser's own `currententrychange`. */
  navigate(url: string): void {
    this.currentEntry = { url };
    this.dispatchEvent(rep(new Event('currententrychange')));
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  trustRepEvents();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const start = (name = 'linkedin', extra: { world?: object; navigation?: FakeNavigation; runtime?: RuntimeIdentity } = {}) =>
  startLifetime(name, { runtime: extra.runtime ?? runtime(), world: extra.world ?? {}, location: { href: 'https://www.linkedin.com/in/a/' }, navigation: extra.navigation ?? new FakeNavigation() });

describe('what a content script hears', () => {
  it('hears the browser’s own events, never one a page script dispatched', () => {
    const life = start();
    const heard: string[] = [];
    life.listen(document, 'keydown', (event: KeyboardEvent) => heard.push(event.key));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'page' }));
    document.dispatchEvent(rep(new KeyboardEvent('keydown', { key: 'rep' })));
    expect(heard).toEqual(['rep']);
  });

  it('hears each navigation the browser reports once, and no forged or repeated one', () => {
    const navigation = new FakeNavigation();
    const life = start('linkedin', { navigation });
    const urls: string[] = [];
    life.onNavigation((url) => urls.push(url));
    // A page's own event is not the browser's, and cannot say where the tab is either.
    navigation.currentEntry = { url: 'https://www.linkedin.com/in/forged/' };
    navigation.dispatchEvent(new Event('currententrychange'));
    navigation.navigate('https://www.linkedin.com/in/a/'); // where the tab already is
    navigation.navigate('https://www.linkedin.com/in/b/');
    navigation.navigate('https://www.linkedin.com/in/b/');
    navigation.navigate('https://www.linkedin.com/company/c/');
    expect(urls).toEqual(['https://www.linkedin.com/in/b/', 'https://www.linkedin.com/company/c/']);
  });
});

describe('an orphaned script (the extension was updated or removed)', () => {
  it('stops on its next event: no handler, timer or navigation callback runs, and its end callbacks run once', () => {
    const identity = runtime();
    const navigation = new FakeNavigation();
    const life = start('linkedin', { runtime: identity, navigation });
    const ran: string[] = [];
    life.listen(document, 'click', () => ran.push('click'));
    life.onNavigation(() => ran.push('navigation'));
    life.setTimeout(() => ran.push('timer'), 1000);
    life.onEnd(() => ran.push('ended'));
    expect(life.alive).toBe(true);

    identity.orphan();
    document.dispatchEvent(rep(new MouseEvent('click')));
    navigation.navigate('https://www.linkedin.com/in/b/');
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(['ended']);
    expect(life.alive).toBe(false);
    expect(life.signal.aborted).toBe(true);
  });

  it('ends every callback even when one throws (an orphaned script’s APIs are gone)', () => {
    const life = start();
    const ran: string[] = [];
    life.onEnd(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'onMessage')");
    });
    life.onEnd(() => ran.push('second'));
    expect(() => life.end()).not.toThrow();
    expect(ran).toEqual(['second']);
  });

  it('a callback added after the end runs at once', () => {
    const life = start();
    life.end();
    const ran = vi.fn();
    life.onEnd(ran);
    expect(ran).toHaveBeenCalledTimes(1);
  });
});

describe('a newer copy of the script in the same world', () => {
  it('ends the older copy of the same script, and only that one', () => {
    const world = {};
    const linkedin = start('linkedin', { world });
    const gmail = start('gmail', { world });
    const fresh = start('linkedin', { world });
    expect(linkedin.alive).toBe(false);
    expect(gmail.alive).toBe(true);
    expect(fresh.alive).toBe(true);
  });

  it('is the one a third copy ends, and an ended copy never ends the current one', () => {
    const world = {};
    const first = start('gmail', { world });
    const second = start('gmail', { world });
    first.end();
    expect(second.alive).toBe(true);
    const third = start('gmail', { world });
    expect(second.alive).toBe(false);
    expect(third.alive).toBe(true);
  });

  it('keeps nothing on a page’s global object: the world is the isolated one it is given', () => {
    const world = {};
    const before = Object.getOwnPropertyNames(window).length;
    start('linkedin', { world });
    expect(Object.getOwnPropertySymbols(world)).toHaveLength(1);
    expect(Object.getOwnPropertyNames(window)).toHaveLength(before);
  });
});

describe('timers', () => {
  it('a cleared timer never fires; an ended lifetime clears the rest', () => {
    const life = start();
    const ran: string[] = [];
    const cleared = life.setTimeout(() => ran.push('cleared'), 100);
    life.setTimeout(() => ran.push('fired'), 100);
    life.setTimeout(() => ran.push('after end'), 500);
    life.clearTimeout(cleared);
    vi.advanceTimersByTime(100);
    life.end();
    vi.advanceTimersByTime(500);
    expect(ran).toEqual(['fired']);
  });
});
