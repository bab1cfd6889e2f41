import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { DomainInputError } from '../domain/errors.js';

/**
 * A command that reads one JSON object and writes one JSON object (issue 3, item 9). The same
 * pure function is what the library and the server call; the CLI only validates and prints.
 */
export interface JsonCommand<I = unknown, O = unknown> {
  /** Words after `isocourse`, e.g. `dose` or `rules check`. */
  readonly name: string;
  readonly summary: string;
  readonly input: z.ZodType<I>;
  readonly output: z.ZodType<O>;
  run(input: I): O;
  /** Human-readable rendering used without `--json`. */
  table(output: O): string;
}

/** Erases the type parameters so commands of different types fit one registry. */
export function defineJsonCommand<I, O>(command: JsonCommand<I, O>): JsonCommand {
  return command;
}

export interface CommandIo {
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

interface ParsedFlags {
  json: boolean;
  inputFile: string | undefined;
  unknown: string[];
}

function parseFlags(args: readonly string[]): ParsedFlags {
  const flags: ParsedFlags = { json: false, inputFile: undefined, unknown: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--json') flags.json = true;
    else if (arg === '--input') {
      flags.inputFile = args[i + 1];
      i += 1;
      if (flags.inputFile === undefined) flags.unknown.push('--input needs a file name');
    } else if (arg.startsWith('--input=')) flags.inputFile = arg.slice('--input='.length);
    else flags.unknown.push(arg);
  }
  return flags;
}

/** Formats zod issues as one line each, naming the field by its dotted path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `field ${path === '' ? '(root)' : path}: ${issue.message}`;
  });
}

export async function runJsonCommand(
  command: JsonCommand,
  args: readonly string[],
  io: CommandIo,
): Promise<number> {
  const flags = parseFlags(args);
  if (flags.unknown.length > 0) {
    io.stderr(`isocourse ${command.name}: unknown argument ${flags.unknown.join(', ')}\n`);
    return EXIT_USAGE;
  }
  let text: string;
  try {
    text = flags.inputFile === undefined ? await io.readStdin() : await readFile(flags.inputFile, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`isocourse ${command.name}: cannot read input: ${reason}\n`);
    return EXIT_USAGE;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`isocourse ${command.name}: input is not valid JSON: ${reason}\n`);
    return EXIT_USAGE;
  }
  const parsed = command.input.safeParse(json);
  if (!parsed.success) {
    io.stderr(
      `isocourse ${command.name}: invalid input\n${describeIssues(parsed.error.issues)
        .map((line) => `  ${line}\n`)
        .join('')}`,
    );
    return EXIT_USAGE;
  }
  let output: unknown;
  try {
    output = command.run(parsed.data);
  } catch (error) {
    if (error instanceof DomainInputError) {
      io.stderr(`isocourse ${command.name}: invalid input\n  field ${error.field}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  io.stdout(flags.json ? `${JSON.stringify(output, null, 2)}\n` : `${command.table(output)}\n`);
  return EXIT_OK;
}

/** Renders rows as an aligned two-column table for the human-readable output. */
export function keyValueTable(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = rows.reduce((max, [key]) => Math.max(max, key.length), 0);
  return rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n');
}
