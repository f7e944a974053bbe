import { vi } from 'vitest';

/**
 * jsdom marks every dispatched event untrusted, and its `isTrusted` cannot be overridden: it is a
 * non-configurable own property, so `Object.defineProperty(event, 'isTrusted', …)` throws. Code
 * that acts only on the rep's own input (lib/sites/mail/send.ts, the toast's buttons) is tested
 * with `trustRepEvents()`: listeners added after it see events passed through `rep()` as a proxy
 * whose isTrusted is true. Everything else about dispatch (capture, bubbling, abort signals) is
 * jsdom's own, and events dispatched without `rep()` stay untrusted, like a page script's click().
 * Undone by `vi.restoreAllMocks()`. (removeEventListener does not find wrapped listeners; the
 * code under test ends its listeners with an AbortSignal.)
 */

const repEvents = new WeakSet<Event>();

/** Marks `event` as the rep's own input (a trusted event, to listeners added after trustRepEvents()). */
export function rep<E extends Event>(event: E): E {
  repEvents.add(event);
  return event;
}

const asTrusted = (event: Event) =>
  new Proxy(event, {
    get(target, property) {
      if (property === 'isTrusted') return true;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });

export function trustRepEvents(): void {
  const original = EventTarget.prototype.addEventListener;
  vi.spyOn(EventTarget.prototype, 'addEventListener').mockImplementation(function (
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (!listener) return;
    const handle = typeof listener === 'function' ? listener : (event: Event) => listener.handleEvent(event);
    original.call(this, type, (event: Event) => handle.call(this, repEvents.has(event) ? asTrusted(event) : event), options);
  });
}
