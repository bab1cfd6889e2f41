/**
 * Test builders for EU and UK programme cases (architecture guide, convention 13): role-named
 * variants with overrides, never mutating their arguments. Times are wall-clock times in the
 * clinic's zone. Used by the EU/UK pack tests only; not part of the engine.
 */
import { Temporal } from 'temporal-polyfill';
import { date, type Instant } from '../../../calendar/index.js';
import type { ProgramAction } from '../../actions.js';
import type { ContraceptionMethod } from '../../contraception-methods.js';
import type { AssessmentKind, EventOf, FormKind, ProgramEvent } from '../../events.js';
import type { Jurisdiction } from '../../jurisdiction.js';
import type { PlannedFact } from '../../planning.js';
import type { PregnancyTestFacts } from '../../pregnancy-tests.js';
import type { Clinic, Patient, ProgramCase } from '../../program-case.js';
import type { RiskAssessment } from '../../risk.js';

export const PARIS = 'Europe/Paris';
export const LONDON = 'Europe/London';
export const ROME = 'Europe/Rome';

/** Local wall time in a zone: `wall('2026-03-29', '23:59', PARIS)`. */
export function wall(day: string, time: string, zone: string): Instant {
  return Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(zone).toInstant();
}

/** Prescribers: `derm-1` dermatologist, `gp-1` general practitioner, `other-1` other specialty. */
export function aPppClinic(timeZone: string, overrides: Partial<Clinic> = {}): Clinic {
  return {
    id: 'clinic-eu',
    timeZone,
    prescribers: [
      { id: 'derm-1', specialty: 'dermatologist' },
      { id: 'gp-1', specialty: 'general_practitioner' },
      { id: 'other-1', specialty: 'other' },
    ],
    settings: { usModificationDate: date('2026-08-08'), enforcementDiscretionHomeTests: false, homeTestOptIn: { optedIn: false } },
    ...overrides,
  };
}

export function aWomanOfChildbearingPotential(overrides: Partial<Patient> = {}): Patient {
  return { id: 'patient-eu', birthDate: date('2000-06-15'), risk: { category: 'can_get_pregnant', basis: [] }, ...overrides };
}

export function notOfChildbearingPotential(basis: RiskAssessment['basis'], confirmedBy: RiskAssessment['confirmedBy'] = 'prescriber'): RiskAssessment {
  return { category: 'cannot_get_pregnant', basis, confirmedBy, confirmedOn: date('2025-12-01') };
}

export function aPatientNotOfChildbearingPotential(overrides: Partial<Patient> = {}): Patient {
  return { id: 'patient-eu-2', birthDate: date('1970-01-20'), risk: notOfChildbearingPotential([{ kind: 'hysterectomy' }]), ...overrides };
}

const ZONES: Readonly<Record<Jurisdiction, string>> = { EU: PARIS, 'EU-FR': PARIS, 'EU-IT': ROME, UK: LONDON, US: 'America/New_York' };

export function aPppCase(jurisdiction: Jurisdiction, overrides: Partial<ProgramCase> & { readonly action: ProgramAction }): ProgramCase {
  return { jurisdiction, clinic: aPppClinic(ZONES[jurisdiction]), patient: aWomanOfChildbearingPotential(), events: [], ...overrides };
}

export function formSigned(on: string, form: FormKind, signedBy: EventOf<'form_signed'>['signedBy'] = ['patient', 'prescriber']): EventOf<'form_signed'> {
  return { id: `form-${form}-${on}`, kind: 'form_signed', on: date(on), form, signedBy };
}

export function materialGivenOn(on: string, material: EventOf<'material_given'>['material']): EventOf<'material_given'> {
  return { id: `material-${material}-${on}`, kind: 'material_given', on: date(on), material };
}

export function contraceptionFrom(on: string, methods: readonly ContraceptionMethod[] = ['implant']): ProgramEvent[] {
  return methods.map((method) => ({ id: `${method}-${on}`, kind: 'contraception_started', on: date(on), method }));
}

export function assessmentsOn(on: string, setting: 'in_person' | 'remote' = 'in_person', kinds: readonly AssessmentKind[] = ['mental_health', 'sexual_function']): ProgramEvent[] {
  return kinds.map((assessment) => ({ id: `assessment-${assessment}-${on}-${setting}`, kind: 'assessment', on: date(on), assessment, setting }));
}

/** Enrolled, course started, form signed by patient and prescriber, reminder card (and French booklet) given. */
export function pppStart(on: string, form: FormKind, options: { readonly booklet?: boolean } = {}): ProgramEvent[] {
  return [
    { id: 'enrollment', kind: 'enrollment', on: date(on), prescriberId: 'derm-1' },
    { id: `course-${on}`, kind: 'course_started', on: date(on) },
    formSigned(on, form),
    materialGivenOn(on, 'reminder_card'),
    ...(options.booklet === true ? [materialGivenOn(on, 'patient_booklet')] : []),
  ];
}

