#!/usr/bin/env node
// Finds the Chromium the browser tests drive, and on a Debian machine where we are root installs
// Debian's package. Playwright's own browser downloads are never used: this machine kind reaches
// only the npm registry and Debian's packages (docs/adr/0004-web-react-vite.md).
//
// Usage: node scripts/ensure-chromium.mjs      prints the path it will use; exit 0 found, 1 not
// As a module: `findChromium()` returns the path or undefined, without installing anything.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where Debian and Ubuntu put the browser; CHROMIUM_PATH wins over both. */
export const CANDIDATE_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium executable to use, or undefined. A CHROMIUM_PATH that does not point at an
 * executable is reported rather than silently replaced, so a typo does not test another browser.
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    return isExecutable(fromEnv) ? fromEnv : undefined;
  }
  return CANDIDATE_PATHS.find(isExecutable);
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

function run(command, args) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function explainAndFail(reason) {
  console.error(`ensure-chromium: ${reason}`);
  console.error('ensure-chromium: install Debian\'s browser with `sudo apt-get install chromium`,');
  console.error('ensure-chromium: or set CHROMIUM_PATH to a Chromium or Chrome executable.');
  console.error('ensure-chromium: (browser builds are never downloaded: do not run `npx playwright install`)');
  return 1;
}

export function ensureChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '' && !isExecutable(fromEnv)) {
    return explainAndFail(`CHROMIUM_PATH=${fromEnv} is not an executable file.`);
  }
  let found = findChromium();
  if (found === undefined) {
    if (!canInstallWithApt()) {
      return explainAndFail(`no Chromium at ${CANDIDATE_PATHS.join(' or ')}.`);
    }
    console.log('ensure-chromium: no Chromium found; installing Debian\'s chromium package');
    if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', 'chromium'])) {
      return explainAndFail('apt-get could not install chromium.');
    }
    found = findChromium();
    if (found === undefined) {
      return explainAndFail(`apt-get finished but no Chromium is at ${CANDIDATE_PATHS.join(' or ')}.`);
    }
  }
  console.log(`ensure-chromium: using ${found}`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = ensureChromium();
}
