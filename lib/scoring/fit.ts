import type { FitBand, FitConfidence, IdealCustomerProfile, SeniorityLevel, SizeBand } from '../model';
import { firstTermIn } from './match';
import { SENIORITY_LABELS, seniorityFromTitle } from './seniority';

/**
 * The fit score: how well a person or company matches the rep's ideal customer profile, 0–100 and
 * a band, with every criterion reported as matched, missed or unknown and the evidence. Unknown
 * criteria are left out of the score and lower the confidence instead, so a thin profile reads
 * "B, low confidence", not "D". Exclusions (students, recruiters, competitors, excluded
 * industries) override everything.
 */

export type CriterionId = 'industry' | 'size' | 'seniority' | 'title' | 'location' | 'keywords';
export type CriterionStatus = 'matched' | 'missed' | 'unknown';

export interface CriterionResult {
  id: CriterionId;
  label: string;
  status: CriterionStatus;
  evidence: string;
  weight: number;
}

export interface FitResult {
  /** Absent when nothing the profile asks about is known. */
  score?: number;
  band?: FitBand;
  confidence: FitConfidence;
  /** Why the subject is excluded outright, if it is. */
  excluded?: string;
  criteria: CriterionResult[];
}

/** What is known about the person or company being scored; every field may be missing. */
export interface FitSubject {
  kind: 'person' | 'company';
  title?: string;
  headline?: string;
  seniority?: SeniorityLevel;
  companyName?: string;
  industry?: string;
  sizeBand?: SizeBand;
  location?: string;
  companyLocation?: string;
}

export const CRITERION_LABELS: Record<CriterionId, string> = {
  industry: 'Industry',
  size: 'Company size',
  seniority: 'Seniority',
  title: 'Title keywords',
  location: 'Location',
  keywords: 'Keywords',
};

const STUDENT = ['student', 'intern', 'internship', 'trainee', 'apprentice', 'werkstudent', 'werkstudentin', 'praktikant', 'praktikantin', 'etudiant', 'etudiante', 'stagiaire', 'estudiante', 'becario', 'becaria'];
const RECRUITER = ['recruiter', 'recruiting', 'recruitment', 'talent acquisition', 'headhunter', 'headhunting', 'staffing', 'sourcer', 'personalberater', 'personalberaterin', 'recruteur', 'reclutador'];

export function bandFor(score: number): FitBand {
  if (score >= 75) return 'A';
  if (score >= 50) return 'B';
  if (score >= 25) return 'C';
  return 'D';
}

function confidenceFor(known: number, total: number): FitConfidence {
  const share = total === 0 ? 0 : known / total;
  if (share >= 0.7) return 'high';
  if (share >= 0.4) return 'medium';
  return 'low';
}

const quote = (s: string) => `‘${s}’`;

/** True when the profile asks anything at all: one weighted criterion or one exclusion. */
export function profileIsSet(profile: IdealCustomerProfile | undefined): profile is IdealCustomerProfile {
  if (!profile) return false;
  const { industries, sizeBands, seniorities, titleKeywords, locations, keywords, exclusions } = profile;
  return (
    industries.include.length + industries.exclude.length + sizeBands.length + seniorities.length + titleKeywords.length + locations.length + keywords.length + exclusions.companies.length > 0 ||
    exclusions.students ||
    exclusions.recruiters
  );
}

function exclusionFor(profile: IdealCustomerProfile, subject: FitSubject): string | undefined {
  const role = [subject.title, subject.headline].filter(Boolean).join(' · ');
  if (subject.kind === 'person' && profile.exclusions.students) {
    const found = firstTermIn(role, STUDENT);
    if (found) return `Excluded: a student or intern (${quote(found)} in ${quote(role)})`;
  }
  if (subject.kind === 'person' && profile.exclusions.recruiters) {
    const found = firstTermIn(role, RECRUITER);
    if (found) return `Excluded: a recruiter (${quote(found)} in ${quote(role)})`;
  }
  const competitor = firstTermIn(subject.companyName, profile.exclusions.companies);
  if (competitor) return `Excluded: ${quote(subject.companyName!)} is on your never-prospect list`;
  const industry = firstTermIn(subject.industry, profile.industries.exclude);
  if (industry) return `Excluded: industry ${quote(subject.industry!)} is one you exclude`;
  return undefined;
}

