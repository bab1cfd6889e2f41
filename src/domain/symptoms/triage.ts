import { DomainInputError } from '../errors.js';
import { parseJurisdiction, type Jurisdiction } from '../interactions/jurisdictions.js';
import { SYMPTOM_RULE_IDS } from './symptom-builders.js';
import { SYMPTOM_CATALOGUE } from './symptom-catalogue.js';
import {
  actionRank,
  type SourceMark,
  type SymptomAction,
  type SymptomCategory,
  type SymptomDefinition,
  type SymptomPathway,
} from './symptom-types.js';

export interface CheckInAnswer {
  readonly symptomId: string;
  /** Id of one of the symptom's options (`no`, `yes`, `troublesome`, ...). */
  readonly answer: string;
}

export interface CheckIn {
  readonly answers: readonly CheckInAnswer[];
  /** When given, reminders list the questions that jurisdiction requires but were not answered. */
  readonly jurisdiction?: string | undefined;
}

export interface SymptomFinding {
  readonly ruleId: string;
  readonly source: SourceMark;
  readonly symptomId: string;
  readonly category: SymptomCategory;
  readonly question: string;
  readonly answer: string;
  readonly answerLabel: string;
  readonly action: SymptomAction;
  readonly reason: string;
  readonly whatToDo: string;
  readonly pathway: SymptomPathway | null;
}

export interface CheckInReminder {
  readonly ruleId: string;
  readonly symptomId: string;
  readonly message: string;
}

export interface TriageResult {
  readonly ruleId: typeof SYMPTOM_RULE_IDS.triage;
  /** The most urgent action of all findings, `none` when nothing was reported. */
  readonly overallAction: SymptomAction | 'none';
  /** Every reported symptom, most urgent first, then in checklist order. */
  readonly findings: SymptomFinding[];
  /** Distinct pathways opened, in the order of the findings. */
  readonly pathways: SymptomPathway[];
  readonly reminders: CheckInReminder[];
}

export function findSymptom(id: string): SymptomDefinition | undefined {
  return SYMPTOM_CATALOGUE.find((s) => s.id === id);
}

/**
 * The questions to ask at a check-in. Pregnancy questions are asked unless the patient is known
 * not to be able to get pregnant: an unknown category never drops a question.
 */
export function checklistFor(patient: { readonly canGetPregnant?: boolean | undefined }): SymptomDefinition[] {
  return SYMPTOM_CATALOGUE.filter((s) => s.audience === 'everyone' || patient.canGetPregnant !== false);
}

/**
 * SYM-TRIAGE: turns a whole check-in into findings, most urgent first, and the overall action.
 * Every positive answer is a finding (all of them, never only the worst).
 */
export function triageCheckIn(checkIn: CheckIn): TriageResult {
  const jurisdiction: Jurisdiction | undefined =
    checkIn.jurisdiction === undefined ? undefined : parseJurisdiction(checkIn.jurisdiction);
  const seen = new Set<string>();
  const findings: Array<SymptomFinding & { order: number }> = [];
  checkIn.answers.forEach((given, index) => {
    const order = SYMPTOM_CATALOGUE.findIndex((s) => s.id === given.symptomId);
    const symptom = SYMPTOM_CATALOGUE[order];
    if (symptom === undefined) {
      throw new DomainInputError('symptom_unknown', `answers.${index}.symptomId`, `unknown symptom id "${given.symptomId}"`);
    }
    if (seen.has(symptom.id)) {
      // two answers to one question cannot both be true: refuse rather than guess which one
      throw new DomainInputError('symptom_answered_twice', `answers.${index}.symptomId`, `symptom "${symptom.id}" is answered twice`);
    }
    seen.add(symptom.id);
    const chosen = symptom.options.find((o) => o.id === given.answer);
    if (chosen === undefined) {
      const allowed = symptom.options.map((o) => o.id).join(', ');
      throw new DomainInputError('symptom_answer_unknown', `answers.${index}.answer`, `answer "${given.answer}" to "${symptom.id}" is not one of ${allowed}`);
    }
    if (chosen.action === null) return;
    findings.push({
      order,
      ruleId: chosen.ruleId,
      source: chosen.source,
      symptomId: symptom.id,
      category: symptom.category,
      question: symptom.question,
      answer: chosen.id,
      answerLabel: chosen.label,
      action: chosen.action,
      reason: chosen.reason,
      whatToDo: chosen.whatToDo,
      pathway: chosen.pathway,
    });
  });
  findings.sort((a, b) => actionRank(b.action) - actionRank(a.action) || a.order - b.order);
  const sorted = findings.map(({ order: _order, ...finding }) => finding);
  const worst = sorted[0];
  const pathways = [...new Set(sorted.flatMap((f) => (f.pathway === null ? [] : [f.pathway])))];
  const reminders: CheckInReminder[] =
    jurisdiction === undefined
      ? []
      : SYMPTOM_CATALOGUE.filter((s) => s.mustAskIn.includes(jurisdiction) && !seen.has(s.id)).map((s) => ({
          ruleId: s.options[1]?.ruleId ?? SYMPTOM_RULE_IDS.triage,
          symptomId: s.id,
          message: `${jurisdiction} rules require asking "${s.question}" before and during treatment; it was not answered.`,
        }));
  return { ruleId: SYMPTOM_RULE_IDS.triage, overallAction: worst === undefined ? 'none' : worst.action, findings: sorted, pathways, reminders };
}
