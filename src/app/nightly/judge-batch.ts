import type { ClinicFacts } from '../../db/clinic-settings.repository.js';
import type { ProgrammeEventRecord } from '../../db/course.repository.js';
import type { NightlyCourseRow, ReminderKeep, ReminderRow, ScheduleRow } from '../../db/nightly.repository.js';
import { date, endOfDay, localDateOf, type Instant } from '../../domain/calendar/index.js';
import { nightlyCourse, validThrough } from '../../domain/nightly/index.js';
import { JURISDICTIONS, programmeZone } from '../../domain/program/index.js';
import { AppError } from '../errors.js';
import { courseEventIds, instantOf, judged, programFacts } from '../worklist/program-facts.js';

/**
 * The day a course is judged for: the date asked for, or today in the course's programme zone
 * at `asOf` (New York for the US, the clinic's zone elsewhere: DECISION 5); judged as at the end
 * of that day, so everything recorded for the day counts.
 */
export interface NightlyDay {
  readonly requestedDate: string | undefined;
  readonly asOf: Date;
}

/** One batch as read from the database: plain data, so a worker thread can take it. */
export interface NightlyBatchInput {
  readonly rows: readonly NightlyCourseRow[];
  readonly clinics: ReadonlyMap<string, ClinicFacts | undefined>;
  /** Each patient's events, the JSON text of a `ProgrammeEventRecord[]` (listProgrammeEventsOfPatients). */
  readonly eventsJson: ReadonlyMap<string, string>;
  readonly day: NightlyDay;
}

export interface JudgedBatch {
  readonly schedules: ScheduleRow[];
  readonly reminders: ReminderRow[];
  readonly keeps: ReminderKeep[];
  readonly problemCourseIds: string[];
}

function dayOf(clinic: Pick<ClinicFacts, 'jurisdiction' | 'timeZone'>, day: NightlyDay, asOf: Instant): { today: string; at: Instant } {
  const jurisdiction = JURISDICTIONS.find((j) => j === clinic.jurisdiction) ?? 'US';
  const zone = programmeZone(jurisdiction, clinic.timeZone);
  const today = day.requestedDate === undefined ? localDateOf(asOf, zone) : date(day.requestedDate);
  return { today: today.toString(), at: endOfDay(today, zone) };
}

/** The day the courses of a clinic are judged for (the same function the judgement uses): which rows are fresh is asked for it. */
export function judgedDay(clinic: Pick<ClinicFacts, 'jurisdiction' | 'timeZone'>, day: NightlyDay): string {
  return dayOf(clinic, day, instantOf(day.asOf)).today;
}

/**
 * Judges a batch of courses in memory (no I/O): the worklist's computation per course
 * (`nightlyCourse`: `courseWork` or `afterCourseWork`), then the rows to store. A record the
 * engine cannot judge becomes a `problem` schedule row and never stops the batch.
 */
export function judgeBatch(input: NightlyBatchInput): JudgedBatch {
  const { rows, clinics, eventsJson, day } = input;
  const out: JudgedBatch = { schedules: [], reminders: [], keeps: [], problemCourseIds: [] };
  const asOf = instantOf(day.asOf);
  const parsed = new Map<string, ProgrammeEventRecord[]>();
  for (const row of rows) {
    const clinic = clinics.get(row.clinicId);
    // the versions this judgement read: the row describes the course while they are unchanged
    const base = {
      courseId: row.courseId,
      clinicId: row.clinicId,
      patientId: row.patientId,
      courseStatus: row.status,
      courseSeq: row.courseSeq,
      patientSeq: row.patientSeq,
      clinicSeq: clinic?.changeSeq ?? null,
      validThrough: null,
    };
    const problem = (message: string, computedFor: string): void => {
      out.problemCourseIds.push(row.courseId);
      out.schedules.push({ ...base, computedFor, outcome: 'problem', nextAuthorization: null, overdue: 0, due: 0, upcoming: 0, nextBy: null, items: '[]', unmet: '[]', problem: message });
    };
    if (clinic === undefined) {
      problem('The clinic of the course was not found.', day.requestedDate ?? localDateOf(asOf, 'UTC').toString());
      continue;
    }
    const { today, at } = dayOf(clinic, day, asOf);
    let own = parsed.get(row.patientId);
    if (own === undefined) {
      own = JSON.parse(eventsJson.get(row.patientId) ?? '[]') as ProgrammeEventRecord[];
      parsed.set(row.patientId, own);
    }
    try {
      const patient = { id: row.patientId, clinicId: row.clinicId, displayName: '', birthDate: row.patientBirthDate, risk: row.patientRisk };
      const facts = programFacts(clinic, patient, own, day.asOf, { trusted: true });
      const result = judged(() =>
        nightlyCourse({ facts, courseEventIds: courseEventIds(own, row.courseId), state: row.status, at, prescriberId: row.prescriberId ?? undefined, product: row.product ?? undefined }),
      );
      const s = result.schedule;
      out.schedules.push({
        ...base,
        // NIGHTLY-VALID-THROUGH: the last day this judgement stays exact without a change
        validThrough: validThrough({ today: s.computedFor, facts, judged: result }),
        computedFor: s.computedFor,
        outcome: 'judged',
        nextAuthorization: s.nextAuthorization ?? null,
        overdue: s.overdue,
        due: s.due,
        upcoming: s.upcoming,
        nextBy: s.nextBy ?? null,
        items: JSON.stringify(s.items),
        unmet: JSON.stringify(s.unmet),
        problem: null,
      });
      for (const r of result.reminders.reminders) {
        out.reminders.push({ courseId: row.courseId, clinicId: row.clinicId, patientId: row.patientId, kind: r.kind, ruleId: r.ruleId, recipient: r.recipient, dueOn: r.dueOn, sendOn: r.sendOn, messageKey: r.messageKey });
      }
      for (const kind of result.reminders.keepKinds) out.keeps.push({ courseId: row.courseId, kind, from: today });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem(error.message, today);
    }
  }
  return out;
}
