import { describe, expect, it } from 'vitest';
import {
  linkedInPageKind,
  salesAccountCompanyUrlOrUndefined,
  salesLeadProfileUrlOrUndefined,
  canonicalCompanyUrlOrUndefined,
  canonicalProfileUrlOrUndefined,
  displaySlug,
} from '../../../lib/sites/linkedin/url';

const JANE = 'https://www.linkedin.com/in/jane-doe-4a1b2c/';

describe('canonicalProfileUrlOrUndefined', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-doe-4a1b2c/', JANE],
    ['https://www.linkedin.com/in/jane-doe-4a1b2c', JANE],
    ['https://linkedin.com/in/jane-doe-4a1b2c/', JANE],
    ['http://www.linkedin.com/in/jane-doe-4a1b2c/', JANE],
    ['https://de.linkedin.com/in/jane-doe-4a1b2c/', JANE],
    ['https://uk.linkedin.com/in/jane-doe-4a1b2c', JANE],
    ['https://se.linkedin.com/in/jane-doe-4a1b2c/?originalSubdomain=se', JANE],
    ['https://m.linkedin.com/in/jane-doe-4a1b2c/', JANE],
    ['https://www.linkedin.com/in/jane-doe-4a1b2c/details/experience/', JANE],
    ['https://www.linkedin.com/in/jane-doe-4a1b2c/recent-activity/all/', JANE],
    ['https://www.linkedin.com/in/jane-doe-4a1b2c/overlay/contact-info/', JANE],
    ['https://www.linkedin.com/in/jane-doe-4a1b2c/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAA', JANE],
    ['https://www.linkedin.com/in/jane-doe-4a1b2c/#experience', JANE],
    ['https://www.linkedin.com/in/Jane-Doe-4A1B2C/', JANE],
    ['https://WWW.LinkedIn.com/IN/jane-doe-4a1b2c/', JANE],
    ['https://www.linkedin.com//in//jane-doe-4a1b2c//', JANE],
    ['  https://www.linkedin.com/in/jane-doe-4a1b2c/  ', JANE],
    ['/in/jane-doe-4a1b2c/details/skills/', JANE],
    // Non-ASCII slugs: raw, percent-encoded, upper-case escapes, decomposed (NFD) forms agree.
    ['https://www.linkedin.com/in/jürgen-müller-7b/', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7b/'],
    ['https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7b', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7b/'],
    ['https://de.linkedin.com/in/J%C3%9CRGEN-M%C3%9CLLER-7B/', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7b/'],
    ['https://www.linkedin.com/in/ju\u0308rgen-mu\u0308ller-7b/', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7b/'],
    ['https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/', 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/'],
    ['https://www.linkedin.com/in/王小明/', 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/'],
    ['https://fr.linkedin.com/in/ren%C3%A9e-o-connor/', 'https://www.linkedin.com/in/ren%C3%A9e-o-connor/'],
    // Member ids are case-sensitive; vanity names are not.
    ['https://www.linkedin.com/in/ACoAAB1234xyzQRS789/', 'https://www.linkedin.com/in/ACoAAB1234xyzQRS789/'],
    ['https://www.linkedin.com/in/Acoaab-fan/', 'https://www.linkedin.com/in/acoaab-fan/'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalProfileUrlOrUndefined(input)).toBe(expected);
  });

  it.each([
    ['https://www.linkedin.com/feed/'],
    ['https://www.linkedin.com/in/'],
    ['https://www.linkedin.com/in'],
    ['https://www.linkedin.com/company/acme/'],
    ['https://www.linkedin.com/search/results/people/?keywords=jane'],
    ['https://www.linkedin.com/messaging/thread/2-abc/'],
    ['https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH,x1'],
    ['https://www.linkedin.com/in/%E0%A4%A/'],
    ['https://www.linkedin.com/in/jane%20doe/'],
    ['https://www.linkedin.com/in/jane%2Fdoe/'],
    ['https://evil.example/in/jane-doe/'],
    ['https://linkedin.com.evil.example/in/jane-doe/'],
    ['https://www.notlinkedin.com/in/jane-doe/'],
    ['javascript:alert(1)//www.linkedin.com/in/jane'],
    ['ftp://www.linkedin.com/in/jane-doe/'],
    ['not a url at all'],
    [''],
  ])('%s is not a profile', (input) => {
    expect(canonicalProfileUrlOrUndefined(input)).toBeUndefined();
  });

  it('displaySlug decodes for people to read', () => {
    expect(displaySlug('https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7b/')).toBe('jürgen-müller-7b');
  });
});

describe('canonicalCompanyUrlOrUndefined', () => {
  const ACME = 'https://www.linkedin.com/company/acme-robotics/';
  it.each([
    ['https://www.linkedin.com/company/acme-robotics/', ACME],
    ['https://www.linkedin.com/company/acme-robotics', ACME],
    ['https://www.linkedin.com/company/acme-robotics/about/', ACME],
    ['https://www.linkedin.com/company/acme-robotics/people/?facetGeoRegion=103644278', ACME],
    ['https://www.linkedin.com/company/acme-robotics/posts/?feedView=all', ACME],
    ['https://de.linkedin.com/company/Acme-Robotics', ACME],
    ['https://www.linkedin.com/company/acme-robotics/life/', ACME],
    ['https://www.linkedin.com/company/1035/', 'https://www.linkedin.com/company/1035/'],
    ['https://www.linkedin.com/company/m%C3%BCller-gmbh/', 'https://www.linkedin.com/company/m%C3%BCller-gmbh/'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalCompanyUrlOrUndefined(input)).toBe(expected);
  });

  it.each([
    ['https://www.linkedin.com/company/'],
    ['https://www.linkedin.com/company/setup/new/'],
    ['https://www.linkedin.com/in/jane-doe/'],
    ['https://www.linkedin.com/sales/company/123456'],
    ['https://acme.example/company/acme/'],
  ])('%s is not a company page', (input) => {
    expect(canonicalCompanyUrlOrUndefined(input)).toBeUndefined();
  });
});

describe('Sales Navigator', () => {
  it.each([
    ['https://www.linkedin.com/sales/lead/ACwAAAk9ZyQBx3mPq2RtUvWxYz01AbCdEfGhIjK,NAME_SEARCH,9xQz', 'https://www.linkedin.com/in/ACwAAAk9ZyQBx3mPq2RtUvWxYz01AbCdEfGhIjK/'],
    ['https://www.linkedin.com/sales/lead/ACwAAAk9ZyQBx3mPq2RtUvWxYz01AbCdEfGhIjK,NAME_SEARCH,9xQz?_ntb=abc', 'https://www.linkedin.com/in/ACwAAAk9ZyQBx3mPq2RtUvWxYz01AbCdEfGhIjK/'],
    ['https://www.linkedin.com/sales/people/ACwAAAk9ZyQBx3mPq2RtUvWxYz01AbCdEfGhIjK,name,x1', 'https://www.linkedin.com/in/ACwAAAk9ZyQBx3mPq2RtUvWxYz01AbCdEfGhIjK/'],
    ['https://www.linkedin.com/sales/lead/not-a-member-id', undefined],
    ['https://www.linkedin.com/sales/home', undefined],
  ])('lead %s → %s', (input, expected) => {
    expect(salesLeadProfileUrlOrUndefined(input)).toBe(expected);
  });

  it.each([
    ['https://www.linkedin.com/sales/company/4455667', 'https://www.linkedin.com/company/4455667/'],
    ['https://www.linkedin.com/sales/company/4455667/people?x=1', 'https://www.linkedin.com/company/4455667/'],
    ['https://www.linkedin.com/sales/company/acme', undefined],
  ])('account %s → %s', (input, expected) => {
    expect(salesAccountCompanyUrlOrUndefined(input)).toBe(expected);
  });
});

describe('linkedInPageKind', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-doe/', 'person'],
    ['https://uk.linkedin.com/in/jane-doe/details/experience/', 'person'],
    ['https://www.linkedin.com/in/jane-doe/recent-activity/all/', 'person'],
    ['https://www.linkedin.com/company/acme/', 'company'],
    ['https://www.linkedin.com/company/acme/about/', 'company'],
    ['https://www.linkedin.com/company/acme/people/', 'company'],
    ['https://www.linkedin.com/sales/lead/ACwAAAk9ZyQBx3mPq2RtUvWxYz01AbCdEfGhIjK,NAME_SEARCH,9xQz', 'sales-lead'],
    ['https://www.linkedin.com/sales/company/4455667', 'sales-account'],
    ['https://www.linkedin.com/feed/', 'none'],
    ['https://www.linkedin.com/search/results/people/?keywords=plant%20manager', 'none'],
    ['https://www.linkedin.com/messaging/thread/2-YWJj/', 'none'],
    ['https://www.linkedin.com/jobs/view/3812345678/', 'none'],
    ['https://www.linkedin.com/notifications/', 'none'],
    ['https://www.linkedin.com/mynetwork/', 'none'],
    ['https://www.linkedin.com/', 'none'],
    ['https://www.linkedin.com/sales/home', 'none'],
  ])('%s is a %s page', (url, kind) => {
    expect(linkedInPageKind(url)).toBe(kind);
  });
});

