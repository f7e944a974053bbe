import type { DBCore, Middleware } from 'dexie';
import { browser } from 'wxt/browser';
import { CHANGE_MARK_KEY } from '../popup/snapshot';

/**
 * Every write to the database, from any of the extension's pages or its worker, leaves a new
 * change mark in storage.session: once when its transaction starts and again when it has
 * committed. The popup's snapshot (lib/popup/snapshot.ts) is shown only while the mark it was
 * made under is still the latest, so a change made anywhere — Done in the side panel, an import
 * in the workspace, the worker's daily pass — is never followed by a popup painting what was
 * there before. Marking before the write covers a page that closes before its commit is
 * reported; marking after it covers a snapshot read while the write was still running. Writes
 * that do not go through Dexie (tests' and benchmarks' raw seeding) must mark by hand.
 */

let sequence = 0;
const context = Math.random().toString(36).slice(2, 10);

/** Leaves a new change mark (not awaited: a write never waits on it). */
export function markDataChanged(): void {
  const session = browser?.storage?.session;
  if (!session) return;
  sequence += 1;
  void session.set({ [CHANGE_MARK_KEY]: `${context}:${sequence}:${Date.now()}` }).catch(() => undefined);
}

export const changeMarkMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ChangeMark',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const transaction = down.transaction(stores, mode, options);
        if (mode === 'readwrite') {
          markDataChanged();
          // IndexedDB's own transaction: 'complete' fires once the write is durable for readers.
          (transaction as unknown as Partial<EventTarget>).addEventListener?.('complete', markDataChanged);
        }
        return transaction;
      },
    };
  },
};
