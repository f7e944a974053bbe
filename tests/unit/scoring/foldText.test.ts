import { describe, expect, it } from 'vitest';
import { foldText } from '../../../lib/scoring/match';
import { plainLetters } from '../../../lib/text/letters';

/** Folding skips accent removal for plain text and does not remember long texts: the same words either way. */

const byTheBook = (text: string) => plainLetters(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()).replace(/\s+/g, ' ').trim();

describe('folding a text for matching', () => {
  it.each([
    'Plant Manager',
    '  Head   of IT ',
    'VP Operations · Sable Ridge Foods',
    'Geschäftsführer · Weißwasser GmbH',
    'Directeur des opérations',
    'Gerente de Planta · São Paulo',
    'Łódź\u00a0Area',
    'tab\tand\nnew line',
    'Senior Director, Procurement and Supply Chain Operations at Havel Metalworks · Hamburg Area, Germany',
    'Ingénieure process — Lyon et région · Sablé-sur-Sarthe, Pays de la Loire, France, with a long tail',
    '',
  ])('%j folds as NFD without marks, ß, ø, ł… spelt plainly, lower case, one space', (text) => {
    expect(foldText(text)).toBe(byTheBook(text));
    // Asked again (remembered, or folded again when long): the same.
    expect(foldText(text)).toBe(byTheBook(text));
  });
});
