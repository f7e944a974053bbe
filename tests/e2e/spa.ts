import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LinkedInFixture } from '../fixtures/linkedin/expected';
import { FIXTURES_DIR } from './server';

/** LinkedIn's router: the URL changes first, the new content renders a moment later. */
export async function spaNavigate(page: Page, to: LinkedInFixture, url = to.url): Promise<void> {
  const html = readFileSync(join(FIXTURES_DIR, 'linkedin', to.file), 'utf8');
  const doc = { title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '', body: /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '' };
  await page.evaluate(
    ({ url, title, body }) => {
      history.pushState({}, '', url);
      setTimeout(() => {
        const fresh = new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
        document.body.replaceChildren(...fresh.body.childNodes);
        document.title = title;
      }, 40);
    },
    { url, ...doc },
  );
}
