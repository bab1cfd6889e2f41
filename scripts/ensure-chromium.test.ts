import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CANDIDATE_PATHS, findChromium } from './ensure-chromium.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'ensure-chromium-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function fileWithMode(name: string, mode: number): string {
  const path = join(scratch, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, mode);
  return path;
}

function runScript(chromiumPath: string) {
  return spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], {
    encoding: 'utf8',
    env: { ...process.env, CHROMIUM_PATH: chromiumPath },
  });
}

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it names an executable file', () => {
    const browser = fileWithMode('my-chromium', 0o755);
    expect(findChromium({ CHROMIUM_PATH: browser })).toBe(browser);
  });

  it('does not fall back to another browser when CHROMIUM_PATH is not executable', () => {
    const notExecutable = fileWithMode('not-a-browser', 0o644);
    expect(findChromium({ CHROMIUM_PATH: notExecutable })).toBeUndefined();
    expect(findChromium({ CHROMIUM_PATH: join(scratch, 'missing') })).toBeUndefined();
  });

  it('without CHROMIUM_PATH looks only at the Debian and Ubuntu paths', () => {
    const found = findChromium({});
    expect(found === undefined || CANDIDATE_PATHS.includes(found)).toBe(true);
    expect(CANDIDATE_PATHS).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser']);
  });
});

describe('node scripts/ensure-chromium.mjs', () => {
  it('prints the path it will use and exits 0', () => {
    const browser = fileWithMode('chromium-ok', 0o755);
    const result = runScript(browser);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`ensure-chromium: using ${browser}`);
  });

  it('exits 1 with what to install when CHROMIUM_PATH is wrong, and installs nothing', () => {
    const result = runScript(join(scratch, 'no-such-browser'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is not an executable file');
    expect(result.stderr).toContain('sudo apt-get install chromium');
    expect(result.stderr).toContain('CHROMIUM_PATH');
    expect(result.stdout).not.toContain('apt-get update');
  });
});
