import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import { freshTestDatabase, testEngine, type TestDatabase } from '../../db/testing/test-database.js';
import { date, type Instant } from '../../domain/calendar/index.js';
import type { ProgramEvent } from '../../domain/program/index.js';
import { aPatientWhoCanGetPregnant, at, authorization, enrolledWithCourse, firstCourseEvents, pregnancyTest, twoMethods } from '../../domain/program/testing.js';
import { aClinic, aUser } from '../testing/builders.js';
import { MovableClock } from '../testing/clock.js';
import { runNightly, type NightlyResult } from './run-nightly.js';

let database: TestDatabase | undefined;
const extra: DatabaseHandle[] = [];
afterEach(async () => {
  for (const h of extra.splice(0)) await h.close();
  await database?.close();
  database = undefined;
});

interface Fixture {
  readonly db: Kysely<Database>;
  readonly clinicId: string;
  /** qualifying: screened on 2026-01-25, confirmation test possible from 2026-02-13 (US3). */
  readonly waiting: string;
  /** active: authorization issued 2026-02-05, collect by 2026-02-11 (US7). */
  readonly collecting: string;
  /** completed: last dose 2026-01-20, post-treatment test from 2026-02-19 (US12). */
  readonly finished: string;
}

function when(e: ProgramEvent): Instant {
  if ('at' in e) return e.at;
  if ('on' in e) return at(e.on.toString(), '09:00');
  if ('collectedAt' in e) return e.collectedAt;
  return at('2026-01-01', '09:00');
}

async function addEvents(db: Kysely<Database>, ids: { clinicId: string; patientId: string; courseId: string }, events: readonly ProgramEvent[]): Promise<void> {
  await db
    .insertInto('course_event')
    .values(
      events.map((e) => ({
        course_id: ids.courseId,
        clinic_id: ids.clinicId,
        patient_id: ids.patientId,
        event_key: e.id,
        kind: e.kind,
        occurred_at: new Date(when(e).epochMilliseconds),
        recorded_at: new Date(when(e).epochMilliseconds),
        payload: JSON.stringify(e),
      })),
    )
    .execute();
}

