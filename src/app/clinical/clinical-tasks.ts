import type { LabEvaluation } from '../../domain/labs/index.js';
import type { MoodClinicianTask, Phq9Assessment } from '../../domain/mood/index.js';
import type { SymptomFinding, TriageResult } from '../../domain/symptoms/index.js';

/**
 * Which clinician tasks a clinical fact creates: the engines judge (grade, item 9, triage), these
 * rules turn their red flags into tasks on the clinic's worklist with an urgency. Pure, so every
 * boundary is unit-tested (clinical-tasks.test.ts).
 */
export const CLINICAL_TASK_RULE = {
  lab: 'CLIN-LAB-TASKS',
  phq9: 'CLIN-PHQ9-TASKS',
  symptoms: 'CLIN-SYMPTOM-TASKS',
  labPregnancy: 'CLIN-LAB-PREGNANCY',
} as const;

export type TaskUrgency = 'urgent' | 'soon' | 'routine';

export interface TaskSpec {
  readonly kind: string;
  readonly urgency: TaskUrgency;
  /** The rule that created the task, then the engine rules that flagged it. */
  readonly ruleIds: readonly string[];
  readonly text: string;
}

function rank(urgency: TaskUrgency): number {
  switch (urgency) {
    case 'urgent':
      return 0;
    case 'soon':
      return 1;
    case 'routine':
      return 2;
    default: {
      const unreachable: never = urgency;
      return unreachable;
    }
  }
}

/** The most urgent of some tasks, or null when there are none (the fact's `alert`). */
export function mostUrgent(tasks: readonly TaskSpec[]): TaskUrgency | null {
  let best: TaskUrgency | null = null;
  for (const t of tasks) if (best === null || rank(t.urgency) < rank(best)) best = t.urgency;
  return best;
}

/**
 * CLIN-LAB-TASKS: CTCAE grade 3 or 4 -> an urgent `lab_grade_3` task; grade 2 -> a `soon`
 * `lab_grade_2` task; grade 0 or 1 -> none. An indeterminate pregnancy test -> an urgent
 * `lab_pregnancy_indeterminate` task (LAB-PREG: it never counts as negative). A positive one
 * creates its task through the programme's positive-test pathway (CLIN-LAB-PREGNANCY), not here.
 */
export function labTasks(evaluation: LabEvaluation, shown: { readonly value: string; readonly unit: string | null }): TaskSpec[] {
  const tasks: TaskSpec[] = [];
  const what = `${evaluation.display} (LOINC ${evaluation.loinc}): ${shown.value}${shown.unit === null ? '' : ` ${shown.unit}`}`;
  const suggested = evaluation.actions.length === 0 ? '' : ` Suggested: ${evaluation.actions.map((a) => a.message).join('; ')}.`;
  const grade = evaluation.grade;
  if (grade !== null) {
    const graded = `${what}, CTCAE grade ${grade}${evaluation.criterion === undefined ? '' : ` (${evaluation.criterion})`}.${suggested}`;
    switch (grade) {
      case 0:
      case 1:
        break;
      case 2:
        tasks.push({ kind: 'lab_grade_2', urgency: 'soon', ruleIds: [CLINICAL_TASK_RULE.lab, ...evaluation.ruleIds], text: graded });
        break;
      case 3:
      case 4:
        tasks.push({ kind: 'lab_grade_3', urgency: 'urgent', ruleIds: [CLINICAL_TASK_RULE.lab, ...evaluation.ruleIds], text: graded });
        break;
      default: {
        const unreachable: never = grade;
        return unreachable;
      }
    }
  }
  if (evaluation.flags.includes('PREG_INDETERMINATE')) {
    tasks.push({
      kind: 'lab_pregnancy_indeterminate',
      urgency: 'urgent',
      ruleIds: [CLINICAL_TASK_RULE.lab, ...evaluation.ruleIds],
      text: `${what}: indeterminate. It does not count as negative: repeat the pregnancy test.${suggested}`,
    });
  }
  return tasks;
}

function phq9Task(task: MoodClinicianTask): TaskSpec {
  const ruleIds = [CLINICAL_TASK_RULE.phq9, task.ruleId];
  switch (task.code) {
    case 'phq9_item9_positive':
      return { kind: 'phq9_item9', urgency: 'urgent', ruleIds, text: task.message };
    case 'phq9_item9_unanswered':
      return { kind: 'phq9_item9_unanswered', urgency: 'urgent', ruleIds, text: task.message };
    case 'phq9_rise':
      return { kind: 'phq9_rise', urgency: 'soon', ruleIds, text: task.message };
    case 'phq9_incomplete':
      return { kind: 'phq9_incomplete', urgency: 'routine', ruleIds, text: task.message };
    case 'phq9_band_review':
      return { kind: 'phq9_band_review', urgency: 'routine', ruleIds, text: task.message };
    default: {
      const unreachable: never = task.code;
      return unreachable;
    }
  }
}

/**
 * CLIN-PHQ9-TASKS: every task the mood engine asks for becomes a worklist task. Item 9 above 0
 * -> urgent `phq9_item9`; item 9 unanswered -> urgent `phq9_item9_unanswered` (MOOD-PHQ9-ITEM9
 * CONVENTION); a rise of the threshold or more from baseline -> `soon` `phq9_rise` (the engine
 * calls it routine; the issue asks for soon); incomplete and band review -> routine.
 */
export function phq9Tasks(assessment: Phq9Assessment): TaskSpec[] {
  return assessment.tasks.map(phq9Task);
}

function findingLine(f: SymptomFinding): string {
  return `${f.symptomId} (${f.answerLabel}): ${f.reason}${f.pathway === null ? '' : ` [${f.pathway} pathway]`}`;
}

/**
 * CLIN-SYMPTOM-TASKS: one task per report at its overall action (SYM-TRIAGE): `stopAndUrgent`
 * -> an urgent `symptom_stop_urgent` task; `contactPrescriber` -> a `soon`
 * `symptom_contact_prescriber` task; `record` or nothing -> none. The task lists every finding
 * that asks for more than recording, most urgent first.
 */
export function symptomTasks(triage: TriageResult): TaskSpec[] {
  const serious = triage.findings.filter((f) => f.action !== 'record');
  const ruleIds = [CLINICAL_TASK_RULE.symptoms, ...new Set(serious.map((f) => f.ruleId))];
  const text = `Symptom check-in: ${serious.map(findingLine).join('; ')}.`;
  switch (triage.overallAction) {
    case 'stopAndUrgent':
      return [{ kind: 'symptom_stop_urgent', urgency: 'urgent', ruleIds, text: `${text} The patient was told to stop isotretinoin and seek care now.` }];
    case 'contactPrescriber':
      return [{ kind: 'symptom_contact_prescriber', urgency: 'soon', ruleIds, text: `${text} The patient was told to contact the prescriber.` }];
    case 'record':
    case 'none':
      return [];
    default: {
      const unreachable: never = triage.overallAction;
      return unreachable;
    }
  }
}

/** What the patient does now: each finding's advice once, most urgent first. */
export function symptomAdvice(triage: TriageResult): string[] {
  if (triage.findings.length === 0) return ['Thank you. Nothing you reported needs action: keep taking isotretinoin as prescribed.'];
  return [...new Set(triage.findings.map((f) => f.whatToDo))];
}
