import { planCaseSchema, programCaseSchema } from '../contracts/program-case.js';
import { decisionSchema, planAnswerSchema } from '../contracts/program-decision.js';
import { decideProgramCase, planProgramCase, type Decision, type PlanAnswer, type PlanStep } from '../domain/program/index.js';
import { defineJsonCommand, keyValueTable, type JsonCommand } from './json-command.js';

function dates(from: string | undefined, by: string | undefined): string {
  const parts = [from === undefined ? '' : `from ${from}`, by === undefined ? '' : `by ${by}`].filter((p) => p !== '');
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

export function decisionTable(d: Decision): string {
  const rows: Array<[string, string]> = [
    ['outcome', d.outcome.toUpperCase()],
    ['pack', `${d.pack.id} ${d.pack.version} (${d.pack.jurisdiction}, ${d.pack.zone})`],
    ['action', `${d.action.kind} at ${d.action.at}`],
    ['action date', d.actionDate],
  ];
  if (d.window !== undefined) {
    rows.push(['valid from', d.window.firstInstant], ['valid until', d.window.lastInstant], ['last day to collect', d.window.lastDayToCollect]);
  }
  if (d.courseEnd !== undefined) {
    const c = d.courseEnd;
    if (c.lastDoseOn !== undefined) rows.push(['last dose', c.lastDoseOn]);
    if (c.endOfTreatmentTest !== undefined) rows.push(['end-of-treatment test', `${c.endOfTreatmentTest.from}..${c.endOfTreatmentTest.by}${c.endOfTreatmentTest.done ? ' (done)' : ''}`]);
    if (c.postTreatmentTest !== undefined) rows.push(['post-treatment test', `from ${c.postTreatmentTest.from}${c.postTreatmentTest.done ? ' (done)' : ''}`]);
    if (c.contraceptionUntil !== undefined) rows.push(['contraception until', c.contraceptionUntil]);
    if (c.noBloodDonationUntil !== undefined) rows.push(['no blood donation until', c.noBloodDonationUntil]);
  }
  const lines = [keyValueTable(rows)];
  if (d.unmet.length > 0) {
    lines.push('', 'Unmet requirements:');
    for (const u of d.unmet) {
      lines.push(`  [${u.ruleId}] ${u.code}${u.earliestDate === undefined ? '' : ` (earliest ${u.earliestDate})`}`, `      ${u.staffMessage}`);
    }
  }
  if (d.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of d.warnings) lines.push(`  [${w.ruleId}] ${w.code}: ${w.staffMessage}`);
  }
  if (d.nextSteps.length > 0) {
    lines.push('', 'Next steps:');
    for (const s of d.nextSteps) lines.push(`  ${s.who.padEnd(8)} [${s.ruleId}] ${s.text}${dates(s.from, s.by)}`);
  }
  return lines.join('\n');
}

export const rulesCheckCommand = defineJsonCommand({
  name: 'rules check',
  summary: 'Judge one programme action (enroll, test, prescription, authorization, dispense, course start/finish) against its dated rule pack',
  input: programCaseSchema,
  output: decisionSchema,
  run: decideProgramCase,
  table: decisionTable,
});

function stepLine(s: PlanStep): string {
  const when = s.on ?? s.latest ?? s.earliest ?? '';
  const range = s.earliest !== undefined || s.latest !== undefined ? ` [${s.earliest ?? ''}..${s.latest ?? ''}]` : '';
  return `  ${when.padEnd(10)}  ${s.who.padEnd(8)} [${s.ruleId}] ${s.text}${range}`;
}

export function planTable(answer: PlanAnswer): string {
  switch (answer.kind) {
    case 'pickup_plan': {
      const rows: Array<[string, string]> = [
        ['pack', `${answer.pack.id} ${answer.pack.version} (${answer.pack.zone})`],
        ['intended pickup', answer.intendedPickup],
        ['feasible', answer.feasible ? 'YES' : 'NO'],
        ['planned pickup', answer.plannedPickup ?? 'none (see obstacles)'],
      ];
      const lines = [keyValueTable(rows)];
      if (answer.obstacles.length > 0) {
        lines.push('', 'Obstacles:');
        for (const o of answer.obstacles) lines.push(`  [${o.ruleId}] ${o.code}${o.earliestDate === undefined ? '' : ` (earliest ${o.earliestDate})`}: ${o.staffMessage}`);
      }
      if (answer.steps.length > 0) lines.push('', 'Checklist:', ...answer.steps.map(stepLine));
      return lines.join('\n');
    }
    case 'course_calendar':
      return [keyValueTable([['pack', `${answer.pack.id} ${answer.pack.version} (${answer.pack.zone})`]]), '', 'Calendar:', ...answer.entries.map(stepLine)].join('\n');
    default: {
      const unreachable: never = answer;
      return unreachable;
    }
  }
}

export const rulesPlanCommand = defineJsonCommand({
  name: 'rules plan',
  summary: 'Plan a pickup (dated checklist, or the earliest feasible day) or lay out the calendar of a first course',
  input: planCaseSchema,
  output: planAnswerSchema,
  run: planProgramCase,
  table: planTable,
});

export const rulesCommands: readonly JsonCommand[] = [rulesCheckCommand, rulesPlanCommand];
