import type { GroundworkDB } from '../db/db';
import type { Person } from '../model';
import { nameTokens } from './names';

/**
 * Saved people any of whose name's words start with each word typed, accents and case aside:
 * "okonk" and "ines marc" find Adaeze Okonkwo-Reyes and Inès Marchetti-Hale. Read through the
 * `nameKeys` index (schema v7); for picking "Merge with…" as the rep types.
 */
export async function peopleByNameWords(db: GroundworkDB, text: string, limit = 8): Promise<Person[]> {
  const words = nameTokens(text);
  if (words.length === 0) return [];
  // The longest word narrows the read most (a lone initial would fill the 200 read with others);
  // the others are checked on what it found.
  const [first, ...rest] = [...words].sort((a, b) => b.length - a.length);
  const found = await db.people.where('nameKeys').startsWith(first!).distinct().limit(200).toArray();
  // Against every word of their name, initials too (`nameKeys` leaves those out): "john q" is John Q. Public.
  return found
    .filter((person) => rest.every((word) => nameTokens(person.name).some((token) => token.startsWith(word))))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}
