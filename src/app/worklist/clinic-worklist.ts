import { appendAuditEntries } from '../../db/audit-batch.repository.js';
import { loadClinicFacts, type ClinicFacts } from '../../db/clinic-settings.repository.js';
import type { StoredEvent } from '../../db/course.repository.js';
import type { CourseStatus } from '../../db/schema.js';
import { listClinicWorklist, listEventsOfPatients, preferNameWalk, type WorklistKey, type WorklistRow } from '../../db/worklist.repository.js';
import { localDateOf } from '../../domain/calendar/index.js';
import { JURISDICTIONS, programmeZone } from '../../domain/program/index.js';
import { courseWork, isBlocked, type CourseWork } from '../../domain/worklist/index.js';
import { requireClinic, requireRole, STAFF_ROLES } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { auditOf, type Actor, type CourseDeps } from '../course/course-context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { courseEventIds, instantOf, judged, programFacts } from './program-facts.js';

export const WORKLIST_FILTERS = ['due', 'overdue', 'blocked', 'flagged'] as const;
export type WorklistFilter = (typeof WORKLIST_FILTERS)[number];

export interface ClinicWorklistQuery {
  /** Only these course statuses; empty = open courses and any course with a red flag. */
  readonly statuses: readonly CourseStatus[];
  readonly filter?: WorklistFilter | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface ClinicWorklistEntry {
  readonly row: WorklistRow;
  /** What the programme engine says is due, overdue or blocked (absent when it could not judge). */
  readonly work?: CourseWork | undefined;
  /** Why the record could not be judged (one bad record never hides the rest of the list). */
  readonly problem?: { readonly code: string; readonly message: string } | undefined;
}

export interface ClinicWorklistPage {
  readonly asOf: Date;
  /** Today in the clinic's programme zone (DECISION 5): the day items are due against. */
  readonly today: string;
  readonly entries: readonly ClinicWorklistEntry[];
  /** Where the next page starts; absent at the end of the list. */
  readonly nextCursor?: string | undefined;
  /** Courses the request judged (more than the page when an engine-derived filter skips some). */
  readonly scanned: number;
}

/** Courses judged per query when a filter depends on the engine (due, overdue, blocked): the page size, at least 20, at most 100. */
export const ENGINE_FILTER_BATCH = 100;
export const ENGINE_FILTER_MIN_BATCH = 20;
/** At most this many courses are judged per request; the cursor resumes the scan. */
export const MAX_SCANNED_PER_REQUEST = 1000;

function evaluate(row: WorklistRow, clinic: ClinicFacts, events: readonly StoredEvent[], now: Date): ClinicWorklistEntry {
  try {
    const patient = { id: row.patientId, clinicId: clinic.id, displayName: row.patientName, birthDate: row.patientBirthDate, risk: row.patientRisk };
    const facts = programFacts(clinic, patient, events, now);
    const work = judged(() =>
      courseWork({
        facts,
        courseEventIds: courseEventIds(events, row.courseId),
        state: row.status,
        at: instantOf(now),
        prescriberId: row.prescriberId ?? undefined,
        product: row.product ?? undefined,
      }),
    );
    return { row, work };
  } catch (error) {
    if (error instanceof AppError) return { row, problem: { code: 'record_cannot_be_judged', message: error.message } };
    throw error;
  }
}

function matches(entry: ClinicWorklistEntry, filter: WorklistFilter | undefined): boolean {
  const work = entry.work;
  switch (filter) {
    case undefined:
    case 'flagged':
      return true;
    case 'due':
      return work !== undefined && work.due.length > 0;
    case 'overdue':
      return work !== undefined && work.overdue.length > 0;
    case 'blocked':
      // a record the engine cannot judge cannot be authorized either
      return work === undefined || isBlocked(work);
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/**
 * The clinic worklist (issue 5 item 4): every open course, and every course with an open red
 * flag, red flags first (WL-FLAG, WL-ORDER), each with what is due, overdue or blocked
 * (WL-COLLECT, WL-SUPPLY, WL-NEXT-AUTH, WL-COURSE-END). Cost per page (docs/worklists.md): one
 * list query, one query for the events of the page's patients, two for the clinic, and a fixed
 * number for the audit (one entry per listed patient). With a due/overdue/blocked filter the
 * rows are judged in batches of ENGINE_FILTER_BATCH (two queries each) until the page is full,
 * at most MAX_SCANNED_PER_REQUEST courses per request.
 */
export async function clinicWorklist(deps: CourseDeps, actor: Actor, clinicId: string, query: ClinicWorklistQuery): Promise<ClinicWorklistPage> {
  requireRole(actor.principal, STAFF_ROLES);
  requireClinic(actor.principal, clinicId);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const clinic = await loadClinicFacts(trx, clinicId);
    if (clinic === undefined) throw new AppError('not_found', 'No such clinic.');
    await preferNameWalk(trx);
    const engineFilter = query.filter === 'due' || query.filter === 'overdue' || query.filter === 'blocked' ? query.filter : undefined;
    const jurisdiction = JURISDICTIONS.find((j) => j === clinic.jurisdiction) ?? 'US';
    const today = localDateOf(instantOf(now), programmeZone(jurisdiction, clinic.timeZone)).toString();
    // WL-PREFILTER: the nightly schedule rules out what it knows does not match, so a batch the
    // size of the page usually fills it (docs/worklists.md)
    const base = { clinicId, statuses: query.statuses, flaggedOnly: query.filter === 'flagged', prefilter: engineFilter === undefined ? undefined : { filter: engineFilter, today } };
    const entries: ClinicWorklistEntry[] = [];
    let position: WorklistKey | undefined = after;
    let next: WorklistKey | undefined;
    let scanned = 0;
    for (;;) {
      const batch = engineFilter !== undefined ? Math.min(Math.max(query.limit, ENGINE_FILTER_MIN_BATCH), ENGINE_FILTER_BATCH, MAX_SCANNED_PER_REQUEST - scanned) : query.limit + 1;
      const rows = await listClinicWorklist(trx, { ...base, after: position, limit: batch });
      const judgedRows = engineFilter !== undefined ? rows : rows.slice(0, query.limit);
      const events = await listEventsOfPatients(trx, judgedRows.map((r) => r.patientId));
      let full = false;
      for (const row of judgedRows) {
        scanned += 1;
        position = row.key;
        const entry = evaluate(row, clinic, events.get(row.patientId) ?? [], now);
        if (matches(entry, query.filter)) entries.push(entry);
        if (entries.length === query.limit) {
          full = true;
          break;
        }
      }
      const endOfList = rows.length < batch;
      if (engineFilter === undefined) {
        next = rows.length > query.limit ? position : undefined;
        break;
      }
      if (full) {
        // more may follow unless this was the very last row of the list
        next = endOfList && position === rows[rows.length - 1]?.key ? undefined : position;
        break;
      }
      if (endOfList) break;
      if (scanned >= MAX_SCANNED_PER_REQUEST) {
        next = position;
        break;
      }
    }
    const audit = [
      auditOf(actor, now, { action: 'read_worklist', resourceType: 'clinic', resourceId: clinicId, clinicId, patientId: null }),
      ...entries.map((e) => auditOf(actor, now, { action: 'read_worklist', resourceType: 'course', resourceId: e.row.courseId, clinicId, patientId: e.row.patientId })),
    ];
    await appendAuditEntries(trx, audit);
    return { asOf: now, today, entries, nextCursor: next === undefined ? undefined : encodeCursor(next), scanned };
  });
}
