import { useEffect, useState, type RefObject } from 'react';
import { browser } from 'wxt/browser';
import { COMMANDS, LOG_TOUCH_FRESH_MS, LOG_TOUCH_KEY } from '../lib/background/commands';

/**
 * The log-a-touch shortcut (issue 19): when the rep presses it, the background opens the side panel
 * and records the moment in storage.session; the log form on screen then takes the focus (once per
 * press). Also says what the shortcut is, as the rep set it at chrome://extensions/shortcuts.
 */
export function useLogTouchShortcut(field: RefObject<HTMLElement | null>): string | undefined {
  const [keys, setKeys] = useState<string>();
  useEffect(() => {
    // Called inside a promise: where commands are not available (tests' fake browser) it throws.
    void Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((commands) => setKeys(commands.find((c) => c.name === COMMANDS.logTouch)?.shortcut || undefined))
      .catch(() => undefined);
    const take = (at: unknown) => {
      if (typeof at !== 'number' || Date.now() - at > LOG_TOUCH_FRESH_MS) return;
      field.current?.focus();
      void browser.storage.session.remove(LOG_TOUCH_KEY).catch(() => undefined);
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && LOG_TOUCH_KEY in changes) take(changes[LOG_TOUCH_KEY]!.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.session
      .get(LOG_TOUCH_KEY)
      .then((stored) => take(stored[LOG_TOUCH_KEY]))
      .catch(() => undefined);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [field]);
  return keys;
}
