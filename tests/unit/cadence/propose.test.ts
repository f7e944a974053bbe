import { describe, expect, it } from 'vitest';
import { proposeFollowUp, suggestTouchType } from '../../../lib/cadence/propose';
import { DEFAULT_SETTINGS, Settings, TOUCH_CATALOGUE, type Person, type Touch } from '../../../lib/model';
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

describe('proposeFollowUp: who gets nothing', () => {
  it('someone marked do-not-contact gets nothing, whatever their stage', () => {
    expect(proposeFollowUp({ ...ana, flags: ['do-not-contact'] }, [touch('email', MONDAY)], UTC)).toBeUndefined();
  });

  it('someone the ideal customer profile excludes gets nothing', () => {
    expect(proposeFollowUp(ana, [touch('email', MONDAY)], UTC, { excluded: true })).toBeUndefined();
  });

  it('the rep’s own research alone is no contact: nothing to follow up yet', () => {
    expect(proposeFollowUp(ana, [touch('research', MONDAY, { minutes: 20 })], UTC)).toBeUndefined();
  });

  it('research after the last attempt does not move the next one', () => {
    const attempt = [touch('email', MONDAY)];
    const researched = [...attempt, touch('research', MONDAY + DAY, { minutes: 20 })];
    expect(proposeFollowUp(ana, researched, UTC)).toEqual(proposeFollowUp(ana, attempt, UTC));
  });
});

describe('proposeFollowUp: the back burner', () => {
  it.each<[string, Pick<Person, 'name' | 'stage' | 'flags'>]>([
    ['flagged as a brain-picker, at any stage', { ...ana, stage: 'engaged', flags: ['brain-picker'] }],
    ['put on the back burner by hand, unflagged', { ...ana, stage: 'back-burner' }],
  ])('%s: one check-in at the longest nurture interval, with an article', (_label, who) => {
    // Mon 2 Nov + 90 days = Sun 31 Jan: Monday 1 Feb, 09:00.
    expect(proposeFollowUp(who, [touch('email', MONDAY)], UTC)).toEqual({
      dueAt: Date.parse('2027-02-01T09:00:00Z'),
      reason: 'Back-burner check-in with Ana',
      suggestedType: 'article-forwarded',
    });
  });
});

describe('proposeFollowUp: their message', () => {
  it('with a reply window of two working days, the reply is due two working days on', () => {
    const twoDays = Settings.parse({ workWeek: { timeZone: 'UTC' }, cadence: { replyWithinDays: 2 } });
    expect(iso(proposeFollowUp(ana, [touch('inbound-message', MONDAY)], twoDays)?.dueAt)).toBe('2026-11-04T09:00:00.000Z');
  });

  it.each<[string, Touch, string]>([
    ['their call is answered with a call', touch('inbound-call', MONDAY), 'call'],
    ['a call logged as theirs is answered with a call', touch('call', MONDAY, { direction: 'inbound' }), 'call'],
    ['their message is answered by email', touch('inbound-message', MONDAY), 'email'],
    ['their LinkedIn message is answered by email', touch('linkedin-message', MONDAY, { direction: 'inbound' }), 'email'],
  ])('%s', (_label, theirs, type) => {
    expect(proposeFollowUp(ana, [theirs], UTC)).toMatchObject({ reason: 'Reply to Ana', suggestedType: type });
  });
});

