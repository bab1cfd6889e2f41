// Seeds a database for the HTTP benchmark and the fault tests with valid data: clinics with a
// certified prescriber, a certified and activated pharmacy with pharmacists, and patients whose
// prescriptions are ready for an authorization. Two template patients per clinic go through the
// real use cases (enroll, record events, prescribe); they are then copied in bulk by SQL with new
// ids (every id inside the stored events rewritten), which is what makes 100,000 rows take seconds.
// Sessions are stored through the session repository, so no sign-in (and its rate limit) is needed.
import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../src/app/auth/passwords.js';
import { hashToken, principalOf } from '../../src/app/auth/sessions.js';
import { dayIn, type Actor } from '../../src/app/course/course-context.js';
import { cryptoTokens } from '../../src/app/ports.js';
import { createAppServices, type AppServices } from '../../src/app/services.js';
import { MovableClock } from '../../src/app/testing/clock.js';
import { enrollRequestSchema, prescriptionRequestSchema } from '../../src/contracts/course.js';
import { insertClinic } from '../../src/db/clinic.repository.js';
import type { Database } from '../../src/db/schema.js';
import { insertSession } from '../../src/db/session.repository.js';
import { findUserById, insertUser } from '../../src/db/user.repository.js';

export interface BenchSession {
  readonly userId: string;
  readonly cookie: string;
  readonly csrf: string;
}

export interface ReadyPrescription {
  readonly prescriptionId: string;
  readonly courseId: string;
  readonly clinic: number;
}

export interface IssuedAuthorization {
  readonly id: string;
  readonly number: string;
  readonly birthDate: string;
  readonly clinic: number;
  readonly courseId: string;
  /** What a dispense of it must hand over and by when (US13, DND date). */
  readonly quantity: number;
  readonly lastDayToCollect: string;
}

export interface Seeded {
  readonly clinics: ReadonlyArray<{ readonly id: string; readonly prescriber: BenchSession }>;
  readonly pharmacyId: string;
  readonly pharmacists: readonly BenchSession[];
  /** Prescriptions without an authorization, shuffled (clinics interleaved). */
  readonly ready: ReadyPrescription[];
}

const DAY_MS = 86_400_000;
const ZONE = 'America/New_York';
const PASSWORD = 'bench password, never used to sign in';

async function session(db: Kysely<Database>, userId: string, now: Date): Promise<BenchSession> {
  const token = cryptoTokens.token();
  const csrf = cryptoTokens.token();
  // a long idle window: a benchmark run must not outlive its sessions
  await insertSession(db, { tokenHash: hashToken(token), userId, csrfToken: csrf, createdAt: now, expiresAt: new Date(now.getTime() + 11 * 3_600_000), lastSeenAt: now });
  return { userId, cookie: `isocourse_session=${token}`, csrf };
}

async function actorOf(db: Kysely<Database>, userId: string): Promise<Actor> {
  const user = await findUserById(db, userId);
  if (user === undefined) throw new Error(`no user ${userId}`);
  return { principal: principalOf(user), context: { ip: '127.0.0.1', requestId: 'bench-seed' } };
}

const negativeTest = (collectedAt: Date, purpose: string) => ({
  kind: 'pregnancy_test',
  collectedAt: collectedAt.toISOString(),
  specimen: 'urine',
  loinc: '2106-3',
  setting: 'clia_lab',
  sensitivityMiuPerMl: 25,
  result: 'negative',
  purpose,
});

/**
 * How far before `now` an earlier moment of the same day in the programme's zone may be placed:
 * 3 hours when the day is that old, else the largest of a few shorter steps that stays in it.
 */
function earlierToday(now: Date): number {
  const today = dayIn(now, ZONE);
  const steps = [3 * 3_600_000, 3_600_000, 600_000, 60_000, 2_000];
  return steps.find((ms) => dayIn(new Date(now.getTime() - ms), ZONE) === today) ?? 2_000;
}

/**
 * A patient who can get pregnant, enrolled 31 days ago with two contraception methods and a
 * screening test, confirmed today by a second test and the comprehension questions, with a
 * prescription written today: what an authorization needs under iPLEDGE.
 */