function criteria(profile: IdealCustomerProfile, subject: FitSubject, explain: boolean): CriterionResult[] {
  const results: CriterionResult[] = [];
  const add = (id: CriterionId, active: boolean, status: CriterionStatus, evidence: () => string) => {
    if (active && profile.weights[id] > 0) {
      results.push({ id, label: CRITERION_LABELS[id], status, evidence: explain ? evidence() : '', weight: profile.weights[id] });
    }
  };
  const role = subject.title ?? subject.headline;

  // Industry
  {
    const wanted = profile.industries.include;
    const found = firstTermIn(subject.industry, wanted);
    add(
      'industry',
      wanted.length > 0,
      subject.industry === undefined ? 'unknown' : found ? 'matched' : 'missed',
      () =>
        subject.industry === undefined
          ? 'industry not known'
          : found
            ? `industry ${quote(subject.industry)} → ${quote(found)}: matched`
            : `industry ${quote(subject.industry)} is not one of yours`,
    );
  }
  // Company size
  {
    const wanted = profile.sizeBands;
    const band = subject.sizeBand;
    add(
      'size',
      wanted.length > 0,
      band === undefined ? 'unknown' : wanted.includes(band) ? 'matched' : 'missed',
      () => (band === undefined ? 'company size not known' : `${band} employees ${wanted.includes(band) ? 'is in your range: matched' : 'is outside your range'}`),
    );
  }
  if (subject.kind === 'person') {
    // Seniority
    const level = subject.seniority ?? seniorityFromTitle(role);
    const wanted = profile.seniorities;
    add(
      'seniority',
      wanted.length > 0,
      level === undefined ? 'unknown' : wanted.includes(level) ? 'matched' : 'missed',
      () =>
        level === undefined
          ? 'no title to judge seniority from'
          : `title ${quote(role ?? '')} → ${SENIORITY_LABELS[level]}${wanted.includes(level) ? ': matched' : ': not a level you target'}`,
    );
    // Title keywords
    const keyword = firstTermIn(role, profile.titleKeywords);
    add(
      'title',
      profile.titleKeywords.length > 0,
      role === undefined ? 'unknown' : keyword ? 'matched' : 'missed',
      () => (role === undefined ? 'no title known' : keyword ? `title ${quote(role)} has ${quote(keyword)}: matched` : `title ${quote(role)} has none of your title keywords`),
    );
  }
  // Location: the person's, else the company's.
  {
    const place = [subject.location, subject.companyLocation].filter(Boolean).join(' · ') || undefined;
    const found = firstTermIn(place, profile.locations);
    add(
      'location',
      profile.locations.length > 0,
      place === undefined ? 'unknown' : found ? 'matched' : 'missed',
      () => (place === undefined ? 'location not known' : found ? `location ${quote(place)} → ${quote(found)}: matched` : `location ${quote(place)} is outside your territory`),
    );
  }
  // Free keywords, in the headline and the company name.
  {
    const text = [subject.headline, subject.companyName].filter(Boolean).join(' · ') || undefined;
    const found = firstTermIn(text, profile.keywords);
    add(
      'keywords',
      profile.keywords.length > 0,
      text === undefined ? 'unknown' : found ? 'matched' : 'missed',
      () => (text === undefined ? 'no headline or company to search' : found ? `${quote(found)} found in ${quote(text)}: matched` : `none of your keywords in ${quote(text)}`),
    );
  }
  return results;
}

/** Scores `subject` against `profile`; undefined when the profile asks nothing (not set up). */
/**
 * `explain: false` leaves each criterion's evidence empty: re-scoring everyone keeps only the
 * score, band and confidence, and writing every sentence for 50k people was much of its time.
 */
export function scoreFit(profile: IdealCustomerProfile | undefined, subject: FitSubject, { explain = true }: { explain?: boolean } = {}): FitResult | undefined {
  if (!profileIsSet(profile)) return undefined;
  const results = criteria(profile, subject, explain);
  const excluded = exclusionFor(profile, subject);
  if (excluded) return { score: 0, band: 'D', confidence: 'high', excluded, criteria: results };

  const total = results.reduce((sum, c) => sum + c.weight, 0);
  const known = results.filter((c) => c.status !== 'unknown').reduce((sum, c) => sum + c.weight, 0);
  const matched = results.filter((c) => c.status === 'matched').reduce((sum, c) => sum + c.weight, 0);
  const confidence = confidenceFor(known, total);
  if (known === 0) return { confidence: 'low', criteria: results };
  const score = Math.round((100 * matched) / known);
  return { score, band: bandFor(score), confidence, criteria: results };
}

/** The key that says which profile version a stored fit came from. */
export function profileKey(profile: IdealCustomerProfile): string {
  return `${profile.id}@${profile.updatedAt}`;
}

/** "B · low confidence", "A", "Excluded", "Not enough known". */
export function describeFit(fit: Pick<FitResult, 'band' | 'confidence' | 'excluded'>): string {
  if (fit.excluded) return 'Excluded';
  if (!fit.band) return 'Not enough known';
  return fit.confidence === 'high' ? fit.band : `${fit.band} · ${fit.confidence} confidence`;
}
