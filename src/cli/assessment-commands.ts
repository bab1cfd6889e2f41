import { z } from 'zod';
import { assessIgaSuccess, GAGS_BAND_IDS, scoreGags } from '../domain/grading/index.js';
import { JURISDICTIONS, screenInteractions } from '../domain/interactions/index.js';
import {
  assessPhq9,
  DEFAULT_PHQ9_CONFIG,
  PHQ9_ANSWER_CODES,
  PHQ9_BAND_IDS,
  PHQ9_DIFFICULTY_INPUTS,
  type MoodRise,
  type Phq9Assessment,
} from '../domain/mood/index.js';
import { SYMPTOM_CATALOGUE, triageCheckIn } from '../domain/symptoms/index.js';
import { defineJsonCommand, keyValueTable, type JsonCommand } from './json-command.js';

/** Clinical assessment commands: phq9 (MOOD-*), symptoms (SYM-*), interactions (INT-*), gags and iga (GRADE-*). */

const bullets = (title: string, lines: readonly string[]): string =>
  `${title}:${lines.length === 0 ? ' none' : `\n${lines.map((l) => `  - ${l}`).join('\n')}`}`;
const jurisdiction = z.enum(JURISDICTIONS);
const band = z.enum(PHQ9_BAND_IDS);
const task = z.object({ ruleId: z.string(), code: z.string(), priority: z.enum(['urgent', 'routine']), message: z.string() });

type Phq9Output = z.infer<typeof phq9Output>;

function presentRise(rise: MoodRise): NonNullable<Phq9Output['rise']> {
  const { ruleId, baselineTotal, threshold, change, minimumChange, flagged } = rise;
  return { ruleId, baselineTotal, threshold, change, minimumChange, flagged };
}

function presentItem10(item: NonNullable<Phq9Assessment['item10']>): NonNullable<Phq9Output['item10']> {
  return { loinc: item.loinc, value: item.value, code: item.code, text: item.text, scored: item.scored };
}

function riseAmount(rise: NonNullable<Phq9Output['rise']>): string {
  return rise.change === null ? `at least ${rise.minimumChange}` : String(rise.change);
}

const phq9Input = z.object({
  answers: z
    .array(
      z.union([z.literal([0, 1, 2, 3]), z.null(), z.enum(PHQ9_ANSWER_CODES)], {
        error: `expected 0, 1, 2, 3, null or one of the LOINC answer codes ${PHQ9_ANSWER_CODES.join(', ')}`,
      }),
    )
    .length(9, { error: 'the PHQ-9 needs exactly 9 answers (items 1-9); item 10 goes in item10' })
    .describe('items 1-9 in form order: 0-3, an LA answer code, or null when unanswered'),
  item10: z.enum(PHQ9_DIFFICULTY_INPUTS).nullable().optional().describe('item 10 (69722-7), recorded, never scored'),
  baselineTotal: z.int().min(0).max(27).nullable().optional().describe('baseline PHQ-9 total of this course (MOOD-RISE)'),
  riseThreshold: z.int().min(1).max(27).optional().describe('MOOD-RISE threshold in points, default 5 [U]'),
  reviewFromBand: band
    .nullable()
    .optional()
    .describe('MOOD-PHQ9-BAND-REVIEW: band from which a review task is created (default moderate; null = off)'),
});

