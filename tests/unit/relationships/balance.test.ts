import { describe, expect, it } from 'vitest';
import { Settings, TOUCH_TYPES, type Touch, type TouchType } from '../../../lib/model';
import { askWarningOrUndefined, balanceLabel, costNoteOrUndefined, giveAskBalance, touchMixNudgeOrUndefined } from '../../../lib/relationships/balance';
import { DAY, MONDAY, touch } from './support';

const days = (n: number) => MONDAY - n * DAY;

describe('give/ask balance', () => {
  it('counts only what the rep sent: their own article or request is not ours to balance', () => {
    const touches = [
      touch('personal-note', days(9)),
      touch('article-forwarded', days(8)),
      touch('email', days(7)),
      touch('meeting-request', days(6)),
      touch('article-forwarded', days(5), { direction: 'inbound' }),
      touch('proposal', days(4), { direction: 'inbound' }),
      touch('inbound-message', days(3)),
    ];
    expect(giveAskBalance(touches)).toEqual({ give: 2, ask: 1, neutral: 1 });
  });

  it.each([
    [{ give: 0, ask: 0, neutral: 3 }, 'no gives · no asks'],
    [{ give: 1, ask: 1, neutral: 0 }, '1 give · 1 ask'],
    [{ give: 3, ask: 0, neutral: 0 }, '3 gives · no asks'],
    [{ give: 0, ask: 2, neutral: 0 }, 'no gives · 2 asks'],
  ])('labels %o as "%s"', (balance, label) => {
    expect(balanceLabel(balance)).toBe(label);
  });
});

describe('warning before an early ask', () => {
  const warning = (gives: string) =>
    `Dana has had ${gives} from you and has never replied. An article, a personal note or an introduction first makes an ask land better.`;

  it.each<[string, TouchType, Touch[], Partial<Settings['askWarning']>, string | undefined]>([
    ['a meeting request to someone never touched', 'meeting-request', [], {}, warning('no gives')],
    ['a proposal after one give and two emails', 'proposal', [touch('personal-note', days(9)), touch('email', days(8)), touch('email', days(2))], {}, warning('1 give')],
    ['a referral request after one give', 'referral-asked', [touch('introduction-given', days(9))], {}, warning('1 give')],
    ['an ask after two gives', 'meeting-request', [touch('personal-note', days(9)), touch('article-forwarded', days(3))], {}, undefined],
    ['an ask after a reply, with no gives', 'meeting-request', [touch('email', days(9)), touch('inbound-message', days(8))], {}, undefined],
    ['an ask after a meeting, with no gives', 'proposal', [touch('meeting', days(9))], {}, undefined],
    ['an ask after a lunch', 'proposal', [touch('lunch', days(9))], {}, undefined],
    ['an email (neutral), never replied', 'email', [], {}, undefined],
    ['a personal note (give), never replied', 'personal-note', [], {}, undefined],
    ['an ask with the warning turned off', 'meeting-request', [], { enabled: false }, undefined],
    ['an ask after two gives when three are wanted', 'meeting-request', [touch('personal-note', days(9)), touch('article-forwarded', days(3))], { minGives: 3 }, warning('2 gives')],
    ['an ask with the threshold at 0 gives', 'meeting-request', [], { minGives: 0 }, undefined],
  ])('%s', (_, type, touches, askWarning, expected) => {
    const own = Settings.parse({ askWarning });
    expect(askWarningOrUndefined(type, touches, own, 'Dana Ruiz')).toBe(expected);
  });
});

describe('touch-mix nudge', () => {
  const run = (type: TouchType, count: number, from = 20) => Array.from({ length: count }, (_, i) => touch(type, days(from - i)));

  it.each<[string, Touch[], string | undefined]>([
    ['five emails in a row', run('email', 5), 'Last 5 touches were emails; a personal note or an article might land better.'],
    ['four LinkedIn messages after a call', [touch('call', days(30)), ...run('linkedin-message', 4)], 'Last 4 touches were LinkedIn messages; a personal note or an article might land better.'],
    ['four personal notes suggest something other than a note', run('personal-note', 4), 'Last 4 touches were personal notes; an article or a call might land better.'],
    ['four calls suggest something other than a call', run('call', 4), 'Last 4 touches were calls; a personal note or an article might land better.'],
    ['their replies in between do not break the rep’s run', [...run('email', 4), touch('inbound-message', days(18) + 1)], 'Last 4 touches were emails; a personal note or an article might land better.'],
    ['only three emails', run('email', 3), undefined],
    ['four emails, then a personal note', [...run('email', 4), touch('personal-note', days(1))], undefined],
    ['nothing sent yet', [touch('inbound-message', days(1))], undefined],
  ])('%s', (_, touches, expected) => {
    expect(touchMixNudgeOrUndefined(touches)).toBe(expected);
  });

  it('reads the most recent touches whatever order they come in', () => {
    const touches = [touch('email', days(1)), touch('personal-note', days(30)), touch('email', days(3)), touch('email', days(2)), touch('email', days(4))];
    expect(touchMixNudgeOrUndefined(touches)).toBe('Last 4 touches were emails; a personal note or an article might land better.');
    expect(touchMixNudgeOrUndefined([...touches, touch('article-forwarded', days(0))])).toBeUndefined();
  });
});

describe('cost note', () => {
  it('marks lunch as the costliest, least effective touch', () => {
    expect(costNoteOrUndefined('lunch')).toBe('costliest, least effective');
  });

  it.each(TOUCH_TYPES.filter((t) => t !== 'lunch'))('says nothing about %s', (type) => {
    expect(costNoteOrUndefined(type)).toBeUndefined();
  });
});
