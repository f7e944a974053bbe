import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLinkedInPage } from '../../../lib/sites/linkedin/extract';
import { LINKEDIN_FIXTURES } from '../../fixtures/linkedin/expected';

const DIR = join(__dirname, '../../fixtures/linkedin');

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(DIR, file), 'utf8'), 'text/html');
}

describe('LinkedIn extraction on every fixture generation', () => {
  it('every fixture file is in the expected-fields table, and every entry has a file', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();
    expect(LINKEDIN_FIXTURES.map((f) => f.file).sort()).toEqual(files);
    for (const file of files) expect(file).toMatch(/^\d{4}-\d{2}-[a-z0-9-]+\.html$/);
  });

  it.each(LINKEDIN_FIXTURES.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
    expect(extractLinkedInPage(load(fixture.file), fixture.url)).toEqual(fixture.expected);
  });

  it.each(LINKEDIN_FIXTURES.map((f) => [f.file, f] as const))('%s never reports the logged-in viewer or an empty field', (_file, fixture) => {
    const page = extractLinkedInPage(load(fixture.file), fixture.url);
    const values = JSON.stringify(page);
    expect(values).not.toMatch(/Casey Viewer|casey-viewer/);
    expect(values).not.toMatch(/""/);
  });
});
