import type { ClinicPlan } from './clinics.js';
import { hm, isoDay, Zone } from './days.js';
import type { IdSource, Random } from './prng.js';
import type { AuthorizationNumbers, Batch, CopyRow } from './rows.js';
import { randomName } from './names.js';

/**
 * One generated course: a patient's history laid out in days before today, written as the rows
 * the use cases would have written (patient, course, programme events in their wire form,
 * prescriptions, authorizations, dispenses, tasks), without going through them. The steps follow
 * the demo's stories (src/cli/demo/demo-us.ts, demo-europe.ts), which run through the real use
 * cases: the same forms, tests, windows and order, so the programme engine judges every course
 * as it would a real one (proved by population.int.test.ts). Nothing happens on today itself:
 * the last step is yesterday, so a history never lies in the future of the server's clock.
 */
export type StoryState = 'qualifying_new' | 'qualifying_window' | 'qualifying_missed' | 'active' | 'finishing' | 'paused' | 'completed' | 'stopped_pregnancy' | 'stopped_other';

const STATE_WEIGHTS: Readonly<Record<StoryState, number>> = {
  qualifying_new: 10,
  qualifying_window: 5,
  qualifying_missed: 5,
  active: 37,
  finishing: 5,
  paused: 3,
  completed: 27,
  stopped_pregnancy: 3,
  stopped_other: 5,
};

/** Share of patients who can get pregnant. */
const CAN_GET_PREGNANT = 0.45;
const US_PRIMARY = ['iud_copper', 'iud_hormonal', 'implant'] as const;
const EU_HIGHLY_EFFECTIVE = ['implant', 'iud_copper', 'iud_hormonal'] as const;
/** Bases of "cannot get pregnant" every programme accepts (US: DECISION-8); most are patients born without a uterus. */
const CANNOT_BASES = [
  [{ kind: 'no_uterus_from_birth' }],
  [{ kind: 'no_uterus_from_birth' }],
  [{ kind: 'no_uterus_from_birth' }],
  [{ kind: 'total_hysterectomy' }],
  [{ kind: 'hysterectomy' }, { kind: 'bilateral_oophorectomy' }],
] as const;
const UK_2026_FROM = '2026-01-22';
const US_2026_FROM = '2026-08-08';
const US_PROGRAMME_ZONE = new Zone('America/New_York');
const BASELINE = { previousTreatments: [], conditions: [], allergies: [], medications: [] };
const NO_FINDINGS: readonly never[] = [];

export interface StoryContext {
  readonly random: Random;
  readonly ids: IdSource;
  readonly numbers: AuthorizationNumbers;
  /** Today as a day number. */
  readonly today: number;
  readonly batch: Batch;
}

/** The columns of an authorization that change after it is issued (dispensed, reversed, verified at a pharmacy). */
interface AuthorizationState {
  status: 'open' | 'dispensed' | 'reversed';
  reversedAt: string | null;
  reversalReason: string | null;
  pharmacyId: string | null;
  verifiedAt: string | null;
}

interface Authorization {
  readonly id: string;
  readonly prescriptionId: string;
  /** Its columns up to `pack_id`; the rest is `state`, written when the course is finished. */
  readonly issued: readonly [string, string, string, string, string, string, string, string, string, string, string, string];
  readonly state: AuthorizationState;
  readonly lastDay: number;
}

type Family = 'US' | 'EU' | 'UK';

const isoCache = new Map<number, string>();
/** ISO text of an instant; the stories reuse a few thousand instants, so they are formatted once. */
function iso(ms: number): string {
  let text = isoCache.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (isoCache.size < 1_000_000) isoCache.set(ms, text);
  }
  return text;
}

export class CourseStory {
  readonly patientId: string;
  readonly courseId: string;
  private readonly family: Family;
  private readonly cycle: number;
  private readonly prescriberId: string;
  private readonly designee: { readonly id: string; readonly actsFor: string } | undefined;
  private readonly pharmacy: { readonly id: string; readonly pharmacists: readonly string[] };
  private readonly canGetPregnant: boolean;
  private status: 'qualifying' | 'active' | 'paused' | 'completed' | 'stopped' = 'qualifying';
  private stopReason: string | null = null;
  private readonly open: Authorization[] = [];
  /** Every authorization of the course, in the order issued (their rows are written by `finish`). */
  private readonly authorizations: Authorization[] = [];
  /** The course's columns up to `created_at`; `finish` adds the status. */
  private courseStart: readonly [string, string, string, number, string, string, number, number, object, object, string] | undefined;
  private updatedAt = 0;

