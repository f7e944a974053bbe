import { describe, expect, it } from 'vitest';
import { blankProfile } from '../../../lib/db/profiles';
import type { IdealCustomerProfile } from '../../../lib/model';
import { bandFor, describeFit, profileIsSet, profileKey, scoreFit, type FitSubject } from '../../../lib/scoring/fit';

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

describe('bands and confidence at their edges', () => {
  it.each<[number, string]>([
    [100, 'A'], [75, 'A'], [74, 'B'], [50, 'B'], [49, 'C'], [25, 'C'], [24, 'D'], [0, 'D'],
  ])('a score of %i is band %s', (score, band) => {
    expect(bandFor(score)).toBe(band);
  });

  // Two criteria, industry known and size unknown: the share known is industry's weight of the total.
  const twoCriteria = (industry: number, size: number) =>
    manufacturers({ weights: { industry, size, seniority: 0, title: 0, location: 0, keywords: 0 }, exclusions: { students: false, recruiters: false, companies: [] } });
  const industryKnown: FitSubject = { kind: 'company', industry: 'Manufacturing' };

  it.each<[number, number, string]>([
    [7, 3, 'high'], // 70 % known
    [2, 3, 'medium'], // 40 % known
    [1, 2, 'low'], // 33 % known
  ])('industry weighing %i of %i+%i known: %s confidence', (industry, size, confidence) => {
    expect(scoreFit(twoCriteria(industry, size), industryKnown)).toMatchObject({ score: 100, confidence });
  });

  it('high confidence reads as the band alone', () => {
    expect(describeFit({ band: 'B', confidence: 'high' })).toBe('B');
    expect(describeFit({ band: 'C', confidence: 'low' })).toBe('C · low confidence');
  });
});

describe('profileIsSet: one thing asked is enough', () => {
  const nothing: IdealCustomerProfile = { ...blankProfile('Empty', 1), exclusions: { students: false, recruiters: false, companies: [] } };
  it.each<[string, Partial<IdealCustomerProfile>]>([
    ['an industry wanted', { industries: { include: ['Manufacturing'], exclude: [] } }],
    ['an industry excluded', { industries: { include: [], exclude: ['Staffing'] } }],
    ['a size band', { sizeBands: ['51-200'] }],
    ['a seniority', { seniorities: ['director'] }],
    ['a title keyword', { titleKeywords: ['operations'] }],
    ['a location', { locations: ['Ohio'] }],
    ['a keyword', { keywords: ['automation'] }],
    ['a never-prospect company', { exclusions: { students: false, recruiters: false, companies: ['Rival'] } }],
    ['students excluded', { exclusions: { students: true, recruiters: false, companies: [] } }],
    ['recruiters excluded', { exclusions: { students: false, recruiters: true, companies: [] } }],
  ])('%s', (_label, asked) => {
    expect(profileIsSet({ ...nothing, ...asked })).toBe(true);
  });

  it('nothing asked, or no profile, is not set', () => {
    expect(profileIsSet(nothing)).toBe(false);
    expect(profileIsSet(undefined)).toBe(false);
  });

  it('which version of the profile a fit came from: its id and last edit', () => {
    expect(profileKey({ ...nothing, id: 'icp1', updatedAt: 42 })).toBe('icp1@42');
  });
});

describe('the evidence: what “explained” says for each criterion', () => {
  const evidence = (subject: FitSubject, profile = manufacturers()) =>
    Object.fromEntries(scoreFit(profile, subject)!.criteria.map((c) => [c.id, `${c.status}: ${c.evidence}`]));

  it('nothing known', () => {
    expect(evidence({ kind: 'person' })).toEqual({
      industry: 'unknown: industry not known',
      size: 'unknown: company size not known',
      seniority: 'unknown: no title to judge seniority from',
      title: 'unknown: no title known',
      location: 'unknown: location not known',
      keywords: 'unknown: no headline or company to search',
    });
  });

  it('everything missed', () => {
    expect(
      evidence({ kind: 'person', title: 'Software Engineer', headline: 'Builds apps', companyName: 'Appsmith', industry: 'Software', sizeBand: '11-50', location: 'Lyon, France' }),
    ).toEqual({
      industry: 'missed: industry ‘Software’ is not one of yours',
      size: 'missed: 11-50 employees is outside your range',
      seniority: 'missed: title ‘Software Engineer’ → Individual contributor: not a level you target',
      title: 'missed: title ‘Software Engineer’ has none of your title keywords',
      location: 'missed: location ‘Lyon, France’ is outside your territory',
      keywords: 'missed: none of your keywords in ‘Builds apps · Appsmith’',
    });
  });

  it('everything matched, the company’s place standing in for the person’s', () => {
    expect(
      evidence({ kind: 'person', title: 'Director of Operations', headline: 'Automation nerd', companyName: 'Kestrel', industry: 'Manufacturing', sizeBand: '201-500', companyLocation: 'Dayton, Ohio' }),
    ).toEqual({
      industry: 'matched: industry ‘Manufacturing’ → ‘Manufacturing’: matched',
      size: 'matched: 201-500 employees is in your range: matched',
      seniority: 'matched: title ‘Director of Operations’ → Director: matched',
      title: 'matched: title ‘Director of Operations’ has ‘operations’: matched',
      location: 'matched: location ‘Dayton, Ohio’ → ‘Ohio’: matched',
      keywords: 'matched: ‘automation’ found in ‘Automation nerd · Kestrel’: matched',
    });
  });

  it('the person’s place and the company’s are read together', () => {
    expect(evidence({ kind: 'person', location: 'Paris, France', companyLocation: 'Toledo, Ohio' }).location).toBe(
      'matched: location ‘Paris, France · Toledo, Ohio’ → ‘Ohio’: matched',
    );
  });

  it('a seniority the rep set wins over the title’s', () => {
    expect(evidence({ kind: 'person', title: 'Plant Engineer', seniority: 'executive' }).seniority).toBe('matched: title ‘Plant Engineer’ → Executive: matched');
    expect(evidence({ kind: 'person', seniority: 'manager' }).seniority).toBe('missed: title ‘’ → Manager: not a level you target');
  });

  it('the title is read before the headline', () => {
    expect(evidence({ kind: 'person', title: 'Plant Manager', headline: 'VP Operations' }).title).toBe('matched: title ‘Plant Manager’ has ‘plant’: matched');
  });
});