const phq9Output = z.object({
  total: z.int().nullable().describe('MOOD-PHQ9-TOTAL (44261-6); null when incomplete'),
  band: band.nullable().describe('MOOD-PHQ9-BAND; null when incomplete'),
  bandLabel: z.string().nullable(),
  item9RedFlag: z.boolean().describe('MOOD-PHQ9-ITEM9: item 9 above 0, whatever the total'),
  item9Missing: z.boolean(),
  item9FollowUp: z.boolean().describe('red flag or unanswered item 9 (CONVENTION)'),
  incomplete: z.boolean().describe('MOOD-PHQ9-INCOMPLETE'),
  missingItems: z.array(z.int()),
  answeredSum: z.int(),
  phq2Total: z.int().nullable().describe('MOOD-PHQ2: items 1 + 2 (55758-7)'),
  phq2Positive: z.boolean().nullable(),
  rise: z
    .object({
      ruleId: z.string(),
      baselineTotal: z.int(),
      threshold: z.int(),
      change: z.int().nullable(),
      minimumChange: z.int(),
      flagged: z.boolean(),
    })
    .nullable(),
  item10: z.object({ loinc: z.string(), value: z.string(), code: z.string(), text: z.string(), scored: z.literal(false) }).nullable(),
  tasks: z.array(task).describe('clinician tasks, urgent first'),
  patientMessages: z.array(z.string()),
  panelLoinc: z.string(),
  totalLoinc: z.string(),
  questionnaire: z.string(),
});

export const phq9Command = defineJsonCommand({
  name: 'phq9',
  summary: 'Score a PHQ-9: total, band, item-9 red flag, PHQ-2, rise from baseline and clinician tasks',
  input: phq9Input,
  output: phq9Output,
  run(input): z.infer<typeof phq9Output> {
    const r = assessPhq9(input, {
      riseThreshold: input.riseThreshold ?? DEFAULT_PHQ9_CONFIG.riseThreshold,
      reviewFromBand: input.reviewFromBand === undefined ? DEFAULT_PHQ9_CONFIG.reviewFromBand : input.reviewFromBand,
    });
    return {
      total: r.total, band: r.band, bandLabel: r.bandLabel, item9RedFlag: r.item9RedFlag, item9Missing: r.item9Missing,
      item9FollowUp: r.item9FollowUp, incomplete: r.incomplete, missingItems: [...r.missingItems], answeredSum: r.answeredSum,
      phq2Total: r.phq2Total, phq2Positive: r.phq2Positive, rise: r.rise === null ? null : presentRise(r.rise),
      item10: r.item10 === null ? null : presentItem10(r.item10),
      tasks: r.tasks.map((t) => ({ ruleId: t.ruleId, code: t.code, priority: t.priority, message: t.message })),
      patientMessages: [...r.patientMessages], panelLoinc: r.panelLoinc, totalLoinc: r.totalLoinc, questionnaire: r.questionnaire,
    };
  },
  table(out) {
    const rise = out.rise;
    const rows: Array<readonly [string, string]> = [
      ['total', out.total === null ? `incomplete (items ${out.missingItems.join(', ')} missing)` : `${out.total} of 27`],
      ['band', out.bandLabel ?? 'none (incomplete)'],
      ['item 9', out.item9RedFlag ? 'RED FLAG: urgent follow-up' : out.item9Missing ? 'not answered: urgent follow-up' : 'no'],
      ['PHQ-2', out.phq2Total === null ? 'incomplete' : `${out.phq2Total} (${out.phq2Positive === true ? 'positive' : 'negative'})`],
      ['rise', rise === null ? 'no baseline' : `${riseAmount(rise)} from ${rise.baselineTotal}${rise.flagged ? ' (flagged)' : ''}`],
    ];
    const tasks = out.tasks.map((t) => `[${t.ruleId}] ${t.priority}: ${t.message}`);
    return [keyValueTable(rows), bullets('tasks', tasks), bullets('for the patient', out.patientMessages)].join('\n');
  },
});

const gagsGrade = (factor: number) =>
  z.int().min(0).max(4).describe(`lesion grade (0 none, 1 comedones, 2 papules, 3 pustules, 4 nodules); factor ${factor}`);
const gagsInput = z.object({
  forehead: gagsGrade(2),
  rightCheek: gagsGrade(2),
  leftCheek: gagsGrade(2),
  nose: gagsGrade(1),
  chin: gagsGrade(1),
  chestAndUpperBack: gagsGrade(3),
});
const gagsOutput = z.object({
  ruleId: z.string(),
  score: z.int().min(0).max(44).describe('GRADE-GAGS global score'),
  band: z.enum(GAGS_BAND_IDS),
  bandLabel: z.string(),
  local: z.array(z.object({ region: z.string(), factor: z.int(), grade: z.int(), lesion: z.string(), score: z.int() })),
});

