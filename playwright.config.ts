import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/ensure-chromium.mjs';

// Browser tests drive Debian's Chromium (scripts/ensure-chromium.mjs finds or installs it); a
// Playwright browser download is never used. Run them with `npm run test:e2e` (scripts/e2e.mjs).
//
// Environment:
//   E2E_BASE_URL  test a server that is already running there, and start none;
//   E2E_PORT      the port of the server the tests start (default 3107);
//   CHROMIUM_PATH the browser to drive (default /usr/bin/chromium or /usr/bin/chromium-browser).
//
// The server the tests start gets an empty data directory, then `isocourse demo` builds the demo
// clinic there (every role's account, a course in each state: e2e/support/accounts.ts) before
// `serve` takes the directory's lock. A server given by E2E_BASE_URL must hold the demo clinic.

const RESULTS_DIR = 'test-results';
const externalBaseUrl = process.env.E2E_BASE_URL;
const port = Number(process.env.E2E_PORT ?? '3107');
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;
// Every run gets an empty database; scripts/e2e.mjs removes the data of runs that have ended.
// The config is also loaded by the workers, whose pid differs: only the runner's value is used.
const dataDir = join(RESULTS_DIR, `e2e-data-${process.pid}`);
// A missing browser is reported by ensure-chromium before the run; here a clear message is enough.
const executablePath = findChromium() ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  // artifacts (screenshots, traces) go to their own folder, which Playwright empties at the start
  // of a run, so the report and the server's data directory beside it are left alone
  outputDir: join(RESULTS_DIR, 'artifacts'),
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  // one browser at a time: the machine has 2 cores, shared with the server under test
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: join(RESULTS_DIR, 'e2e-report.json') }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  ...(externalBaseUrl === undefined
    ? {
        webServer: {
          // `exec` hands the shell's process to the server, so the shutdown signal reaches it
          command: 'node bin/isocourse.mjs demo && exec node bin/isocourse.mjs serve',
          url: `${baseURL}/readyz`,
          timeout: 180_000,
          reuseExistingServer: false,
          env: {
            PORT: String(port),
            HOST: '127.0.0.1',
            DATA_DIR: dataDir,
            LOG_LEVEL: 'warn',
          },
          stdout: 'pipe',
          stderr: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
        },
      }
    : {}),
});