describe('exclusions: every term a rep would expect', () => {
  const excludedAs = (headline: string, exclusions = { students: true, recruiters: true, companies: [] as string[] }) =>
    scoreFit(manufacturers({ exclusions }), { kind: 'person', headline })?.excluded;

  it.each([
    'student', 'intern', 'internship', 'trainee', 'apprentice', 'werkstudent', 'werkstudentin', 'praktikant', 'praktikantin',
    'etudiant', 'etudiante', 'stagiaire', 'estudiante', 'becario', 'becaria',
  ])('“%s” is a student or intern', (term) => {
    expect(excludedAs(`Plant ${term} at Kestrel`)).toBe(`Excluded: a student or intern (‘${term}’ in ‘Plant ${term} at Kestrel’)`);
    expect(excludedAs(`Plant ${term} at Kestrel`, { students: false, recruiters: true, companies: [] })).toBeUndefined();
  });

  it.each([
    'recruiter', 'recruiting', 'recruitment', 'talent acquisition', 'headhunter', 'headhunting', 'staffing', 'sourcer',
    'personalberater', 'personalberaterin', 'recruteur', 'reclutador',
  ])('“%s” is a recruiter', (term) => {
    expect(excludedAs(`Senior ${term} · Ohio`)).toBe(`Excluded: a recruiter (‘${term}’ in ‘Senior ${term} · Ohio’)`);
    expect(excludedAs(`Senior ${term} · Ohio`, { students: true, recruiters: false, companies: [] })).toBeUndefined();
  });

  it('the title and the headline are both read, accents aside', () => {
    const fit = scoreFit(manufacturers(), { kind: 'person', title: 'Étudiant', headline: 'Génie industriel' });
    expect(fit?.excluded).toBe('Excluded: a student or intern (‘etudiant’ in ‘Étudiant · Génie industriel’)');
  });

  it('a company is never excluded as a student or a recruiter', () => {
    expect(scoreFit(manufacturers(), { kind: 'company', companyName: 'Student Loans Inc', industry: 'Manufacturing' })?.excluded).toBeUndefined();
  });

  it('the never-prospect list and excluded industries say what matched', () => {
    expect(scoreFit(manufacturers(), { ...adaeze, companyName: 'Rival Systems Inc.' })?.excluded).toBe('Excluded: ‘Rival Systems Inc.’ is on your never-prospect list');
    expect(scoreFit(manufacturers(), { ...adaeze, industry: 'Staffing and Recruiting' })?.excluded).toBe('Excluded: industry ‘Staffing and Recruiting’ is one you exclude');
  });
});

describe('scoring without the evidence (re-scoring everyone keeps only the summary)', () => {
  const subjects: [string, FitSubject][] = [
    ['a fit', adaeze],
    ['a miss', { kind: 'person', headline: 'Software Engineer', companyName: 'Lumen Apps', industry: 'Software', sizeBand: '11-50', location: 'Lisbon, Portugal' }],
    ['an exclusion', { kind: 'person', headline: 'Technical Recruiter at Talentia', companyName: 'Talentia' }],
    ['nothing known', { kind: 'person' }],
  ];

  it.each(subjects)('%s: the same score, band, confidence and exclusion, with no words', (_, subject) => {
    const explained = scoreFit(manufacturers(), subject)!;
    const summary = scoreFit(manufacturers(), subject, { explain: false })!;
    expect({ ...summary, criteria: undefined }).toEqual({ ...explained, criteria: undefined });
    expect(summary.criteria.map((c) => [c.id, c.status, c.weight])).toEqual(explained.criteria.map((c) => [c.id, c.status, c.weight]));
    expect(summary.criteria.every((c) => c.evidence === '')).toBe(true);
    expect(explained.criteria.every((c) => c.evidence.length > 0)).toBe(true);
  });
});
