import { describe, expect, it } from 'vitest';
import { extractLinkedInPage } from '../../../lib/sites/linkedin/extract';

/**
 * The current company, strategy by strategy, on minimal hand-written pages: each test holds one
 * behaviour. The fixture generations (tests/fixtures/linkedin/) check the strategies together.
 */

const PROFILE = 'https://www.linkedin.com/in/jane-doe/';

function companyOn(body: string, url = PROFILE) {
  const doc = new DOMParser().parseFromString(`<title>Jane Doe | LinkedIn</title>${body}`, 'text/html');
  const page = extractLinkedInPage(doc, url);
  if (page.kind !== 'person') throw new Error('expected a person');
  return { companyName: page.person.companyName, companyLinkedInUrl: page.person.companyLinkedInUrl };
}

const NONE = { companyName: undefined, companyLinkedInUrl: undefined };
const topCard = (inner = '') => `<section class="pv-top-card"><img alt="Jane Doe"><h1>Jane Doe</h1>${inner}</section>`;
const experience = (...entries: string[]) =>
  `<section><div id="experience"></div><h2>Experience</h2><ul>${entries.map((e) => `<li>${e}</li>`).join('')}</ul></section>`;
/** A 2022 experience entry: logo link, title, "Company · Full-time", dates. */
const entry = (company: string, dates: string, slug?: string) =>
  `${slug ? `<a href="https://www.linkedin.com/company/${slug}/"><img alt="${company} logo"></a>` : ''}` +
  `<span aria-hidden="true">Plant Manager</span><span aria-hidden="true">${company} · Full-time</span><span aria-hidden="true">${dates}</span>`;
const ldPerson = (worksFor: unknown[]) =>
  `<script type="application/ld+json">${JSON.stringify({ '@type': 'Person', name: 'Jane Doe', url: PROFILE, worksFor })}</script>`;

describe('structured data (JSON-LD, public pages)', () => {
  it('reports the first employer whose role has not ended, with its page', () => {
    const ld = ldPerson([
      { '@type': 'Organization', name: 'Old Mill Co', url: 'https://www.linkedin.com/company/old-mill', member: { startDate: '2010', endDate: '2015' } },
      { '@type': 'Organization', name: 'Acme Pumps', url: 'https://www.linkedin.com/company/acme-pumps', member: { startDate: '2015' } },
    ]);
    expect(companyOn(`${ld}<main>${topCard()}</main>`)).toEqual({ companyName: 'Acme Pumps', companyLinkedInUrl: 'https://www.linkedin.com/company/acme-pumps/' });
  });

  it('reports no company when every employer in it has an end date', () => {
    const ld = ldPerson([{ '@type': 'Organization', name: 'Old Mill Co', member: { startDate: '2010', endDate: '2015' } }]);
    expect(companyOn(`${ld}<main>${topCard()}</main>`)).toEqual(NONE);
  });

  it('comes before the top card', () => {
    const ld = ldPerson([{ '@type': 'Organization', name: 'Acme Pumps' }]);
    const card = topCard('<button aria-label="Current company: Other Co. Click to skip to experience card"></button>');
    expect(companyOn(`${ld}<main>${card}</main>`).companyName).toBe('Acme Pumps');
  });
});

describe('ARIA label in the top card', () => {
  it('reads "Current company: X" from the top card', () => {
    const card = topCard('<button aria-label="Current company: Acme Pumps. Click to skip to experience card"><span>Acme Pumps</span></button>');
    expect(companyOn(`<main>${card}</main>`).companyName).toBe('Acme Pumps');
  });

  it('never reads the viewer\'s own "Current company" in the nav', () => {
    const nav = '<nav><button aria-label="Current company: Groundwork Partners. Click to skip to experience card"></button></nav>';
    expect(companyOn(`${nav}<main>${topCard()}</main>`)).toEqual(NONE);
  });
});

