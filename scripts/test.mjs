#!/usr/bin/env node
// The whole test suite, as the README's `npm test` runs it:
//   1. unit and integration tests (Vitest) on the embedded database, or on PostgreSQL when
//      TEST_DATABASE_URL is set;
//   2. browser tests (Playwright on Debian Chromium, installed when missing and allowed).
// Ends with one line `N passed, N failed`, read from the runners' JSON reports, and exits
// non-zero when anything failed or a runner could not run.
//
// Options: --no-e2e (skip the browser tests), --only-e2e; other arguments go to Vitest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const args = process.argv.slice(2);
const runE2e = !args.includes('--no-e2e');
const runVitest = !args.includes('--only-e2e');
const vitestArgs = args.filter((a) => a !== '--no-e2e' && a !== '--only-e2e');

let passed = 0;
let failed = 0;
let skipped = 0;

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

if (runVitest) {
  const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite';
  console.log(`\n== unit and integration tests on ${engine}`);
  const report = join(results, 'vitest-report.json');
  rmSync(report, { force: true });
  const code = run(process.execPath, [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...vitestArgs,
  ]);
  const json = readJson(report);
  if (json === undefined) {
    console.error('Vitest wrote no report: counting the run as one failure.');
    failed += 1;
  } else {
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + json.numTodoTests;
    // a failing suite (import error, unhandled error) fails the run even if no test failed
    if (code !== 0 && json.numFailedTests === 0) {
      console.error(`Vitest exited with code ${code} without a failed test: counting it as one failure.`);
      failed += 1;
    }
  }
}

if (runE2e) {
  console.log('\n== browser tests (Playwright on Debian Chromium)');
  const report = join(results, 'e2e-report.json');
  const code = run(process.execPath, [join(root, 'scripts', 'e2e.mjs')]);
  const json = existsSync(report) ? readJson(report) : undefined;
  if (json === undefined || json.stats === undefined) {
    console.error('The browser tests wrote no report: counting the run as one failure.');
    failed += 1;
  } else {
    passed += json.stats.expected + json.stats.flaky;
    failed += json.stats.unexpected;
    skipped += json.stats.skipped;
    if (code !== 0 && json.stats.unexpected === 0) {
      console.error(`Playwright exited with code ${code} without a failed test: counting it as one failure.`);
      failed += 1;
    }
  }
}

console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
