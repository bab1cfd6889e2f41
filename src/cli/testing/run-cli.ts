import { spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'isocourse.mjs');
/** Configuration a test must never inherit from the environment it runs in. */
const CONFIG = new Set(['DATABASE_URL', 'DATA_DIR', 'PORT', 'NODE_ENV', 'ISOCOURSE_PRODUCTION', 'SANDBOX']);

/** Runs `isocourse` as an operator would (a child process; the test's event loop stays free). */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CONFIG.has(name)));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...inherited, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}