  constructor(
    private readonly ctx: StoryContext,
    private readonly clinic: ClinicPlan,
  ) {
    const r = ctx.random;
    this.family = clinic.jurisdiction === 'US' ? 'US' : clinic.jurisdiction === 'UK' ? 'UK' : 'EU';
    this.cycle = this.family === 'UK' ? 28 : 30;
    this.prescriberId = r.pick(clinic.prescribers);
    this.designee = clinic.designees.find((d) => d.actsFor === this.prescriberId);
    this.pharmacy = r.pick(clinic.pharmacies);
    this.canGetPregnant = r.chance(CAN_GET_PREGNANT);
    this.patientId = ctx.ids.next();
    this.courseId = ctx.ids.next();
  }

  /** Lays out the whole course in one of the states and appends its rows to the batch. */
  write(state: StoryState): void {
    switch (state) {
      case 'qualifying_new':
        this.qualifyingNew();
        break;
      case 'qualifying_window':
        this.qualifyingWindow();
        break;
      case 'qualifying_missed':
        this.qualifyingMissed();
        break;
      case 'active':
      case 'paused':
        this.active(state === 'paused');
        break;
      case 'finishing':
        this.finished(false);
        break;
      case 'completed':
        this.finished(true);
        break;
      case 'stopped_pregnancy':
        if (this.canGetPregnant) this.stoppedForPregnancy();
        else this.stoppedOther();
        break;
      case 'stopped_other':
        this.stoppedOther();
        break;
      default: {
        const unreachable: never = state;
        throw new Error(`unknown state ${String(unreachable)}`);
      }
    }
  }

  static pickState(random: Random): StoryState {
    return random.weighted(STATE_WEIGHTS);
  }

  // ---- the states -------------------------------------------------------------------------

  private qualifyingNew(): void {
    const r = this.ctx.random;
    // waiting for the first prescribing visit (US: the confirmation test; EU/UK: a month of contraception)
    const enrolled = this.canGetPregnant ? -r.int(1, 29) : -r.int(1, 6);
    this.enroll(enrolled);
    this.finish();
  }

  private qualifyingWindow(): void {
    const r = this.ctx.random;
    const first = -r.int(1, this.windowDays() - 1);
    this.enroll(this.enrollmentFor(first));
    const authorization = this.prescribingVisit(first, 0);
    if (first <= -2 && r.chance(0.4)) this.verify(authorization, first + 1);
    this.finish();
  }

  private qualifyingMissed(): void {
    const r = this.ctx.random;
    const first = -this.windowDays() - r.int(1, 14);
    this.enroll(this.enrollmentFor(first));
    const authorization = this.prescribingVisit(first, 0);
    // half were reversed by the pharmacy the day after the window closed, half still await it
    if (r.chance(0.5)) this.reverse(authorization, authorization.lastDay + 1, 'not collected within the window');
    this.finish();
  }

  /** Months dispensed so far, today some days into the last one; sometimes the next one authorized. */
  private active(paused: boolean): void {
    const r = this.ctx.random;
    const months = r.int(1, 5);
    const intoMonth = r.int(2, this.cycle + 8);
    const lastVisit = -(intoMonth + 1);
    const first = lastVisit - (months - 1) * this.cycle;
    this.enroll(this.enrollmentFor(first));
    this.months(first, months);
    const next = lastVisit + this.cycle;
    if (!paused && next <= -1 && r.chance(0.6)) {
      const authorization = this.prescribingVisit(next, months);
      if (next <= -2 && r.chance(0.3)) this.verify(authorization, next + 1);
    }
    if (paused) this.status = 'paused';
    this.finish();
  }

  /** The last supply taken; `completed` closes the course after its final tests, otherwise they are awaited. */
  private finished(completed: boolean): void {
    const r = this.ctx.random;
    const months = r.int(3, 6);
    const lastDose = completed ? -r.int(this.canGetPregnant ? 32 : 2, 60) : -r.int(1, this.canGetPregnant ? 29 : 10);
    const lastVisit = lastDose - this.cycle;
    const first = lastVisit - (months - 1) * this.cycle;
    this.enroll(this.enrollmentFor(first));
    this.months(first, months);
    this.dated(lastDose, '20:00', 'last_dose', {}, 'prescriber');
    if (this.canGetPregnant && this.family === 'US') this.pregnancyTest(lastDose, '20:00', 'end_of_treatment', 'negative');
    if (completed) {
      let closedOn = lastDose + 1;
      if (this.canGetPregnant) {
        const post = lastDose + 30;
        this.pregnancyTest(post, '10:00', 'post_treatment', 'negative');
        closedOn = post;
      }
      this.close(closedOn, 'completed');
    }
    this.finish();
  }

