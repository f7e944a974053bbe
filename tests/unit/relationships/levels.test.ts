import { subMonths } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { Settings, type Person, type Touch } from '../../../lib/model';
import { accountCoverage, levelOf, ownerLabel } from '../../../lib/relationships/levels';
import { DAY, MONDAY, person, touch } from './support';

const NOW = MONDAY;
const ago = (days: number) => NOW - days * DAY;
const owners = { rep: 'Sam Reyes', manager: 'Priya Shah', executive: 'Morgan Lee' };
const settings = Settings.parse({ owners });

function coverage(people: Person[], touches: Touch[], own: Pick<Settings, 'liveRelationshipDays' | 'owners'> = settings) {
  const byPerson = new Map<string, Touch[]>();
  for (const t of touches) byPerson.set(t.personId, [...(byPerson.get(t.personId) ?? []), t]);
  return accountCoverage('Acme', people, byPerson, own, NOW);
}

describe('level of a person', () => {
  it.each<[string, Partial<Person>, Person['seniority'] | undefined]>([
    ['a title', { title: 'Chief Executive Officer' }, 'executive'],
    ['a headline when there is no title', { headline: 'VP Operations at Acme' }, 'vp'],
    ['the title over the headline', { title: 'Director of IT', headline: 'Founder of a side project' }, 'director'],
    ['a level set by hand over the title', { title: 'Software Engineer', seniority: 'manager' }, 'manager'],
    ['nothing known', {}, undefined],
  ])('comes from %s', (_, extra, level) => {
    expect(levelOf(person('Dana Ruiz', extra))).toBe(level);
  });
});

describe('owner on our side', () => {
  it.each<[keyof typeof owners, Settings['owners'], string]>([
    ['rep', owners, 'Sam Reyes (you)'],
    ['manager', owners, 'Priya Shah (manager)'],
    ['executive', owners, 'Morgan Lee (executive)'],
    ['rep', { rep: '', manager: '', executive: '' }, 'you'],
    ['manager', { rep: '', manager: '  ', executive: '' }, 'your manager'],
    ['executive', { rep: '', manager: '', executive: '' }, 'your executive'],
  ])('%s with names %o reads "%s"', (role, names, label) => {
    expect(ownerLabel(role, names)).toBe(label);
  });
});

describe('live relationship at a level', () => {
  it.each<[string, boolean, (personId: string) => Touch[], number]>([
    ['a reply 10 days ago', true, (id) => [touch('email', ago(12), { personId: id }), touch('inbound-message', ago(10), { personId: id })], 180],
    ['a meeting 100 days ago', true, (id) => [touch('meeting', ago(100), { personId: id })], 180],
    ['a lunch 30 days ago', true, (id) => [touch('lunch', ago(30), { personId: id })], 180],
    ['a reply exactly at the edge of the window', true, (id) => [touch('inbound-message', ago(180), { personId: id })], 180],
    ['only emails and notes, however recent', false, (id) => [touch('email', ago(2), { personId: id }), touch('personal-note', ago(1), { personId: id })], 180],
    ['a reply 200 days ago (stale)', false, (id) => [touch('inbound-message', ago(200), { personId: id })], 180],
    ['a reply 200 days ago with a 365-day window', true, (id) => [touch('inbound-message', ago(200), { personId: id })], 365],
    ['a meeting booked for next week (not yet happened)', false, (id) => [touch('meeting', NOW + 7 * DAY, { personId: id })], 180],
    ['no touches at all', false, () => [], 180],
  ])('%s → live: %s', (_, live, touchesOf, liveRelationshipDays) => {
    const ceo = person('Dana Ruiz', { title: 'Chief Executive Officer' });
    const result = coverage([ceo], touchesOf(ceo.id), { owners, liveRelationshipDays });
    const executive = result.levels.find((l) => l.level === 'executive')!;
    expect(executive.live).toBe(live);
    expect(result.gaps.some((g) => g.level === 'executive')).toBe(!live);
  });
});

