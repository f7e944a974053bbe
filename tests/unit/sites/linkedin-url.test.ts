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
