#!/usr/bin/env node
// `npm test`: every tier, in order — type-check, lint, unit, build, end-to-end in Chromium.
// Each tier runs even when an earlier one failed, so one run shows everything that is wrong.
// Ends with one plain line, `N passed, N failed`, summed over all tiers (type-check and lint
// count as one check each), and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'groundwork-test-'));
let passed = 0;
let failed = 0;
const summary = [];

function run(label, command, args) {
  console.log(`\n━━ ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed++;
  else failed++;
  summary.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function vitestTier(label, project, { prerequisite = true } = {}) {
  if (!prerequisite) {
    failed++;
    summary.push(`${label}: not run (its prerequisite failed)`);
    return;
  }
  const out = join(reports, `${project}.json`);
  const ok = run(label, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  let tierPassed = 0;
  let tierFailed = 0;
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    tierPassed = report.numPassedTests;
    tierFailed = report.numFailedTests;
    // A file that fails to load fails no test but must still fail the run.
    if ((!ok || !report.success) && tierFailed === 0) tierFailed = 1;
    if (report.numTotalTests === 0) tierFailed += 1;
  } catch {
    tierFailed = 1;
  }
  passed += tierPassed;
  failed += tierFailed;
  summary.push(`${label}: ${tierPassed} passed, ${tierFailed} failed`);
}

run('prepare', bin('wxt'), ['prepare']);
check('type-check', bin('tsc'), ['--noEmit']);
check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
vitestTier('unit', 'unit');
const built = check('build', bin('wxt'), ['build']);
vitestTier('e2e', 'e2e', { prerequisite: built });

rmSync(reports, { recursive: true, force: true });
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
