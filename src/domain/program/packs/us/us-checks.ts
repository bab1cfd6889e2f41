import { Temporal } from 'temporal-polyfill';
import { compareDates, endOfDay, localDateOf, type LocalDate } from '../../../calendar/index.js';
import type { EventOf, PrescriptionFacts } from '../../events.js';
import type { Findings } from '../../findings.js';
import type { RiskBasis } from '../../risk.js';
import { eventsOf } from '../../timeline.js';
import { US1_MAX_DAYS_SUPPLY, US1_MAX_REFILLS } from './us-rules.js';
import { openCourse, testDay, type UsState } from './us-state.js';

/** Program-rules section 2 [S]: 12 consecutive months without menses make "post-menopausal" in the US (docs/rules/US-RISK-CATEGORY.md). */
export const US_MENOPAUSE_MONTHS = 12;

/**
 * Program-rules section 2: "cannot get pregnant" in the US needs a total hysterectomy (uterus and
 * ovaries), >= 12 months post-menopausal, or no uterus from birth. Tubal ligation is a method.
 */
export function usCannotBasisSufficient(basis: readonly RiskBasis[]): boolean {
  const has = (kind: RiskBasis['kind']): boolean => basis.some((b) => b.kind === kind);
  const menopause = basis.some((b) => b.kind === 'post_menopausal' && b.consecutiveMonths >= US_MENOPAUSE_MONTHS);
  return (
    has('total_hysterectomy') || (has('hysterectomy') && has('bilateral_oophorectomy')) || has('no_uterus_from_birth') || menopause
  );
}

export function checkRiskCategory(state: UsState, f: Findings): void {
  const risk = state.risk;
  if (risk.category === 'unknown') {
    f.require({
      code: 'risk_category_unknown',
      ruleId: 'DECISION-8',
      staff: 'The risk category (can / cannot get pregnant) is not recorded; nothing can be allowed until it is.',
      patient: 'Your clinic must record whether you can get pregnant before anything else can happen.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Assign and record the risk category with its basis.', from: state.clinicDay.toString() },
    });
    return;
  }
  if (risk.category !== 'cannot_get_pregnant') return;
  if (!usCannotBasisSufficient(risk.basis)) {
    f.require({
      code: 'risk_category_basis_insufficient',
      ruleId: 'DECISION-8',
      staff:
        'The patient is recorded as cannot get pregnant without a US basis (total hysterectomy, >= 12 months post-menopausal or no uterus from birth).',
      patient: 'Your clinic must confirm why you cannot get pregnant, or treat you as someone who can.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Record the basis of "cannot get pregnant" or change the category.', from: state.clinicDay.toString() },
    });
  }
  if (risk.confirmedBy === undefined || risk.confirmedBy === 'patient_report') {
    f.require({
      code: 'risk_category_unconfirmed',
      ruleId: 'DECISION-8',
      staff: 'The "cannot get pregnant" category is not confirmed by the prescriber or a health professional.',
      patient: 'Your clinic must confirm your risk category.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Have the prescriber confirm the risk category.', from: state.clinicDay.toString() },
    });
  }
}

export function checkEnrolled(state: UsState, f: Findings): void {
  if (eventsOf(state.timeline, 'enrollment').length > 0) return;
  f.require({
    code: 'patient_not_enrolled',
    ruleId: 'US2',
    staff: 'The patient is not enrolled in iPLEDGE.',
    patient: 'You are not enrolled in the iPLEDGE programme yet.',
    earliest: state.clinicDay,
    step: { who: 'clinic', text: 'Enroll the patient in iPLEDGE.', from: state.clinicDay.toString() },
  });
}

function certifiedOn(
  events: ReadonlyArray<{ readonly on: LocalDate; readonly until?: LocalDate | undefined }>,
  day: LocalDate,
): boolean {
  return events.some((e) => compareDates(e.on, day) <= 0 && (e.until === undefined || compareDates(day, e.until) <= 0));
}

export function checkPrescriberCertified(state: UsState, f: Findings, prescriberId: string, day: LocalDate): void {
  const events = eventsOf(state.timeline, 'prescriber_certified').filter((e) => e.prescriberId === prescriberId);
  if (certifiedOn(events, day)) return;
  f.require({
    code: 'prescriber_not_certified',
    ruleId: 'US2',
    staff: `Prescriber ${prescriberId} is not certified in iPLEDGE on ${day.toString()}.`,
    patient: 'Your prescriber must be certified in iPLEDGE before prescribing.',
    earliest: state.clinicDay,
    step: { who: 'clinic', text: `Certify prescriber ${prescriberId} in iPLEDGE.`, from: state.clinicDay.toString() },
  });
}

