// Runs the fault tests one after the other, each in its own process, and ends with one line
// `N passed, N failed` (the form CI reads). Run: npx tsx bench/faults/run-all.ts [--quick]
// --quick: only the ones that fit a CI run (under 60 s together: the slow database and the
// PostgreSQL restart on a private instance); the full set adds kill -9 on both engines.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { flag } from '../support/args.js';
import { ROOT } from '../support/processes.js';

const all: ReadonlyArray<{ name: string; args: string[]; quick: boolean }> = [
  { name: 'kill -9 during writes, embedded database', args: ['kill-9.fault.ts', '--engine', 'embedded', '--seconds', '3'], quick: false },
  { name: 'kill -9 during writes, PostgreSQL', args: ['kill-9.fault.ts', '--engine', 'postgres'], quick: false },
  { name: 'slow PostgreSQL: timeouts, no pile-up', args: ['slow-database.fault.ts'], quick: true },
  { name: 'PostgreSQL restart during writes', args: ['postgres-restart.fault.ts', '--seconds', '2'], quick: true },
];
const chosen = all.filter((t) => !flag('quick') || t.quick);
let passed = 0;
let failed = 0;
const lines: string[] = [];
for (const test of chosen) {
  const [script, ...rest] = test.args;
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'faults', script!), ...rest], { cwd: ROOT, stdio: 'inherit' });
    child.once('exit', (c) => {
      resolve(c);
    });
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (code === 0) passed += 1;
  else failed += 1;
  lines.push(`${code === 0 ? 'PASS' : 'FAIL'}  ${test.name} (${seconds} s)`);
}
console.log(`\nfault tests\n${lines.map((l) => `  ${l}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
