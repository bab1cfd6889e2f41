#!/usr/bin/env node
// Builds the web app into dist/web when the build is missing or older than its sources, so a
// checkout, `npm install` or `npm start` never serves a stale or absent front end. Fast when the
// build is current: it only compares modification times.
//
// Usage: node scripts/ensure-web-build.mjs [--root DIR]
//   exit 0: the build is current, was built, or Vite is absent while npm runs `prepare`/`install`
//           (an install without devDependencies must not fail: it prints why it did not build);
//   exit 1: no build exists and none can be made (e.g. `npm start` without Vite), or Vite failed.
// --root exists so the tests can point the script at a scratch directory.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Folders whose files end up in the bundle. The web app may import the pure domain and the wire
 * contracts (docs/architecture.md), so a change there also makes the build stale; their tests do not.
 */
const SOURCE_DIRS = ['web', 'src/domain', 'src/contracts'];
const IGNORED = /(^|\/)(node_modules|\.vite)(\/|$)|\.test\.tsx?$|\.int\.test\.tsx?$/;

function parseRoot(argv) {
  const at = argv.indexOf('--root');
  if (at === -1) return resolve(fileURLToPath(new URL('..', import.meta.url)));
  const value = argv[at + 1];
  if (value === undefined) throw new Error('--root needs a directory');
  return resolve(value);
}

/** The newest source file under the source folders, as [path, mtimeMs], or undefined if none. */
function newestSource(root) {
  let newest;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (IGNORED.test(relative(root, path))) continue;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        const mtime = statSync(path).mtimeMs;
        if (newest === undefined || mtime > newest[1]) newest = [path, mtime];
      }
    }
  };
  for (const dir of SOURCE_DIRS) {
    const full = join(root, dir);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

/** Why a build is needed, or undefined when dist/web is current. */
export function staleReason(root) {
  const index = join(root, 'dist', 'web', 'index.html');
  if (!existsSync(index)) return 'dist/web/index.html is missing';
  const built = statSync(index).mtimeMs;
  const newest = newestSource(root);
  if (newest !== undefined && newest[1] > built) return `${relative(root, newest[0])} is newer than the build`;
  return undefined;
}

/** True when npm runs us while installing, where a missing Vite must not fail the install. */
function duringInstall() {
  const event = process.env.npm_lifecycle_event;
  return event === 'prepare' || event === 'install' || event === 'postinstall';
}

export function ensureWebBuild(root) {
  const reason = staleReason(root);
  if (reason === undefined) return 0;
  const hasBuild = existsSync(join(root, 'dist', 'web', 'index.html'));
  const vite = join(root, 'node_modules', '.bin', 'vite');
  if (!existsSync(vite)) {
    if (hasBuild) {
      console.log(`ensure-web-build: ${reason}, but Vite is not installed; serving the existing build in dist/web.`);
      return 0;
    }
    if (duringInstall()) {
      console.log('ensure-web-build: Vite is not installed (devDependencies omitted), so the web app was not built; `npm start` needs dist/web: run `npm install` with devDependencies first.');
      return 0;
    }
    console.error('ensure-web-build: dist/web/index.html is missing and Vite is not installed: run `npm install` (with devDependencies), then `npm run build:web`.');
    return 1;
  }
  const started = Date.now();
  // --logLevel warn keeps the one-line promise; warnings and errors still reach the terminal
  const result = spawnSync(vite, ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`ensure-web-build: vite build failed (${reason}); exit ${result.status ?? result.signal}.`);
    return 1;
  }
  console.log(`ensure-web-build: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason}).`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = ensureWebBuild(parseRoot(process.argv.slice(2)));
}