describe('stable attributes (2015–16 public)', () => {
  const overview = (rows: string) => `<div id="wrapper"><div id="top-card"><h1 id="name">Jane Doe</h1><table class="extra-info"><tbody>${rows}</tbody></table></div></div>`;

  it('reads the "Current" row even when the "Previous" row comes first', () => {
    const rows =
      '<tr data-section="pastPositionsDetails"><th>Previous</th><td><ol><li><a href="https://www.linkedin.com/company/old-mill?trk=ppro_cprof">Old Mill Co</a></li></ol></td></tr>' +
      '<tr data-section="currentPositionsDetails"><th>Current</th><td><ol><li><a href="https://www.linkedin.com/company/acme-pumps?trk=ppro_cprof">Acme Pumps</a></li></ol></td></tr>';
    expect(companyOn(overview(rows))).toEqual({ companyName: 'Acme Pumps', companyLinkedInUrl: 'https://www.linkedin.com/company/acme-pumps/' });
  });

  it('reads a text-only "Current" row as the name alone, without a page', () => {
    const rows = '<tr data-section="currentPositionsDetails"><th>Actuel</th><td><ol><li>Atelier Vasseur &amp; Fils</li></ol></td></tr>';
    expect(companyOn(overview(rows))).toEqual({ companyName: 'Atelier Vasseur & Fils', companyLinkedInUrl: undefined });
  });

  it('reads the experience entry marked currentPositions, not the past one before it', () => {
    const positions =
      '<section id="experience"><ul class="positions">' +
      '<li class="position" data-section="pastPositions"><h4 class="item-title">Manager</h4><h5 class="item-subtitle"><a href="/company/old-mill">Old Mill Co</a></h5></li>' +
      '<li class="position" data-section="currentPositions"><h4 class="item-title">Director</h4><h5 class="item-subtitle"><a href="/company/acme-pumps">Acme Pumps</a></h5></li>' +
      '</ul></section>';
    expect(companyOn(`<div id="wrapper"><div id="top-card"><h1 id="name">Jane Doe</h1></div>${positions}</div>`)).toEqual({
      companyName: 'Acme Pumps',
      companyLinkedInUrl: 'https://www.linkedin.com/company/acme-pumps/',
    });
  });

  it('never takes the company page from "People Also Viewed" inside the page wrapper', () => {
    const ld = ldPerson([{ '@type': 'Organization', name: 'Acme Pumps' }]);
    const insights = '<div class="insights"><a href="https://www.linkedin.com/company/acme-pumps-holdings"><img alt="Acme Pumps Holdings"></a></div>';
    expect(companyOn(`${ld}<div id="wrapper"><div id="top-card"><h1 id="name">Jane Doe</h1></div>${insights}</div>`)).toEqual({
      companyName: 'Acme Pumps',
      companyLinkedInUrl: undefined,
    });
  });

  it('never reads a current position in "People Also Viewed" inside the page wrapper', () => {
    const insights = '<div class="insights"><ul><li data-section="currentPositions"><h4>Rainer Vogt</h4><h5><a href="/company/other-co">Other Co</a></h5></li></ul></div>';
    expect(companyOn(`<div id="wrapper"><div id="top-card"><h1 id="name">Jane Doe</h1></div>${insights}</div>`)).toEqual(NONE);
  });
});