  private stoppedForPregnancy(): void {
    const r = this.ctx.random;
    const months = r.int(1, 4);
    const positiveOn = -r.int(1, 90);
    const visit = positiveOn - 1;
    const first = visit - months * this.cycle;
    this.enroll(this.enrollmentFor(first));
    this.months(first, months);
    this.prescribingVisit(visit, months);
    // US14 and its EU/UK counterparts: the positive test stops the course, reverses what is open
    // and puts an urgent task on the worklist (recordProgramEventIn's positive-test pathway)
    const at = this.pregnancyTest(positiveOn, '10:00', 'monthly', 'positive');
    for (const a of [...this.open]) this.reverse(a, positiveOn, 'positive pregnancy test', at);
    this.stoppedEvent(positiveOn, 'pregnancy', at);
    this.status = 'stopped';
    this.stopReason = 'pregnancy';
    const done = positiveOn < -45 ? iso(this.at(positiveOn + 2, hm('12:00'))) : null;
    this.task('positive_pregnancy_test', 'urgent', 'Positive pregnancy test: the patient must stop isotretinoin now. Contact them today, refer to an obstetrician experienced in reproductive toxicity, and report to the pregnancy registry.', at, done);
    this.finish();
  }

  private stoppedOther(): void {
    const r = this.ctx.random;
    const months = r.int(1, 4);
    const stoppedOn = -r.int(1, 150);
    const lastVisit = stoppedOn - r.int(3, this.cycle - 1);
    const first = lastVisit - (months - 1) * this.cycle;
    this.enroll(this.enrollmentFor(first));
    this.months(first, months);
    this.close(stoppedOn, r.chance(0.5) ? 'adverse_effect' : 'patient_decision');
    this.finish();
  }

  // ---- steps --------------------------------------------------------------------------------

  /** Days an authorization can be collected (US7, EU2: 7 days; US10 and the 2026 US pack: 30 days when pregnancy is not possible). */
  private windowDays(): number {
    return this.family === 'US' && !this.canGetPregnant ? 30 : 7;
  }

  /** Enrollment day for a first prescription on `first`: a month before it when pregnancy is possible (US3/US5, EU4). */
  private enrollmentFor(first: number): number {
    return this.canGetPregnant ? first - 31 : first;
  }

