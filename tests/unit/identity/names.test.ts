import { describe, expect, it } from 'vitest';
import { foldText, givenNameVariants, nameKeysOf, nameMatchStrength, nameTokens, sameGivenName } from '../../../lib/identity/names';

describe('names, folded', () => {
  it.each([
    ['Inès Marchetti-Hale', ['ines', 'marchetti', 'hale']],
    ['Okonkwo-Reyes, Adaeze', ['adaeze', 'okonkwo', 'reyes']],
    ['Søren Kjærgaard', ['soren', 'kjaergaard']],
    ['Jürgen Müller-Lüdenscheidt', ['jurgen', 'muller', 'ludenscheidt']],
    ['Renée O’Connor', ['renee', 'oconnor']],
    ['Dr. Małgorzata Łukasiewicz', ['malgorzata', 'lukasiewicz']],
    ['Straße, Hans', ['hans', 'strasse']],
    ['A. Okonkwo-Reyes', ['a', 'okonkwo', 'reyes']],
    ['Tomasz Nowak, PhD', ['tomasz', 'nowak']],
    ['  ADAEZE   okonkwo ', ['adaeze', 'okonkwo']],
    ['王小明', ['王小明']],
    ['jane@acme.example', []],
    ['', []],
  ])('%j → %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });

  it('keys a person by the words of their name, initials left out, once each', () => {
    expect(nameKeysOf('A. Okonkwo-Reyes Okonkwo')).toEqual(['okonkwo', 'reyes']);
    expect(foldText('ÉLODIE')).toBe('elodie');
  });
});

describe('given names and their short forms', () => {
  it.each([
    ['bob', 'robert', true],
    ['robert', 'bobby', true],
    ['bill', 'william', true],
    ['kasia', 'katarzyna', true],
    ['tomek', 'tomasz', true],
    ['a', 'adaeze', true],
    ['adaeze', 'a', true],
    ['b', 'adaeze', false],
    ['robert', 'william', false],
    ['jan', 'johannes', true],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(sameGivenName(a, b)).toBe(same);
  });

  it('a name with no short form is only itself', () => {
    expect(givenNameVariants('adaeze')).toEqual(['adaeze']);
  });
});

describe('how well a shown name names a saved person', () => {
  it.each<[string | undefined, string, number]>([
    ['Adaeze Okonkwo-Reyes', 'Adaeze Okonkwo-Reyes', 3],
    ['Okonkwo-Reyes, Adaeze', 'Adaeze Okonkwo-Reyes', 3],
    ['adaeze okonkwo reyes', 'Adaeze Okonkwo-Reyes', 3],
    ['Ines Marchetti-Hale', 'Inès Marchetti-Hale', 3],
    ['A. Okonkwo-Reyes', 'Adaeze Okonkwo-Reyes', 2],
    ['Adaeze Okonkwo', 'Adaeze Okonkwo-Reyes', 2],
    ['Bob Lindqvist', 'Robert Lindqvist', 2],
    ['Adaeze Mensah', 'Adaeze Okonkwo-Reyes', 0],
    ['Chidi Okonkwo', 'Adaeze Okonkwo-Reyes', 1],
    ['Adaeze', 'Adaeze Okonkwo-Reyes', 1],
    ['Marcus Lindqvist', 'Adaeze Okonkwo-Reyes', 0],
    [undefined, 'Adaeze Okonkwo-Reyes', 0],
    ['adaeze@sable-ridge-foods.example', 'Adaeze Okonkwo-Reyes', 0],
  ])('%j for %j: %i', (shown, stored, strength) => {
    expect(nameMatchStrength(shown, stored)).toBe(strength);
  });
});
