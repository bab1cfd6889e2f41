// Writes docs/cli/<command>.input.schema.json and .output.schema.json for every JSON command,
// generated from the same zod schemas the CLI validates with. `--check` fails when they are stale.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { jsonCommands } from '../src/cli/registry.js';

const dir = join(import.meta.dirname, '..', 'docs', 'cli');
const check = process.argv.includes('--check');
mkdirSync(dir, { recursive: true });
const stale: string[] = [];

for (const command of jsonCommands) {
  const base = command.name.replaceAll(' ', '-');
  const files: Array<[string, unknown]> = [
    [`${base}.input.schema.json`, z.toJSONSchema(command.input, { io: 'input', unrepresentable: 'any' })],
    [`${base}.output.schema.json`, z.toJSONSchema(command.output, { io: 'output', unrepresentable: 'any' })],
  ];
  for (const [name, schema] of files) {
    const text = `${JSON.stringify({ title: `isocourse ${command.name}`, description: command.summary, ...(schema as object) }, null, 2)}\n`;
    const path = join(dir, name);
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(name);
    } else {
      writeFileSync(path, text);
    }
  }
}

if (check && stale.length > 0) {
  console.error(`docs/cli is stale (run npm run docs:cli): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(`${check ? 'checked' : 'wrote'} schemas for ${jsonCommands.length} commands in docs/cli`);