describe('proposeFollowUp: the chase after they reached out', () => {
  const reachedOut = touch('inbound-message', MONDAY, { subject: 'Line down' });
  const adviceCall = touch('call', MONDAY + 2 * 3600_000, { freeAdvice: true, minutes: 30 });

  it('after the advice call: follow up the next working day', () => {
    expect(proposeFollowUp(ana, [reachedOut, adviceCall], UTC)).toEqual({
      dueAt: Date.parse('2026-11-03T09:00:00Z'),
      reason: 'Follow up with Ana after your call',
      suggestedType: 'email',
    });
  });

  it('each unanswered attempt of the chase: the next at the chase’s interval, with a quick touch not used lately', () => {
    const chase = [touch('email', MONDAY + DAY), touch('voicemail', MONDAY + 2 * DAY), touch('linkedin-message', MONDAY + 3 * DAY)];
    // Intervals 1, 1, 2 working days after the first, second and third attempt.
    expect(proposeFollowUp(ana, [reachedOut, adviceCall, ...chase.slice(0, 1)], UTC)).toEqual({
      dueAt: Date.parse('2026-11-04T09:00:00Z'),
      reason: 'Attempt 2 with Ana since they reached out: try voicemail',
      suggestedType: 'voicemail',
    });
    expect(proposeFollowUp(ana, [reachedOut, adviceCall, ...chase], UTC)).toEqual({
      dueAt: Date.parse('2026-11-09T09:00:00Z'),
      reason: 'Attempt 4 with Ana since they reached out: try call',
      suggestedType: 'call',
    });
  });

  it('when the chase’s intervals run out, the usual cadence takes over', () => {
    const shortChase = Settings.parse({ workWeek: { timeZone: 'UTC' }, crisis: { chaseIntervalsDays: [1, 2] } });
    const two = [reachedOut, adviceCall, touch('email', MONDAY + DAY), touch('voicemail', MONDAY + 2 * DAY)];
    expect(proposeFollowUp(ana, two, shortChase)?.reason).toBe('Attempt 3 with Ana since they reached out: try linkedin message');
    const three = [...two, touch('call', MONDAY + 3 * DAY)];
    expect(proposeFollowUp(ana, three, shortChase)?.reason).toMatch(/^Attempt 4 with Ana: try /);
  });

  it('an evaluation the caller already made is used as it is', () => {
    const history = [touch('email', MONDAY)];
    const chasing = { flagged: false, chasing: true, attempts: 0, adviceMinutes: 0, episodeAdviceMinutes: 0, episodeResearchMinutes: 0 };
    expect(proposeFollowUp(ana, history, UTC, { crisis: chasing })?.reason).toBe('Follow up with Ana after your call');
  });
});

describe('proposeFollowUp: clients', () => {
  const client = { ...ana, stage: 'client' as const };

  it('a referral ask comes due 180 days after the first touch, when that is before the check-in', () => {
    const history = [touch('meeting', MONDAY - 170 * DAY), touch('call', MONDAY)];
    expect(proposeFollowUp(client, history, UTC)).toEqual({
      dueAt: Date.parse('2026-11-12T09:00:00Z'),
      reason: 'Ask Ana for a referral',
      suggestedType: 'referral-asked',
    });
  });

  it('a referral ask due the very day of the check-in is what is proposed', () => {
    const history = [touch('meeting', MONDAY - 159 * DAY), touch('call', MONDAY)];
    expect(proposeFollowUp(client, history, UTC)).toMatchObject({ dueAt: Date.parse('2026-11-23T09:00:00Z'), reason: 'Ask Ana for a referral' });
  });

  it('after a recent referral ask, the next is 180 days after it: meanwhile a check-in 21 days after the last touch', () => {
    const history = [touch('meeting', MONDAY - 400 * DAY), touch('referral-asked', MONDAY - 100 * DAY), touch('call', MONDAY)];
    const proposal = proposeFollowUp(client, history, UTC)!;
    expect(proposal).toMatchObject({ dueAt: Date.parse('2026-11-23T09:00:00Z'), reason: 'Client check-in with Ana' });
    expect(TOUCH_CATALOGUE[proposal.suggestedType].intent).not.toBe('ask');
  });

  it('with referral asks switched off, a client gets check-ins only', () => {
    const noReferrals = Settings.parse({ workWeek: { timeZone: 'UTC' }, cadence: { clientReferralEveryDays: 0 } });
    // Before issue 21 a client fell into the prospects' count here: "Attempt 2 with Ana".
    const history = [touch('meeting', MONDAY - 400 * DAY), touch('call', MONDAY)];
    expect(proposeFollowUp(client, history, noReferrals)).toMatchObject({ dueAt: Date.parse('2026-11-23T09:00:00Z'), reason: 'Client check-in with Ana' });
  });
});

describe('proposeFollowUp: after a conversation', () => {
  it.each<[string, Touch, string]>([
    ['a meeting', touch('meeting', MONDAY), 'Follow up on your meeting with Ana'],
    ['a call in which the rep gave advice', touch('call', MONDAY, { freeAdvice: true }), 'Follow up on your conversation with Ana'],
  ])('after %s: keep the momentum, at the first attempt interval', (_label, last, reason) => {
    expect(proposeFollowUp(ana, [last], UTC)).toMatchObject({ dueAt: Date.parse('2026-11-05T09:00:00Z'), reason });
  });
});

