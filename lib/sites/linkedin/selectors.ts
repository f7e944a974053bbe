/**
 * Every LinkedIn selector Groundwork uses, in one file. Alternatives are tried in order; each
 * names the markup generation it serves (fixtures in tests/fixtures/linkedin/ are named by the
 * same dates). Prefer stable hooks — landmarks, ARIA, data attributes, link targets — over class
 * names; class-based entries are kept for older generations and marked with a date to review.
 *
 * Searches for the person or company on screen are always scoped to the top card (or `main`),
 * never the whole document: the logged-in viewer appears in the navigation bar and in embedded
 * JSON, and other people appear in "People also viewed" asides.
 */

/** The page's main content, without the nav bar and the right rail. */
export const MAIN = [
  'main', // 2019–25, logged in and out: a landmark
  '#wrapper', // 2015–16 public pages had no <main>
  '.core-rail', // 2018 logged in, main column
];

export const PERSON_TOP_CARD = [
  'section.pv-top-card', // 2020–24 logged in (review 2027)
  'section.pv-top-card-section', // 2018 logged in (legacy, review 2027)
  'section.top-card-layout', // 2019–24 logged out, public profile
  '#top-card', // 2015–16 public profile (legacy, review 2027)
  'section:has([data-anonymize="person-name"])', // 2022–25 Sales Navigator lead
  'section:has(h1)', // 2025 hashed classes: the first section of <main> with a heading
];

export const PERSON_NAME = [
  '[data-anonymize="person-name"]', // Sales Navigator: a stable attribute
  'h1', // every generation since 2018: the only h1 in the top card
  '#name', // 2015–16 public profile
];

export const PERSON_HEADLINE = [
  '[data-anonymize="headline"]', // Sales Navigator
  '.text-body-medium.break-words', // 2020–24 logged in (review 2027)
  '.pv-top-card-section__headline', // 2018 logged in (legacy)
  '.top-card-layout__headline', // 2019–24 public profile
  'p.headline', // 2015–16 public profile (legacy)
];

export const PERSON_LOCATION = [
  '[data-anonymize="location"]', // Sales Navigator
  '.text-body-small.inline.t-black--light.break-words', // 2020–24 logged in (review 2027)
  '.pv-top-card-section__location', // 2018 logged in (legacy)
  '.top-card-layout__first-subline .not-first-middot > span:first-child', // 2019–24 public
  '.top-card__subline-item:first-child', // 2019–21 public (legacy)
  '.locality', // 2015–16 public (legacy)
];

/**
 * The contact-info link sits right after the location in logged-in top cards (2020–25). Its URL
 * is stable where classes are hashed, so the location is "the text beside this link".
 */
export const CONTACT_INFO_LINK = 'a[href*="/overlay/contact-info"]';

/**
 * "Current company: Acme. Click to skip to experience card" (2021–25 logged in). The prefix is
 * localised; these are the UI languages reps meet most.
 */
export const CURRENT_COMPANY_LABEL =
  /^(?:current company|aktuelles unternehmen|entreprise actuelle|empresa actual|empresa atual|huidig bedrijf|nuvarande företag|nåværende selskap|nuværende virksomhed|azienda attuale)\s*:\s*(.+?)(?:\.\s|$)/i;
export const CURRENT_COMPANY_CONTROL = '[aria-label]'; // filtered by CURRENT_COMPANY_LABEL

export const PERSON_CURRENT_COMPANY = [
  '[data-anonymize="company-name"]', // Sales Navigator
  '[data-tracking-control-name="public_profile_topcard-current-company"]', // 2019–24 public
  '.pv-top-card-v2-section__company-name', // 2018 logged in (legacy)
  '.pv-top-card-section__company', // 2018 logged in (legacy)
  '#overview-summary-current a', // 2015–16 public (legacy)
];

/** Links to a company page anywhere in the main column (experience section, top card). */
export const COMPANY_LINK = 'a[href*="/company/"]';

/**
 * Parts of the page that are never the person viewed, even where they sit inside `MAIN`: the
 * right rail's "People also viewed" with its company logos, and the viewer's own nav bar.
 */