async function aCourse(db: Kysely<Database>, clinicId: string, prescriberId: string, status: 'qualifying' | 'active' | 'completed', events: readonly ProgramEvent[]): Promise<string> {
  const risk = aPatientWhoCanGetPregnant().risk;
  const patient = await db.insertInto('patient').values({ clinic_id: clinicId, display_name: 'P', birth_date: '2004-05-17', risk: JSON.stringify(risk) }).returning('id').executeTakeFirstOrThrow();
  const course = await db
    .insertInto('course')
    .values({ patient_id: patient.id, clinic_id: clinicId, sequence: 1, status, prescriber_id: prescriberId, product: 'us-generic', stop_reason: null, updated_at: new Date('2026-01-21T12:00:00Z') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addEvents(db, { clinicId, patientId: patient.id, courseId: course.id }, events);
  return course.id;
}

async function fixture(db: Kysely<Database>): Promise<Fixture> {
  const clinic = await aClinic(db, { jurisdiction: 'US', timeZone: 'America/New_York' });
  const prescriber = await aUser(db, 'prescriber', { clinicId: clinic.id });
  const screened = [...enrolledWithCourse('2025-12-20'), ...twoMethods('2025-12-20'), pregnancyTest('2026-01-25', { purpose: 'screening' })];
  const waiting = await aCourse(db, clinic.id, prescriber.id, 'qualifying', screened);
  const collecting = await aCourse(db, clinic.id, prescriber.id, 'active', [...firstCourseEvents(), authorization('rx-2026-02-05', at('2026-02-05', '14:00'), '2026-02-11')]);
  const ended: ProgramEvent[] = [
    ...enrolledWithCourse('2025-10-01'),
    ...twoMethods('2025-09-01'),
    { id: 'first', kind: 'first_dose', on: date('2025-10-02') },
    pregnancyTest('2026-01-20', { purpose: 'end_of_treatment' }),
    { id: 'last', kind: 'last_dose', on: date('2026-01-20') },
    { id: 'stopped', kind: 'course_stopped', on: date('2026-01-20'), reason: 'completed' },
  ];
  const finished = await aCourse(db, clinic.id, prescriber.id, 'completed', ended);
  return { db, clinicId: clinic.id, waiting, collecting, finished };
}

async function reminders(db: Kysely<Database>) {
  return db
    .selectFrom('reminder')
    .select(['course_id', 'kind', 'rule_id', 'recipient', 'due_on', 'send_on', 'message_key', 'status', 'retired_reason', 'updated_at'])
    .orderBy('course_id')
    .orderBy('kind')
    .orderBy('due_on')
    .execute();
}

async function schedules(db: Kysely<Database>) {
  return db.selectFrom('course_schedule').select(['course_id', 'computed_for', 'computed_at', 'course_status', 'outcome', 'next_authorization', 'overdue', 'due', 'upcoming', 'next_by', 'items', 'unmet']).orderBy('course_id').execute();
}

function completed(result: NightlyResult) {
  if (result.kind !== 'completed') throw new Error(`expected a completed run, got ${result.kind}`);
  return result;
}

const clock = (): MovableClock => new MovableClock('2026-02-06T07:00:00Z');

describe(`the nightly recompute on ${testEngine()}`, () => {
  it('stores each course\'s schedule and reminders, and a second run of the same night changes nothing', async () => {
    database = await freshTestDatabase();
    const f = await fixture(database.db);
    const first = completed(await runNightly(f.db, { date: '2026-02-06', clock: clock(), batchSize: 2 }));
    expect(first).toMatchObject({ coursesJudged: 3, problems: 0, remindersCreated: 5, remindersUpdated: 0, remindersRetired: 0, batches: 2, resumed: false });
    const stored = await reminders(f.db);
    const byCourse = (id: string) => stored.filter((r) => r.course_id === id).map((r) => [r.kind, r.rule_id, r.recipient, r.due_on, r.send_on, r.status]);
    expect(byCourse(f.waiting)).toEqual([
      ['earliest:comprehension_questions_not_done', 'RM-EARLIEST', 'patient', '2026-02-13', '2026-02-13', 'pending'],
      ['earliest:confirmation_test_missing', 'RM-EARLIEST', 'clinic', '2026-02-13', '2026-02-13', 'pending'],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(byCourse(f.collecting)).toEqual([['collect_by', 'RM-COLLECT', 'patient', '2026-02-11', '2026-02-09', 'pending']]);
    expect(byCourse(f.finished)).toEqual([
      ['post_treatment_test', 'RM-POST-TEST', 'patient', '2026-02-19', '2026-02-16', 'pending'],
      ['post_treatment_test_late', 'RM-POST-TEST', 'clinic', '2026-03-05', '2026-03-05', 'pending'],
    ]);
    const rows = await schedules(f.db);
    expect(rows.map((r) => r.computed_for)).toEqual(['2026-02-06', '2026-02-06', '2026-02-06']);
    const waiting = rows.find((r) => r.course_id === f.waiting);
    expect(waiting).toMatchObject({ next_authorization: 'blocked', outcome: 'judged' });
    expect(waiting?.unmet).toEqual(expect.arrayContaining([{ code: 'confirmation_test_missing', ruleId: 'US3', earliestDate: '2026-02-13' }]));
    expect(rows.find((r) => r.course_id === f.collecting)).toMatchObject({ due: 1, next_by: '2026-02-11' });
    expect(rows.find((r) => r.course_id === f.finished)).toMatchObject({ course_status: 'completed', upcoming: 1 });
    // each row carries the change versions it read (migration 2026-11-26T0000-change-versions): all equal to the current ones
    const versions = await sql<{ course_id: string; same: boolean; valid_through: string }>`
      select s.course_id, s.course_seq = c.change_seq and s.patient_seq = p.change_seq and s.clinic_seq = cl.change_seq as same, s.valid_through::text as valid_through
        from course_schedule s join course c on c.id = s.course_id join patient p on p.id = c.patient_id join clinic cl on cl.id = c.clinic_id`.execute(f.db);
    expect(versions.rows.map((r) => r.same)).toEqual([true, true, true]);
    // NIGHTLY-VALID-THROUGH: the next authorization is judged daily; the open authorization holds
    // until the day before its last day to collect; the completed course six days
    const valid = new Map(versions.rows.map((r) => [r.course_id, r.valid_through]));
    expect([valid.get(f.waiting), valid.get(f.collecting), valid.get(f.finished)]).toEqual(['2026-02-06', '2026-02-10', '2026-02-12']);

    // incremental: every row is fresh for the same day, nothing is judged
    const again = completed(await runNightly(f.db, { date: '2026-02-06', clock: clock() }));
    expect(again).toMatchObject({ coursesJudged: 0, remindersCreated: 0, remindersUpdated: 0, remindersRetired: 0 });
    expect(await reminders(f.db)).toEqual(stored);
    expect(await schedules(f.db)).toEqual(rows);
    // full: every course judged again, the same rows and reminders
    const full = completed(await runNightly(f.db, { date: '2026-02-06', clock: clock(), full: true }));
    expect(full).toMatchObject({ coursesJudged: 3, remindersCreated: 0, remindersUpdated: 0, remindersRetired: 0 });
    expect(await reminders(f.db)).toEqual(stored);
    expect(await schedules(f.db)).toEqual(rows);
  });

  it('on a later night retires what no longer applies and adds what is new (the reminders move)', async () => {
    database = await freshTestDatabase();
    const f = await fixture(database.db);
    completed(await runNightly(f.db, { date: '2026-02-06', clock: clock() }));
    // the authorization was not collected by 2026-02-11; on 2026-02-12 a new one is issued after a new test
    const ids = await f.db.selectFrom('course').select(['id', 'patient_id', 'clinic_id']).where('id', '=', f.collecting).executeTakeFirstOrThrow();
    await addEvents(f.db, { clinicId: ids.clinic_id, patientId: ids.patient_id, courseId: ids.id }, [
      { id: 'reversed', kind: 'authorization_reversed', at: at('2026-02-12', '09:00'), authorizationId: 'auth-rx-2026-02-05', reason: 'not collected' },
      authorization('rx-2026-02-05', at('2026-02-12', '14:00'), '2026-02-18', 'auth-2'),
    ]);
    const later = completed(await runNightly(f.db, { date: '2026-02-12', clock: new MovableClock('2026-02-12T07:00:00Z') }));
    expect(later).toMatchObject({ remindersCreated: 1, remindersRetired: 1 });
    const collect = (await reminders(f.db)).filter((r) => r.course_id === f.collecting).map((r) => [r.due_on, r.send_on, r.status, r.retired_reason]);
    expect(collect).toEqual([
      ['2026-02-11', '2026-02-09', 'retired', 'no_longer_applies'],
      ['2026-02-18', '2026-02-16', 'pending', null],
    ]);
    // the confirmation test's day has not come: its reminders stay as they were
    expect((await reminders(f.db)).filter((r) => r.course_id === f.waiting).every((r) => r.status === 'pending' && r.due_on === '2026-02-13')).toBe(true);
    // on that day they are kept (the engine says "from today"); the day after, they no longer apply
    completed(await runNightly(f.db, { date: '2026-02-13', clock: new MovableClock('2026-02-13T07:00:00Z') }));
    expect((await reminders(f.db)).filter((r) => r.course_id === f.waiting).map((r) => r.status)).toEqual(['pending', 'pending']);
    completed(await runNightly(f.db, { date: '2026-02-14', clock: new MovableClock('2026-02-14T07:00:00Z') }));
    expect((await reminders(f.db)).filter((r) => r.course_id === f.waiting).map((r) => r.status)).toEqual(['retired', 'retired']);
  });

  it('retires the reminders of a course that closed, and of a closed course past the horizon (its schedule goes)', async () => {
    database = await freshTestDatabase();
    const f = await fixture(database.db);
    completed(await runNightly(f.db, { date: '2026-02-06', clock: clock() }));
    // stopped without a last dose: nothing left to remind of
    await f.db.updateTable('course').set({ status: 'stopped', stop_reason: 'patient_decision', updated_at: new Date('2026-02-07T12:00:00Z') }).where('id', '=', f.collecting).execute();
    const ids = await f.db.selectFrom('course').select(['id', 'patient_id', 'clinic_id']).where('id', '=', f.collecting).executeTakeFirstOrThrow();
    await addEvents(f.db, { clinicId: ids.clinic_id, patientId: ids.patient_id, courseId: ids.id }, [{ id: 'stop', kind: 'course_stopped', on: date('2026-02-07'), reason: 'patient_decision' }]);
    // closed more than 100 days before the night judged: no longer judged at all
    await f.db.updateTable('course').set({ updated_at: new Date('2025-10-01T12:00:00Z') }).where('id', '=', f.finished).execute();
    const result = completed(await runNightly(f.db, { date: '2026-02-07', clock: new MovableClock('2026-02-07T07:00:00Z') }));
    expect(result).toMatchObject({ coursesJudged: 2, remindersRetired: 3 });
    const stored = await reminders(f.db);
    expect(stored.filter((r) => r.course_id === f.collecting).map((r) => [r.status, r.retired_reason])).toEqual([['retired', 'no_longer_applies']]);
    expect(stored.filter((r) => r.course_id === f.finished).map((r) => [r.status, r.retired_reason])).toEqual([
      ['retired', 'course_not_judged'],
      ['retired', 'course_not_judged'],
    ]);
    const rows = await schedules(f.db);
    expect(rows.map((r) => r.course_id).sort()).toEqual([f.collecting, f.waiting].sort());
    expect(rows.find((r) => r.course_id === f.collecting)).toMatchObject({ course_status: 'stopped', due: 0, overdue: 0, upcoming: 0 });
  });

  it('leaves whole batches after a failure inside a batch\'s write, and the next run resumes and completes', async () => {
    database = await freshTestDatabase();
    const f = await fixture(database.db);
    let reminderInserts = 0;
    const failing: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === 'RawNode' && args.node.sqlFragments.join('').includes('insert into reminder') && (reminderInserts += 1) === 2) throw new Error('injected failure');
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    };
    await expect(runNightly(f.db.withPlugin(failing), { date: '2026-02-06', clock: clock(), batchSize: 1 })).rejects.toThrow('injected failure');
    const runs = await f.db.selectFrom('nightly_run').select(['id', 'status', 'checkpoint', 'courses_judged']).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'running', courses_judged: 1 });
    // exactly the first batch is written: its schedule and its reminders, nothing of the second
    const first = runs[0]?.checkpoint ?? '';
    expect((await schedules(f.db)).map((r) => r.course_id)).toEqual([first]);
    expect(new Set((await reminders(f.db)).map((r) => r.course_id))).toEqual(new Set([first]));

    const resumed = completed(await runNightly(f.db, { date: '2026-02-06', clock: clock(), batchSize: 1 }));
    expect(resumed).toMatchObject({ resumed: true, runId: runs[0]?.id, coursesJudged: 3, remindersCreated: 5 });
    expect(await schedules(f.db)).toHaveLength(3);
    const afterResume = await reminders(f.db);
    completed(await runNightly(f.db, { date: '2026-02-06', clock: clock() }));
    expect(await reminders(f.db)).toEqual(afterResume);
  });

  it('refuses a second run while one is in progress', async () => {
    database = await freshTestDatabase();
    const f = await fixture(database.db);
    // on PostgreSQL the second run comes from another connection pool (as another process would)
    const other = database.url === undefined ? f.db : (extra[extra.push(await openDatabase({ kind: 'postgres', url: database.url, poolSize: 2 })) - 1]?.db ?? f.db);
    let second: NightlyResult | undefined;
    const first = await runNightly(f.db, {
      date: '2026-02-06',
      clock: clock(),
      batchSize: 1,
      afterBatch: async ({ index }) => {
        if (index === 0) second = await runNightly(other, { date: '2026-02-06', clock: clock() });
      },
    });
    expect(second).toEqual({ kind: 'refused', reason: 'already_running' });
    expect(completed(first).coursesJudged).toBe(3);
    // once the first has finished, the lock is free again
    expect(completed(await runNightly(other, { date: '2026-02-06', clock: clock() })).remindersCreated).toBe(0);
  });

  it('stores the same rows when the engine runs in worker threads', async () => {
    database = await freshTestDatabase();
    const f = await fixture(database.db);
    completed(await runNightly(f.db, { date: '2026-02-06', clock: clock(), batchSize: 2 }));
    const inThread = { reminders: await reminders(f.db), schedules: await schedules(f.db) };
    await f.db.deleteFrom('reminder').execute();
    await f.db.deleteFrom('course_schedule').execute();
    const pooled = completed(await runNightly(f.db, { date: '2026-02-06', clock: clock(), batchSize: 2, workers: 2 }));
    expect(pooled).toMatchObject({ coursesJudged: 3, remindersCreated: 5 });
    const strip = <T extends { updated_at?: unknown; computed_at?: unknown }>(rows: T[]) => rows.map(({ updated_at: _u, computed_at: _c, ...rest }) => rest);
    expect(strip(await reminders(f.db))).toEqual(strip(inThread.reminders));
    expect(strip(await schedules(f.db))).toEqual(strip(inThread.schedules));
  });

  it('without a date judges each course for today in its programme zone (New York for the US)', async () => {
    database = await freshTestDatabase();
    const f = await fixture(database.db);
    // 03:00 UTC is still the evening before in New York
    const evening = completed(await runNightly(f.db, { clock: new MovableClock('2026-02-06T03:00:00Z') }));
    expect(evening.requestedDate).toBeNull();
    expect(new Set((await schedules(f.db)).map((r) => r.computed_for))).toEqual(new Set(['2026-02-05']));
    // incremental: the completed course's row of 2026-02-05 still holds; the next authorization
    // (judged daily) and the authorization issued on 2026-02-05 (a date equal to its day) are judged again
    const morning = completed(await runNightly(f.db, { clock: new MovableClock('2026-02-06T07:00:00Z') }));
    expect(morning.coursesJudged).toBe(2);
    const days = new Map((await schedules(f.db)).map((r) => [r.course_id, r.computed_for]));
    expect([days.get(f.waiting), days.get(f.collecting), days.get(f.finished)]).toEqual(['2026-02-06', '2026-02-06', '2026-02-05']);
    completed(await runNightly(f.db, { clock: new MovableClock('2026-02-06T07:00:00Z'), full: true }));
    expect(new Set((await schedules(f.db)).map((r) => r.computed_for))).toEqual(new Set(['2026-02-06']));
  });

  it('refuses a date that is not a calendar day', async () => {
    database = await freshTestDatabase();
    await expect(runNightly(database.db, { date: '2026-02-30', clock: clock() })).rejects.toThrow('YYYY-MM-DD');
  });
});