describe('slug limits: what can be a vanity name', () => {
  const profile = (slug: string) => canonicalProfileUrlOrUndefined(`https://www.linkedin.com/in/${slug}/`);

  it('a slug of 200 characters is a profile; one of 201 is not', () => {
    expect(profile('a'.repeat(200))).toBe(`https://www.linkedin.com/in/${'a'.repeat(200)}/`);
    expect(profile('a'.repeat(201))).toBeUndefined();
  });

  it('a slug of one character is a profile; one that is only spaces is none', () => {
    expect(profile('a')).toBe('https://www.linkedin.com/in/a/');
    expect(profile('%20%20')).toBeUndefined();
  });

  it('spaces around an encoded slug are trimmed, not kept', () => {
    expect(profile('%20jane-doe%20')).toBe('https://www.linkedin.com/in/jane-doe/');
  });

  it.each([
    ['a tab', 'jane%09doe'],
    ['a line break', 'jane%0Adoe'],
    ['a question mark', 'jane%3Fdoe'],
    ['a hash', 'jane%23doe'],
    ['a backslash', 'jane%5Cdoe'],
    ['a percent sign', 'jane%25doe'],
    ['an angle bracket', 'jane%3Cdoe%3E'],
    ['a double quote', 'jane%22doe'],
    ['a single quote', 'jane%27doe'],
    ['a control character', 'jane%7Fdoe'],
  ])('a slug with %s is no vanity name', (_label, slug) => {
    expect(profile(slug)).toBeUndefined();
  });

  it('a member id keeps its case only when it is one: "AC", one letter, "AA", then ten or more', () => {
    expect(profile('ACoAA0123456789')).toBe('https://www.linkedin.com/in/ACoAA0123456789/');
    expect(profile('ACoAA012345678')).toBe('https://www.linkedin.com/in/acoaa012345678/');
    expect(profile('XACoAA0123456789')).toBe('https://www.linkedin.com/in/xacoaa0123456789/');
    expect(profile('ACoAA0123456789!')).toBe('https://www.linkedin.com/in/acoaa0123456789!/');
    expect(profile('ACoAA01234_6789-')).toBe('https://www.linkedin.com/in/ACoAA01234_6789-/');
  });
});

