import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config';

// Stryker runs the unit tier alone: the E2E tier needs a built extension and a browser, and a
// mutant is never built into one. Everything else (plugins, aliases, the unit tests) is shared.
// Instrumented code runs slower, and the fuzz tests run hundreds of cases: a longer test timeout.
// Speed: a fresh jsdom and module graph per test file is most of a mutant's run (about five
// times the tests' own time here), so the plain-TypeScript tests share one (`isolate: false`);
// the React tests (.tsx), which rely on a fresh document, keep their own.
const unit = (base.test?.projects ?? []).find(
  (project): project is TestProjectInlineConfiguration => typeof project === 'object' && 'test' in project && project.test?.name === 'unit',
);
if (!unit?.test) throw new Error('vitest.config.ts has no unit project');
const tests = { ...unit.test, testTimeout: 30_000, include: ['tests/unit/**/*.test.ts'], isolate: false };
const reactTests = { ...unit.test, testTimeout: 30_000, name: 'unit-react', include: ['tests/unit/**/*.test.tsx'] };

export default defineConfig({ ...base, test: { ...base.test, projects: [{ ...unit, test: tests }, { ...unit, test: reactTests }] } });
