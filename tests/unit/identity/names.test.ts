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

describe('every short form names its long form', () => {
  // Each group: the long form first, then the names it goes by. Either way round is the same person.
  it.each([
    ['robert', 'rob', 'bob', 'bobby', 'robbie', 'bert'],
    ['william', 'will', 'bill', 'billy', 'liam', 'willy'],
    ['richard', 'rich', 'rick', 'dick', 'ricky', 'richie'],
    ['james', 'jim', 'jimmy', 'jamie'],
    ['john', 'jon', 'johnny', 'jack'],
    ['jonathan', 'jon', 'jonny', 'nathan'],
    ['michael', 'mike', 'mick', 'mikey', 'micha'],
    ['thomas', 'tom', 'tommy', 'thom'],
    ['tomasz', 'tomek'],
    ['christopher', 'chris', 'kit'],
    ['christian', 'chris'],
    ['christine', 'chris', 'christina', 'tina', 'kristina'],
    ['daniel', 'dan', 'danny'],
    ['david', 'dave', 'davey'],
    ['edward', 'ed', 'eddie', 'ted', 'ned'],
    ['joseph', 'joe', 'joey', 'jose'],
    ['matthew', 'matt'],
    ['nicholas', 'nick', 'nicky', 'nico', 'niklas', 'nicolas'],
    ['patrick', 'pat', 'paddy'],
    ['peter', 'pete'],
    ['anthony', 'tony', 'ant'],
    ['andrew', 'andy', 'drew'],
    ['alexander', 'alex', 'sasha', 'alec', 'xander'],
    ['alexandra', 'alex', 'sasha', 'sandra', 'lexi'],
    ['benjamin', 'ben', 'benny'],
    ['samuel', 'sam', 'sammy'],
    ['samantha', 'sam', 'sammy'],
    ['stephen', 'steve', 'steven', 'stevie'],
    ['timothy', 'tim', 'timmy'],
    ['gregory', 'greg'],
    ['charles', 'charlie', 'chuck', 'chas'],
    ['frederick', 'fred', 'freddie', 'fritz'],
    ['henry', 'harry', 'hank'],
    ['lawrence', 'larry', 'laurence'],
    ['ronald', 'ron', 'ronnie'],
    ['donald', 'don', 'donnie'],
    ['kenneth', 'ken', 'kenny'],
    ['gerald', 'gerry', 'jerry'],
    ['douglas', 'doug'],
    ['raymond', 'ray'],
    ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'eliza', 'lisa', 'elisabeth'],
    ['katherine', 'kate', 'kathy', 'katie', 'kat', 'catherine', 'cathy', 'kathryn', 'katharina', 'katarzyna', 'kasia'],
    ['margaret', 'maggie', 'meg', 'peggy', 'greta', 'marge'],
    ['jennifer', 'jen', 'jenny'],
    ['jessica', 'jess', 'jessie'],
    ['rebecca', 'becky', 'becca'],
    ['deborah', 'deb', 'debbie'],
    ['susan', 'sue', 'suzie', 'susanne', 'suzanne'],
    ['patricia', 'pat', 'patty', 'trish'],
    ['victoria', 'vicky', 'tori'],
    ['barbara', 'barb', 'babs'],
    ['theresa', 'teresa', 'terry', 'tess'],
    ['johannes', 'hans', 'jan'],
    ['josef', 'sepp', 'joseph'],
    ['wolfgang', 'wolf'],
    ['francesco', 'franco', 'cesco'],
    ['giuseppe', 'beppe', 'pino'],
    ['francisco', 'paco', 'pancho', 'fran'],
    ['alejandro', 'alex', 'ale'],
    ['guillermo', 'memo', 'willy'],
    ['ignacio', 'nacho'],
    ['dmitri', 'dima', 'dmitry'],
    ['aleksandr', 'sasha', 'alexander'],
    ['krzysztof', 'krzys'],
    ['malgorzata', 'gosia'],
  ])('%s', (long, ...short) => {
    for (const name of short) {
      expect(sameGivenName(name, long)).toBe(true);
      expect(sameGivenName(long, name)).toBe(true);
    }
  });

  it('a name in two groups reaches both: "chris" is Christopher, Christian and Christine', () => {
    expect(givenNameVariants('chris')).toEqual(expect.arrayContaining(['christopher', 'christian', 'christine', 'kit', 'tina']));
  });
});

