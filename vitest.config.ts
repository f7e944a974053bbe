import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WXT's mock of `wxt/browser` imports the `wxt/testing` barrel, which drags esbuild into the
// jsdom environment where it refuses to load. Point the barrel at the fake browser alone.
const fakeBrowserOnly = fileURLToPath(new URL('./node_modules/wxt/dist/testing/fake-browser.mjs', import.meta.url));

// Two tiers, one runner. Unit: pure logic, Dexie on fake-indexeddb, React with Testing Library,
// WXT's fake browser. E2E: the built extension in Debian's Chromium on fixture pages served at
// their real URLs (tests/e2e/harness.ts); run after `wxt build`.
export default defineConfig({
  plugins: [WxtVitest()],
  resolve: { alias: [{ find: /^wxt\/testing$/, replacement: fakeBrowserOnly }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/setup.ts'],
          globals: true,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globals: true,
          // One browser at a time: the machine has two cores, and each file launches Chromium.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