describe('the experience section', () => {
  it('reports the first position that has not ended, even when a past one comes first', () => {
    const body = `<main>${topCard()}${experience(entry('Old Mill Co', '2014 – 2016', 'old-mill'), entry('Acme Pumps', 'Mar 2020 - Present · 2 yrs', 'acme-pumps'))}</main>`;
    expect(companyOn(body)).toEqual({ companyName: 'Acme Pumps', companyLinkedInUrl: 'https://www.linkedin.com/company/acme-pumps/' });
  });

  it.each([
    'Mar 2020 - Present · 2 yrs',
    'März 2020 – heute · 2 J.',
    'März 2020 – Heute',
    'mars 2020 – aujourd’hui · 2 ans',
    "mars 2020 - Aujourd'hui",
    'mar. 2020 - actualidad · 2 años',
    'mar 2020 - presente · 2 anni',
    'mar 2020 - attuale',
    'mar 2020 - obecnie · 2 lata',
    'mrt 2020 - heden · 2 jr',
    'mar. 2020 – nu · 2 år',
    'mar de 2020 - o momento · 2 anos',
    '2020年3月 - 現在 · 2年',
    '2020年3月 - 至今 · 2年',
    '2020년 3월 - 현재 · 2년',
    'March 2020 – Present (2 years)',
  ])('a range ending "%s" is current', (dates) => {
    expect(companyOn(`<main>${topCard()}${experience(entry('Acme Pumps', dates))}</main>`).companyName).toBe('Acme Pumps');
  });

  it.each([
    '2014 – 2016',
    'Jan 2014 - Dec 2016 · 3 yrs',
    'Jan. 2014 – Dez. 2016',
    '- Present', // no start year: not a date range
    '2016 - present-day standards of lean flow', // a description, not a range
    'Depuis 2008 - aujourd’hui encore cité', // a description, not a range
  ])('"%s" is not a current position', (dates) => {
    expect(companyOn(`<main>${topCard()}${experience(entry('Old Mill Co', dates))}</main>`)).toEqual(NONE);
  });

  it('a person whose positions have all ended has no company, not the latest past one', () => {
    const body = `<main>${topCard()}${experience(entry('Old Mill Co', 'Jun 2016 - Aug 2022 · 6 yrs', 'old-mill'), entry('Older Co', '2011 - 2016', 'older'))}</main>`;
    expect(companyOn(body)).toEqual(NONE);
  });

  it('when every position has ended, the top card\'s link to the experience is not trusted either', () => {
    const card = topCard('<a href="#experience"><img alt="Old Mill Co">Old Mill Co</a>');
    expect(companyOn(`<main>${card}${experience(entry('Old Mill Co', '2016 - 2022', 'old-mill'))}</main>`)).toEqual(NONE);
  });

  it('takes a company with several roles from its entry, not from the current role nested in it', () => {
    const grouped =
      '<a href="https://www.linkedin.com/company/acme-pumps/"><img alt="Acme Pumps logo"></a>' +
      '<a href="https://www.linkedin.com/company/acme-pumps/"><span>Acme Pumps</span><span>Full-time · 8 yrs</span></a>' +
      '<ul><li><span>Director</span><span>Jan 2020 - Present · 2 yrs</span></li><li><span>Manager</span><span>2014 - 2019</span></li></ul>';
    expect(companyOn(`<main>${topCard()}${experience(grouped)}</main>`)).toEqual({
      companyName: 'Acme Pumps',
      companyLinkedInUrl: 'https://www.linkedin.com/company/acme-pumps/',
    });
  });

  it('reads a company without a page from the line after the title, without the employment type and without a URL', () => {
    const body = `<main>${topCard()}${experience(entry('Old Mill Co', '2010 - 2014', 'old-mill'), entry('Atelier Vasseur', 'janv. 2014 – aujourd’hui'))}</main>`;
    expect(companyOn(body)).toEqual({ companyName: 'Atelier Vasseur', companyLinkedInUrl: undefined });
  });

  it('never reads a current position in the aside', () => {
    const aside = `<aside><section><h2>People also viewed</h2>${experience(entry('Other Co', 'Jan 2019 - Present', 'other-co'))}</section></aside>`;
    expect(companyOn(`<main>${topCard()}</main>${aside}`)).toEqual(NONE);
  });

  it('never reads the viewer\'s current position in the nav', () => {
    const nav = `<header><nav><div id="experience"><ul><li>${entry('Groundwork Partners', 'Jan 2021 - Present', 'groundwork-partners')}</li></ul></div></nav></header>`;
    expect(companyOn(`${nav}<main>${topCard()}</main>`)).toEqual(NONE);
  });

  it('is not read on a profile sub-page, which has no top card', () => {
    const body = `<main>${experience(entry('Acme Pumps', 'Mar 2020 - Present', 'acme-pumps'))}</main>`;
    expect(companyOn(body, `${PROFILE}details/experience/`)).toEqual(NONE);
  });
});

describe("the top card's link to the experience section", () => {
  it('reads the company name beside the logo', () => {
    const card = topCard('<ul><li><a href="#experience"><img alt="Brenner Hydraulik GmbH"><h2>Brenner Hydraulik GmbH</h2></a></li></ul>');
    expect(companyOn(`<main>${card}</main>`).companyName).toBe('Brenner Hydraulik GmbH');
  });

  it('falls back to the logo\'s alt text, without the word "logo"', () => {
    const card = topCard('<ul><li><a href="#experience-section"><img alt="Brenner Hydraulik GmbH logo"></a></li></ul>');
    expect(companyOn(`<main>${card}</main>`).companyName).toBe('Brenner Hydraulik GmbH');
  });

  it('never takes a school logo or the profile photo in the top card for a company', () => {
    const card = topCard('<ul><li><a href="#education"><img alt="Weserbergland University"><h2>Weserbergland University</h2></a></li></ul>');
    expect(companyOn(`<main>${card}</main>`)).toEqual(NONE);
  });

  it('never takes a company logo in the aside', () => {
    const aside = '<aside><a href="/company/other-co/"><img alt="Other Co logo"></a><a href="#experience"><img alt="Other Co"></a></aside>';
    expect(companyOn(`<main>${topCard()}</main>${aside}`)).toEqual(NONE);
  });
});
