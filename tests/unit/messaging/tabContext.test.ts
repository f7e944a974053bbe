import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { forgetTabContext, parseTabContextOrUndefined, readTabContext, recordTabContext } from '../../../lib/tabContext';

const page = { kind: 'none' as const, url: 'https://www.linkedin.com/feed/' };

describe('tab context in storage.session', () => {
  it('records, reads back and forgets a tab’s page', async () => {
    const session = browser.storage.session;
    await recordTabContext(session, { tabId: 3, page, reportedAt: 5 });
    expect(await readTabContext(session, 3)).toEqual({ tabId: 3, page, reportedAt: 5 });
    expect(await readTabContext(session, 4)).toBeUndefined();
    await forgetTabContext(session, 3);
    expect(await readTabContext(session, 3)).toBeUndefined();
  });

  it.each([[undefined], [null], ['tab'], [{ tabId: 1, reportedAt: 1, page: { kind: 'bogus' } }], [{ tabId: '1', reportedAt: 1, page }]])(
    'reads a damaged value %o as no context',
    (value) => {
      expect(parseTabContextOrUndefined(value)).toBeUndefined();
    },
  );
});
