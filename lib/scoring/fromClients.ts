import { SIZE_BANDS, type IdealCustomerProfile, type SeniorityLevel, type SizeBand } from '../model';
import { foldText } from './match';
import { seniorityFromTitle } from './seniority';

/**
 * An ideal customer profile drawn from the rep's best clients (issue 19; seed 004: "develop your
 * own specs and persona… the ones you do your best work for"). The rep picks saved clients or types
 * a few, with what they know of each; Groundwork proposes industries, sizes, levels, title words and
 * places that the clients have in common, each with the clients it came from, for the rep to keep
 * or drop. What only one client shows is not proposed: one is an example, not a pattern.
 */

export interface BestClient {
  /** The company (or the person, for a sole trader): what the rep calls them. */
  name: string;
  industry?: string;
  sizeBand?: SizeBand;
  /** "Columbus, Ohio, United States", as LinkedIn writes places. */
  location?: string;
  /** The title of the person the rep works with there. */
  contactTitle?: string;
}

export interface Proposed<T> {
  value: T;
  /** The clients it came from, by name. */
  clients: string[];
}

export interface ProfileProposal {
  industries: Proposed<string>[];
  sizeBands: Proposed<SizeBand>[];
  seniorities: Proposed<SeniorityLevel>[];
  titleKeywords: Proposed<string>[];
  locations: Proposed<string>[];
  /** Why a criterion has no proposal ("Add an industry to two or more clients…"). */
  notes: string[];
}

/** Fewer clients than this say nothing in common. */
export const MIN_CLIENTS = 2;

/** Words in titles that say the level, not the work (the level is proposed on its own). */
const TITLE_NOISE = new Set([
  'of', 'and', 'the', 'for', 'at', 'in', 'to', 'a', 'an', '&', 'de', 'des', 'la', 'y',
  'head', 'chief', 'officer', 'senior', 'sr', 'junior', 'jr', 'lead', 'vp', 'svp', 'evp', 'vice', 'president',
  'director', 'manager', 'executive', 'global', 'regional', 'group', 'deputy', 'assistant', 'associate', 'principal', 'ceo', 'coo', 'cfo', 'cto', 'cio', 'founder', 'owner', 'co',
]);

/** Values shared by at least MIN_CLIENTS clients, most shared first, each with its clients. */
function shared<T>(clients: readonly BestClient[], valuesOf: (client: BestClient) => readonly T[], keyOf: (value: T) => string = String): Proposed<T>[] {
  const byKey = new Map<string, Proposed<T>>();
  for (const client of clients) {
    const seen = new Set<string>();
    for (const value of valuesOf(client)) {
      const key = keyOf(value);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const entry = byKey.get(key) ?? { value, clients: [] };
      entry.clients.push(client.name);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].filter((entry) => entry.clients.length >= MIN_CLIENTS).sort((a, b) => b.clients.length - a.clients.length || keyOf(a.value).localeCompare(keyOf(b.value)));
}

/** "Columbus, Ohio, United States" → its country, then its region: the places a profile names. */
function placesOf(location: string | undefined): string[] {
  const parts = (location ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return [];
  return parts.length >= 3 ? [parts[parts.length - 1]!, parts[parts.length - 2]!] : [parts[parts.length - 1]!];
}

/** The words of a title that say what the person does: "VP Operations" → Operations. */
function titleWords(title: string | undefined): string[] {
  return (title ?? '')
    .split(
      // Stryker disable next-line Regex: splitting at each separator instead of each run only adds empty words, which the filter drops
      /[^\p{L}\p{N}&]+/u,
    )
    .filter((word) => word.length > 1 && !TITLE_NOISE.has(foldText(word)));
}

/**
 * The size bands from the smallest to the largest client's, every band between included: two
 * clients of 51–200 and 501–1000 people say mid-sized companies, 201–500 too.
 */
function sizeSpan(clients: readonly BestClient[]): Proposed<SizeBand>[] {
  const sized = clients.filter((c): c is BestClient & { sizeBand: SizeBand } => c.sizeBand !== undefined);
  if (sized.length < MIN_CLIENTS) return [];
  const indexes = sized.map((c) => SIZE_BANDS.indexOf(c.sizeBand));
  const [low, high] = [Math.min(...indexes), Math.max(...indexes)];
  return SIZE_BANDS.slice(low, high + 1).map((band) => ({ value: band, clients: sized.filter((c) => c.sizeBand === band).map((c) => c.name) }));
}

export function proposeProfile(clients: readonly BestClient[]): ProfileProposal {
  const named = clients.filter((c) => c.name.trim());
  const proposal: ProfileProposal = {
    // Industries as the clients' pages name them, compared without case and accents.
    // Stryker disable next-line MethodExpression: a blank industry trimmed to '' has no key and is skipped anyway (the trimmed value itself is tested)
    industries: shared(named, (c) => (c.industry?.trim() ? [c.industry.trim()] : []), (v) => foldText(v)),
    sizeBands: sizeSpan(named),
    seniorities: shared(named, (c) => {
      const level = seniorityFromTitle(c.contactTitle);
      return level ? [level] : [];
    }),
    titleKeywords: shared(named, (c) => titleWords(c.contactTitle), (v) => foldText(v)).slice(0, 8),
    locations: shared(named, (c) => placesOf(c.location), (v) => foldText(v)).slice(0, 6),
    notes: [],
  };
  const say = (what: string, known: number, proposed: number) => {
    if (proposed > 0) return;
    proposal.notes.push(
      known < MIN_CLIENTS
        ? `${what}: known for ${known === 0 ? 'none' : 'only one'} of your clients — add it to two or more to see a pattern.`
        : `${what}: your clients have none in common — left open, so it does not count.`,
    );
  };
  say('Industry', named.filter((c) => c.industry?.trim()).length, proposal.industries.length);
  say('Company size', named.filter((c) => c.sizeBand).length, proposal.sizeBands.length);
  say('Level', named.filter((c) => seniorityFromTitle(c.contactTitle)).length, proposal.seniorities.length);
  say('Title words', named.filter((c) => titleWords(c.contactTitle).length > 0).length, proposal.titleKeywords.length);
  say('Place', named.filter((c) => placesOf(c.location).length > 0).length, proposal.locations.length);
  return proposal;
}

/** The criteria the rep kept, written into `profile` (its other settings — exclusions, weights — kept). */
export function applyProposal(profile: IdealCustomerProfile, kept: Pick<ProfileProposal, 'industries' | 'sizeBands' | 'seniorities' | 'titleKeywords' | 'locations'>): IdealCustomerProfile {
  const values = <T>(list: readonly Proposed<T>[]) => list.map((p) => p.value);
  return {
    ...profile,
    industries: { ...profile.industries, include: values(kept.industries) },
    sizeBands: values(kept.sizeBands),
    seniorities: values(kept.seniorities),
    titleKeywords: values(kept.titleKeywords),
    locations: values(kept.locations),
  };
}