async function canGetPregnantTemplate(services: AppServices, clock: MovableClock, actor: Actor, now: Date, index: number): Promise<{ prescriptionId: string; courseId: string; patientId: string }> {
  const enrolledAt = new Date(now.getTime() - 31 * DAY_MS);
  clock.set(enrolledAt);
  const enrolledOn = dayIn(enrolledAt, ZONE);
  const enrolled = await services.courses.enroll(
    actor,
    enrollRequestSchema.parse({ displayName: `Template A ${index}`, birthDate: '1996-03-14', risk: { category: 'can_get_pregnant', basis: [] }, product: 'us-generic', baselineWeightKg: 64 }),
  );
  const courseId = enrolled.course.id;
  for (const event of [
    { kind: 'form_signed', on: enrolledOn, form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] },
    { kind: 'form_signed', on: enrolledOn, form: 'us_birth_defects_consent', signedBy: ['patient'] },
    { kind: 'counselling', on: enrolledOn },
    { kind: 'contraception_started', on: enrolledOn, method: 'iud_copper' },
    { kind: 'contraception_started', on: enrolledOn, method: 'male_latex_condom' },
    negativeTest(new Date(enrolledAt.getTime() - 3_600_000), 'screening'),
  ]) {
    await services.courses.recordEvent(actor, courseId, { event });
  }
  clock.set(now);
  // the confirmation test and the questions belong to today in the programme's zone, also when the
  // benchmark starts just after midnight there (3 h earlier would be yesterday)
  const sinceMidnight = earlierToday(now);
  await services.courses.recordEvent(actor, courseId, { event: negativeTest(new Date(now.getTime() - sinceMidnight), 'confirmation') });
  await services.courses.recordEvent(actor, courseId, {
    event: { kind: 'comprehension_questions', at: new Date(now.getTime() - sinceMidnight / 2).toISOString(), items: [{ questionId: 'q1', answer: 'correct' }, { questionId: 'q2', answer: 'correct' }] },
  });
  const written = await services.courses.writePrescription(
    actor,
    courseId,
    prescriptionRequestSchema.parse({ writtenOn: dayIn(now, ZONE), product: 'us-generic', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0 }),
  );
  return { prescriptionId: written.prescriptionId, courseId, patientId: enrolled.patientId };
}

/** A patient who cannot get pregnant (hysterectomy confirmed by the prescriber): forms, counselling, prescription. */
async function cannotGetPregnantTemplate(services: AppServices, clock: MovableClock, actor: Actor, now: Date, index: number): Promise<{ prescriptionId: string; courseId: string; patientId: string }> {
  clock.set(now);
  const today = dayIn(now, ZONE);
  const enrolled = await services.courses.enroll(
    actor,
    enrollRequestSchema.parse({
      displayName: `Template B ${index}`,
      birthDate: '1971-07-02',
      risk: { category: 'cannot_get_pregnant', basis: [{ kind: 'total_hysterectomy' }], confirmedBy: 'prescriber', confirmedOn: today },
      product: 'us-generic',
      baselineWeightKg: 81,
    }),
  );
  const courseId = enrolled.course.id;
  await services.courses.recordEvent(actor, courseId, { event: { kind: 'form_signed', on: today, form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] } });
  await services.courses.recordEvent(actor, courseId, { event: { kind: 'counselling', on: today } });
  const written = await services.courses.writePrescription(
    actor,
    courseId,
    prescriptionRequestSchema.parse({ writtenOn: today, product: 'us-generic', strengthMg: 40, quantity: 30, dailyMg: 40, refills: 0 }),
  );
  return { prescriptionId: written.prescriptionId, courseId, patientId: enrolled.patientId };
}

/**
 * Copies a template patient `copies` times in one statement: patient, course, events (ids inside
 * payloads rewritten) and prescription, each with fresh ids. Columns are copied generically
 * (jsonb_populate_record), so tables that gain columns still copy.
 */
