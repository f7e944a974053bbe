import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroundworkDB } from '../../../lib/db/db';
import { upsertSeenPerson, type SeenPerson } from '../../../lib/db/people';
import { updatePersonDetails } from '../../../lib/db/personDetails';
import { mergePeople } from '../../../lib/identity/merge';
import { createBackup } from '../../../lib/io/backup';
import { importPeople } from '../../../lib/io/csvImport';
import { restoreReplace } from '../../../lib/io/restore';
import { matchedText } from '../../../lib/search/matchedText';
import { searchPeople } from '../../../lib/search/searchPeople';
import { freshDb, T0 } from '../../support/db';

/** Search as you type over saved people (issue 18): accents, case, prefixes, ranking, kept current. */

let db: GroundworkDB;
let saved = 0;
/** Saves a person; one without an address of their own gets a neutral one (a person needs one). */
const save = async (seen: Omit<SeenPerson, 'source' | 'emails'> & Partial<Pick<SeenPerson, 'emails'>>) =>
  (await upsertSeenPerson(db, { emails: [`p${++saved}@mail.invalid`], source: 'manual', ...seen }, T0)).person;

beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const names = async (text: string) => {
  const { ids } = await searchPeople(db, text);
  return Promise.all(ids.map(async (id) => (await db.people.get(id))!.name));
};

describe('searching people', () => {
  it('finds an accented name typed without accents, in any case, by the start of any word', async () => {
    await save({ name: 'Inès Marchetti-Hale', companyName: 'Corvid Packaging' });
    await save({ name: 'Søren Ødegaard', companyName: 'Fjord Freight' });
    await save({ name: 'Ines Martin', companyName: 'Other' });
    expect(await names('ines marc')).toEqual(['Inès Marchetti-Hale']);
    expect(await names('HALE')).toEqual(['Inès Marchetti-Hale']);
    expect(await names('soren ode')).toEqual(['Søren Ødegaard']);
    // A prefix, not a substring: "arch" starts no word.
    expect(await names('arch')).toEqual([]);
  });

  it('an initial or a salutation beside other words does not hide the person', async () => {
    await save({ name: 'John F. Kennedy' });
    await save({ name: 'Dr. Amara Lee' });
    await save({ name: 'J. R. Smith' });
    expect(await names('john f kennedy')).toEqual(['John F. Kennedy']);
    expect(await names('dr amara')).toEqual(['Dr. Amara Lee']);
    expect(await names('j smith')).toEqual(['J. R. Smith']);
    expect(await names('j')).toEqual(['John F. Kennedy']);
  });

  it('ranks a name match before a company, title and notes match', async () => {
    await save({ name: 'Dana Notes' });
    const byNotes = await save({ name: 'Priya Shah' });
    await updatePersonDetails(db, byNotes.id, { notes: 'Met at the Ohio plant; her boss is called Lindqvist' }, T0);
    await save({ name: 'Marcus Byrne', companyName: 'Lindqvist Foods' });
    await save({ name: 'Elsa Lindqvist' });
    await save({ name: 'Tomasz Wren', headline: 'Lindqvist Group alumnus' });
    expect(await names('lindq')).toEqual(['Elsa Lindqvist', 'Marcus Byrne', 'Tomasz Wren', 'Priya Shah']);
  });

  it('needs every word, each anywhere: "plant ohio" finds the plant manager in Ohio', async () => {
    const ruth = await save({ name: 'Ruth Okafor', location: 'Columbus, Ohio' });
    await updatePersonDetails(db, ruth.id, { title: 'Plant Manager' }, T0);
    await save({ name: 'Leo Grant', headline: 'Plant Manager at Leeds Mill', location: 'Leeds' });
    await save({ name: 'Ohio Smith', headline: 'Buyer' });
    expect(await names('plant ohio')).toEqual(['Ruth Okafor']);
  });

  it('one letter finds names by their initial; two add company, title, place and tags; three, notes and addresses', async () => {
    const kai = await save({ name: 'Kai Berg', companyName: 'Orbit Mills', headline: 'Operations lead' });
    await updatePersonDetails(db, kai.id, { notes: 'Oliver introduced us' }, T0);
    await save({ name: 'Olu Bakare', companyName: 'Fen Foods' });
    expect(await names('o')).toEqual(['Olu Bakare']);
    expect(await names('or')).toEqual(['Kai Berg']);
    expect(await names('ol')).toEqual(['Olu Bakare']);
    expect(await names('oli')).toEqual(['Kai Berg']);
  });

  it('finds by email address and by tag', async () => {
    await save({ name: 'Ada Obi', emails: ['ada.obi@sable-ridge.example'] });
    const tagged = await save({ name: 'Bo Lind' });
    await updatePersonDetails(db, tagged.id, { tags: ['Trade show 2026'] }, T0);
    expect(await names('sable-ridge')).toEqual(['Ada Obi']);
    expect(await names('ada.obi@')).toEqual(['Ada Obi']);
    expect(await names('trade show')).toEqual(['Bo Lind']);
  });

  it('stays current with edits and merges: the old words go, the new ones find them', async () => {
    const a = await save({ name: 'Noor Haddad', companyName: 'Kestrel Labs' });
    expect(await names('kestrel')).toEqual(['Noor Haddad']);
    await updatePersonDetails(db, a.id, { notes: 'Wants the pilot in spring' }, T0);
    expect(await names('pilot')).toEqual(['Noor Haddad']);
    await updatePersonDetails(db, a.id, { notes: '' }, T0);
    expect(await names('pilot')).toEqual([]);
    const b = await save({ name: 'N. Haddad', emails: ['noor@kestrel.example'] });
    await mergePeople(db, a.id, b.id, T0);
    expect(await names('noor@kestrel')).toEqual(['Noor Haddad']);
  });

  it('stays current with an import and a restore, and the backup carries no search keys', async () => {
    await importPeople(db, [{ name: 'Zofia Wiśniewski', companyName: 'Odra Plastics', title: 'Plant Director', linkedinUrl: 'https://www.linkedin.com/in/zofia-w/', emails: [] }], { now: T0, yieldBetweenChunks: async () => undefined });
    expect(await names('wisn odra')).toEqual(['Zofia Wiśniewski']);
    const backup = await createBackup(db, T0);
    expect(JSON.stringify(backup)).not.toContain('searchKeys');
    await db.people.clear();
    expect(await names('odra')).toEqual([]);
    await restoreReplace(db, backup);
    expect(await names('plant odra')).toEqual(['Zofia Wiśniewski']);
  });

  it('says what matched, with the typed words marked, accents kept', async () => {
    const person = { name: 'Inès Marchetti-Hale', emails: [], tags: [], notes: 'Long call.\nShe runs the Ohio plant and wants a line-speed study before budget season.' };
    expect(matchedText(person, 'name', ['ines', 'hale'])).toEqual({ field: 'name', label: 'Name', text: 'Inès Marchetti-Hale', marks: [[0, 4], [15, 19]] });
    const notes = matchedText(person, 'notes', ['ohio'], 40)!;
    expect(notes.label).toBe('Notes');
    expect(notes.text.slice(notes.marks[0]![0], notes.marks[0]![1])).toBe('Ohio');
    expect(notes.text).not.toContain('\n');
    expect(matchedText(person, 'company', ['ohio'])).toBeUndefined();
  });
});
