import { describe, expect, it } from 'vitest';
import { blankProfile } from '../../../lib/db/profiles';
import type { IdealCustomerProfile } from '../../../lib/model';
import { describeFit, scoreFit, type FitSubject } from '../../../lib/scoring/fit';

/** Mid-size manufacturers in the US Midwest; ops and engineering leaders. */
function manufacturers(overrides: Partial<IdealCustomerProfile> = {}): IdealCustomerProfile {
  return {
    ...blankProfile('Midwest manufacturers', 1),
    industries: { include: ['Manufacturing', 'Food and Beverage'], exclude: ['Staffing and Recruiting'] },
    sizeBands: ['201-500', '501-1000', '1001-5000'],
    seniorities: ['executive', 'vp', 'director'],
    titleKeywords: ['operations', 'plant', 'engineering'],
    locations: ['Ohio', 'Michigan', 'Indiana'],
    keywords: ['automation'],
    exclusions: { students: true, recruiters: true, companies: ['Rival Systems'] },
    ...overrides,
  };
}

const adaeze: FitSubject = {
  kind: 'person',
  headline: 'Head of Plant Engineering at Sable Ridge Foods | Food safety & automation',
  companyName: 'Sable Ridge Foods',
  industry: 'Food and Beverage Manufacturing',
  sizeBand: '1001-5000',
  location: 'Columbus, Ohio, United States',
};

