import { describe, expect, it } from 'vitest';
import { firstTermIn, foldText } from '../../../lib/scoring/match';

/** The rep's keywords against page text: whole words, accents, case and spacing aside. */

describe('folding text for matching', () => {
  it.each([
    ['Zürich', 'zurich'],
    ['Straße', 'strasse'],
    ['  Head   of\tIT  ', 'head of it'],
    ['ÉLODIE', 'elodie'],
    ['Tromsø', 'tromso'],
    ['ŁÓDŹ', 'lodz'],
  ])('%j → %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('long texts asked in turn fold each to their own (the last one is remembered)', () => {
    const first = 'Director of Operations · Director of Operations at Zürich Präzision AG';
    const second = 'Werkstudentin Einkauf · Werkstudentin Einkauf bei Müller Maschinenbau GmbH';
    expect(foldText(first)).toBe('director of operations · director of operations at zurich prazision ag');
    expect(foldText(second)).toBe('werkstudentin einkauf · werkstudentin einkauf bei muller maschinenbau gmbh');
    expect(foldText(first)).toBe('director of operations · director of operations at zurich prazision ag');
  });

  it('the same text folds the same, however often it is asked (past the memo’s limit too)', () => {
    for (let i = 0; i < 20_005; i++) foldText(`Ort ${i}`);
    expect(foldText('Zürich')).toBe('zurich');
    expect(foldText('Ort 3')).toBe('ort 3');
  });
});

describe('the first of the rep’s terms in a text', () => {
  it.each<[string, string | undefined, string[], string | undefined]>([
    ['a whole word', 'Head of IT', ['IT'], 'IT'],
    ['not inside a word', 'Working with robots', ['IT'], undefined],
    ['not after a digit', 'Plant 3IT', ['IT'], undefined],
    ['not before a digit', 'IT2 team', ['IT'], undefined],
    ['accents and case aside', 'ZURICH, Switzerland', ['Zürich'], 'Zürich'],
    ['letters without a decomposition, as names fold them', 'Tromsø, Norway', ['Tromso'], 'Tromso'],
    ['a phrase, however spaced', 'Food  and Beverage', ['food and beverage'], 'food and beverage'],
    ['a phrase across a line break, a tab and a no-break space', 'Talent\nAcquisition\tand\u00a0Sourcing', ['talent acquisition and sourcing'], 'talent acquisition and sourcing'],
    ['a phrase the rep spaced loosely', 'Food and Beverage', ['  Food   and  Beverage '], '  Food   and  Beverage '],
    ['a phrase with accents, however spaced', 'Directeur   des\nopérations', ['directeur des operations'], 'directeur des operations'],
    ['a phrase needs its space', 'Foodand Beverage', ['food and beverage'], undefined],
    ['the rep’s order decides, not the text’s', 'Ohio and Michigan', ['Michigan', 'Ohio'], 'Michigan'],
    ['characters that mean something in a pattern are plain', 'R&D (C++) lead', ['C++'], 'C++'],
    ['a dot is a dot', 'Head of AxB', ['A.B'], undefined],
    ['a term with such characters needs them all', 'C developer', ['C++'], undefined],
    ['a term with such characters needs them all, a dot too', 'Head of AB', ['A.B'], undefined],
    ['a blank term matches nothing', 'Head of IT', ['  ', 'IT'], 'IT'],
    ['no text', undefined, ['IT'], undefined],
    ['empty text', '', ['IT'], undefined],
    ['no terms', 'Head of IT', [], undefined],
    ['a shorter term inside a longer word is no match, the longer term is', 'Summer internship', ['intern', 'internship'], 'internship'],
    ['a term found only after another term failed at the same place', 'Internal intern', ['intern'], 'intern'],
    ['only blank terms: nothing', 'Head of IT', ['  '], undefined],
    ['a term in braces is a whole word', 'Skills {SAP, IT}', ['SAP'], 'SAP'],
    ['a term after a brace is a whole word', 'Skills {IT, SAP}', ['IT'], 'IT'],
    ['a term in brackets is a whole word', 'Skills [SAP]', ['SAP'], 'SAP'],
  ])('%s', (_label, text, terms, found) => {
    expect(firstTermIn(text, terms)).toBe(found);
  });

  it('a term list edited by the rep is a new list: the new terms count', () => {
    const terms = ['Ohio'];
    expect(firstTermIn('Toledo, Ohio', terms)).toBe('Ohio');
    expect(firstTermIn('Toledo, Ohio', [...terms.slice(0, 0), 'Texas'])).toBeUndefined();
  });
});