export function checkPharmacyCertified(state: UsState, f: Findings, pharmacyId: string, day: LocalDate): void {
  const events = eventsOf(state.timeline, 'pharmacy_certified').filter((e) => e.pharmacyId === pharmacyId);
  if (certifiedOn(events, day)) return;
  f.require({
    code: 'pharmacy_not_certified',
    ruleId: 'US2',
    staff: `Pharmacy ${pharmacyId} is not certified in iPLEDGE on ${day.toString()}.`,
    patient: 'This pharmacy cannot dispense isotretinoin; choose a certified pharmacy.',
    earliest: state.clinicDay,
    step: { who: 'pharmacy', text: 'Certify the pharmacy in iPLEDGE.', from: state.clinicDay.toString() },
  });
}

/** Requires an open course; a stopped course allows nothing more (US14, DECISION-SECOND-COURSE). */
export function checkOpenCourse(state: UsState, f: Findings): void {
  if (openCourse(state) !== undefined) return;
  const stopped = state.course?.stoppedOn;
  f.require({
    code: stopped === undefined ? 'no_open_course' : 'course_stopped',
    ruleId: 'DECISION-SECOND-COURSE',
    staff:
      stopped === undefined
        ? 'No course has been started for this patient.'
        : `The course was stopped on ${stopped.toString()}; a new course (with the full pre-treatment sequence) must be started.`,
    patient: 'Your treatment course is not open; your clinic must start a course first.',
    earliest: state.clinicDay,
    step: { who: 'clinic', text: 'Start a course (the full pre-treatment sequence follows).', from: state.clinicDay.toString() },
  });
}

/** US14: a positive test blocks everything until the course is stopped or the patient re-qualified. */
export function checkPositiveTests(state: UsState, f: Findings): void {
  const zone = state.programCase.clinic.timeZone;
  for (const positive of state.blockingPositives) {
    const day = testDay(positive, zone).toString();
    f.require({
      code: 'positive_pregnancy_test',
      ruleId: 'US14',
      staff: `Positive pregnancy test ${positive.id} collected on ${day}: nothing can be authorized or dispensed until the course is recorded as stopped or the patient is re-qualified.`,
      patient: 'Your pregnancy test was positive. Stop taking isotretinoin now and contact your clinic today.',
    });
  }
  if (state.blockingPositives.length > 0) addPositiveTestSteps(state, f);
}

/** US14: what everyone must do after a positive test. */
export function addPositiveTestSteps(state: UsState, f: Findings): void {
  const open = eventsOf(state.timeline, 'authorization_issued').filter((a) => isOpenAuthorization(state, a));
  const today = state.clinicDay.toString();
  f.step({ who: 'patient', code: 'stop_drug_now', ruleId: 'US14', text: 'Stop taking isotretinoin at once.', by: today });
  f.step({
    who: 'clinic',
    code: 'reverse_open_authorizations',
    ruleId: 'US14',
    text:
      open.length === 0
        ? 'Block every authorization (none is open now).'
        : `Reverse every open authorization: ${open.map((a) => a.id).join(', ')}.`,
    by: today,
  });
  f.step({ who: 'clinic', code: 'refer_to_ob_gyn', ruleId: 'US14', text: 'Refer the patient to an OB-GYN experienced in reproductive toxicity.', by: today });
  f.step({
    who: 'clinic',
    code: 'report_pregnancy',
    ruleId: 'US14',
    text: 'Report the pregnancy to the iPLEDGE pregnancy registry and to FDA MedWatch.',
    by: today,
  });
}

export function checkPendingResults(state: UsState, f: Findings): void {
  const zone = state.programCase.clinic.timeZone;
  for (const test of state.pendingTests) {
    f.require({
      code: 'pregnancy_test_result_unknown',
      ruleId: 'DECISION-8',
      staff: `The result of pregnancy test ${test.id} (${testDay(test, zone).toString()}) is not recorded; an unknown result blocks.`,
      patient: 'The result of one of your pregnancy tests has not been recorded yet.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: `Record the result of pregnancy test ${test.id}.`, from: state.clinicDay.toString() },
    });
  }
}