describe('scoreFit', () => {
  it('no profile, or one that asks nothing → no score at all, never a made-up number', () => {
    expect(scoreFit(undefined, adaeze)).toBeUndefined();
    expect(scoreFit({ ...blankProfile('Empty', 1), exclusions: { students: false, recruiters: false, companies: [] } }, adaeze)).toBeUndefined();
  });

  it('a prospect who matches everything scores 100, A, high confidence, with evidence per criterion', () => {
    const fit = scoreFit(manufacturers(), adaeze)!;
    expect(fit).toMatchObject({ score: 100, band: 'A', confidence: 'high' });
    expect(fit.criteria.map((c) => [c.id, c.status])).toEqual([
      ['industry', 'matched'],
      ['size', 'matched'],
      ['seniority', 'matched'],
      ['title', 'matched'],
      ['location', 'matched'],
      ['keywords', 'matched'],
    ]);
    expect(fit.criteria.find((c) => c.id === 'seniority')?.evidence).toBe(
      'title ‘Head of Plant Engineering at Sable Ridge Foods | Food safety & automation’ → VP / Head of: matched',
    );
    expect(fit.criteria.find((c) => c.id === 'industry')?.evidence).toBe('industry ‘Food and Beverage Manufacturing’ → ‘Manufacturing’: matched');
  });

  it('weights decide: a miss on a heavy criterion costs more than on a light one', () => {
    const wrongPlace = scoreFit(manufacturers(), { ...adaeze, location: 'Lyon, France' })!;
    const wrongLevel = scoreFit(manufacturers(), { ...adaeze, headline: 'Plant Engineer at Sable Ridge Foods, automation' })!;
    // Total weight 12: location weighs 1, seniority 3.
    expect(wrongPlace.score).toBe(Math.round((100 * 11) / 12));
    expect(wrongLevel.score).toBe(Math.round((100 * 9) / 12));
    expect(wrongPlace.criteria.find((c) => c.id === 'location')).toMatchObject({ status: 'missed', evidence: 'location ‘Lyon, France’ is outside your territory' });
  });

  it('a thin profile reads as its band with lower confidence, not D', () => {
    const headlineOnly = scoreFit(manufacturers(), { kind: 'person', headline: 'VP Operations' })!;
    expect(headlineOnly.criteria.filter((c) => c.status === 'unknown').map((c) => c.id)).toEqual(['industry', 'size', 'location']);
    expect(headlineOnly).toMatchObject({ score: 83, band: 'A', confidence: 'medium' });
    expect(describeFit(headlineOnly)).toBe('A · medium confidence');

    // Only the location is known, and it matches: a good sign, but little is known.
    const placeOnly = scoreFit(manufacturers({ keywords: [], titleKeywords: [] }), { kind: 'person', location: 'Toledo, Ohio' })!;
    expect(placeOnly).toMatchObject({ band: 'A', confidence: 'low' });
    const halfKnown = scoreFit(manufacturers(), { kind: 'person', location: 'Toledo, Ohio', companyName: 'Kestrel Foods' })!;
    expect(halfKnown).toMatchObject({ score: 50, band: 'B', confidence: 'low' });
    expect(describeFit(halfKnown)).toBe('B · low confidence');
  });

  it('nothing known → no score, low confidence', () => {
    const fit = scoreFit(manufacturers(), { kind: 'person' })!;
    expect(fit.score).toBeUndefined();
    expect(fit.criteria.every((c) => c.status === 'unknown')).toBe(true);
    expect(describeFit(fit)).toBe('Not enough known');
  });

  it.each<[string, FitSubject, RegExp]>([
    ['a student', { kind: 'person', headline: 'Mechanical Engineering Student at Ohio State' }, /student or intern \(‘student’/],
    ['an intern', { kind: 'person', headline: 'Operations Intern · Sable Ridge Foods' }, /student or intern/],
    ['a Werkstudent', { kind: 'person', headline: 'Werkstudent Produktion' }, /student or intern/],
    ['a recruiter', { kind: 'person', headline: 'Senior Technical Recruiter | Manufacturing' }, /a recruiter/],
    ['talent acquisition', { kind: 'person', headline: 'Head of Talent Acquisition' }, /a recruiter/],
    ['a competitor', { ...adaeze, companyName: 'Rival Systems Inc.' }, /never-prospect list/],
    ['an excluded industry', { ...adaeze, industry: 'Staffing and Recruiting' }, /industry ‘Staffing and Recruiting’ is one you exclude/],
  ])('excludes %s outright', (_label, subject, reason) => {
    const fit = scoreFit(manufacturers(), subject)!;
    expect(fit).toMatchObject({ score: 0, band: 'D', confidence: 'high' });
    expect(fit.excluded).toMatch(reason);
    expect(describeFit(fit)).toBe('Excluded');
  });

  it('exclusions can be turned off', () => {
    const fit = scoreFit(manufacturers({ exclusions: { students: false, recruiters: false, companies: [] } }), { kind: 'person', headline: 'Technical Recruiter' })!;
    expect(fit.excluded).toBeUndefined();
  });

  it('a criterion weighted 0 or left empty does not count', () => {
    const fit = scoreFit(manufacturers({ weights: { industry: 0, size: 0, seniority: 3, title: 0, location: 0, keywords: 0 }, locations: [] }), adaeze)!;
    expect(fit.criteria.map((c) => c.id)).toEqual(['seniority']);
  });

  it('companies are scored on company criteria only', () => {
    const fit = scoreFit(manufacturers(), { kind: 'company', companyName: 'Sable Ridge Foods', industry: 'Food and Beverage Manufacturing', sizeBand: '51-200', companyLocation: 'Columbus, Ohio' })!;
    expect(fit.criteria.map((c) => [c.id, c.status])).toEqual([
      ['industry', 'matched'],
      ['size', 'missed'],
      ['location', 'matched'],
      ['keywords', 'missed'],
    ]);
    expect(fit.band).toBe('B');
  });

  it('matches whole words, accents and case aside', () => {
    const it = manufacturers({ industries: { include: [], exclude: [] }, sizeBands: [], seniorities: [], titleKeywords: ['IT'], locations: ['Zürich'], keywords: [] });
    expect(scoreFit(it, { kind: 'person', headline: 'Head of IT', location: 'ZURICH, Switzerland' })!.score).toBe(100);
    expect(scoreFit(it, { kind: 'person', headline: 'Working with robots', location: 'Basel' })!.score).toBe(0);
  });
});
