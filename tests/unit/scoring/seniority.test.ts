import { describe, expect, it } from 'vitest';
import type { SeniorityLevel } from '../../../lib/model/person';
import { seniorityFromTitle } from '../../../lib/scoring/seniority';

const TITLES: [string, SeniorityLevel][] = [
  // Executive
  ['CEO', 'executive'],
  ['Chief Executive Officer', 'executive'],
  ['CFO', 'executive'],
  ['Chief Financial Officer', 'executive'],
  ['COO & Co-Founder', 'executive'],
  ['CTO', 'executive'],
  ['Chief Technology Officer', 'executive'],
  ['CIO', 'executive'],
  ['Chief Information Security Officer', 'executive'],
  ['CISO', 'executive'],
  ['Chief Revenue Officer', 'executive'],
  ['Chief Marketing Officer', 'executive'],
  ['CHRO', 'executive'],
  ['Chief People & Culture Officer', 'executive'],
  ['Founder', 'executive'],
  ['Co-Founder', 'executive'],
  ['Cofounder & Head of Product', 'executive'],
  ['Founder & CEO at Lumen Dairy | Advisor', 'executive'],
  ['Owner', 'executive'],
  ['Owner, Kestrel Machine Shop', 'executive'],
  ['Business Owner', 'executive'],
  ['President', 'executive'],
  ['President & CEO', 'executive'],
  ['Managing Director', 'executive'],
  ['Managing Director · Fjordline Automation', 'executive'],
  ['Managing Partner', 'executive'],
  ['Partner', 'executive'],
  ['Senior Partner, Audit', 'executive'],
  ['General Manager', 'executive'],
  ['GM, Northeast Region', 'executive'],
  ['Executive Director', 'executive'],
  ['Geschäftsführer', 'executive'],
  ['GESCHÄFTSFÜHRER', 'executive'],
  ['Geschäftsführerin', 'executive'],
  ['Geschaeftsfuehrer', 'executive'],
  ['Geschäftsführender Gesellschafter', 'executive'],
  ['Inhaber', 'executive'],
  ['Vorstand', 'executive'],
  ['Directeur Général', 'executive'],
  ['Président-Directeur Général', 'executive'],
  ['PDG', 'executive'],
  ['Fondateur', 'executive'],
  ['Director General', 'executive'],
  ['Directora General', 'executive'],
  ['Gerente General', 'executive'],
  ['Fundador y CEO', 'executive'],
  ['Amministratore Delegato', 'executive'],
  // VP / head of
  ['VP Operations', 'vp'],
  ['VP, Supply Chain', 'vp'],
  ['Vice President of Sales', 'vp'],
  ['Vice-President, Engineering', 'vp'],
  ['SVP Manufacturing', 'vp'],
  ['EVP & General Counsel', 'vp'],
  ['AVP, IT Infrastructure', 'vp'],
  ['Senior Vice President', 'vp'],
  ['Head of Plant Engineering', 'vp'],
  ['Head of IT', 'vp'],
  ['Global Head, Procurement', 'vp'],
  ['Leiter Vertrieb', 'vp'],
  ['Leiterin Einkauf', 'vp'],
  ['Bereichsleiter Produktion', 'vp'],
  ['Vizepräsident Technik', 'vp'],
  ['Vicepresidente de Operaciones', 'vp'],
  ['Chief of Staff', 'vp'],
  // Director
  ['Director of Operations', 'director'],
  ['Director, IT', 'director'],
  ['Senior Director, Supply Chain', 'director'],
  ['Associate Director of Engineering', 'director'],
  ['Dir. of Facilities', 'director'],
  ['Regional Sales Director', 'director'],
  ['Plant Director', 'director'],
  ['Directeur des opérations', 'director'],
  ['Directrice Commerciale', 'director'],
  ['Direktor Produktion', 'director'],
  ['Directora de Compras', 'director'],
  ['Director de Operaciones', 'director'],
  ['Diretor Industrial', 'director'],
  ['Director of IT at Tidewater Logistics | Cloud & network modernisation', 'director'],
  // Manager
  ['Plant Manager', 'manager'],
  ['IT Manager', 'manager'],
  ['Senior Project Manager', 'manager'],
  ['Maintenance Mgr', 'manager'],
  ['Mgr, Quality', 'manager'],
  ['Operations Manager at Sable Ridge Foods', 'manager'],
  ['Team Lead, Controls', 'manager'],
  ['Engineering Team Leader', 'manager'],
  ['Production Supervisor', 'manager'],
  ['Shift Supervisor', 'manager'],
  ['Site Superintendent', 'manager'],
  ['Teamleiter Instandhaltung', 'manager'],
  ['Abteilungsleiter IT', 'manager'],
  ['Projektleiter', 'manager'],
  ['Gerente de Planta', 'manager'],
  ['Jefe de Mantenimiento', 'manager'],
  ['Responsable Maintenance', 'manager'],
  ['Chef de projet', 'manager'],
  ['Office Manager', 'manager'],
  ['Partner Manager', 'manager'],
  ['Account Manager', 'manager'],
  // Individual contributors
  ['Software Engineer', 'individual'],
  ['Senior Controls Engineer', 'individual'],
  ['Buyer', 'individual'],
  ['Procurement Specialist', 'individual'],
  ['Account Executive', 'individual'],
  ['Sales Representative', 'individual'],
  ['Executive Assistant to the CEO', 'individual'],
  ['Assistant to the President', 'individual'],
  ['Product Owner', 'individual'],
  ['Business Analyst', 'individual'],
  ['Data Scientist', 'individual'],
  ['Technician', 'individual'],
  ['Consultant', 'individual'],
  ['Student at Ohio State University', 'individual'],
  ['Talent Acquisition Specialist', 'individual'],
  ['Recruiter', 'individual'],
  ['Headhunter', 'individual'],
  ['Ingénieur méthodes', 'individual'],
  ['Einkäufer', 'individual'],
  ['Channel Partner Specialist', 'individual'],
  ['Helping manufacturers reduce downtime', 'individual'],
];

