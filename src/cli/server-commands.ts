import type { CommandIo } from './json-command.js';

/** Commands that touch the database or start the server (not pure). */
export interface ServerCommand {
  readonly name: string;
  readonly summary: string;
  run(args: readonly string[], io: CommandIo): Promise<number>;
}

export const serverCommands: readonly ServerCommand[] = [];