/** US1: days' supply = quantity x strength / daily mg, compared exactly in integers. */
export function daysSupplyExceeds(quantity: number, strengthMg: number, dailyMg: number, maxDays: number): boolean {
  return quantity * strengthMg > maxDays * dailyMg;
}

export function formatDaysSupply(quantity: number, strengthMg: number, dailyMg: number): string {
  const total = quantity * strengthMg;
  return total % dailyMg === 0 ? String(total / dailyMg) : `${Math.floor(total / dailyMg)} ${total % dailyMg}/${dailyMg}`;
}

export function checkPrescriptionLimits(state: UsState, f: Findings, rx: PrescriptionFacts): void {
  const step = { who: 'clinic' as const, text: 'Write a new prescription: at most 30 days, no refills.', from: state.clinicDay.toString() };
  if (daysSupplyExceeds(rx.quantity, rx.strengthMg, rx.dailyMg, US1_MAX_DAYS_SUPPLY)) {
    f.require({
      code: 'days_supply_over_30',
      ruleId: 'US1',
      staff: `Prescription ${rx.id} is a ${formatDaysSupply(rx.quantity, rx.strengthMg, rx.dailyMg)}-day supply (${rx.quantity} x ${rx.strengthMg} mg at ${rx.dailyMg} mg/day); the maximum is 30 days.`,
      patient: 'A prescription can cover at most 30 days of treatment.',
      earliest: state.clinicDay,
      step,
    });
  }
  if (rx.refills > US1_MAX_REFILLS) {
    f.require({
      code: 'refills_not_allowed',
      ruleId: 'DECISION-7',
      staff: `Prescription ${rx.id} has ${rx.refills} refill(s); iPLEDGE prescriptions have no refills, so it is refused as written.`,
      patient: 'Isotretinoin prescriptions cannot have refills; your prescriber must write a new one each month.',
      earliest: state.clinicDay,
      step,
    });
  }
}

/** DECISION 6: open = issued, not reversed, not dispensed, and its last day not over at the action. */
export function isOpenAuthorization(state: UsState, authorization: EventOf<'authorization_issued'>): boolean {
  const reversed = eventsOf(state.timeline, 'authorization_reversed').some((r) => r.authorizationId === authorization.id);
  const dispensed = eventsOf(state.timeline, 'dispense').some((d) => d.authorizationId === authorization.id);
  const expired = Temporal.Instant.compare(state.timeline.at, endOfDay(authorization.lastDayToCollect, state.zone)) > 0;
  return !reversed && !dispensed && !expired;
}

export function dispensesOfPrescription(state: UsState, prescriptionId: string): Array<EventOf<'dispense'>> {
  const authorizations = new Set(
    eventsOf(state.timeline, 'authorization_issued')
      .filter((a) => a.prescriptionId === prescriptionId)
      .map((a) => a.id),
  );
  return eventsOf(state.timeline, 'dispense').filter((d) => authorizations.has(d.authorizationId));
}

/** DECISION 6 (one open authorization per prescription) and DECISION 7 (one dispense per prescription). */
export function checkPrescriptionNotUsed(state: UsState, f: Findings, prescriptionId: string): void {
  const open = eventsOf(state.timeline, 'authorization_issued').filter(
    (a) => a.prescriptionId === prescriptionId && isOpenAuthorization(state, a),
  );
  for (const authorization of open) {
    f.require({
      code: 'authorization_already_open',
      ruleId: 'DECISION-6',
      staff: `Authorization ${authorization.id} for prescription ${prescriptionId} is still open (until ${authorization.lastDayToCollect.toString()}); it must be reversed before another is issued.`,
      patient: 'Your prescription is already authorized at a pharmacy; that authorization must be cancelled first.',
      earliest: state.actionDay,
      step: { who: 'pharmacy', text: `Reverse authorization ${authorization.id} if the patient will not collect there.`, from: state.actionDay.toString() },
    });
  }
  for (const dispense of dispensesOfPrescription(state, prescriptionId)) {
    f.require({
      code: 'prescription_already_dispensed',
      ruleId: 'DECISION-7',
      staff: `Prescription ${prescriptionId} was already dispensed on ${localDateOf(dispense.at, state.zone).toString()} (${dispense.id}); a second dispense is always refused.`,
      patient: 'This prescription has already been filled; a new prescription is needed.',
      earliest: state.clinicDay,
      step: { who: 'clinic', text: 'Write a new prescription for the next month.', from: state.clinicDay.toString() },
    });
  }
}
