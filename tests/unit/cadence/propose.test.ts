import { describe, expect, it } from 'vitest';
import { proposeFollowUp, suggestTouchType } from '../../../lib/cadence/propose';
import { DEFAULT_SETTINGS, Settings, TOUCH_CATALOGUE, type Person } from '../../../lib/model';
import { DAY, MONDAY, touch } from './support';

const UTC = Settings.parse({ workWeek: { timeZone: 'UTC' } });
const ana: Pick<Person, 'name' | 'stage' | 'flags'> = { name: 'Ana Lima', stage: 'target', flags: [] };
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

describe('proposeFollowUp', () => {
  it('nothing to propose before the first touch, or for someone who is not a fit', () => {
    expect(proposeFollowUp(ana, [], UTC)).toBeUndefined();
    expect(proposeFollowUp({ ...ana, stage: 'not-a-fit' }, [touch('email', MONDAY)], UTC)).toBeUndefined();
  });

  it('their message wants an answer the same working day (a minute after it, never before); on a weekend, Monday morning', () => {
    expect(proposeFollowUp(ana, [touch('email', MONDAY - DAY), touch('inbound-message', MONDAY)], UTC)).toMatchObject({
      dueAt: MONDAY + 60_000,
      reason: 'Reply to Ana',
      suggestedType: 'email',
    });
    const saturday = Date.parse('2026-11-07T11:00:00Z');
    expect(iso(proposeFollowUp(ana, [touch('inbound-message', saturday)], UTC)?.dueAt)).toBe('2026-11-09T09:00:00.000Z');
  });

  it('unanswered attempts follow the attempt intervals in working days, then stretch to nurture', () => {
    const intervals = UTC.cadence.attemptIntervalsDays; // 3, 4, 5, 7, 10
    const history = [touch('email', MONDAY)];
    expect(iso(proposeFollowUp(ana, history, UTC)?.dueAt)).toBe('2026-11-05T09:00:00.000Z'); // +3 working days
    history.push(touch('call', Date.parse('2026-11-05T09:30:00Z')));
    expect(iso(proposeFollowUp(ana, history, UTC)?.dueAt)).toBe('2026-11-11T09:00:00.000Z'); // +4 working days
    expect(intervals).toEqual([3, 4, 5, 7, 10]);
    // Six unanswered attempts: nurture, 21 calendar days on, on a working day.
    const six = Array.from({ length: 6 }, (_, i) => touch('email', MONDAY + i * 7 * DAY));
    const nurture = proposeFollowUp(ana, six, UTC)!;
    expect(nurture.reason).toBe('Nurture Ana: 6 attempts without a reply');
    expect(iso(nurture.dueAt)).toBe('2026-12-28T09:00:00.000Z'); // Mon 7 Dec + 21 days
    // Never dropped: the tenth attempt still gets a (longer) follow-up.
    const ten = Array.from({ length: 10 }, (_, i) => touch('email', MONDAY + i * 30 * DAY));
    expect(proposeFollowUp(ana, ten, UTC)!.dueAt - ten[9]!.at).toBeGreaterThanOrEqual(89 * DAY);
  });

  it('a reply resets the count of attempts', () => {
    const history = [...Array.from({ length: 5 }, (_, i) => touch('email', MONDAY + i * DAY)), touch('inbound-message', MONDAY + 6 * DAY), touch('email', MONDAY + 7 * DAY)];
    expect(proposeFollowUp(ana, history, UTC)?.reason).toMatch(/^Attempt 2 with Ana/);
  });

  it('clients get a periodic referral ask', () => {
    const proposal = proposeFollowUp({ ...ana, stage: 'client' }, [touch('meeting', MONDAY - 200 * DAY), touch('call', MONDAY)], UTC)!;
    expect(proposal).toMatchObject({ reason: 'Ask Ana for a referral', suggestedType: 'referral-asked' });
  });

  it('a flagged brain-picker keeps one long-interval check-in', () => {
    const proposal = proposeFollowUp({ ...ana, stage: 'back-burner', flags: ['brain-picker'] }, [touch('email', MONDAY)], UTC)!;
    expect(proposal.reason).toBe('Back-burner check-in with Ana');
    expect(proposal.dueAt - MONDAY).toBeGreaterThanOrEqual(89 * DAY);
  });
});

describe('suggestTouchType', () => {
  it('gives before asking, and varies the mix', () => {
    expect(suggestTouchType('target', [], DEFAULT_SETTINGS)).toBe('personal-note');
    const afterNote = [touch('personal-note', MONDAY)];
    expect(suggestTouchType('target', afterNote, DEFAULT_SETTINGS)).toBe('article-forwarded');
    const emails = [touch('email', MONDAY), touch('email', MONDAY + DAY)];
    expect(suggestTouchType('target', emails, DEFAULT_SETTINGS)).not.toBe('email');
  });

  it('never suggests an ask before two gives and no reply, unless the warning is off', () => {
    const opportunity = [touch('call', MONDAY), touch('email', MONDAY + DAY)];
    for (let i = 0; i < 5; i++) {
      const type = suggestTouchType('opportunity', opportunity, DEFAULT_SETTINGS);
      expect(TOUCH_CATALOGUE[type].intent).not.toBe('ask');
      opportunity.push(touch(type, MONDAY + (2 + i) * DAY));
    }
    const relaxed = Settings.parse({ askWarning: { enabled: false } });
    const types = new Set<string>();
    const history = [touch('personal-note', MONDAY), touch('article-forwarded', MONDAY + DAY)];
    for (let i = 0; i < 6; i++) {
      const type = suggestTouchType('opportunity', history, relaxed);
      types.add(type);
      history.push(touch(type, MONDAY + (2 + i) * DAY));
    }
    expect([...types].some((t) => TOUCH_CATALOGUE[t as keyof typeof TOUCH_CATALOGUE].intent === 'ask')).toBe(true);
  });

  it('never proposes lunch', () => {
    for (const stage of ['target', 'engaged', 'opportunity', 'client', 'nurture', 'back-burner'] as const) {
      expect(suggestTouchType(stage, [], DEFAULT_SETTINGS)).not.toBe('lunch');
    }
  });
});
