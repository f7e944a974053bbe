import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../../components/Avatar';

describe('initials', () => {
  it('a person by first and last name, in any order a page writes it; a company by its first words', () => {
    expect(initialsOf('Adaeze Okonkwo-Reyes')).toBe('AO');
    expect(initialsOf('Okonkwo, Adaeze')).toBe('AO');
    expect(initialsOf('Dr. Søren Kjærgaard')).toBe('SK');
    expect(initialsOf('Cher')).toBe('C');
    expect(initialsOf('Sable Ridge Foods', true)).toBe('SR');
    expect(initialsOf('ünternehmen & Söhne', true)).toBe('ÜS');
    expect(initialsOf('Inès Ødegaard, PhD')).toBe('IØ');
    expect(initialsOf('   ')).toBe('?');
  });
});
