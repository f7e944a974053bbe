import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sizeBandOrUndefined, websiteOrUndefined } from '../../../lib/sites/linkedin/company';
import { extractLinkedInPage } from '../../../lib/sites/linkedin/extract';
import { nameFromTitleOrUndefined } from '../../../lib/sites/linkedin/person';
import { cleanNameOrUndefined, cleanValueOrUndefined, visibleLines, visibleText } from '../../../lib/sites/linkedin/text';
import { LINKEDIN_FIXTURES } from '../../fixtures/linkedin/expected';

describe('cleanNameOrUndefined', () => {
  it.each([
    ['Jane Doe', 'Jane Doe'],
    ['  Jane   Doe ', 'Jane Doe'],
    ['Jane Doe (She/Her)', 'Jane Doe'],
    ['Jane Doe she/her', 'Jane Doe'],
    ['Jamal Idris (he/him/his)', 'Jamal Idris'],
    ['Jane Doe · 2nd', 'Jane Doe'],
    ['Jane Doe 3rd+ degree connection', 'Jane Doe'],
    ['Jane Doe Premium member', 'Jane Doe'],
    ['Jane Doe Verified', 'Jane Doe'],
    ['\u200eJane Doe\u200f', 'Jane Doe'],
    ['Dr. Amélie Fournier-Ndiaye, PhD', 'Dr. Amélie Fournier-Ndiaye, PhD'],
    ['王小明', '王小明'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['LinkedIn Member', undefined],
    ['Sign in', undefined],
    ['', undefined],
    ['(She/Her)', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(cleanNameOrUndefined(raw)).toBe(expected);
  });

  it('bounds very long text', () => {
    expect(cleanNameOrUndefined('x'.repeat(10_000))).toHaveLength(200);
  });
});

describe('cleanValueOrUndefined', () => {
  it.each([
    ['Director of IT', 'Director of IT'],
    ['Acme Robotics Sign in to see who you already know at Acme Robotics', 'Acme Robotics'],
    ['· Columbus, Ohio ·', 'Columbus, Ohio'],
    ['Contact info', undefined],
    ['Join now', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(cleanValueOrUndefined(raw)).toBe(expected);
  });
});

describe('visibleText', () => {
  it('skips screen-reader copies, buttons and icons', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="x"><span aria-hidden="true">Jane Doe</span><span class="visually-hidden">Jane Doe</span><button>Follow</button><svg><title>icon</title></svg></div>',
      'text/html',
    );
    expect(visibleText(doc.getElementById('x'))).toBe('Jane Doe');
  });
});

describe('visibleLines', () => {
  it('splits at element boundaries, not at newlines in the source, and skips screen-reader copies', () => {
    const doc = new DOMParser().parseFromString(
      '<li id="x"><h4>Plant\n  Manager</h4><span aria-hidden="true">Acme · Full-time</span><span class="visually-hidden">Acme · Full-time</span><span><time>March 2012</time> – Present</span></li>',
      'text/html',
    );
    expect(visibleLines(doc.getElementById('x'))).toEqual(['Plant Manager', 'Acme · Full-time', 'March 2012', '– Present']);
  });
});

describe('nameFromTitleOrUndefined', () => {
  it.each([
    ['Jane Doe | LinkedIn', 'Jane Doe'],
    ['(12) Jane Doe | LinkedIn', 'Jane Doe'],
    ['(99+) Jane Doe | LinkedIn', 'Jane Doe'],
    ['Experience | Jane Doe | LinkedIn', 'Jane Doe'],
    ['(3) Activity | Jane Doe | LinkedIn', 'Jane Doe'],
    ['Jane Doe - Director - Acme | LinkedIn', 'Jane Doe'],
    ['Jürgen Müller – Nordvik GmbH | LinkedIn', 'Jürgen Müller'],
    ['Hamid Farouk | Sales Navigator', 'Hamid Farouk'],
    ['LinkedIn', undefined],
    ['(4) LinkedIn', undefined],
    ['', undefined],
  ])('%j → %j', (title, expected) => {
    expect(nameFromTitleOrUndefined(title)).toBe(expected);
  });
});

describe('sizeBandOrUndefined', () => {
  it.each<[string | number, string | undefined]>([
    ['2-10 employees', '2-10'],
    ['51-200 employees', '51-200'],
    ['1,001-5,000 employees', '1001-5000'],
    ['1K-5K employees', '1001-5000'],
    ['10,001+ employees', '10001+'],
    ['5.001-10.000 Beschäftigte', '5001-10000'],
    ['201-500 Beschäftigte', '201-500'],
    ['0-1 employees', '1'],
    ['312 employees', '201-500'],
    [350, '201-500'],
    [1, '1'],
    [25000, '10001+'],
    ['Self-employed', undefined],
    ['', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(sizeBandOrUndefined(raw)).toBe(expected);
  });
});

describe('websiteOrUndefined', () => {
  it.each([
    ['https://www.acme.example/?trk=about_website', 'https://www.acme.example'],
    ['https://acme.example/en/', 'https://acme.example/en'],
    ['acme.example', 'https://acme.example'],
    ['https://www.linkedin.com/company/acme', undefined],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined],
    // A path past the background's bound for page text: the site alone, rather than a refused report.
    [`https://acme.example/${'landing-'.repeat(70)}`, 'https://acme.example'],
  ])('%j → %j', (raw, expected) => {
    expect(websiteOrUndefined(raw)).toBe(expected);
  });
});

describe('graceful degradation', () => {
  const DIR = join(__dirname, '../../fixtures/linkedin');
  const profiles = LINKEDIN_FIXTURES.filter((f) => f.expected.kind === 'person' && /logged-in-profile/.test(f.file));

  it.each(profiles.map((f) => [f.file, f] as const))(
    '%s with every class name removed still yields the right person, and never the viewer',
    (_file, fixture) => {
      const doc = new DOMParser().parseFromString(readFileSync(join(DIR, fixture.file), 'utf8'), 'text/html');
      for (const el of doc.querySelectorAll('[class]')) el.removeAttribute('class');
      const page = extractLinkedInPage(doc, fixture.url);
      if (page.kind !== 'person' || fixture.expected.kind !== 'person') throw new Error('expected a person');
      expect(page.person.linkedinUrl).toBe(fixture.expected.person.linkedinUrl);
      expect(page.person.name).toBe(fixture.expected.person.name);
      expect(JSON.stringify(page)).not.toMatch(/Casey Viewer/);
    },
  );

  it('a page whose markup is unrecognisable still yields the identity from the URL and the name from the title', () => {
    const doc = new DOMParser().parseFromString('<title>Jane Doe | LinkedIn</title><div><div>??</div></div>', 'text/html');
    expect(extractLinkedInPage(doc, 'https://www.linkedin.com/in/jane-doe/')).toEqual({
      kind: 'person',
      url: 'https://www.linkedin.com/in/jane-doe/',
      person: { linkedinUrl: 'https://www.linkedin.com/in/jane-doe/', name: 'Jane Doe' },
    });
  });

  it('malformed JSON-LD is ignored, not thrown', () => {
    const doc = new DOMParser().parseFromString(
      '<title>Jane Doe | LinkedIn</title><script type="application/ld+json">{"@type":"Person",</script><main><section><h1>Jane Doe</h1></section></main>',
      'text/html',
    );
    const page = extractLinkedInPage(doc, 'https://www.linkedin.com/in/jane-doe/');
    expect(page.kind === 'person' && page.person.name).toBe('Jane Doe');
  });
});
