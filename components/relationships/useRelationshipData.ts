import { touchesOfPerson } from '../../lib/db/touches';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, loadSettings } from '../../lib/db';
import type { Settings, Touch } from '../../lib/model';

/** All of a person's touches (a few hundred at most for one relationship). */
export function personTouches(personId: string): Promise<Touch[]> {
  return touchesOfPerson(db, personId).toArray();
}

/** All of a person's touches, live. */
export function usePersonTouches(personId: string): Touch[] | undefined {
  return useLiveQuery(() => personTouches(personId), [personId]);
}

/** The rep's settings with defaults, live. */
export function useSettings(): Settings | undefined {
  return useLiveQuery(() => loadSettings(db), []);
}
