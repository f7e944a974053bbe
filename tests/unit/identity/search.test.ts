import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson } from '../../../lib/db/people';
import { describeCandidate, soleConfidentCandidate } from '../../../lib/identity/describe';
import { peopleByNameWords } from '../../../lib/identity/search';
import type { Person } from '../../../lib/model';
import { freshDb, T0 } from '../../support/db';

/** "Merge with…" as the rep types, and how a candidate is offered (issue 16). */

let db: GroundworkDB;
beforeEach(async () => {
  db = freshDb();
  for (const [name, slug] of [
    ['Adaeze Okonkwo-Reyes', 'adaeze'],
    ['Inès Marchetti-Hale', 'ines'],
    ['Marcus Lindqvist', 'marcus'],
    ['Marco Okonkwo', 'marco'],
  ]) {
    await upsertSeenPerson(db, { name: name!, linkedinUrl: `https://www.linkedin.com/in/${slug}/`, source: 'linkedin' }, T0);
  }
});
afterEach(async () => {
  await db.delete();
});

const found = async (text: string, limit?: number) => (await peopleByNameWords(db, text, limit)).map((p) => p.name);

describe('people by the words of their name', () => {
  it.each<[string, string[]]>([
    ['okonk', ['Adaeze Okonkwo-Reyes', 'Marco Okonkwo']],
    ['ines marc', ['Inès Marchetti-Hale']],
    ['MARC', ['Inès Marchetti-Hale', 'Marco Okonkwo', 'Marcus Lindqvist']],
    ['marc okon', ['Marco Okonkwo']],
    ['okon marc', ['Marco Okonkwo']],
    ['reyes', ['Adaeze Okonkwo-Reyes']],
    ['zed', []],
    ['   ', []],
    ['', []],
  ])('%j finds %j, by name', (text, names) => {
    return found(text).then((got) => expect(got).toEqual(names));
  });

  it('at most as many as asked, the first by name', async () => {
    expect(await found('marc', 2)).toEqual(['Inès Marchetti-Hale', 'Marco Okonkwo']);
  });

  it('eight by default', async () => {
    for (let i = 0; i < 10; i++) await upsertSeenPerson(db, { name: `Marc Twin${i}`, linkedinUrl: `https://www.linkedin.com/in/twin${i}/`, source: 'linkedin' }, T0);
    expect(await found('marc')).toHaveLength(8);
  });
});

describe('how a candidate reads', () => {
  it.each<[string, { name: string; company?: string; source: string }, string]>([
    ['with company, from LinkedIn', { name: 'Adaeze Okonkwo-Reyes', company: 'Sable Ridge Foods', source: 'linkedin' }, 'Adaeze Okonkwo-Reyes (Sable Ridge Foods, from LinkedIn)'],
    ['with company, from email', { name: 'Adaeze', company: 'Sable Ridge Foods', source: 'email' }, 'Adaeze (Sable Ridge Foods)'],
    ['from LinkedIn only', { name: 'Adaeze', source: 'linkedin' }, 'Adaeze (from LinkedIn)'],
    ['nothing more known', { name: 'Adaeze', source: 'import' }, 'Adaeze'],
  ])('%s', (_label, candidate, text) => {
    expect(describeCandidate(candidate)).toBe(text);
  });

  it('one click only for a single confident candidate', () => {
    const sure = { confident: true };
    const unsure = { confident: false };
    expect(soleConfidentCandidate([sure])).toBe(sure);
    expect(soleConfidentCandidate([unsure])).toBeUndefined();
    expect(soleConfidentCandidate([sure, sure])).toBeUndefined();
    expect(soleConfidentCandidate([])).toBeUndefined();
    expect(soleConfidentCandidate(undefined)).toBeUndefined();
  });
});

describe('people by the words of their name: which are read, and in which order', () => {
  const row = (id: string, name: string): Person => ({
    id, name, emails: [], source: 'email', stage: 'target', flags: [], tags: [], owner: 'rep', createdAt: T0, updatedAt: T0,
  });

  it('a middle initial typed finds them (initials are words of their name too)', async () => {
    await db.people.add(row('q', 'John Q. Public'));
    expect(await found('john q')).toEqual(['John Q. Public']);
    expect(await found('publ j q')).toEqual(['John Q. Public']);
    expect(await found('john x')).toEqual([]);
  });

  it('an initial and part of the family name find her among hundreds whose names start with that letter', async () => {
    // 250 people named Aaron come before Adaeze in the index: the family name is read, not the initial.
    await db.people.bulkAdd(Array.from({ length: 250 }, (_, i) => row(`aaron-${String(i).padStart(3, '0')}`, `Aaron Smith${i}`)));
    expect(await found('a okonk')).toEqual(['Adaeze Okonkwo-Reyes']);
    expect(await found('okonk a')).toEqual(['Adaeze Okonkwo-Reyes']);
  });

  it('sorted by name, not by the word that found them; the limit keeps the first by name', async () => {
    // "marc" finds Zoe by marchetti before Anna by marcus.
    await db.people.bulkAdd([row('z', 'Zoe Marchetti'), row('a', 'Anna Marcus')]);
    expect(await found('marc')).toEqual(['Anna Marcus', 'Inès Marchetti-Hale', 'Marco Okonkwo', 'Marcus Lindqvist', 'Zoe Marchetti']);
    expect(await found('marc', 2)).toEqual(['Anna Marcus', 'Inès Marchetti-Hale']);
  });
});
