import { describe, expect, it } from 'vitest';
import { blankProfile } from '../../../lib/db/profiles';
import { applyProposal, proposeProfile, type BestClient } from '../../../lib/scoring/fromClients';

/** An ideal customer profile drawn from the rep's best clients (issue 19, seed 004). */

const values = <T>(list: readonly { value: T }[]) => list.map((p) => p.value);

describe('a profile from best clients', () => {
  it('same industry: proposed with every client behind it; places by country, then region', () => {
    const clients: BestClient[] = [
      { name: 'Sable Ridge Foods', industry: 'Food and Beverage Manufacturing', sizeBand: '201-500', location: 'Columbus, Ohio, United States', contactTitle: 'VP Operations' },
      { name: 'Prairie Dairy', industry: 'food and beverage manufacturing', sizeBand: '201-500', location: 'Dayton, Ohio, United States', contactTitle: 'Vice President, Operations' },
      { name: 'Cedar Mills', industry: 'Food and Beverage Manufacturing', sizeBand: '51-200', location: 'Indianapolis, Indiana, United States', contactTitle: 'Plant Manager' },
    ];
    const proposal = proposeProfile(clients);
    expect(proposal.industries).toEqual([{ value: 'Food and Beverage Manufacturing', clients: ['Sable Ridge Foods', 'Prairie Dairy', 'Cedar Mills'] }]);
    expect(values(proposal.locations)).toEqual(['United States', 'Ohio']);
    expect(proposal.locations[1]!.clients).toEqual(['Sable Ridge Foods', 'Prairie Dairy']);
    expect(values(proposal.seniorities)).toEqual(['vp']);
    expect(values(proposal.titleKeywords)).toEqual(['Operations']);
    expect(proposal.notes).toEqual([]);
  });

  it('mixed sizes: the span from the smallest to the largest, the bands between included', () => {
    const proposal = proposeProfile([
      { name: 'A', sizeBand: '51-200' },
      { name: 'B', sizeBand: '1001-5000' },
      { name: 'C', sizeBand: '201-500' },
    ]);
    expect(values(proposal.sizeBands)).toEqual(['51-200', '201-500', '501-1000', '1001-5000']);
    expect(proposal.sizeBands.find((b) => b.value === '501-1000')!.clients).toEqual([]);
  });

  it('mixed industries: none in common is left open, and says so', () => {
    const proposal = proposeProfile([
      { name: 'A', industry: 'Construction' },
      { name: 'B', industry: 'Retail' },
      { name: 'C', industry: 'Retail' },
      { name: 'D', industry: 'Software Development' },
    ]);
    expect(proposal.industries).toEqual([{ value: 'Retail', clients: ['B', 'C'] }]);
    expect(proposeProfile([{ name: 'A', industry: 'Construction' }, { name: 'B', industry: 'Retail' }]).notes).toContain(
      'Industry: your clients have none in common — left open, so it does not count.',
    );
  });

  it('too few to propose: one client is an example, not a pattern', () => {
    const proposal = proposeProfile([{ name: 'Only Client', industry: 'Retail', sizeBand: '11-50', location: 'Leeds, England, United Kingdom', contactTitle: 'Owner' }]);
    expect([proposal.industries, proposal.sizeBands, proposal.seniorities, proposal.titleKeywords, proposal.locations]).toEqual([[], [], [], [], []]);
    expect(proposal.notes).toEqual([
      'Industry: known for only one of your clients — add it to two or more to see a pattern.',
      'Company size: known for only one of your clients — add it to two or more to see a pattern.',
      'Level: known for only one of your clients — add it to two or more to see a pattern.',
      'Title words: known for none of your clients — add it to two or more to see a pattern.',
      'Place: known for only one of your clients — add it to two or more to see a pattern.',
    ]);
    expect(proposeProfile([]).notes).toHaveLength(5);
  });

  it('writes only what the rep kept into the profile, keeping its exclusions and weights', () => {
    const base = { ...blankProfile('Best clients', 1), exclusions: { students: true, recruiters: true, companies: ['Rival Co'] } };
    const proposal = proposeProfile([
      { name: 'A', industry: 'Retail', sizeBand: '11-50', contactTitle: 'Director of Operations' },
      { name: 'B', industry: 'Retail', sizeBand: '51-200', contactTitle: 'Operations Director' },
    ]);
    const profile = applyProposal(base, { ...proposal, titleKeywords: [] });
    expect(profile).toMatchObject({
      industries: { include: ['Retail'], exclude: [] },
      sizeBands: ['11-50', '51-200'],
      seniorities: ['director'],
      titleKeywords: [],
      exclusions: { companies: ['Rival Co'] },
      weights: base.weights,
    });
  });
});

