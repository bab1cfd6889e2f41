import { z } from 'zod';
import { evaluateLabResult } from '../domain/labs/index.js';
import { defineJsonCommand, keyValueTable, type JsonCommand } from './json-command.js';

/** The lab engine's command: `lab` (rules LAB-*, docs/rules/). */

const qualitative = z.enum(['positive', 'negative', 'indeterminate']);

const labInput = z.object({
  loinc: z.string().describe('LOINC code of the result (LAB-CODES)'),
  value: z
    .union([z.number().nonnegative(), qualitative])
    .describe('a number in `unit`, or positive/negative/indeterminate for a presence pregnancy test'),
  unit: z.string().optional().describe('UCUM unit the code uses (mg/dL, mmol/L, U/L, kg, m[IU]/mL); omit for presence tests'),
  upperLimitOfNormal: z.number().positive().optional().describe("the lab's upper limit of normal, same unit (needed for ALT, AST, cholesterol)"),
  baselineValue: z.number().nonnegative().optional().describe('ALT/AST before treatment, same unit; above the ULN it is graded against the baseline'),
  interpretation: qualitative.optional().describe("the lab's interpretation of a quantitative hCG (21198-7)"),
});

const labOutput = z.object({
  loinc: z.string(),
  display: z.string(),
  analyte: z.string(),
  grade: z.int().min(0).max(4).nullable().describe('CTCAE v5 grade; null when the result is recognised but not graded'),
  gradingBasis: z.enum(['absolute', 'uln', 'baseline']).optional(),
  criterion: z.string().optional().describe('the cut-off the value met, or the grade-1 cut-off it did not reach'),
  ruleIds: z.array(z.string()),
  flags: z.array(z.string()).describe('TG_HIGH, TG_OVER_800, CHOL_HIGH, LFT_HIGH, PREG_POS, PREG_INDETERMINATE'),
  actions: z
    .array(z.object({ code: z.string(), ruleId: z.string(), urgency: z.enum(['routine', 'soon', 'urgent']), message: z.string() }))
    .describe('suggested actions (LAB-ACTIONS, configurable)'),
});

export const labCommand = defineJsonCommand({
  name: 'lab',
  summary: 'Grade one lab result (CTCAE v5) in its reported unit, with flags and suggested actions',
  input: labInput,
  output: labOutput,
  run(input): z.infer<typeof labOutput> {
    const result = evaluateLabResult(input);
    return {
      loinc: result.loinc,
      display: result.display,
      analyte: result.analyte,
      grade: result.grade,
      ...(result.gradingBasis === undefined ? {} : { gradingBasis: result.gradingBasis }),
      ...(result.criterion === undefined ? {} : { criterion: result.criterion }),
      ruleIds: [...result.ruleIds],
      flags: [...result.flags],
      actions: result.actions.map((a) => ({ code: a.code, ruleId: a.ruleId, urgency: a.urgency, message: a.message })),
    };
  },
  table(out) {
    const rows: Array<readonly [string, string]> = [
      ['test', `${out.display} (${out.loinc})`],
      ['grade', out.grade === null ? 'not graded' : `${out.grade} (CTCAE v5)`],
      ...(out.criterion === undefined ? [] : [['criterion', out.criterion] as const]),
      ['flags', out.flags.length === 0 ? 'none' : out.flags.join(', ')],
      ['rules', out.ruleIds.join(', ')],
    ];
    const actions = out.actions.map((a) => `  - [${a.ruleId}] ${a.urgency}: ${a.message} (${a.code})`);
    return `${keyValueTable(rows)}\nactions:${actions.length === 0 ? ' none' : `\n${actions.join('\n')}`}`;
  },
});

export const labCommands: readonly JsonCommand[] = [labCommand];
