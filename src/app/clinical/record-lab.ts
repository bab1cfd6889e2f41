import { programEventSchema, type ProgramEventWire } from '../../contracts/program-case.js';
import type { LabRequest } from '../../contracts/clinical.js';
import { DomainInputError } from '../../domain/errors.js';
import { evaluateLabResult, LOINC, type LabEvaluation } from '../../domain/labs/index.js';
import { actingPrescriber } from '../auth/principal.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import { recordProgramEventIn, type RecordEventResult } from '../course/record-event.js';
import { pregnancySpecimen, SYSTEM } from './clinical-codes.js';
import { domainFieldError, fieldError, notInFuture, STAFF_WRITERS, storeFact, withCourseForWrite, type FactScope, type StoredFact } from './clinical-context.js';
import { CLINICAL_TASK_RULE, labTasks, type TaskSpec } from './clinical-tasks.js';

export interface LabResult extends StoredFact {
  readonly programme: RecordEventResult | null;
}

/** Engine field names that differ from the request's. */
const LAB_POINTERS = { upperLimitOfNormal: '/referenceRangeHigh' } as const;

function evaluate(input: LabRequest): LabEvaluation {
  try {
    return evaluateLabResult({
      loinc: input.loinc,
      value: input.value,
      ...(input.unit === undefined ? {} : { unit: input.unit }),
      ...(input.referenceRangeHigh === undefined ? {} : { upperLimitOfNormal: input.referenceRangeHigh }),
      ...(input.baselineValue === undefined ? {} : { baselineValue: input.baselineValue }),
      ...(input.interpretation === undefined ? {} : { interpretation: input.interpretation }),
    });
  } catch (error) {
    if (error instanceof DomainInputError) throw domainFieldError(error, LAB_POINTERS);
    throw error;
  }
}

/** The programme's result of a pregnancy test as the lab engine read it (LAB-PREG). */
function programmeResult(evaluation: LabEvaluation): 'positive' | 'negative' | 'invalid' {
  if (evaluation.flags.includes('PREG_POS')) return 'positive';
  // indeterminate never counts as negative: the programme records it as not valid
  if (evaluation.flags.includes('PREG_INDETERMINATE')) return 'invalid';
  return 'negative';
}

/**
 * CLIN-LAB-PREGNANCY: a pregnancy-test LOINC is also a programme pregnancy test. It is recorded
 * through the programme's own path (recordProgramEventIn: judged for its purpose, stored with
 * its decision) in the same transaction, so a positive one stops the course, reverses every open
 * authorization and creates the urgent task (US14), exactly as a test recorded as an event does.
 * It needs the programme's facts (purpose, setting) and, for a designee, the prescriber.
 */
async function recordAsProgrammeTest(scope: FactScope, input: LabRequest, evaluation: LabEvaluation, eventId: string): Promise<RecordEventResult> {
  const details = input.pregnancyTest;
  if (details === undefined) throw fieldError('/pregnancyTest', `${input.loinc} is a pregnancy test: give its purpose and setting, it is recorded in the programme too`, 'required');
  const specimen = pregnancySpecimen(input.loinc);
  if (specimen === undefined) throw fieldError('/loinc', `no specimen is known for pregnancy test ${input.loinc}`);
  const prescriber = actingPrescriber(scope.actor.principal, input.prescriberId);
  const event = {
    id: eventId,
    kind: 'pregnancy_test',
    collectedAt: input.collectedAt,
    specimen,
    loinc: input.loinc,
    setting: details.setting,
    ...(details.sensitivityMiuPerMl === undefined ? {} : { sensitivityMiuPerMl: details.sensitivityMiuPerMl }),
    result: programmeResult(evaluation),
    purpose: details.purpose,
  } satisfies ProgramEventWire;
  const parsed = programEventSchema.safeParse(event);
  if (!parsed.success) throw fieldError('/pregnancyTest', parsed.error.issues.map((i) => i.message).join('; '));
  return recordProgramEventIn(scope.trx, scope.actor, scope.facts, event, prescriber, scope.now);
}

/** Records a lab result (staff), graded by the lab engine; red flags become tasks (CLIN-LAB-TASKS). */
export async function recordLab(deps: CourseDeps, actor: Actor, courseId: string, input: LabRequest): Promise<LabResult> {
  const eventId = `e-${deps.tokens.token().slice(0, 22)}`;
  return withCourseForWrite(deps, actor, courseId, STAFF_WRITERS, input.prescriberId, async (scope) => {
    const collectedAt = notInFuture(input.collectedAt, scope, '/collectedAt');
    if (input.loinc === LOINC.bodyWeight) throw fieldError('/loinc', 'body weight (29463-7) is recorded as a weight (POST .../weights), so the cumulative dose sees it');
    const evaluation = evaluate(input);
    const isPregnancyTest = evaluation.analyte === 'pregnancyTest';
    if (!isPregnancyTest && input.pregnancyTest !== undefined) throw fieldError('/pregnancyTest', `only for a pregnancy-test LOINC, not ${input.loinc}`);
    const programme = isPregnancyTest ? await recordAsProgrammeTest(scope, input, evaluation, eventId) : null;
    const value = typeof input.value === 'number' ? input.value : null;
    const unit = input.unit ?? null;
    const tasks = labTasks(evaluation, { value: String(input.value), unit });
    const pathway: TaskSpec[] =
      programme !== null && programmeResult(evaluation) === 'positive'
        ? [{ kind: 'positive_pregnancy_test', urgency: 'urgent', ruleIds: [CLINICAL_TASK_RULE.labPregnancy, ...evaluation.ruleIds], text: 'Positive pregnancy test: positive-test pathway' }]
        : [];
    const stored = await storeFact(
      scope,
      {
        kind: 'lab',
        occurredAt: collectedAt,
        effectiveOn: null,
        dedupeKey: null,
        code: { system: SYSTEM.loinc, code: evaluation.loinc, display: evaluation.display },
        codings: [],
        valueNumeric: value,
        valueText: typeof input.value === 'string' ? input.value : (input.interpretation ?? null),
        unit,
        referenceHigh: input.referenceRangeHigh ?? null,
        data: input,
        result: evaluation,
        programEventKey: programme?.eventId ?? null,
      },
      tasks,
      pathway,
    );
    return { ...stored, programme };
  });
}