describe('a profile from best clients: the finer points', () => {
  it('words that say the level, not the work, are never proposed as title words', () => {
    const noise = ['of', 'and', 'the', 'for', 'at', 'in', 'to', 'an', '&', 'de', 'des', 'la', 'head', 'chief', 'officer', 'senior', 'sr', 'junior', 'jr', 'lead', 'vp', 'svp', 'evp', 'vice', 'president', 'director', 'manager', 'executive', 'global', 'regional', 'group', 'deputy', 'assistant', 'associate', 'principal', 'ceo', 'coo', 'cfo', 'cto', 'cio', 'founder', 'owner', 'co'];
    const title = noise.join(' ');
    expect(proposeProfile([{ name: 'A', contactTitle: `${title} Welding` }, { name: 'B', contactTitle: `${title.toUpperCase()} welding` }]).titleKeywords).toEqual([
      { value: 'Welding', clients: ['A', 'B'] },
    ]);
  });

  it('one-letter words are no title words; “y” between two is none either', () => {
    const proposal = proposeProfile([{ name: 'A', contactTitle: 'Compras y Logística X' }, { name: 'B', contactTitle: 'Compras y Logística X' }]);
    expect(values(proposal.titleKeywords)).toEqual(['Compras', 'Logística']);
  });

  it('the most shared first, ties in alphabetical order; at most eight title words and six places', () => {
    const words = ['Quality', 'Plant', 'Maintenance', 'Safety', 'Operations', 'Logistics', 'Procurement', 'Energy', 'Welding', 'Assembly'];
    const places = ['Ohio', 'Texas', 'Iowa', 'Utah', 'Maine', 'Idaho', 'Kansas'].map((state) => `Springfield, ${state}, US`);
    const proposal = proposeProfile([
      { name: 'A', contactTitle: words.join(' '), location: 'Leeds, England, United Kingdom' },
      { name: 'B', contactTitle: words.join(' '), location: 'York, England, United Kingdom' },
      { name: 'C', contactTitle: 'Welding' },
      ...places.map((location, i) => ({ name: `P${i}`, location })),
      ...places.map((location, i) => ({ name: `Q${i}`, location })),
    ]);
    expect(values(proposal.titleKeywords)).toEqual(['Welding', 'Assembly', 'Energy', 'Logistics', 'Maintenance', 'Operations', 'Plant', 'Procurement']);
    expect(values(proposal.locations)).toEqual(['US', 'England', 'Idaho', 'Iowa', 'Kansas', 'Maine']);
  });

  it('a place of two parts is read by its last; of one part, that part', () => {
    const proposal = proposeProfile([
      { name: 'A', location: 'Columbus, Ohio' },
      { name: 'B', location: 'Dayton, Ohio' },
      { name: 'C', location: 'Ohio' },
      { name: 'D', location: ' , ' },
    ]);
    expect(proposal.locations).toEqual([{ value: 'Ohio', clients: ['A', 'B', 'C'] }]);
  });

  it('a client without a name is left out; one named twice the same counts once per client', () => {
    const proposal = proposeProfile([
      { name: '  ', industry: 'Retail' },
      { name: 'A', industry: 'Retail' },
      { name: 'B', industry: 'Construction' },
    ]);
    expect(proposal.industries).toEqual([]);
    expect(proposal.notes).toContain('Industry: your clients have none in common — left open, so it does not count.');
    expect(proposeProfile([{ name: 'A', contactTitle: 'Welding Welding' }, { name: 'B', contactTitle: 'Welding' }]).titleKeywords).toEqual([{ value: 'Welding', clients: ['A', 'B'] }]);
  });

  it('sizes known for only one client propose no span', () => {
    const proposal = proposeProfile([{ name: 'A', sizeBand: '51-200' }, { name: 'B' }]);
    expect(proposal.sizeBands).toEqual([]);
    expect(proposal.notes).toContain('Company size: known for only one of your clients — add it to two or more to see a pattern.');
  });

  it('two clients of the same size propose that size alone', () => {
    expect(proposeProfile([{ name: 'A', sizeBand: '51-200' }, { name: 'B', sizeBand: '51-200' }]).sizeBands).toEqual([{ value: '51-200', clients: ['A', 'B'] }]);
  });

  it('levels and title words that differ say they have none in common', () => {
    const notes = proposeProfile([{ name: 'A', contactTitle: 'CEO, Sales' }, { name: 'B', contactTitle: 'Welder' }]).notes;
    expect(notes).toContain('Level: your clients have none in common — left open, so it does not count.');
    expect(notes).toContain('Title words: your clients have none in common — left open, so it does not count.');
  });

  it('a client of unknown size neither breaks nor widens the span of the others', () => {
    const proposal = proposeProfile([{ name: 'A', sizeBand: '51-200' }, { name: 'B', sizeBand: '201-500' }, { name: 'C' }]);
    expect(proposal.sizeBands).toEqual([
      { value: '51-200', clients: ['A'] },
      { value: '201-500', clients: ['B'] },
    ]);
  });

  it('clients the rep knows nothing about propose nothing, and each criterion says it is known for none', () => {
    const proposal = proposeProfile([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
    expect([proposal.industries, proposal.sizeBands, proposal.seniorities, proposal.titleKeywords, proposal.locations]).toEqual([[], [], [], [], []]);
    expect(proposal.notes).toEqual(
      ['Industry', 'Company size', 'Level', 'Title words', 'Place'].map((what) => `${what}: known for none of your clients — add it to two or more to see a pattern.`),
    );
  });

  it('an industry of blanks is no industry', () => {
    const proposal = proposeProfile([{ name: 'A', industry: '  ' }, { name: 'B', industry: '  ' }]);
    expect(proposal.industries).toEqual([]);
    expect(proposal.notes).toContain('Industry: known for none of your clients — add it to two or more to see a pattern.');
  });

  it('an industry typed with spaces around it is proposed without them', () => {
    expect(proposeProfile([{ name: 'A', industry: '  Retail ' }, { name: 'B', industry: 'Retail' }]).industries).toEqual([{ value: 'Retail', clients: ['A', 'B'] }]);
  });

  it('a place of commas alone is no place', () => {
    const proposal = proposeProfile([{ name: 'A', location: ' , ' }, { name: 'B', location: ',' }]);
    expect(proposal.locations).toEqual([]);
    expect(proposal.notes).toContain('Place: known for none of your clients — add it to two or more to see a pattern.');
  });

  it('a trailing comma does not hide the region: country, then region, as written without it', () => {
    const proposal = proposeProfile([
      { name: 'A', location: 'Leeds, England, United Kingdom,' },
      { name: 'B', location: 'York, England, United Kingdom, ' },
    ]);
    expect(values(proposal.locations)).toEqual(['England', 'United Kingdom']);
  });
});
