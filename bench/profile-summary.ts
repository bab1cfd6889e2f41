// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by file, and
// inclusive time of the functions whose name matches --focus. For finding where a request spends
// its CPU; --skip leaves out the first seconds (start-up, warm-up) and idle time is left out.
// Run: npx tsx bench/profile-summary.ts FILE.cpuprofile [--top 30] [--skip 10] [--focus name,name]
import { readFileSync } from 'node:fs';
import { numberOption, option } from './support/args.js';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: profile-summary FILE.cpuprofile');
const top = numberOption('top', 30);
const focus = option('focus', '').split(',').filter((f) => f !== '');
const skipUs = numberOption('skip', 0) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map<number, number>();
let total = 0;
let elapsed = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  elapsed += dt;
  if (elapsed < skipUs || byId.get(id)?.callFrame.functionName === '(idle)') return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  total += dt;
});

const short = (url: string): string => url.replace(/^file:\/\/\/work\/main\//, '').replace(/.*node_modules\//, 'nm/');
const key = (n: Node): string => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const fn = new Map<string, number>();
const files = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id);
  if (n === undefined) continue;
  fn.set(key(n), (fn.get(key(n)) ?? 0) + us);
  const f = short(n.callFrame.url) || `(${n.callFrame.functionName})`;
  files.set(f, (files.get(f) ?? 0) + us);
  // inclusive time for focused names: count each sample once per matching name on its stack
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const name = byId.get(cur)?.callFrame.functionName ?? '';
    if (focus.includes(name) && !seen.has(name)) {
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
}
const pct = (us: number): string => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`busy (not idle) time sampled after ${(skipUs / 1e6).toFixed(0)} s: ${(total / 1e6).toFixed(2)} s`);
console.log('\nself time by function');
for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us)}  ${k}`);
console.log('\nself time by file');
for (const [k, us] of [...files].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us)}  ${k}`);
if (focus.length > 0) {
  console.log('\ninclusive time');
  for (const name of focus) console.log(`  ${pct(inclusive.get(name) ?? 0)}  ${name}`);
}