describe('seniorityFromTitle', () => {
  it('has a table of at least 100 real-looking titles', () => {
    expect(TITLES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(TITLES)('%s → %s', (title, level) => {
    expect(seniorityFromTitle(title)).toBe(level);
  });

  it.each([[''], ['   '], [undefined], [null]])('no title (%j) → unknown, not a guess', (title) => {
    expect(seniorityFromTitle(title)).toBeUndefined();
  });

  it('a headline with several roles takes the most senior', () => {
    expect(seniorityFromTitle('Plant Manager | Co-founder of a maker space')).toBe('executive');
    expect(seniorityFromTitle('Engineer · Team Lead')).toBe('manager');
  });
});

describe('how a headline is read', () => {
  it.each<[string, string, string]>([
    ['a bar', 'Welder | Owner', 'executive'],
    ['a middle dot', 'Welder · Owner', 'executive'],
    ['a bullet', 'Welder • Owner', 'executive'],
    ['a semicolon', 'Welder; Owner', 'executive'],
    ['a double slash', 'Welder // Owner', 'executive'],
    ['a comma before a capital', 'Welder, Owner', 'executive'],
  ])('roles split at %s', (_label, headline, level) => {
    expect(seniorityFromTitle(headline)).toBe(level);
  });

  it('a comma before a lower-case word is part of one role', () => {
    expect(seniorityFromTitle('Engineer, owner operator support')).toBe('individual');
  });

  // An executive assistant's veto would hide the owner if both were read as one role.
  it.each<[string, string]>([
    ['a bar', 'Executive Assistant | Owner'],
    ['a middle dot', 'Executive Assistant · Owner'],
    ['a bullet', 'Executive Assistant • Owner'],
    ['a semicolon', 'Executive Assistant; Owner'],
    ['a double slash', 'Executive Assistant // Owner'],
    ['a comma before a capital', 'Executive Assistant, Owner'],
    ['a comma with no space after it', 'Executive Assistant,Owner'],
    ['a comma with two spaces after it', 'Executive Assistant,  Owner'],
    ['a bar with no space after it', 'Executive Assistant |Owner'],
    ['a bar with no spaces at all', 'Executive Assistant|Owner'],
  ])('two roles at %s: each read alone, so the owner counts', (_label, headline) => {
    expect(seniorityFromTitle(headline)).toBe('executive');
  });

  it('a lower-case tail after a comma stays in its role, veto and all', () => {
    expect(seniorityFromTitle('Executive assistant, office of the founder')).toBe('individual');
    expect(seniorityFromTitle('Vice President, founder’s office')).toBe('vp');
  });

  it.each(['at', '@', 'bei', 'chez', 'en', 'in', 'presso', 'AT'])('the employer after “%s” is not read as a role', (word) => {
    expect(seniorityFromTitle(`Engineer ${word} Owner Systems`)).toBe('individual');
  });

  it.each<[string, string]>([
    ['Geschaeftsfuehrer', 'executive'],
    ['GESCHÄFTSFÜHRER', 'executive'],
    ['Vizepräsident Vertrieb', 'vp'],
    ['Grosshandel Leiter', 'vp'],
    ['Großhandel Leiter', 'vp'],
    ['Buero Leiter', 'vp'],
    ['Administrerende direktør', 'executive'],
    ['ADMINISTRERENDE DIREKTØR', 'executive'],
    ['Administrerende Direktoer', 'executive'],
    ['Verkställande direktör', 'executive'],
    ['Verkstaellande Direktoer', 'executive'],
    ['Direktør, Salg', 'director'],
  ])('folded before reading: %s → %s', (title, level) => {
    expect(seniorityFromTitle(title)).toBe(level);
  });

  it('a veto holds only for its own rule: a Vice President is a VP, not an executive', () => {
    expect(seniorityFromTitle('Vice President Sales')).toBe('vp');
    expect(seniorityFromTitle('Headhunter')).not.toBe('vp');
    expect(seniorityFromTitle('Art Director')).not.toBe('director');
  });

  it('a title of separators alone states no level', () => {
    expect(seniorityFromTitle(' | · ')).toBeUndefined();
  });

  it('asked again, the same answer (past the memo’s limit too)', () => {
    for (let i = 0; i < 10_005; i++) seniorityFromTitle(`Engineer ${i}`);
    expect(seniorityFromTitle('Chief Executive Officer')).toBe('executive');
    expect(seniorityFromTitle('Chief Executive Officer')).toBe('executive');
    expect(seniorityFromTitle(' | · ')).toBeUndefined();
  });
});
