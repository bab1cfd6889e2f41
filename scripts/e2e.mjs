#!/usr/bin/env node
// Runs the browser tests: finds (or installs) Debian's Chromium, makes sure dist/web is built,
// then runs `playwright test` with any extra arguments, and exits with its exit code.
// The results are in test-results/e2e-report.json (Playwright's JSON reporter: stats.expected,
// stats.unexpected, stats.flaky, stats.skipped), which the project's test script reads.
//
// Usage: node scripts/e2e.mjs [playwright test arguments, e.g. --grep keyboard]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, findChromium } from './ensure-chromium.mjs';
import { ensureWebBuild } from './ensure-web-build.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const resultsDir = join(root, 'test-results');
const report = join(resultsDir, 'e2e-report.json');

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Removes the database folders of e2e runs whose runner has ended (playwright.config.ts names them). */
function removeEndedRunData() {
  if (!existsSync(resultsDir)) return;
  for (const name of readdirSync(resultsDir)) {
    const match = /^e2e-data-(\d+)$/.exec(name);
    if (match !== null && !isAlive(Number(match[1]))) {
      rmSync(join(resultsDir, name), { recursive: true, force: true });
    }
  }
}

function main(args) {
  const chromium = ensureChromium();
  if (chromium !== 0) return chromium;
  const build = ensureWebBuild(root);
  if (build !== 0) return build;

  removeEndedRunData();
  // a report left from an earlier run must never be read as this run's result
  rmSync(report, { force: true });

  const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  if (!existsSync(cli)) {
    console.error('e2e: @playwright/test is not installed: run `npm install` (with devDependencies).');
    return 1;
  }
  const result = spawnSync(process.execPath, [cli, 'test', ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: findChromium() },
  });
  removeEndedRunData();
  if (result.error !== undefined) {
    console.error(`e2e: could not run playwright: ${result.error.message}`);
    return 1;
  }
  if (result.status === null) {
    console.error(`e2e: playwright ended by signal ${result.signal}`);
    return 1;
  }
  return result.status;
}

process.exitCode = main(process.argv.slice(2));