describe('proposeFollowUp: attempts and nurture at their intervals', () => {
  const attempts = (n: number) => Array.from({ length: n }, (_, i) => touch('email', MONDAY - (n - 1 - i) * 14 * DAY));

  it('past the last attempt interval, the last one repeats', () => {
    const patient = Settings.parse({ workWeek: { timeZone: 'UTC' }, cadence: { nurtureAfterAttempts: 10 } });
    // Seven unanswered: the sixth interval is past the five given, so the fifth (10 working days).
    expect(iso(proposeFollowUp(ana, attempts(7), patient)?.dueAt)).toBe('2026-11-16T09:00:00.000Z');
  });

  it.each([
    [6, '2026-11-23T09:00:00.000Z'], // 21 days
    [7, '2026-12-17T09:00:00.000Z'], // 45 days
    [8, '2027-02-01T09:00:00.000Z'], // 90 days
    [9, '2027-02-01T09:00:00.000Z'], // still 90: the last interval repeats
  ])('%i unanswered attempts: nurture due %s', (n, due) => {
    const proposal = proposeFollowUp(ana, attempts(n), UTC)!;
    expect(iso(proposal.dueAt)).toBe(due);
    expect(proposal.reason).toBe(`Nurture Ana: ${n} attempts without a reply`);
  });
});

describe('suggestTouchType: when an ask may come', () => {
  const asks = (types: string[]) => types.filter((t) => TOUCH_CATALOGUE[t as keyof typeof TOUCH_CATALOGUE].intent === 'ask');
  const suggestions = (history: Touch[], settings = DEFAULT_SETTINGS) => {
    const seen: string[] = [];
    const grown = [...history];
    for (let i = 0; i < 6; i++) {
      const type = suggestTouchType('engaged', grown, settings);
      seen.push(type);
      grown.push(touch(type, MONDAY + (10 + i) * DAY, { intent: 'neutral' }));
    }
    return seen;
  };

  it('after two gives, an ask may be suggested', () => {
    expect(asks(suggestions([touch('personal-note', MONDAY), touch('article-forwarded', MONDAY + DAY)]))).toEqual(['meeting-request']);
  });

  it('after one give and no reply, no ask', () => {
    expect(asks(suggestions([touch('personal-note', MONDAY)]))).toEqual([]);
  });

  it('once they replied, an ask may come even without gives', () => {
    expect(asks(suggestions([touch('inbound-message', MONDAY)]))).toEqual(['meeting-request']);
  });

  it('with fewer gives required, an ask may come sooner', () => {
    const oneGive = Settings.parse({ askWarning: { minGives: 1 } });
    expect(asks(suggestions([touch('personal-note', MONDAY)], oneGive))).toEqual(['meeting-request']);
  });

  it('before two gives, gives come first; after, the stage’s own order', () => {
    expect(suggestTouchType('engaged', [], DEFAULT_SETTINGS)).toBe('article-forwarded');
    const twoGiven = [touch('personal-note', MONDAY - 10 * DAY), touch('introduction-given', MONDAY - 9 * DAY)];
    expect(suggestTouchType('engaged', twoGiven, DEFAULT_SETTINGS)).toBe('call');
  });

  it('someone not a fit is offered what a target would be', () => {
    expect(suggestTouchType('not-a-fit', [], DEFAULT_SETTINGS)).toBe(suggestTouchType('target', [], DEFAULT_SETTINGS));
  });

  it('the type used longest ago wins; their messages do not count as the rep’s use', () => {
    const history = [touch('article-forwarded', MONDAY), touch('personal-note', MONDAY + DAY), touch('email', MONDAY + 2 * DAY, { direction: 'inbound' })];
    expect(suggestTouchType('back-burner', history, DEFAULT_SETTINGS)).toBe('email');
    const used = [touch('email', MONDAY), touch('article-forwarded', MONDAY + DAY)];
    expect(suggestTouchType('back-burner', used, DEFAULT_SETTINGS)).toBe('email');
    const usedOtherOrder = [touch('article-forwarded', MONDAY), touch('email', MONDAY + DAY)];
    expect(suggestTouchType('back-burner', usedOtherOrder, DEFAULT_SETTINGS)).toBe('article-forwarded');
  });
});
