import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config';

// Stryker runs the unit tier's plain-TypeScript tests: the E2E tier needs a built extension and a
// browser, which a mutant never gets. Left out as well: the fuzz tests (fast-check draws new cases
// on every run, so whether a mutant is killed would change from run to run, and their hundreds of
// cases per test were most of a run's time) and the React tests (.tsx) of the surfaces, which
// render whole pages; the domain core's behaviour is asserted by its own tests. And the mail-time
// tests that switch the process's time zone: Stryker's runner works in threads, which keep theirs.
// A fresh jsdom and module graph per test file was most of a mutant's run (about five times the
// tests' own time here), so the files share one (`isolate: false`). Instrumented code runs
// slower: a longer test timeout.
const unit = (base.test?.projects ?? []).find(
  (project): project is TestProjectInlineConfiguration => typeof project === 'object' && 'test' in project && project.test?.name === 'unit',
);
if (!unit?.test) throw new Error('vitest.config.ts has no unit project');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: [{ ...unit, test: { ...unit.test, include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/fuzz/**', 'tests/unit/mail/mailTimeZones.test.ts'], isolate: false, testTimeout: 30_000 } }],
  },
});