export const gagsCommand = defineJsonCommand({
  name: 'gags',
  summary: 'Global Acne Grading System score (0-44) and band from the lesion grade of each region',
  input: gagsInput,
  output: gagsOutput,
  run(input): z.infer<typeof gagsOutput> {
    const r = scoreGags(input);
    const local = r.local.map((l) => ({ region: l.region, factor: l.factor, grade: l.grade, lesion: l.lesion, score: l.score }));
    return { ruleId: r.ruleId, score: r.score, band: r.band, bandLabel: r.bandLabel, local };
  },
  table(out) {
    const rows = out.local.map((l) => [l.region, `${l.factor} x ${l.grade} (${l.lesion}) = ${l.score}`] as const);
    return keyValueTable([...rows, ['score', `${out.score} of 44`], ['band', out.bandLabel]]);
  },
});

const interactionsInput = z.object({
  medications: z.array(z.string()).describe('medication names as written (generic or brand, with or without strength)'),
  allergies: z.array(z.string()).optional(),
  conditions: z.array(z.string()).optional(),
  productComponents: z.array(z.string()).optional().describe('ingredients of the isotretinoin product, when known (INT-ALLERGY-EXCIPIENT)'),
  jurisdiction,
  avoidSeverity: z
    .enum(['absolute', 'caution'])
    .optional()
    .describe('severity of the label wordings "avoid" and "not recommended" (default absolute)'),
});
const severity = z.enum(['absolute', 'caution']);
const interactionsOutput = z.object({
  jurisdiction,
  findings: z.array(
    z.object({
      ruleId: z.string(),
      severity,
      jurisdictions: z.array(jurisdiction).describe('jurisdictions where the rule has this same severity'),
      severityByJurisdiction: z.record(jurisdiction, severity),
      wording: z.string(),
      source: z.string(),
      matched: z.object({ list: z.enum(['medications', 'allergies', 'conditions']), index: z.int(), text: z.string(), term: z.string() }),
      reason: z.string(),
    }),
  ),
  absoluteCount: z.int(),
  cautionCount: z.int(),
  worstSeverity: z.enum(['absolute', 'caution', 'none']),
});

export const interactionsCommand = defineJsonCommand({
  name: 'interactions',
  summary: 'Screen medications, allergies and conditions for isotretinoin interactions and contraindications',
  input: interactionsInput,
  output: interactionsOutput,
  run(input): z.infer<typeof interactionsOutput> {
    const r = screenInteractions(input, { avoidSeverity: input.avoidSeverity ?? 'absolute' });
    const findings = r.findings.map((f) => ({
      ruleId: f.ruleId, severity: f.severity, jurisdictions: [...f.jurisdictions], severityByJurisdiction: { ...f.severityByJurisdiction },
      wording: f.wording, source: f.source, reason: f.reason,
      matched: { list: f.matched.list, index: f.matched.index, text: f.matched.text, term: f.matched.term },
    }));
    const { jurisdiction: j, absoluteCount, cautionCount, worstSeverity } = r;
    return { jurisdiction: j, findings, absoluteCount, cautionCount, worstSeverity };
  },
  table(out) {
    const lines = out.findings.map(
      (f) =>
        `${f.severity.toUpperCase()} [${f.ruleId}] ${f.matched.list}[${f.matched.index}] "${f.matched.text}" ` +
        `(${f.wording}): ${f.reason}`,
    );
    const rows: Array<readonly [string, string]> = [
      ['jurisdiction', out.jurisdiction],
      ['absolute', String(out.absoluteCount)],
      ['caution', String(out.cautionCount)],
    ];
    return `${keyValueTable(rows)}\n${bullets('findings', lines)}`;
  },
});

