/**
 * Realistic prospecting data, generated deterministically from a seed: people with names,
 * titles, companies and locations; accounts; and touch histories of varying length (most people
 * have a few touches, some have many). Self-contained on purpose — no imports, no closures — so
 * Playwright can ship it into an extension page with page.evaluate and the data never has to
 * cross the wire.
 */
export interface DatasetSize {
  people: number;
  accounts: number;
  touches: number;
  followUps: number;
}

export function generateDataset(seed: number, size: DatasetSize, now: number) {
  // mulberry32: small, fast, and the same sequence on every machine.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const id = (prefix: string, n: number) => `${prefix}-${n.toString(36).padStart(6, '0')}`;

  const FIRST = ['Ana', 'Bo', 'Chidi', 'Dana', 'Elif', 'Farid', 'Greta', 'Hamid', 'Ines', 'Jonas', 'Keiko', 'Lars', 'Maya', 'Nikhil', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Søren', 'Tomasz', 'Uma', 'Víctor', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Adaeze', 'Björn', 'Camille', 'Dmitri', 'Eun-ji', 'François', 'Gabriel', 'Hannah', 'Ibrahim', 'Jürgen', 'Kwame', 'Léa', 'Mateo', 'Noor'];
  const LAST = ['Lima', 'Chen', 'Okafor', 'Brandt', 'Yılmaz', 'Haddad', 'Lind', 'Farouk', 'Marchetti', 'Vogt', 'Tanaka', 'Nilsson', 'Patel', 'Kowalczyk', 'Raman', 'Reyes', 'Kjærgaard', 'Wiśniewski', 'Okonkwo', 'Müller', 'García', 'Novak', 'Dubois', 'Rossi', 'Kim', 'Haugen', 'Silva', 'Moreau', 'Schmidt', 'Andersson', 'Popescu', 'Ivanova', 'Costa', 'Jansen', 'Nakamura', 'Mensah', 'Fischer', 'Bianchi', 'Horvat', 'Santos'];
  const TITLES = ['CEO', 'Founder & CEO', 'COO', 'CFO', 'CTO', 'Owner', 'President', 'Managing Director', 'General Manager', 'VP Operations', 'VP Supply Chain', 'SVP Manufacturing', 'Head of IT', 'Head of Plant Engineering', 'Director of Operations', 'Director, IT', 'Plant Director', 'Senior Director, Procurement', 'Plant Manager', 'IT Manager', 'Operations Manager', 'Maintenance Manager', 'Project Manager', 'Team Lead, Controls', 'Controls Engineer', 'Buyer', 'Procurement Specialist', 'Software Engineer', 'Business Analyst', 'Technician', 'Recruiter', 'Student', 'Geschäftsführer', 'Leiter Einkauf', 'Directeur des opérations', 'Gerente de Planta'];
  const INDUSTRIES = ['Food and Beverage Manufacturing', 'Machinery Manufacturing', 'Packaging and Containers Manufacturing', 'Transportation, Logistics, Supply Chain and Storage', 'Automation Machinery Manufacturing', 'Plastics Manufacturing', 'Hospitals and Health Care', 'Software Development', 'Staffing and Recruiting', 'Construction', 'Retail', 'Financial Services'];
  const SIZES = ['2-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000', '10001+'] as const;
  const PLACES = ['Columbus, Ohio, United States', 'Detroit, Michigan, United States', 'Indianapolis, Indiana, United States', 'Norfolk, Virginia, United States', 'Austin, Texas, United States', 'Hamburg, Germany', 'Bielefeld, North Rhine-Westphalia, Germany', 'Lyon, France', 'Aarhus, Denmark', 'Wrocław, Poland', 'Rotterdam, Netherlands', 'Leeds, England, United Kingdom', 'Toronto, Ontario, Canada', 'Monterrey, Mexico'];
  const WORDS_A = ['Sable', 'Kestrel', 'Tidewater', 'Meridian', 'Fjordline', 'Odra', 'Havel', 'Nordvik', 'Corvid', 'Brightline', 'Lumen', 'Harbor', 'Granite', 'Cedar', 'Summit', 'Prairie', 'Blue Ridge', 'Iron', 'Silver', 'North Star'];
  const WORDS_B = ['Foods', 'Dairy', 'Logistics', 'Automation', 'Plastics', 'Metalworks', 'Packaging', 'Systems', 'Robotics', 'Cold Chain', 'Tooling', 'Mills', 'Controls', 'Fabrication'];
  const TOUCH_TYPES = ['email', 'email', 'email', 'linkedin-message', 'call', 'voicemail', 'personal-note', 'article-forwarded', 'meeting', 'meeting-request', 'inbound-message', 'inbound-message', 'proposal', 'lunch', 'drop-in', 'introduction-given', 'referral-asked'] as const;
  const INTENT: Record<string, 'give' | 'ask' | 'neutral'> = { 'personal-note': 'give', 'article-forwarded': 'give', lunch: 'give', 'drop-in': 'give', 'introduction-given': 'give', 'meeting-request': 'ask', proposal: 'ask', 'referral-asked': 'ask' };
  const STAGES = ['target', 'target', 'target', 'engaged', 'engaged', 'opportunity', 'client', 'nurture', 'back-burner', 'not-a-fit'] as const;
  const YEAR = 365 * 86_400_000;

  const accounts = Array.from({ length: size.accounts }, (_, n) => {
    // Unique by construction: company pages have unique URLs.
    const combos = WORDS_A.length * WORDS_B.length;
    const name = `${WORDS_A[n % WORDS_A.length]} ${WORDS_B[Math.floor(n / WORDS_A.length) % WORDS_B.length]}${n >= combos ? ` ${Math.floor(n / combos) + 1}` : ''}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return {
      id: id('a', n),
      name,
      linkedinUrl: `https://www.linkedin.com/company/${slug}/`,
      domains: [`${slug}.example`],
      industry: pick(INDUSTRIES),
      sizeBand: pick(SIZES),
      location: pick(PLACES),
      createdAt: now - Math.floor(random() * 3 * YEAR),
      updatedAt: now - Math.floor(random() * YEAR),
    };
  });

  const people = Array.from({ length: size.people }, (_, n) => {
    const account = accounts.length ? accounts[Math.floor(random() * accounts.length)]! : undefined;
    const first = pick(FIRST);
    const last = pick(LAST);
    const title = pick(TITLES);
    const slug = `${first}-${last}-${n.toString(36)}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9-]/g, '');
    const created = now - Math.floor(random() * 3 * YEAR);
    return {
      id: id('p', n),
      name: `${first} ${last}`,
      headline: account ? `${title} at ${account.name}` : title,
      title,
      companyName: account?.name,
      accountId: account?.id,
      location: pick(PLACES),
      linkedinUrl: `https://www.linkedin.com/in/${slug}/`,
      emails: random() < 0.6 && account ? [`${slug}@${account.domains[0]}`] : [],
      source: random() < 0.7 ? 'linkedin' : 'email',
      stage: pick(STAGES),
      flags: [],
      tags: [],
      owner: 'rep',
      createdAt: created,
      updatedAt: created + Math.floor(random() * (now - created)),
    };
  });

  // Touch histories: a long tail. Most people get a few, some dozens; a handful get hundreds.
  const touches: Record<string, unknown>[] = [];
  let remaining = size.touches;
  for (let n = 0; n < people.length && remaining > 0; n++) {
    const person = people[n]!;
    const share = Math.max(1, Math.round((size.touches / people.length) * (random() < 0.9 ? random() * 1.2 : 1 + random() * 8)));
    const count = n === people.length - 1 ? remaining : Math.min(remaining, share);
    for (let k = 0; k < count; k++) {
      const type = pick(TOUCH_TYPES);
      const at = person.createdAt + Math.floor(random() * (now - person.createdAt));
      touches.push({
        id: id(`t${n.toString(36)}`, k),
        personId: person.id,
        accountId: person.accountId,
        at,
        type,
        direction: type === 'inbound-message' ? 'inbound' : 'outbound',
        intent: INTENT[type] ?? 'neutral',
        subject: type === 'email' ? `Re: ${pick(WORDS_B).toLowerCase()} line upgrade` : undefined,
        answered: random() < 0.3,
        freeAdvice: false,
        loggedBy: random() < 0.5 ? 'automatic' : 'one-click',
        sourceKey: type === 'email' || type === 'inbound-message' ? `gmail:msg:${n.toString(36)}-${k}` : undefined,
        createdAt: at,
      });
    }
    remaining -= count;
  }

  const followUps = Array.from({ length: size.followUps }, (_, n) => {
    const person = people[Math.floor(random() * people.length)]!;
    return {
      id: id('f', n),
      personId: person.id,
      dueAt: now + Math.floor((random() - 0.3) * 14 * 86_400_000),
      reason: pick(['Follow up on the proposal', 'Send the line-speed article', 'Third attempt: try a call', 'Answer their question', 'Check in after the trade show']),
      suggestedType: pick(['email', 'call', 'personal-note', 'article-forwarded', 'linkedin-message']),
      status: random() < 0.85 ? 'open' : 'snoozed',
      origin: 'cadence',
      createdAt: now - 86_400_000,
      updatedAt: now - 86_400_000,
    };
  });

  return { people, accounts, touches, followUps };
}
