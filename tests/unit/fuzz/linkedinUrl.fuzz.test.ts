import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCompanyUrlOrUndefined, canonicalProfileUrlOrUndefined, displaySlug, linkedInPageKind } from '../../../lib/sites/linkedin/url';
import { RUNS } from './arbitraries';

/**
 * The LinkedIn URL canonicaliser, fuzzed (issue 15): it is the identity of every person and
 * company, so for any text it must answer without throwing, and an answer must be a canonical
 * address that canonicalises to itself and survives every way LinkedIn spells the same page.
 */

const PROFILE = /^https:\/\/www\.linkedin\.com\/in\/[^/?#\s]{1,600}\/$/;
const COMPANY = /^https:\/\/www\.linkedin\.com\/company\/[^/?#\s]{1,600}\/$/;

const slug = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,60}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  fc.constantFrom('jürgen-müller', 'ju\u0308rgen', '王小明', 'ACoAAB1234xyzQRS789', '%E0%A4%A', '%2F', '..', '.', 'a b', 'x'.repeat(201)),
);
const host = fc.constantFrom('www.linkedin.com', 'linkedin.com', 'de.linkedin.com', 'uk.linkedin.com', 'm.linkedin.com', 'WWW.LinkedIn.COM', 'linkedin.com.evil.example', 'evil.example');
const tail = fc.constantFrom('', '/', '//', '/details/experience/', '/recent-activity/all/', '?trk=x', '/?originalSubdomain=de', '#about', '/overlay/contact-info/');
const linkedInish = fc
  .tuple(fc.constantFrom('https://', 'http://', '', ' https://', 'javascript://'), host, fc.constantFrom('/in/', '/IN/', '//in//', '/company/', '/Company/', '/school/', '/sales/lead/'), slug, tail)
  .map(([scheme, h, prefix, s, t]) => `${scheme}${h}${prefix}${s}${t}`);
const anyText = fc.oneof(linkedInish, fc.string({ unit: 'binary', maxLength: 200 }), fc.webUrl({ withQueryParameters: true, withFragments: true }));

describe('LinkedIn URLs, fuzzed', () => {
  it(`any text: a canonical profile address or nothing, never a throw, and canonical is a fixed point (${RUNS.many} cases)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const canonical = canonicalProfileUrlOrUndefined(text);
        if (canonical === undefined) return;
        expect(canonical).toMatch(PROFILE);
        expect(canonicalProfileUrlOrUndefined(canonical)).toBe(canonical);
        expect(linkedInPageKind(canonical)).toBe('person');
        expect(() => displaySlug(canonical)).not.toThrow();
      }),
      { numRuns: RUNS.many },
    );
  });

  it(`any text: a canonical company address or nothing, never a throw (${RUNS.many} cases)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const canonical = canonicalCompanyUrlOrUndefined(text);
        if (canonical === undefined) return;
        expect(canonical).toMatch(COMPANY);
        expect(canonicalCompanyUrlOrUndefined(canonical)).toBe(canonical);
      }),
      { numRuns: RUNS.many },
    );
  });

  it(`every way LinkedIn spells a profile gives the same identity (${RUNS.some} cases)`, () => {
    fc.assert(
      fc.property(slug, host.filter((h) => h.toLowerCase().endsWith('linkedin.com')), tail, (s, h, t) => {
        const canonical = canonicalProfileUrlOrUndefined(`https://www.linkedin.com/in/${s}/`);
        if (canonical === undefined) return;
        expect(canonicalProfileUrlOrUndefined(`https://${h}/in/${s}${t}`)).toBe(canonical);
        expect(canonicalProfileUrlOrUndefined(`https://${h}/in/${encodeURIComponent(decodeURIComponent(canonical.split('/')[4]!))}${t}`)).toBe(canonical);
      }),
      { numRuns: RUNS.some },
    );
  });
});