const symptomsInput = z.object({
  answers: z
    .array(
      z.object({
        symptomId: z.string().describe(`one of: ${SYMPTOM_CATALOGUE.map((s) => s.id).join(', ')}`),
        answer: z.string().describe('id of one of the question\'s options: no, yes, troublesome, ...'),
      }),
    )
    .describe('one answer per question asked'),
  jurisdiction: jurisdiction.optional().describe('adds reminders for questions that jurisdiction requires'),
});
const action = z.enum(['record', 'contactPrescriber', 'stopAndUrgent']);
const symptomsOutput = z.object({
  ruleId: z.string(),
  overallAction: z.union([action, z.literal('none')]).describe('SYM-TRIAGE: the most urgent action'),
  findings: z.array(
    z.object({
      ruleId: z.string(), source: z.string(), symptomId: z.string(), category: z.string(), question: z.string(), answer: z.string(),
      answerLabel: z.string(), action, reason: z.string(), whatToDo: z.string(), pathway: z.string().nullable(),
    }),
  ),
  pathways: z.array(z.string()),
  reminders: z.array(z.object({ ruleId: z.string(), symptomId: z.string(), message: z.string() })),
});

export const symptomsCommand = defineJsonCommand({
  name: 'symptoms',
  summary: 'Triage a symptom check-in: every finding, most urgent first, and the overall action',
  input: symptomsInput,
  output: symptomsOutput,
  run(input): z.infer<typeof symptomsOutput> {
    const r = triageCheckIn(input);
    const findings = r.findings.map((f) => ({
      ruleId: f.ruleId, source: f.source, symptomId: f.symptomId, category: f.category, question: f.question, answer: f.answer,
      answerLabel: f.answerLabel, action: f.action, reason: f.reason, whatToDo: f.whatToDo, pathway: f.pathway,
    }));
    const reminders = r.reminders.map((m) => ({ ruleId: m.ruleId, symptomId: m.symptomId, message: m.message }));
    return { ruleId: r.ruleId, overallAction: r.overallAction, findings, pathways: [...r.pathways], reminders };
  },
  table(out) {
    const lines = out.findings.map((f) => `${f.action} [${f.ruleId}] ${f.symptomId}: ${f.answerLabel}. ${f.whatToDo}`);
    const rows: Array<readonly [string, string]> = [
      ['overall action', out.overallAction],
      ['pathways', out.pathways.length === 0 ? 'none' : out.pathways.join(', ')],
    ];
    return [keyValueTable(rows), bullets('findings', lines), bullets('reminders', out.reminders.map((m) => m.message))].join('\n');
  },
});

const igaInput = z.object({
  baseline: z.int().min(0).max(4).describe('IGA before treatment: 0 clear, 1 almost clear, 2 mild, 3 moderate, 4 severe'),
  current: z.int().min(0).max(4).describe('IGA now'),
});
const igaOutput = z.object({
  ruleId: z.string(), baseline: z.int(), baselineLabel: z.string(), current: z.int(), currentLabel: z.string(), improvement: z.int(),
  success: z.boolean().describe('GRADE-IGA: IGA 0 or 1 and at least 2 grades below baseline'), unmet: z.array(z.string()),
});

export const igaCommand = defineJsonCommand({
  name: 'iga',
  summary: 'IGA treatment success: current IGA 0 or 1 and at least 2 grades below baseline',
  input: igaInput,
  output: igaOutput,
  run(input): z.infer<typeof igaOutput> {
    const r = assessIgaSuccess(input);
    const { ruleId, baseline, baselineLabel, current, currentLabel, improvement, success } = r;
    return { ruleId, baseline, baselineLabel, current, currentLabel, improvement, success, unmet: [...r.unmet] };
  },
  table(out) {
    const rows: Array<readonly [string, string]> = [
      ['baseline', `${out.baseline} (${out.baselineLabel})`],
      ['current', `${out.current} (${out.currentLabel})`],
      ['success', out.success ? 'yes' : 'no'],
    ];
    return `${keyValueTable(rows)}\n${bullets('unmet', out.unmet)}`;
  },
});

export const assessmentCommands: readonly JsonCommand[] = [phq9Command, symptomsCommand, interactionsCommand, gagsCommand, igaCommand];
