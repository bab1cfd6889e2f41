import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The script runs on scratch directories (--root) without node_modules, so these tests cover the
// decisions (current, stale, no Vite during install or at start) without running a real build;
// the real build is exercised by `npm run test:e2e`.

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const T0 = new Date('2026-01-01T00:00:00Z');
const LATER = new Date('2026-01-02T00:00:00Z');

function scratchRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'ensure-web-build-'));
  roots.push(root);
  return root;
}

function file(root: string, path: string, mtime: Date): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, mtime, mtime);
}

function run(root: string, lifecycleEvent?: string) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'npm_lifecycle_event') env[key] = value;
  }
  if (lifecycleEvent !== undefined) env.npm_lifecycle_event = lifecycleEvent;
  return spawnSync(process.execPath, ['scripts/ensure-web-build.mjs', '--root', root], { encoding: 'utf8', env });
}

describe('node scripts/ensure-web-build.mjs', () => {
  it('does nothing and prints nothing when the build is newer than every source', () => {
    const root = scratchRoot();
    file(root, 'web/src/App.tsx', T0);
    file(root, 'src/domain/rule.ts', T0);
    file(root, 'dist/web/index.html', LATER);
    const result = run(root);
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('ignores test files, which are not part of the bundle', () => {
    const root = scratchRoot();
    file(root, 'web/src/App.tsx', T0);
    file(root, 'dist/web/index.html', T0);
    file(root, 'src/domain/rule.test.ts', LATER);
    expect(run(root).stdout).toBe('');
  });

  it('treats a newer file under web/ or src/contracts/ as a stale build', () => {
    for (const changed of ['web/src/App.tsx', 'src/contracts/health.ts']) {
      const root = scratchRoot();
      file(root, 'dist/web/index.html', T0);
      file(root, changed, LATER);
      const result = run(root);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`${changed} is newer than the build`);
      expect(result.stdout).toContain('Vite is not installed; serving the existing build');
    }
  });

  it('does not fail npm install when Vite is absent and there is no build', () => {
    const root = scratchRoot();
    file(root, 'web/index.html', T0);
    const result = run(root, 'prepare');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toContain('Vite is not installed');
  });

  it('fails clearly outside an install when Vite is absent and there is no build', () => {
    const root = scratchRoot();
    file(root, 'web/index.html', T0);
    const result = run(root, 'start');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('dist/web/index.html is missing and Vite is not installed');
  });
});