  private enroll(day: number): void {
    const r = this.ctx.random;
    const { clinic, ctx } = this;
    const at = this.at(day, hm('09:00'));
    const name = randomName(r);
    const todayYear = Number(isoDay(ctx.today).slice(0, 4));
    const birthDate = `${todayYear - r.int(19, 44)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const risk = this.canGetPregnant ? { category: 'can_get_pregnant', basis: [] } : { category: 'cannot_get_pregnant', basis: r.pick(CANNOT_BASES), confirmedBy: 'prescriber', confirmedOn: this.dayText(day) };
    ctx.batch.add('patient', [this.patientId, clinic.id, name, birthDate, risk, iso(at)]);
    const targetMgPerKg = r.pick([120, 120, 150]);
    const baselineWeightKg = r.int(48, 105);
    this.courseStart = [this.courseId, this.patientId, clinic.id, 1, this.prescriberId, this.product(), targetMgPerKg, baselineWeightKg, BASELINE, NO_FINDINGS, iso(at)];
    this.updatedAt = at;
    this.event(`course-${this.courseId}-started`, 'course_started', at, at, { kind: 'course_started', on: this.dayText(day) }, this.prescriberId);
    this.event(`course-${this.courseId}-enrollment`, 'enrollment', at, at, { kind: 'enrollment', on: this.dayText(day), prescriberId: this.prescriberId }, this.prescriberId);
    const pregnancyPossible = this.canGetPregnant;
    if (this.family === 'US') {
      this.dated(day, '09:10', 'form_signed', { form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] }, 'prescriber');
      if (pregnancyPossible) this.dated(day, '09:12', 'form_signed', { form: 'us_birth_defects_consent', signedBy: ['patient'] }, 'prescriber');
    } else if (this.family === 'UK') {
      const form = this.dayText(day) < UK_2026_FROM ? 'uk_acknowledgement_of_risk_2023' : 'uk_acknowledgement_of_risk_2026';
      this.dated(day, '09:10', 'form_signed', { form, signedBy: ['patient', 'prescriber'] }, 'prescriber');
    } else if (pregnancyPossible) {
      this.dated(day, '09:10', 'form_signed', { form: 'eu_acknowledgement_form', signedBy: ['patient', 'prescriber'] }, 'prescriber');
    }
    this.dated(day, '09:20', 'counselling', {}, 'designee');
    if (!pregnancyPossible) return;
    if (this.family === 'US') {
      this.dated(day, '09:25', 'contraception_started', { method: r.pick(US_PRIMARY) }, 'designee');
      this.dated(day, '09:26', 'contraception_started', { method: 'male_latex_condom' }, 'designee');
      this.pregnancyTest(day, '10:00', 'screening', 'negative');
    } else {
      this.dated(day, '09:22', 'material_given', { material: 'reminder_card' }, 'designee');
      if (this.clinic.jurisdiction === 'EU-FR') this.dated(day, '09:23', 'material_given', { material: 'patient_booklet' }, 'designee');
      this.dated(day, '09:25', 'contraception_started', { method: r.pick(EU_HIGHLY_EFFECTIVE) }, 'designee');
    }
  }

  /** `count` monthly visits from `first`, each dispensed the next day; the first dose the day after the first dispense. */
  private months(first: number, count: number): void {
    for (let m = 0; m < count; m += 1) {
      const day = first + m * this.cycle;
      const authorization = this.prescribingVisit(day, m);
      this.dispense(authorization, day + 1);
      if (m === 0) this.dated(day + 2, '20:00', 'first_dose', {}, 'prescriber');
    }
  }

  /** A prescribing visit: the programme's checks of the month, the prescription and its authorization. */
  private prescribingVisit(day: number, month: number): Authorization {
    const pregnancyPossible = this.canGetPregnant;
    if (this.family === 'US') {
      if (pregnancyPossible) {
        this.pregnancyTest(day, '10:00', month === 0 ? 'confirmation' : 'monthly', 'negative');
        const at = this.at(day, hm('10:25'));
        this.event(`e-${this.ctx.random.token22()}`, 'comprehension_questions', at, at + 300_000, { kind: 'comprehension_questions', at: iso(at), items: [{ questionId: 'q1', answer: 'correct' }, { questionId: 'q2', answer: 'correct' }] }, this.prescriberId);
      } else {
        // US10 of the 2021 pack: the office visit opens the 30-day window, counselled each month
        this.dated(day, '09:40', 'office_visit', { prescriberId: this.prescriberId }, 'prescriber');
        if (month > 0) this.dated(day, '09:45', 'counselling', {}, 'prescriber');
      }
    } else {
      if (this.family === 'UK') {
        const setting = month === 0 ? 'in_person' : 'remote';
        this.dated(day, '09:40', 'assessment', { assessment: 'mental_health', setting }, 'prescriber');
        this.dated(day, '09:45', 'assessment', { assessment: 'sexual_function', setting }, 'prescriber');
      }
      if (pregnancyPossible) this.pregnancyTest(day, '10:00', month === 0 ? 'screening' : 'monthly', 'negative', 'medical_setting');
    }
    return this.prescribe(day);
  }

  private prescribe(day: number): Authorization {
    const { clinic, ctx } = this;
    const rx = this.rx();
    const prescriptionId = ctx.ids.next();
    const at = this.at(day, hm('11:00'));
    ctx.batch.add('prescription', [prescriptionId, this.courseId, clinic.id, this.patientId, this.prescriberId, this.dayText(day), this.product(), rx.strengthMg, rx.quantity, rx.dailyMg, 0, iso(at)]);
    this.event(prescriptionId, 'prescription', at, at, { kind: 'prescription', id: prescriptionId, writtenOn: this.dayText(day), prescriberId: this.prescriberId, product: this.product(), strengthMg: rx.strengthMg, quantity: rx.quantity, dailyMg: rx.dailyMg, refills: 0 }, this.prescriberId);
    const issuedAt = at + 60_000;
    const lastDay = day + this.windowDays() - 1;
    const id = ctx.ids.next();
    const issued = [
      id,
      ctx.numbers.next(),
      prescriptionId,
      this.courseId,
      clinic.id,
      this.patientId,
      iso(issuedAt),
      this.prescriberId,
      this.programmeZoned(day, hm('11:01')),
      this.programmeZone().endOfDay(this.ctx.today + lastDay),
      this.dayText(lastDay),
      this.packOn(day),
    ] as const;
    this.event(id, 'authorization_issued', issuedAt, issuedAt, { id, kind: 'authorization_issued', at: iso(issuedAt), prescriptionId, lastDayToCollect: this.dayText(lastDay) }, this.prescriberId);
    const authorization: Authorization = { id, prescriptionId, issued, state: { status: 'open', reversedAt: null, reversalReason: null, pharmacyId: null, verifiedAt: null }, lastDay };
    this.open.push(authorization);
    this.authorizations.push(authorization);
    return authorization;
  }

  /** WL-PHARMACY: a pharmacist checked the authorization at the counter; it is on that pharmacy's worklist. */
  private verify(authorization: Authorization, day: number): void {
    authorization.state.pharmacyId = this.pharmacy.id;
    authorization.state.verifiedAt = iso(this.at(day, hm('15:55')));
  }

  private dispense(authorization: Authorization, day: number): void {
    const { ctx } = this;
    const rx = this.rx();
    this.verify(authorization, day);
    const at = this.at(day, hm('16:00'));
    const id = ctx.ids.next();
    const pharmacistId = ctx.random.pick(this.pharmacy.pharmacists);
    const us = this.family === 'US';
    const rma = us ? `RMA-${String(ctx.random.int(10_000_000, 99_999_999))}` : null;
    ctx.batch.add('dispense', [id, authorization.id, authorization.prescriptionId, this.pharmacy.id, pharmacistId, rx.quantity, true, rma, us ? this.dayText(authorization.lastDay) : null, iso(at)]);
    authorization.state.status = 'dispensed';
    this.open.splice(this.open.indexOf(authorization), 1);
    const payload = us
      ? { id, kind: 'dispense', at: iso(at), authorizationId: authorization.id, pharmacyId: this.pharmacy.id, quantity: rx.quantity, medicationGuideGiven: true, rmaNumber: rma, dndDate: this.dayText(authorization.lastDay) }
      : { id, kind: 'dispense', at: iso(at), authorizationId: authorization.id, pharmacyId: this.pharmacy.id, quantity: rx.quantity, medicationGuideGiven: true, pharmacistChecklistCompleted: true };
    this.event(id, 'dispense', at, at, payload, pharmacistId);
    if (this.status === 'qualifying') this.status = 'active';
  }

  private reverse(authorization: Authorization, day: number, reason: string, atMs?: number): void {
    const at = atMs ?? this.at(day, hm('10:00'));
    authorization.state.status = 'reversed';
    authorization.state.reversedAt = iso(at);
    authorization.state.reversalReason = reason;
    this.open.splice(this.open.indexOf(authorization), 1);
    const key = `reversal-${authorization.id}`;
    this.event(key, 'authorization_reversed', at, at, { id: key, kind: 'authorization_reversed', at: iso(at), authorizationId: authorization.id, reason }, this.prescriberId);
  }

  /** Completes or stops the course (changeCourseStatus): open authorizations reversed, `course_stopped` recorded. */
  private close(day: number, reason: 'completed' | 'adverse_effect' | 'patient_decision'): void {
    const at = this.at(day, hm('17:00'));
    const status = reason === 'completed' ? 'completed' : 'stopped';
    for (const a of [...this.open]) this.reverse(a, day, `course ${status}`, at);
    this.stoppedEvent(day, reason, at);
    this.status = status;
    this.stopReason = status === 'stopped' ? reason : null;
  }

  private stoppedEvent(day: number, reason: string, at: number): void {
    const key = `course-${this.courseId}-stopped`;
    this.event(key, 'course_stopped', at, at, { id: key, kind: 'course_stopped', on: this.dayText(day), reason }, this.prescriberId);
  }

  /** Returns the instant it was recorded. */
  private pregnancyTest(day: number, time: string, purpose: string, result: 'negative' | 'positive', setting: 'clia_lab' | 'medical_setting' = 'clia_lab'): number {
    const recorded = this.at(day, hm(time));
    const collected = recorded - 30 * 60_000;
    this.event(`e-${this.ctx.random.token22()}`, 'pregnancy_test', collected, recorded, { kind: 'pregnancy_test', collectedAt: iso(collected), specimen: 'urine', loinc: '2106-3', setting, sensitivityMiuPerMl: 25, result, purpose }, this.prescriberId);
    return recorded;
  }

  /** A fact dated on its day (`on`), recorded at `time` by the prescriber or by a designee for them. */
  private dated(day: number, time: string, kind: string, fields: Record<string, unknown>, by: 'prescriber' | 'designee'): void {
    const recorded = this.at(day, hm(time));
    const on = this.dayText(day);
    const designee = by === 'designee' ? this.designee : undefined;
    // the server stores a dated fact at noon UTC of its day (record-event.ts, occurredAt)
    this.event(`e-${this.ctx.random.token22()}`, kind, Date.parse(`${on}T12:00:00Z`), recorded, { kind, on, ...fields }, designee?.id ?? this.prescriberId, designee === undefined ? null : this.prescriberId);
  }

  private event(key: string, kind: string, occurredAt: number, recordedAt: number, payload: Record<string, unknown>, by: string, onBehalfOf: string | null = null): void {
    this.ctx.batch.add('course_event', [this.ctx.ids.next(), this.courseId, this.clinic.id, this.patientId, key, by, onBehalfOf, kind, iso(occurredAt), iso(recordedAt), { id: key, ...payload }]);
    if (recordedAt > this.updatedAt) this.updatedAt = recordedAt;
  }

  private task(kind: string, urgency: 'urgent' | 'soon' | 'routine', text: string, at: number, doneAt: string | null): void {
    this.ctx.batch.add('task', [this.ctx.ids.next(), this.clinic.id, this.patientId, this.courseId, kind, urgency, text, iso(at), doneAt]);
  }

  /** Writes the course and its authorizations as they stand at the end of the story. */
  private finish(): void {
    const { batch } = this.ctx;
    if (this.courseStart === undefined) throw new Error('a course story finished before its enrollment');
    const course: CopyRow<'course'> = [...this.courseStart, this.status, this.stopReason, iso(this.updatedAt)];
    batch.add('course', course);
    for (const { issued, state } of this.authorizations) {
      const [id, number, prescriptionId, courseId, clinicId, patientId, issuedAt, issuedBy, firstInstant, lastInstant, lastDay, packId] = issued;
      batch.add('authorization', [id, number, prescriptionId, courseId, clinicId, patientId, state.status, issuedAt, issuedBy, firstInstant, lastInstant, lastDay, packId, state.reversedAt, state.reversalReason, state.pharmacyId, state.verifiedAt]);
    }
    batch.courses += 1;
  }

  // ---- programme facts ----------------------------------------------------------------------

  private product(): string {
    return this.family === 'US' ? 'us-generic' : this.family === 'UK' ? 'uk-generic' : 'eu-generic';
  }

  /** 40 mg a day from 20 mg capsules: 30 days (US1, EU1), 28 in the UK. */
  private rx(): { strengthMg: number; dailyMg: number; quantity: number } {
    return { strengthMg: 20, dailyMg: 40, quantity: this.family === 'UK' ? 56 : 60 };
  }

  /** The programme zone: New York for the US (US7), the clinic's zone elsewhere (DECISION 5). */
  private programmeZone() {
    return this.family === 'US' ? US_PROGRAMME_ZONE : this.clinic.zone;
  }

  private programmeZoned(day: number, minutes: number): string {
    const zone = this.programmeZone();
    const absolute = this.ctx.today + day;
    // the clinic's local minutes in the programme zone (same day: the stories run in daytime)
    const shifted = Math.round((this.clinic.zone.at(absolute, minutes) - zone.at(absolute, 0)) / 60_000);
    return zone.zoned(absolute, shifted);
  }

  /** Days in the stories count from today (0); these give the calendar day and the instant. */
  private dayText(day: number): string {
    return isoDay(this.ctx.today + day);
  }

  private at(day: number, minutes: number): number {
    return this.clinic.zone.at(this.ctx.today + day, minutes);
  }

  private packOn(day: number): string {
    const on = this.dayText(day);
    switch (this.family) {
      case 'US':
        return on < US_2026_FROM ? 'us-ipledge-2021' : 'us-ipledge-2026';
      case 'UK':
        return on < UK_2026_FROM ? 'uk-mhra-2023' : 'uk-mhra-2026';
      case 'EU':
        return 'eu-ppp-2018';
      default: {
        const unreachable: never = this.family;
        return unreachable;
      }
    }
  }
}