describe('LinkedIn hosts', () => {
  it.each([
    ['a country subdomain of three letters', 'https://abc.linkedin.com/in/jane/', true],
    ['a subdomain of four letters', 'https://abcd.linkedin.com/in/jane/', false],
    ['a two-level subdomain', 'https://x.de.linkedin.com/in/jane/', false],
    ['a numeric subdomain', 'https://12.linkedin.com/in/jane/', false],
  ])('%s', (_label, url, isProfile) => {
    expect(canonicalProfileUrlOrUndefined(url) !== undefined).toBe(isProfile);
  });
});

describe('reserved company pages', () => {
  it.each(['setup', 'unavailable'])('/company/%s/ is LinkedIn’s own page, no company', (slug) => {
    expect(canonicalCompanyUrlOrUndefined(`https://www.linkedin.com/company/${slug}/`)).toBeUndefined();
    expect(linkedInPageKind(`https://www.linkedin.com/company/${slug}/`)).toBe('none');
  });

  it('a company whose name merely starts like one is a company', () => {
    expect(canonicalCompanyUrlOrUndefined('https://www.linkedin.com/company/setup-robotics/')).toBe('https://www.linkedin.com/company/setup-robotics/');
  });
});

describe('Sales Navigator, further forms', () => {
  it('an account insights page names the company', () => {
    expect(salesAccountCompanyUrlOrUndefined('https://www.linkedin.com/sales/accounts/insights/4455667?tab=1')).toBe('https://www.linkedin.com/company/4455667/');
  });

  it.each([
    ['a page off LinkedIn', 'https://evil.example/sales/company/4455667'],
    ['a company id under another path', 'https://www.linkedin.com/x/sales/company/4455667'],
  ])('%s names no account', (_label, url) => {
    expect(salesAccountCompanyUrlOrUndefined(url)).toBeUndefined();
  });

  it.each([
    ['a lead off LinkedIn', 'https://evil.example/sales/lead/ACwAAAk9ZyQBx3mPq2RtUvWxYz01AbCdEfGhIjK,NAME_SEARCH,9xQz'],
    ['a lead under another path', 'https://www.linkedin.com/x/sales/lead/ACwAAAk9ZyQBx3mPq2RtUvWxYz01AbCdEfGhIjK,NAME_SEARCH,9xQz'],
    ['a lead with an empty id', 'https://www.linkedin.com/sales/lead/,NAME_SEARCH,9xQz'],
    ['a lead whose id is badly encoded', 'https://www.linkedin.com/sales/lead/%E0%A4%A,NAME_SEARCH,9xQz'],
  ])('%s names no member', (_label, url) => {
    expect(salesLeadProfileUrlOrUndefined(url)).toBeUndefined();
  });
});

describe('displaySlug', () => {
  it('of a company URL is its slug; of a bare host, nothing', () => {
    expect(displaySlug('https://www.linkedin.com/company/m%C3%BCller-gmbh/')).toBe('müller-gmbh');
    expect(displaySlug('https://www.linkedin.com/')).toBe('');
  });
});
