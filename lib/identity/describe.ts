/** "Adaeze Okonkwo-Reyes (Sable Ridge Foods, from LinkedIn)": whom an unknown address most likely is, as the rep reads it. */
export function describeCandidate(candidate: { name: string; company?: string; source: string }): string {
  const about = [candidate.company, candidate.source === 'linkedin' ? 'from LinkedIn' : undefined].filter(Boolean).join(', ');
  return about ? `${candidate.name} (${about})` : candidate.name;
}

/**
 * The one person to offer in one click: a single confident candidate, with no other plausible one
 * beside it. Otherwise the rep chooses (or saves someone new).
 */
export function soleConfidentCandidate<C extends { confident: boolean }>(candidates: readonly C[] | undefined): C | undefined {
  return candidates?.length === 1 && candidates[0]!.confident ? candidates[0] : undefined;
}