export const NOT_THE_PROFILE = [
  'aside', // 2019–25: a landmark
  'nav, header', // every generation: the viewer's name, photo and company
  '.insights', // 2015–16 public: "People Also Viewed" inside #wrapper (legacy, review 2027)
  '.right-rail', // 2018 logged in (legacy, review 2027)
].join(', ');

/** Elements that hold one current position, named so by a stable attribute. */
export const CURRENT_POSITION = [
  '[data-section="currentPositionsDetails"]', // 2015–16 public: the overview's "Current" row
  '[data-section="currentPositions"]', // 2015–16 public: a current position in the experience section
];

/** The experience section, or an anchor inside it (its `section` is the section). */
export const EXPERIENCE_SECTION = [
  '#experience', // 2015–16 public (the section); 2021–25 logged in (an anchor div inside it)
  '#experience-section', // 2018–20 logged in
];

/** The top card's link to the experience section, which shows the current company (2018–22). */
export const TOP_CARD_EXPERIENCE_LINK = 'a[href^="#experience"], [data-control-name="position_see_more"]';

/**
 * A date range that has not ended: "Mar 2021 - Present · 1 yr", "März 2019 – heute",
 * "janv. 2014 – aujourd’hui (2 ans)", "2020年3月 - 現在", in the UI language's word. Tested
 * against a position's lines joined by newlines: a year (or a CJK month) comes before the dash,
 * and the word ends its line or is followed by the duration, so that a description's
 * "since 2008 - present-day" does not count.
 */
export const ONGOING_DATE_RANGE =
  /(?:\d{4}|\d[月월])\s*[-–—]\s*(?:present|heute|aujourd[’']hui|actualidad|actualmente|presente|attuale|oggi|o momento|atual|heden|nu|nå|nyt|obecnie|dziś|současnost|halen|günümüz|現在|至今|现在|현재)(?=[^\S\n]*(?:$|[(·•\d]))/imu;

/** "Sable Ridge Foods logo": the alt text of a company logo, the word "logo" dropped. */
export const LOGO_SUFFIX = /[\s-]*logo$/i;

export const COMPANY_TOP_CARD = [
  'section.org-top-card', // 2020–24 logged in (review 2027)
  'section.top-card-layout', // 2019–24 public
  '[data-sn-view-name="account-top-card"]', // Sales Navigator account
  'section:has(h1)', // 2025 hashed classes
];

export const COMPANY_NAME = [
  '[data-anonymize="company-name"]', // Sales Navigator account
  'h1', // every generation
];

/** Labelled facts on /about/ pages: <dt>Industry</dt><dd>…</dd> (2019–25, logged in and out). */
export const ABOUT_TERMS = 'dt';

/** Public company pages label each fact with a stable test id (2019–24). */
export const ABOUT_TEST_IDS = {
  website: '[data-test-id="about-us__website"] dd',
  industry: '[data-test-id="about-us__industry"] dd',
  size: '[data-test-id="about-us__size"] dd',
  headquarters: '[data-test-id="about-us__headquarters"] dd',
} as const;

/** The label texts of those facts, in the UI languages reps meet most. */
export const ABOUT_LABELS = {
  website: /^(?:website|webseite|site web|sitio web|site|website)$/i,
  industry: /^(?:industry|branche|secteur|sector|setor|industrie)$/i,
  size: /^(?:company size|unternehmensgröße|taille de l[’']entreprise|tamaño de la empresa|tamanho da empresa|bedrijfsgrootte)$/i,
  headquarters: /^(?:headquarters|hauptsitz|siège social|sede|sede central|hoofdkantoor)$/i,
} as const;

/** 2020–24 logged-in company top card: industry, location, followers and size as a list. */
export const COMPANY_INFO_ITEMS = '.org-top-card-summary-info-list__info-item';

export const SALES_ACCOUNT = {
  industry: '[data-anonymize="industry"]',
  location: '[data-anonymize="location"]',
  website: 'a[data-control-name="visit_company_website"]',
} as const;

/** "Visit website" and similar outbound links in a company top card. */
export const EXTERNAL_LINK = 'a[href^="http"]';

/** Pages that say the member or company does not exist. */
export const NOT_FOUND_TEXT =
  /\b(?:page not found|this page doesn[’']t exist|profile (?:is )?not (?:found|available)|seite nicht gefunden|page introuvable|página no encontrada)\b/i;
