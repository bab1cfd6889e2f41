import { programEventSchema } from '../../contracts/program-case.js';
import type { ClinicFacts } from '../../db/clinic-settings.repository.js';
import type { PatientRecord, ProgrammeEventRecord } from '../../db/course.repository.js';
import { instant, type Instant } from '../../domain/calendar/index.js';
import { DomainInputError } from '../../domain/errors.js';
import type { ProgramFacts } from '../../domain/worklist/index.js';
import { AppError } from '../errors.js';
import { wireInstant } from '../course/course-context.js';
import { parseProgramCase, parseStoredProgramCase } from '../course/parse-case.js';
import { caseWire } from '../course/program-case.js';

/** The kinds of programme event; other facts a course may hold are not the engine's business. */
const PROGRAMME_KINDS: ReadonlySet<string> = new Set(programEventSchema.options.map((o) => o.shape.kind.value));

/** Only the stored events the programme engine reads (clinical facts live elsewhere or are skipped). */
export function programmeEvents<E extends ProgrammeEventRecord>(events: readonly E[]): E[] {
  return events.filter((e) => PROGRAMME_KINDS.has(e.kind));
}

/**
 * The patient's programme facts, parsed once into the engine's types, so several decisions
 * (next authorization, course end) can be taken on them without re-reading anything.
 */
export function programFacts(clinic: ClinicFacts, patient: PatientRecord, events: readonly ProgrammeEventRecord[], now: Date, how: { readonly trusted?: boolean } = {}): ProgramFacts {
  const wire = caseWire(clinic, patient, programmeEvents(events), { kind: 'finish_course', at: wireInstant(now) });
  // the events parsed before are reused (parse-case.ts): validating each course's whole history
  // with zod was a third of a worklist page's CPU (bench/worklist.bench.ts). `trusted` (the
  // nightly): the stored events are not validated again (parseStoredProgramCase), same result.
  const parsed = how.trusted === true ? parseStoredProgramCase(wire) : parseProgramCase(wire);
  if (!parsed.success) {
    const issues = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new AppError('invalid_input', `The course record cannot be judged: ${issues}`);
  }
  const { action: _action, ...facts } = parsed.data;
  return facts;
}

/** Ids (event keys) of the events of one course. */
export function courseEventIds(events: readonly ProgrammeEventRecord[], courseId: string): Set<string> {
  return new Set(events.filter((e) => e.courseId === courseId).map((e) => e.eventKey));
}

export function instantOf(at: Date): Instant {
  return instant(at.toISOString());
}

/** Runs engine code; input it cannot judge becomes an `invalid_input` error naming the field. */
export function judged<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainInputError) throw new AppError('invalid_input', error.message, { field: error.field, reason: error.code });
    throw error;
  }
}
