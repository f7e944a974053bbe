import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_NEUTRAL_COLOR, BADGE_SAVED_COLOR, tabBadge } from '../../../lib/background/badge';
import { createHandlers } from '../../../lib/background/handlers';
import { saveProspectFromLinkedIn } from '../../../lib/db/prospects';
import type { LinkedInPage } from '../../../lib/messaging/protocol';
import { createRouter } from '../../../lib/messaging/router';
import { recordingBadgeApi } from '../../support/badge';
import { freshDb } from '../../support/db';
import { memorySession } from '../../support/session';

const ANA_URL = 'https://www.linkedin.com/in/ana-lima/';
const ana: LinkedInPage = { kind: 'person', url: ANA_URL, person: { linkedinUrl: ANA_URL, name: 'Ana Lima' } };

describe('tabBadge', () => {
  it.each<[string, LinkedInPage, { name: string } | undefined, { text: string; color: string }]>([
    ['an unsaved person: a neutral mark', ana, undefined, { text: '•', color: BADGE_NEUTRAL_COLOR }],
    ['a saved prospect: a distinct mark', ana, { name: 'Ana Lima' }, { text: '✓', color: BADGE_SAVED_COLOR }],
    ['no prospect: nothing', { kind: 'none', url: 'https://www.linkedin.com/feed/' }, undefined, { text: '', color: BADGE_NEUTRAL_COLOR }],
  ])('%s', (_label, page, saved, expected) => {
    expect(tabBadge(page, saved)).toMatchObject(expected);
  });
});

describe('badges follow reports and data changes', () => {
  const db = freshDb();
  afterEach(async () => {
    await db.delete();
  });

  it('a report sets the tab’s badge; saving the prospect then refreshing marks it saved', async () => {
    const badge = recordingBadgeApi();
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    const route = createRouter(createHandlers({ db, session: memorySession(), badge, now: () => 1 }), {
      extensionId: id,
      extensionOrigin: `chrome-extension://${id}`,
    });
    const tab = { id, url: ANA_URL, frameId: 0, tab: { id: 5 } };
    await route({ type: 'page/report', page: ana }, tab);
    expect(badge.badges.get(5)).toEqual({ text: '•', color: BADGE_NEUTRAL_COLOR, title: 'Groundwork: Ana Lima — not saved' });

    await saveProspectFromLinkedIn(db, { linkedinUrl: ANA_URL, name: 'Ana Lima' });
    const reply = await route({ type: 'tabs/refresh' }, { id, url: `chrome-extension://${id}/sidepanel.html` });
    expect(reply).toEqual({ ok: true, value: { refreshed: 1 } });
    expect(badge.badges.get(5)).toMatchObject({ text: '✓', color: BADGE_SAVED_COLOR });

    expect(await route({ type: 'tabs/refresh' }, tab)).toMatchObject({ ok: false, error: /not accepted from content-script/ });
  });
});