describe('account coverage', () => {
  it('groups people by level, highest first, most recently touched first within a level', () => {
    const ceo = person('Dana Ruiz', { title: 'Chief Executive Officer', owner: 'executive' });
    const vp = person('Vic Ortega', { title: 'VP Operations', owner: 'manager' });
    const head = person('Hana Ito', { title: 'Head of Procurement' });
    const director = person('Dee Park', { title: 'Director of IT' });
    const engineer = person('Eli Stone', { title: 'Software Engineer' });
    const unknown = person('Uma Vance');
    const result = coverage(
      [engineer, unknown, director, head, vp, ceo],
      [
        touch('meeting', ago(20), { personId: ceo.id }),
        touch('email', ago(40), { personId: vp.id }),
        touch('inbound-message', ago(3), { personId: head.id }),
        touch('email', ago(5), { personId: director.id }),
      ],
    );
    expect(result.levels.map((l) => [l.label, l.people.map((p) => p.person.name), l.live])).toEqual([
      ['Executive', ['Dana Ruiz'], true],
      ['VP / Head of', ['Hana Ito', 'Vic Ortega'], true],
      ['Director', ['Dee Park'], false],
      ['Manager', [], false],
      ['Individual contributor', ['Eli Stone'], false],
    ]);
    expect(result.unplaced.map((p) => p.person.name)).toEqual(['Uma Vance']);
    const vps = result.levels[1]!;
    expect(vps.lastTouchAt).toBe(ago(3));
    expect(vps.people.map((p) => p.liveAt)).toEqual([ago(3), undefined]);
  });

  it('places someone with no title or headline apart, never as a gap', () => {
    const unknown = person('Uma Vance');
    const result = coverage([unknown], [touch('email', ago(2), { personId: unknown.id })]);
    expect(result.unplaced).toEqual([{ person: unknown, lastTouchAt: ago(2) }]);
    expect(result.levels.every((l) => l.people.length === 0)).toBe(true);
    expect(result.gaps.map((g) => g.message)).toEqual(['Nobody saved at executive, VP / head-of, director or manager level at Acme yet']);
  });

  it('has no gaps when every senior level and the managers are live and no individual contributor is saved', () => {
    const people = [
      person('Dana Ruiz', { title: 'CEO' }),
      person('Vic Ortega', { title: 'VP Sales' }),
      person('Dee Park', { title: 'Director of IT' }),
      person('Max Roth', { title: 'Plant Manager' }),
    ];
    const result = coverage(
      people,
      people.map((p) => touch('inbound-message', ago(5), { personId: p.id })),
    );
    expect(result.levels.filter((l) => l.people.length > 0).every((l) => l.live)).toBe(true);
    expect(result.gaps).toEqual([]);
  });

  it.each<[string, Partial<Person>, (id: string) => Touch[], Settings['owners'], string, string]>([
    [
      'an executive last emailed 8 months ago',
      { title: 'Chief Executive Officer' },
      (id) => [touch('email', subMonths(NOW, 8).getTime(), { personId: id })],
      owners,
      'No executive relationship at Acme; last executive touch 8 months ago',
      'Engage Dana Ruiz (Chief Executive Officer) next. Morgan Lee, your executive, could help.',
    ],
    [
      'an executive whose last reply was 8 months ago, with a meeting booked for next week',
      { title: 'Chief Executive Officer' },
      (id) => [touch('inbound-message', subMonths(NOW, 8).getTime(), { personId: id }), touch('meeting', NOW + 7 * DAY, { personId: id })],
      owners,
      'No executive relationship at Acme; last executive touch 8 months ago',
      'Engage Dana Ruiz (Chief Executive Officer) next. Morgan Lee, your executive, could help.',
    ],
    [
      'an executive owned by our executive, with no names set',
      { title: 'Founder & CEO', owner: 'executive' },
      (id) => [touch('personal-note', ago(45), { personId: id })],
      { rep: '', manager: '', executive: '' },
      'No executive relationship at Acme; last executive touch 2 months ago',
      'Engage Dana Ruiz (Founder & CEO), whom your executive owns, next. Your executive could help.',
    ],
    [
      'a VP owned by the manager, never touched',
      { headline: 'VP Operations', owner: 'manager' },
      () => [],
      owners,
      'No VP / head-of relationship at Acme; never touched',
      'Engage Dana Ruiz (VP Operations), whom Priya Shah owns, next. Morgan Lee, your executive, could help.',
    ],
    [
      'a director touched 10 days ago',
      { title: 'Director of IT' },
      (id) => [touch('call', ago(10), { personId: id })],
      owners,
      'No director relationship at Acme; last director touch 10 days ago',
      'Engage Dana Ruiz (Director of IT) next. Priya Shah, your manager, could help.',
    ],
    [
      'a manager, whom the rep engages without help',
      { title: 'Plant Manager' },
      (id) => [touch('email', ago(1), { personId: id })],
      owners,
      'No manager relationship at Acme; last manager touch 1 day ago',
      'Engage Dana Ruiz (Plant Manager) next.',
    ],
  ])('calls out %s in plain words', (_, extra, touchesOf, names, message, suggestion) => {
    const dana = person('Dana Ruiz', extra);
    const result = coverage([dana], touchesOf(dana.id), { owners: names, liveRelationshipDays: 180 });
    const level = levelOf(dana)!;
    expect(result.gaps.find((g) => g.level === level)).toEqual({ level, message, suggestion });
  });

  it('suggests the most recently touched person at a level', () => {
    const cold = person('Ada Cole', { title: 'CFO' });
    const warmer = person('Zed Moss', { title: 'COO' });
    const result = coverage([cold, warmer], [touch('email', ago(90), { personId: cold.id }), touch('email', ago(60), { personId: warmer.id })]);
    expect(result.gaps[0]).toEqual({
      level: 'executive',
      message: 'No executive relationship at Acme; last executive touch 2 months ago',
      suggestion: 'Engage Zed Moss (COO) next. Morgan Lee, your executive, could help.',
    });
  });

  it.each<[string, string[], Person['seniority'], string, string]>([
    [
      'only an individual contributor',
      ['Software Engineer'],
      'executive',
      'Nobody saved at executive, VP / head-of, director or manager level at Acme yet',
      'Look under People on the company’s LinkedIn page and save them. Morgan Lee, your executive, could help.',
    ],
    [
      'an executive',
      ['CEO'],
      'vp',
      'Nobody saved at VP / head-of, director or manager level at Acme yet',
      'Look under People on the company’s LinkedIn page and save them. Morgan Lee, your executive, could help.',
    ],
    [
      'an executive and a VP',
      ['CEO', 'VP Sales'],
      'director',
      'Nobody saved at director or manager level at Acme yet',
      'Look under People on the company’s LinkedIn page and save them. Priya Shah, your manager, could help.',
    ],
    ['an executive, a VP and a director', ['CEO', 'VP Sales', 'Director of IT'], 'manager', 'Nobody saved at manager level at Acme yet', 'Look under People on the company’s LinkedIn page and save them.'],
  ])('with %s saved (all live), says in one line which levels have nobody saved', (_, titles, level, message, suggestion) => {
    const people = titles.map((title, i) => person(`Person ${i}`, { title }));
    const result = coverage(
      people,
      people.map((p) => touch('inbound-message', ago(1), { personId: p.id })),
    );
    expect(result.gaps).toEqual([{ level, message, suggestion }]);
  });

  it('does not call a missing individual contributor a gap', () => {
    const ceo = person('Dana Ruiz', { title: 'CEO' });
    const result = coverage([ceo], [touch('meeting', ago(1), { personId: ceo.id })]);
    expect(result.levels.find((l) => l.level === 'individual')).toMatchObject({ people: [], live: false });
    expect(result.gaps.map((g) => g.message)).toEqual(['Nobody saved at VP / head-of, director or manager level at Acme yet']);
  });
});