async function clonePatient(db: Kysely<Database>, template: { patientId: string; courseId: string; prescriptionId: string }, copies: number): Promise<Array<{ prescription_id: string; course_id: string }>> {
  const { patientId, courseId, prescriptionId } = template;
  const result = await sql<{ prescription_id: string; course_id: string }>`
    with map as materialized (
      select gen_random_uuid() as patient_id, gen_random_uuid() as course_id, gen_random_uuid() as rx_id, g as n
      from generate_series(1, ${copies}::int) g
    ),
    p as (
      insert into patient
      select (jsonb_populate_record(null::patient, to_jsonb(t) || jsonb_build_object('id', m.patient_id, 'display_name', 'Bench patient ' || m.n))).*
      from patient t, map m where t.id = ${patientId}
    ),
    c as (
      insert into course
      select (jsonb_populate_record(null::course, to_jsonb(t) || jsonb_build_object('id', m.course_id, 'patient_id', m.patient_id))).*
      from course t, map m where t.id = ${courseId}
    ),
    e as (
      insert into course_event
      select (jsonb_populate_record(null::course_event, to_jsonb(t) || jsonb_build_object(
        'id', gen_random_uuid(), 'patient_id', m.patient_id, 'course_id', m.course_id,
        'event_key', replace(replace(t.event_key, ${prescriptionId}, m.rx_id::text), ${courseId}, m.course_id::text),
        'payload', replace(replace(replace(t.payload::text, ${prescriptionId}, m.rx_id::text), ${courseId}, m.course_id::text), ${patientId}, m.patient_id::text)::jsonb
      ))).*
      from course_event t, map m where t.patient_id = ${patientId}
    ),
    r as (
      insert into prescription
      select (jsonb_populate_record(null::prescription, to_jsonb(t) || jsonb_build_object('id', m.rx_id, 'course_id', m.course_id, 'patient_id', m.patient_id))).*
      from prescription t, map m where t.id = ${prescriptionId}
    )
    select rx_id::text as prescription_id, course_id::text as course_id from map`.execute(db);
  return result.rows;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export interface SeedOptions {
  readonly clinics: number;
  /** Prescriptions ready for an authorization, in all (template copies included). */
  readonly prescriptions: number;
  readonly pharmacists: number;
  readonly log?: (line: string) => void;
}

export async function seed(db: Kysely<Database>, options: SeedOptions): Promise<Seeded> {
  const log = options.log ?? (() => undefined);
  const now = new Date();
  const certifiedOn = dayIn(new Date(now.getTime() - 60 * DAY_MS), ZONE);
  const passwordHash = await hashPassword(PASSWORD);
  const clock = new MovableClock(now);
  const services = createAppServices({ db, accepting: () => true, clock });
  const pharmacy = await db
    .insertInto('pharmacy')
    .values({ name: 'Bench pharmacy', jurisdiction: 'US', certified_on: certifiedOn, activated_on: certifiedOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pharmacists: BenchSession[] = [];
  for (let i = 0; i < options.pharmacists; i += 1) {
    const id = await insertUser(db, { email: `bench-pharmacist-${i}@example.test`, displayName: `Pharmacist ${i}`, passwordHash, role: 'pharmacist', pharmacyId: pharmacy.id });
    pharmacists.push(await session(db, id, now));
  }
  const perTemplate = Math.max(1, Math.ceil(options.prescriptions / (options.clinics * 2)) - 1);
  const clinics: Array<{ id: string; prescriber: BenchSession }> = [];
  const ready: ReadyPrescription[] = [];
  for (let c = 0; c < options.clinics; c += 1) {
    const clinic = await insertClinic(db, { name: `Bench clinic ${c}`, jurisdiction: 'US', timeZone: ZONE });
    const prescriberId = await insertUser(db, {
      email: `bench-prescriber-${c}@example.test`,
      displayName: `Prescriber ${c}`,
      passwordHash,
      role: 'prescriber',
      clinicId: clinic.id,
      prescriberSpecialty: 'dermatologist',
      prescriberCertifiedOn: certifiedOn,
    });
    clinics.push({ id: clinic.id, prescriber: await session(db, prescriberId, now) });
    const actor = await actorOf(db, prescriberId);
    for (const template of [await canGetPregnantTemplate(services, clock, actor, now, c), await cannotGetPregnantTemplate(services, clock, actor, now, c)]) {
      ready.push({ prescriptionId: template.prescriptionId, courseId: template.courseId, clinic: c });
      for (const row of await clonePatient(db, template, perTemplate)) ready.push({ prescriptionId: row.prescription_id, courseId: row.course_id, clinic: c });
    }
    if ((c + 1) % 10 === 0 || c + 1 === options.clinics) log(`  seeded ${c + 1}/${options.clinics} clinics, ${ready.length} prescriptions`);
  }
  await sql`analyze`.execute(db);
  return { clinics, pharmacyId: pharmacy.id, pharmacists, ready: shuffle(ready) };
}

/** Issues authorizations through the real use case (in-process), `parallel` at a time. */
export async function issueInProcess(db: Kysely<Database>, seeded: Seeded, prescriptions: readonly ReadyPrescription[], parallel = 8): Promise<IssuedAuthorization[]> {
  const services = createAppServices({ db, accepting: () => true });
  const actors = await Promise.all(seeded.clinics.map((c) => actorOf(db, c.prescriber.userId)));
  const rows =
    prescriptions.length === 0
      ? []
      : await db
          .selectFrom('prescription')
          .innerJoin('patient', 'patient.id', 'prescription.patient_id')
          .select(['prescription.id', 'prescription.quantity', 'patient.birth_date'])
          .where('prescription.id', 'in', prescriptions.map((p) => p.prescriptionId))
          .execute();
  const facts = new Map(rows.map((r) => [r.id, { birthDate: r.birth_date ?? '', quantity: r.quantity }]));
  const out: IssuedAuthorization[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < prescriptions.length) {
      const p = prescriptions[next]!;
      next += 1;
      const issued = await services.authorizations.issue(actors[p.clinic]!, p.prescriptionId);
      const f = facts.get(p.prescriptionId);
      out.push({
        id: issued.authorization.id,
        number: issued.authorization.number,
        birthDate: f?.birthDate ?? '',
        clinic: p.clinic,
        courseId: p.courseId,
        quantity: f?.quantity ?? 0,
        lastDayToCollect: issued.authorization.lastDayToCollect,
      });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return out;
}
