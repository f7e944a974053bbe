import type { Person } from '../../../lib/model';
import { MONDAY } from '../cadence/support';

export { DAY, MONDAY, touch } from '../cadence/support';

let n = 0;
/** A saved person as stored: a target owned by the rep unless told otherwise. */
export function person(name: string, extra: Partial<Person> = {}): Person {
  n += 1;
  return {
    id: `person-${n}`,
    name,
    emails: [],
    source: 'manual',
    stage: 'target',
    flags: [],
    tags: [],
    owner: 'rep',
    createdAt: MONDAY,
    updatedAt: MONDAY,
    ...extra,
  };
}
