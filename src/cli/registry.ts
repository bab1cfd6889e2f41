import { assessmentCommands } from './assessment-commands.js';
import { dosingCommands } from './dosing-commands.js';
import type { JsonCommand } from './json-command.js';
import { labCommands } from './lab-commands.js';
import { rulesCommands } from './rules-commands.js';

/**
 * Every JSON-in/JSON-out command of the CLI. Each engine contributes its own list; the schema
 * files in docs/cli/ are generated from this registry (`npm run docs:cli`).
 */
export const jsonCommands: readonly JsonCommand[] = [...dosingCommands, ...assessmentCommands, ...labCommands, ...rulesCommands];