describe('salutations and suffixes are no part of a name', () => {
  it.each(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Sir', 'Herr', 'Frau', 'Mme', 'Mlle'])('%s Adaeze Okonkwo', (salutation) => {
    expect(nameTokens(`${salutation} Adaeze Okonkwo`)).toEqual(['adaeze', 'okonkwo']);
  });

  it.each(['Jr', 'Sr', 'II', 'III', 'PhD', 'MBA', 'MD', 'Jr.'])('Tomasz Nowak, %s keeps its order', (suffix) => {
    expect(nameTokens(`Tomasz Nowak, ${suffix}`)).toEqual(['tomasz', 'nowak']);
  });

  it.each<[string, string[]]>([
    ['Tomasz Nowak, Ph.D.', ['tomasz', 'nowak']],
    ['Tomasz Nowak, Ph. D.', ['tomasz', 'nowak']],
    ['Tomasz Nowak,Ph.D.', ['tomasz', 'nowak']],
    ['Tomasz Nowak, M.D., M.B.A.', ['tomasz', 'nowak']],
    ['Nowak, Tomasz, Ph.D.', ['tomasz', 'nowak']],
    ['Nowak, Tomasz, Jr.', ['tomasz', 'nowak']],
    ['Okonkwo-Reyes, Adaeze, Dr.', ['adaeze', 'okonkwo', 'reyes']],
  ])('a suffix with dots after a comma goes whole: %j → %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });

  it('a saved “Ph.D.” is the same person as the name without it', () => {
    expect(nameMatchStrength('Tomasz Nowak', 'Tomasz Nowak, Ph.D.')).toBe(3);
    expect(nameMatchStrength('Nowak, Tomasz', 'Tomasz Nowak, M.D.')).toBe(3);
  });

  it('a comma at the very start is no "Last, First"', () => {
    expect(nameTokens(', Adaeze Okonkwo')).toEqual(['adaeze', 'okonkwo']);
  });

  it.each([
    ['ß', 'Strauß', 'strauss'],
    ['æ', 'Ærø', 'aero'],
    ['œ', 'Œuvray', 'oeuvray'],
    ['ø', 'Søren', 'soren'],
    ['ł', 'Łukasz', 'lukasz'],
    ['đ', 'Đorđe', 'dorde'],
    ['ð', 'Guðrún', 'gudrun'],
    ['þ', 'Þór', 'thor'],
    ['ı', 'Yıldız', 'yildiz'],
    ['ħ', 'Ħal', 'hal'],
  ])('%s folds: %s → %s', (_letter, name, folded) => {
    expect(foldText(name)).toBe(folded);
  });

  it.each(["O'Connor", 'O’Connor', 'O‘Connor', 'O`Connor', 'O´Connor'])('%s → oconnor', (name) => {
    expect(foldText(name)).toBe('oconnor');
  });
});

describe('name strength at its edges', () => {
  it.each<[string, string, number]>([
    ['Adaeze Okonkwo Reyes', 'Adaeze Okonkwo', 2], // more words shown than saved
    ['Okonkwo Adaeze', 'Adaeze Okonkwo', 3], // the same words in another order
    ['Adaeze O', 'Adaeze Okonkwo', 0], // an initial is no family name
    ['A', 'Adaeze Okonkwo', 0], // an initial alone says nothing
    ['Bob', 'Robert Lindqvist', 1], // the first name alone, as a short form
    ['Lindqvist', 'Robert Lindqvist', 0], // a family name alone is no first name
    ['Marcus J. Okafor', 'Marcus J. Lindqvist', 0], // a shared middle initial is no shared family name
    ['Marcus Lindqvist', 'Adaeze Okonkwo', 0], // a family name on one side alone agrees with nothing
    ['James Thomas', 'Thomas Wright', 0], // a family name that is their first name is no family name
    ['Thomas Wright', 'James Thomas', 0], // nor the other way round
    ['Adaeze', 'adaeze@sable-ridge-foods.example', 0], // saved under an address alone: no name to agree with
    ['Adaeze Okonkwo', '', 0],
  ])('%j for %j: %i', (shown, stored, strength) => {
    expect(nameMatchStrength(shown, stored)).toBe(strength);
  });
});
