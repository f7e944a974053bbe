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
