import type { SeenLinkedInCompany, SeenLinkedInPerson } from '../messaging/protocol';
import type { Account, FitSummary, Person } from '../model';
import type { FitResult, FitSubject } from './fit';

/** What is known about a saved person, with their account's company facts. */
export function subjectForPerson(person: Person, account: Account | undefined): FitSubject {
  return {
    kind: 'person',
    title: person.title,
    headline: person.headline,
    seniority: person.seniority,
    companyName: person.companyName ?? account?.name,
    industry: account?.industry,
    sizeBand: account?.sizeBand,
    location: person.location,
    companyLocation: account?.location,
  };
}

/** What a LinkedIn page shows about a person, with their company's account if it is saved. */
export function subjectForSeenPerson(seen: SeenLinkedInPerson, account: Account | undefined): FitSubject {
  return {
    kind: 'person',
    headline: seen.headline,
    companyName: seen.companyName ?? account?.name,
    industry: account?.industry,
    sizeBand: account?.sizeBand,
    location: seen.location,
    companyLocation: account?.location,
  };
}

export function subjectForAccount(account: Pick<Account, 'name' | 'industry' | 'sizeBand' | 'location'>): FitSubject {
  return { kind: 'company', companyName: account.name, industry: account.industry, sizeBand: account.sizeBand, companyLocation: account.location };
}

export function subjectForSeenCompany(seen: SeenLinkedInCompany, account: Account | undefined): FitSubject {
  return {
    kind: 'company',
    companyName: seen.name ?? account?.name,
    industry: seen.industry ?? account?.industry,
    sizeBand: seen.sizeBand ?? account?.sizeBand,
    companyLocation: seen.headquarters ?? account?.location,
  };
}

export function fitSummary(result: FitResult): FitSummary {
  return {
    ...(result.score !== undefined ? { score: result.score } : {}),
    ...(result.band !== undefined ? { band: result.band } : {}),
    confidence: result.confidence,
    excluded: result.excluded !== undefined,
  };
}
