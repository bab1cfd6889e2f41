import { runJsonCommand, EXIT_OK, EXIT_USAGE, type CommandIo, type JsonCommand } from './json-command.js';
import { serverCommands, type ServerCommand } from './server-commands.js';
import { packageVersion } from './version.js';

/**
 * The engine commands, loaded only when a command line needs them: `serve` does not, and loading
 * every command's modules cost its start-up about 150 ms.
 */
async function engineCommands(): Promise<readonly JsonCommand[]> {
  return (await import('./registry.js')).jsonCommands;
}

function usage(jsonCommands: readonly JsonCommand[]): string {
  const lines = [
    'Usage: isocourse <command> [options]',
    '',
    'Server commands:',
    ...serverCommands.map((c) => `  ${c.name.padEnd(22)}${c.summary}`),
    '',
    'Engine commands (JSON on stdin or --input FILE; --json for JSON output, a table otherwise):',
    ...jsonCommands.map((c) => `  ${c.name.padEnd(22)}${c.summary}`),
    '',
    'Options:',
    '  --help, -h            show this help',
    '  --version, -v         print the version',
    '',
    'Configuration comes from environment variables; see README.md.',
  ];
  return `${lines.join('\n')}\n`;
}

/** Finds the command whose words are the longest prefix of argv (`rules check` before `rules`). */
function match<T extends { name: string }>(commands: readonly T[], argv: readonly string[]): [T, string[]] | undefined {
  let best: [T, string[]] | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    const matches = words.every((word, i) => argv[i] === word);
    if (matches && (best === undefined || words.length > best[0].name.split(' ').length)) {
      best = [command, argv.slice(words.length)];
    }
  }
  return best;
}

export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(usage(await engineCommands()));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const server: [ServerCommand, string[]] | undefined = match(serverCommands, argv);
  if (server !== undefined) {
    const [command, rest] = server;
    if (rest.includes('--help')) {
      io.stdout(`isocourse ${command.name}: ${command.summary}\n`);
      return EXIT_OK;
    }
    return command.run(rest, io);
  }
  const jsonCommands = await engineCommands();
  const engine: [JsonCommand, string[]] | undefined = match(jsonCommands, argv);
  if (engine !== undefined) {
    const [command, rest] = engine;
    if (rest.includes('--help')) {
      io.stdout(
        `isocourse ${command.name}: ${command.summary}\n` +
          `Reads one JSON object on stdin (or --input FILE). Schemas: docs/cli/${command.name.replaceAll(' ', '-')}.*.schema.json\n`,
      );
      return EXIT_OK;
    }
    return runJsonCommand(command, rest, io);
  }
  io.stderr(`isocourse: unknown command "${argv.join(' ')}"\n\n${usage(jsonCommands)}`);
  return EXIT_USAGE;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: CommandIo & { readonly stderrIsTty: boolean } = {
  stderrIsTty: process.stderr.isTTY,
  readStdin: () => readAll(process.stdin),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
