import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vitest.config';

// Stryker runs the unit tier alone: the E2E tier needs a built extension and a browser, and a
// mutant is never built into one. Everything else (plugins, aliases, the unit project) is shared.
// Instrumented code runs slower, and the fuzz tests run hundreds of cases: a longer test timeout.
const unitOnly = (base.test?.projects ?? [])
  .filter((project): project is TestProjectInlineConfiguration => typeof project === 'object' && 'test' in project && project.test?.name === 'unit')
  .map((project) => ({ ...project, test: { ...project.test, testTimeout: 30_000 } }));

export default defineConfig({ ...base, test: { ...base.test, projects: unitOnly } });
