import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateLabResult } from '../../domain/labs/index.js';
import { assessPhq9 } from '../../domain/mood/index.js';
import { triageCheckIn } from '../../domain/symptoms/index.js';
import { labTasks, mostUrgent, phq9Tasks, symptomAdvice, symptomTasks, type TaskSpec } from './clinical-tasks.js';

const tg = (value: number) => evaluateLabResult({ loinc: '2571-8', value, unit: 'mg/dL' });
const alt = (value: number) => evaluateLabResult({ loinc: '1742-6', value, unit: 'U/L', upperLimitOfNormal: 33 });
const tasksFor = (value: number) => labTasks(tg(value), { value: String(value), unit: 'mg/dL' });
const kinds = (tasks: readonly TaskSpec[]) => tasks.map((t) => [t.kind, t.urgency]);

describe('CLIN-LAB-TASKS', () => {
  it('creates no task for triglycerides of 300 mg/dL (grade 1)', () => {
    expect(tasksFor(300)).toEqual([]);
  });

  it('creates a soon lab_grade_2 task for 301 and for 500 mg/dL (grade 2), not an urgent one', () => {
    expect(kinds(tasksFor(301))).toEqual([['lab_grade_2', 'soon']]);
    expect(kinds(tasksFor(500))).toEqual([['lab_grade_2', 'soon']]);
  });

  it('creates an urgent lab_grade_3 task from 501 mg/dL (grade 3) and for grade 4', () => {
    expect(kinds(tasksFor(501))).toEqual([['lab_grade_3', 'urgent']]);
    expect(kinds(tasksFor(1001))).toEqual([['lab_grade_3', 'urgent']]);
  });

  it('grades ALT of exactly 3 x ULN (99 with ULN 33) as grade 1 with no task, and 100 as grade 2', () => {
    expect(labTasks(alt(99), { value: '99', unit: 'U/L' })).toEqual([]);
    expect(kinds(labTasks(alt(100), { value: '100', unit: 'U/L' }))).toEqual([['lab_grade_2', 'soon']]);
    expect(kinds(labTasks(alt(166), { value: '166', unit: 'U/L' }))).toEqual([['lab_grade_3', 'urgent']]);
  });

  it('names its rule, the grading rule and the criterion in the task', () => {
    const [task] = tasksFor(501);
    expect(task?.ruleIds).toEqual(['CLIN-LAB-TASKS', 'LAB-TG', 'LAB-ACTIONS']);
    expect(task?.text).toContain('CTCAE grade 3');
    expect(task?.text).toContain('501 mg/dL');
  });

  it('creates an urgent task for an indeterminate pregnancy test and none for a negative or positive one', () => {
    const test = (value: 'positive' | 'negative' | 'indeterminate') => labTasks(evaluateLabResult({ loinc: '2106-3', value }), { value, unit: null });
    expect(kinds(test('indeterminate'))).toEqual([['lab_pregnancy_indeterminate', 'urgent']]);
    expect(test('negative')).toEqual([]);
    // a positive test creates its task through the programme's positive-test pathway
    expect(test('positive')).toEqual([]);
  });

  it('never lowers the urgency when triglycerides rise (property)', () => {
    const rank = (tasks: readonly TaskSpec[]) => ({ urgent: 2, soon: 1, routine: 0, none: -1 })[mostUrgent(tasks) ?? 'none'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return rank(tasksFor(low)) <= rank(tasksFor(high));
      }),
    );
  });
});

describe('CLIN-PHQ9-TASKS', () => {
  it('creates an urgent phq9_item9 task when item 9 is 1, whatever the total', () => {
    const tasks = phq9Tasks(assessPhq9({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] }));
    expect(kinds(tasks)).toEqual([['phq9_item9', 'urgent']]);
    expect(tasks[0]?.ruleIds).toEqual(['CLIN-PHQ9-TASKS', 'MOOD-PHQ9-ITEM9']);
  });

  it('creates no task for a complete minimal PHQ-9 with item 9 at 0', () => {
    expect(phq9Tasks(assessPhq9({ answers: [1, 1, 0, 1, 0, 0, 0, 0, 0] }))).toEqual([]);
  });

  it('creates a soon phq9_rise task for a rise of exactly 5 from baseline, none for 4', () => {
    expect(kinds(phq9Tasks(assessPhq9({ answers: [1, 1, 1, 1, 1, 1, 1, 0, 0], baselineTotal: 2 })))).toEqual([['phq9_rise', 'soon']]);
    expect(phq9Tasks(assessPhq9({ answers: [1, 1, 1, 1, 1, 1, 0, 0, 0], baselineTotal: 2 }))).toEqual([]);
  });

  it('follows an unanswered item 9 up urgently and asks for an incomplete form to be completed (routine)', () => {
    expect(kinds(phq9Tasks(assessPhq9({ answers: [0, 0, 0, 0, 0, 0, 0, 0, null] })))).toEqual([
      ['phq9_item9_unanswered', 'urgent'],
      ['phq9_incomplete', 'routine'],
    ]);
  });
});

describe('CLIN-SYMPTOM-TASKS', () => {
  it('creates one urgent task for a stop-and-urgent finding, listing every serious finding', () => {
    const triage = triageCheckIn({ answers: [{ symptomId: 'cheilitis', answer: 'yes' }, { symptomId: 'suicidal-thoughts', answer: 'yes' }] });
    const tasks = symptomTasks(triage);
    expect(kinds(tasks)).toEqual([['symptom_stop_urgent', 'urgent']]);
    expect(tasks[0]?.ruleIds).toEqual(['CLIN-SYMPTOM-TASKS', 'SYM-MENTAL-HEALTH']);
    expect(tasks[0]?.text).toContain('suicidal-thoughts');
    expect(tasks[0]?.text).not.toContain('cheilitis');
  });

  it('creates a soon task when the worst finding asks to contact the prescriber', () => {
    const triage = triageCheckIn({ answers: [{ symptomId: 'cheilitis', answer: 'troublesome' }] });
    expect(triage.overallAction).toBe('contactPrescriber');
    expect(kinds(symptomTasks(triage))).toEqual([['symptom_contact_prescriber', 'soon']]);
  });

  it('creates no task when everything reported is only to be recorded, or nothing is reported', () => {
    expect(symptomTasks(triageCheckIn({ answers: [{ symptomId: 'dry-skin', answer: 'yes' }] }))).toEqual([]);
    const none = triageCheckIn({ answers: [{ symptomId: 'headache', answer: 'no' }] });
    expect(symptomTasks(none)).toEqual([]);
    expect(symptomAdvice(none)).toEqual(['Thank you. Nothing you reported needs action: keep taking isotretinoin as prescribed.']);
  });

  it('tells the patient what to do, most urgent first, each piece of advice once', () => {
    const triage = triageCheckIn({ answers: [{ symptomId: 'dry-skin', answer: 'yes' }, { symptomId: 'low-mood', answer: 'yes' }, { symptomId: 'aggression', answer: 'yes' }] });
    const advice = symptomAdvice(triage);
    expect(advice[0]).toBe(triage.findings[0]?.whatToDo);
    expect(new Set(advice).size).toBe(advice.length);
  });
});

describe('mostUrgent', () => {
  it('is urgent over soon over routine, and null for no task', () => {
    const t = (urgency: TaskSpec['urgency']): TaskSpec => ({ kind: 'k', urgency, ruleIds: [], text: '' });
    expect(mostUrgent([])).toBeNull();
    expect(mostUrgent([t('routine'), t('soon')])).toBe('soon');
    expect(mostUrgent([t('soon'), t('urgent'), t('routine')])).toBe('urgent');
  });
});
