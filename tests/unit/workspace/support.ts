import { foldText } from '../../../lib/identity/names';
import type { PersonRow } from '../../../lib/workspace/rows';

/** A list row for a target owned by the rep, with whatever else a test says. */
export const listRow = (id: string, name: string, extra: Partial<PersonRow> = {}): PersonRow => ({
  id,
  name,
  sortKey: foldText(name),
  stage: 'target',
  owner: 'rep',
  tags: [],
  flagged: false,
  doNotContact: false,
  excluded: false,
  ...extra,
});
