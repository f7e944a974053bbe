/** "Adaeze Okonkwo-Reyes (Sable Ridge Foods, from LinkedIn)": whom an unknown address most likely is, as the rep reads it. */
export function describeCandidate(candidate: { name: string; company?: string; source: string }): string {
  const about = [candidate.company, candidate.source === 'linkedin' ? 'from LinkedIn' : undefined].filter(Boolean).join(', ');
  return about ? `${candidate.name} (${about})` : candidate.name;
}