export function supervisedTestFacts(day: string, zone: string, overrides: Partial<PregnancyTestFacts> & { readonly time?: string } = {}): PregnancyTestFacts {
  const { time, ...rest } = overrides;
  return {
    id: `test-${day}`,
    collectedAt: wall(day, time ?? '09:00', zone),
    specimen: 'urine',
    loinc: '2106-3',
    setting: 'medical_setting',
    sensitivityMiuPerMl: 25,
    result: 'negative',
    purpose: 'monthly',
    ...rest,
  };
}

export function supervisedTest(day: string, zone: string, overrides: Partial<PregnancyTestFacts> & { readonly time?: string } = {}): EventOf<'pregnancy_test'> {
  return { ...supervisedTestFacts(day, zone, overrides), kind: 'pregnancy_test' };
}

/** 60 x 20 mg at 40 mg/day: exactly 30 days of treatment. */
export function pppPrescription(day: string, overrides: Partial<Omit<EventOf<'prescription'>, 'kind'>> = {}): EventOf<'prescription'> {
  return { id: `rx-${day}`, kind: 'prescription', writtenOn: date(day), prescriberId: 'derm-1', product: 'eu-generic-isotretinoin', strengthMg: 20, quantity: 60, dailyMg: 40, refills: 0, ...overrides };
}

export function pppAuthorization(rxId: string, issuedAt: Instant, lastDay: string, id = `auth-${rxId}`): EventOf<'authorization_issued'> {
  return { id, kind: 'authorization_issued', at: issuedAt, prescriptionId: rxId, lastDayToCollect: date(lastDay) };
}

export function pppDispense(authorizationId: string, when: Instant, overrides: Partial<Omit<EventOf<'dispense'>, 'kind'>> = {}): EventOf<'dispense'> {
  return { id: `dispense-${authorizationId}`, kind: 'dispense', at: when, authorizationId, pharmacyId: 'ph-eu', quantity: 60, pharmacistChecklistCompleted: true, ...overrides };
}

export function authorize(prescriptionId: string, when: Instant): ProgramAction {
  return { kind: 'issue_authorization', at: when, prescriptionId };
}

export function dispenseAction(d: EventOf<'dispense'>): ProgramAction {
  const { kind: _kind, ...facts } = d;
  return { kind: 'dispense', at: d.at, dispense: facts };
}

/**
 * Applies a plan's or a calendar's dated steps as the events a clinic following it would record:
 * its facts (tests at 08:00 clinic time, a copper IUD, the prescription by `prescriberId`) and,
 * for the calendar's document steps (form, card, booklet, assessments), the matching records.
 * Written independently of the planner so that the tests check it.
 */
export function followPppPlan(
  zone: string,
  events: readonly ProgramEvent[],
  steps: ReadonlyArray<{ readonly code: string; readonly on?: string | undefined; readonly fact?: PlannedFact | undefined }>,
  options: { readonly prescriberId: string; readonly form: FormKind },
): { readonly events: ProgramEvent[]; readonly prescriptionId: string | undefined } {
  const out: ProgramEvent[] = [...events];
  let prescriptionId: string | undefined;
  steps.forEach((s, i) => {
    const id = `followed-${String(i)}`;
    const f = s.fact;
    if (f?.kind === 'pregnancy_test') out.push(supervisedTest(f.on, zone, { id, purpose: f.purpose, setting: f.setting, time: '08:00' }));
    if (f?.kind === 'contraception_started') out.push({ id, kind: 'contraception_started', on: date(f.on), method: 'iud_copper' });
    if (f?.kind === 'prescription') {
      prescriptionId = id;
      out.push(pppPrescription(f.on, { id, prescriberId: options.prescriberId }));
    }
    if (s.on === undefined) return;
    if (s.code === 'acknowledgement_form') out.push({ ...formSigned(s.on, options.form), id });
    if (s.code === 'reminder_card') out.push({ ...materialGivenOn(s.on, 'reminder_card'), id });
    if (s.code === 'patient_booklet') out.push({ ...materialGivenOn(s.on, 'patient_booklet'), id });
    if (s.code === 'mental_health_assessment' || s.code === 'sexual_function_assessment') {
      out.push({ id, kind: 'assessment', on: date(s.on), assessment: s.code === 'mental_health_assessment' ? 'mental_health' : 'sexual_function', setting: 'in_person' });
    }
  });
  return { events: out, prescriptionId };
}
