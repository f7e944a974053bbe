import { afterEach, describe, expect, it, vi } from 'vitest';
import { BADGE_NEUTRAL_COLOR, BAND_COLORS, BRAIN_PICKER_COLOR, BRAIN_PICKER_MARK, tabBadge } from '../../../lib/background/badge';
import type { GroundworkDB } from '../../../lib/db/db';
import { blankProfile, saveProfile } from '../../../lib/db/profiles';
import { saveProspectFromLinkedIn } from '../../../lib/db/prospects';
import type { SeenPage } from '../../../lib/messaging/protocol';
import { contentScriptSender, extensionPageSender, testBackground } from '../../support/background';
import { freshDb } from '../../support/db';

const ANA_URL = 'https://www.linkedin.com/in/ana-lima/';
const ana: SeenPage = { kind: 'person', url: ANA_URL, person: { linkedinUrl: ANA_URL, name: 'Ana Lima', headline: 'VP Operations' } };

describe('tabBadge', () => {
  const fitA = { score: 83, band: 'A' as const, confidence: 'medium' as const, criteria: [] };
  it.each<[string, SeenPage, { name: string; flags?: string[] } | undefined, Parameters<typeof tabBadge>[2], { text: string; color: string }]>([
    ['a crisis-mode brain-picker: a mark of its own, whatever the fit', ana, { name: 'Ana Lima', flags: ['brain-picker'] }, fitA, { text: BRAIN_PICKER_MARK, color: BRAIN_PICKER_COLOR }],
    ['unsaved, no profile: a neutral mark', ana, undefined, undefined, { text: '•', color: BADGE_NEUTRAL_COLOR }],
    ['saved, no profile: the saved mark', ana, { name: 'Ana Lima' }, undefined, { text: '✓', color: BADGE_NEUTRAL_COLOR }],
    ['unsaved, scored: the score in its band colour', ana, undefined, fitA, { text: '83', color: BAND_COLORS.A }],
    ['saved and scored: score and mark', ana, { name: 'Ana Lima' }, fitA, { text: '83✓', color: BAND_COLORS.A }],
    ['excluded', ana, undefined, { score: 0, band: 'D', confidence: 'high', excluded: 'Excluded: a recruiter', criteria: [] }, { text: '✕', color: BADGE_NEUTRAL_COLOR }],
    ['nothing known yet', ana, undefined, { confidence: 'low', criteria: [] }, { text: '•', color: BADGE_NEUTRAL_COLOR }],
    ['no prospect: nothing', { kind: 'none', url: 'https://www.linkedin.com/feed/' }, undefined, undefined, { text: '', color: BADGE_NEUTRAL_COLOR }],
  ])('%s', (_label, page, saved, fit, expected) => {
    expect(tabBadge(page, saved, fit)).toMatchObject(expected);
  });

  it('says why in the tooltip', () => {
    expect(tabBadge(ana, { name: 'Ana Lima' }, fitA).title).toBe('Groundwork: Ana Lima — saved prospect · fit 83 (A, medium confidence)');
    expect(tabBadge(ana, undefined, undefined).title).toBe('Groundwork: Ana Lima — not saved · no ideal customer profile yet');
  });
});

describe('badges follow reports, data and profile changes', () => {
  let db: GroundworkDB;
  afterEach(async () => {
    await db.delete();
  });

  it('report → neutral; save → marked; a profile → scored; re-scoring is started', async () => {
    db = freshDb();
    const rescore = vi.fn().mockResolvedValue(undefined);
    const { route, badge } = testBackground({ db, rescore });
    await route({ type: 'page/report', page: ana }, contentScriptSender(ANA_URL, 5));
    expect(badge.badges.get(5)).toEqual({ text: '•', color: BADGE_NEUTRAL_COLOR, title: 'Groundwork: Ana Lima — not saved · no ideal customer profile yet' });

    await saveProspectFromLinkedIn(db, { linkedinUrl: ANA_URL, name: 'Ana Lima', headline: 'VP Operations' });
    expect(await route({ type: 'data/changed' }, extensionPageSender())).toEqual({ ok: true, value: { refreshed: 1 } });
    expect(badge.badges.get(5)).toMatchObject({ text: '✓' });

    await saveProfile(db, { ...blankProfile('VPs'), seniorities: ['vp'] });
    expect(await route({ type: 'scores/recompute' }, extensionPageSender('options.html'))).toEqual({ ok: true, value: { started: true } });
    expect(rescore).toHaveBeenCalledOnce();
    expect(badge.badges.get(5)).toMatchObject({ text: '100✓', color: BAND_COLORS.A });

    expect(await route({ type: 'data/changed' }, contentScriptSender(ANA_URL))).toMatchObject({ ok: false, error: /not accepted from content-script/ });

    // A page without a prospect hands the tab back to the global badge (the due count).
    await route({ type: 'page/report', page: { kind: 'none', url: 'https://www.linkedin.com/feed/' } }, contentScriptSender('https://www.linkedin.com/feed/', 5));
    expect(badge.badges.get(5)?.text).toBeNull();
  });
});
