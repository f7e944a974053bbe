import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Stryker runs the unit tier alone: the E2E tier needs a built extension and a browser, and a
// mutant is never built into one. Everything else (plugins, aliases, the unit project) is shared.
const unitOnly = (base.test?.projects ?? []).filter(
  (project) => typeof project === 'object' && 'test' in project && project.test?.name === 'unit',
);

export default defineConfig({ ...base, test: { ...base.test, projects: unitOnly } });
