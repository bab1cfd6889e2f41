/**
 * Test builders for programme cases (architecture guide, convention 13): role-named variants,
 * overrides, never mutating their arguments. Used by the pack tests, the property tests and the
 * CLI tests; not part of the engine.
 */
import { Temporal } from 'temporal-polyfill';
import { date, type Instant, type LocalDate } from '../calendar/index.js';
import type { ProgramAction } from './actions.js';
import type { ContraceptionMethod } from './contraception-methods.js';
import type { EventOf, ProgramEvent } from './events.js';
import type { PlannedFact } from './planning.js';
import type { PregnancyTestFacts } from './pregnancy-tests.js';
import type { Clinic, ClinicSettings, Patient, ProgramCase } from './program-case.js';
import type { RiskAssessment } from './risk.js';

export const NEW_YORK = 'America/New_York';

/** An instant given as local wall time in a zone: `at('2026-03-08', '23:59')`. */
export function at(day: string, time = '10:00', zone = NEW_YORK): Instant {
  return Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(zone).toInstant();
}

export function aClinic(overrides: Partial<Omit<Clinic, 'settings'>> & { settings?: Partial<ClinicSettings> } = {}): Clinic {
  const { settings, ...rest } = overrides;
  return {
    id: 'clinic-1',
    timeZone: NEW_YORK,
    prescribers: [{ id: 'dr-1', specialty: 'dermatologist' }],
    ...rest,
    settings: {
      usModificationDate: date('2026-08-08'),
      enforcementDiscretionHomeTests: false,
      homeTestOptIn: { optedIn: false },
      ...settings,
    },
  };
}

export function aPatientWhoCanGetPregnant(overrides: Partial<Patient> = {}): Patient {
  return { id: 'patient-1', birthDate: date('2004-05-17'), risk: { category: 'can_get_pregnant', basis: [] }, ...overrides };
}

export const CANNOT_GET_PREGNANT: RiskAssessment = {
  category: 'cannot_get_pregnant',
  basis: [{ kind: 'total_hysterectomy' }],
  confirmedBy: 'prescriber',
  confirmedOn: date('2025-12-01'),
};

export function aPatientWhoCannotGetPregnant(overrides: Partial<Patient> = {}): Patient {
  return { id: 'patient-2', birthDate: date('1975-02-03'), risk: CANNOT_GET_PREGNANT, ...overrides };
}

/** Prescriber and pharmacy certified and activated, patient consented, counselled and enrolled, course started. */
export function enrolledWithCourse(on: string, options: { readonly canGetPregnant?: boolean } = {}): ProgramEvent[] {
  const day = date(on);
  const events: ProgramEvent[] = [
    { id: 'cert-dr-1', kind: 'prescriber_certified', on: date('2021-01-01'), prescriberId: 'dr-1' },
    { id: 'cert-ph-1', kind: 'pharmacy_certified', on: date('2021-01-01'), pharmacyId: 'ph-1' },
    { id: `act-ph-1-${on}`, kind: 'pharmacy_activated', on: day, pharmacyId: 'ph-1' },
    { id: 'consent-all', kind: 'form_signed', on: day, form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] },
    { id: `counselling-${on}`, kind: 'counselling', on: day, prescriberId: 'dr-1' },
    { id: 'enrollment', kind: 'enrollment', on: day, prescriberId: 'dr-1' },
    { id: `course-${on}`, kind: 'course_started', on: day },
  ];
  if (options.canGetPregnant !== false) {
    events.splice(4, 0, { id: 'consent-birth-defects', kind: 'form_signed', on: day, form: 'us_birth_defects_consent', signedBy: ['patient'] });
  }
  return events;
}

export function twoMethods(on: string, methods: readonly ContraceptionMethod[] = ['iud_copper', 'male_latex_condom']): ProgramEvent[] {
  return methods.map((method) => ({ id: `${method}-${on}`, kind: 'contraception_started', on: date(on), method }));
}

export function testFacts(day: string, overrides: Partial<PregnancyTestFacts> & { readonly time?: string } = {}): PregnancyTestFacts {
  const { time, ...rest } = overrides;
  return {
    id: `test-${day}`,
    collectedAt: at(day, time ?? '09:00'),
    specimen: 'urine',
    loinc: '2106-3',
    setting: 'clia_lab',
    sensitivityMiuPerMl: 25,
    result: 'negative',
    purpose: 'monthly',
    ...rest,
  };
}

export function pregnancyTest(day: string, overrides: Partial<PregnancyTestFacts> & { readonly time?: string } = {}): EventOf<'pregnancy_test'> {
  return { ...testFacts(day, overrides), kind: 'pregnancy_test' };
}

export function questions(day: string, time = '12:00', answer: 'correct' | 'incorrect' | 'unanswered' = 'correct'): EventOf<'comprehension_questions'> {
  return {
    id: `questions-${day}-${time}`,
    kind: 'comprehension_questions',
    at: at(day, time),
    items: [
      { questionId: 'q1', answer: 'correct' },
      { questionId: 'q2', answer },
    ],
  };
}

export function prescription(day: string, overrides: Partial<Omit<EventOf<'prescription'>, 'kind'>> = {}): EventOf<'prescription'> {
  return {
    id: `rx-${day}`,
    kind: 'prescription',
    writtenOn: date(day),
    prescriberId: 'dr-1',
    product: 'us-generic-isotretinoin',
    strengthMg: 20,
    quantity: 60,
    dailyMg: 40,
    refills: 0,
    ...overrides,
  };
}

export function authorization(rxId: string, issuedAt: Instant, lastDay: string, id = `auth-${rxId}`): EventOf<'authorization_issued'> {
  return { id, kind: 'authorization_issued', at: issuedAt, prescriptionId: rxId, lastDayToCollect: date(lastDay) };
}

export function dispenseEvent(authorizationId: string, when: Instant, overrides: Partial<Omit<EventOf<'dispense'>, 'kind'>> = {}): EventOf<'dispense'> {
  return {
    id: `dispense-${authorizationId}`,
    kind: 'dispense',
    at: when,
    authorizationId,
    pharmacyId: 'ph-1',
    quantity: 60,
    rmaNumber: 'RMA-1',
    dndDate: localDay(when),
    medicationGuideGiven: true,
    ...overrides,
  };
}

function localDay(when: Instant): LocalDate {
  return when.toZonedDateTimeISO(NEW_YORK).toPlainDate().add({ days: 3 });
}

export function aUsCase(overrides: Partial<ProgramCase> & { readonly action: ProgramAction }): ProgramCase {
  return { jurisdiction: 'US', clinic: aClinic(), patient: aPatientWhoCanGetPregnant(), events: [], ...overrides };
}

/**
 * A first course ready for its first authorization: enrolled 2026-01-05 with two methods, screening
 * 2026-01-05, confirmation 2026-02-05 (31 days later, one month of two methods), questions and
 * prescription the same day. Authorizable until 2026-02-11 23:59 New York time.
 */
export function firstCourseEvents(start = '2026-01-05', confirmation = '2026-02-05'): ProgramEvent[] {
  return [
    ...enrolledWithCourse(start),
    ...twoMethods(start),
    pregnancyTest(start, { purpose: 'screening' }),
    pregnancyTest(confirmation, { purpose: 'confirmation' }),
    questions(confirmation),
    prescription(confirmation),
  ];
}

export function issueAuthorization(rxId: string, when: Instant): ProgramAction {
  return { kind: 'issue_authorization', at: when, prescriptionId: rxId };
}

/**
 * Applies a plan's dated facts as events, the way a clinic following it would record them
 * (tests at 08:00 and questions at 10:00 clinic time, authorization and pickup in the evening,
 * New York time). Written independently of the planner so the property test checks it.
 */
export function followPlan(
  programCase: ProgramCase,
  steps: ReadonlyArray<{ readonly fact?: PlannedFact | undefined }>,
): { readonly events: ProgramEvent[]; readonly prescriptionId: string | undefined } {
  const zone = programCase.clinic.timeZone;
  const events: ProgramEvent[] = [...programCase.events];
  let prescriptionId: string | undefined;
  steps.forEach((s, i) => {
    const f = s.fact;
    if (f === undefined) return;
    const id = `followed-${String(i)}`;
    if (f.kind === 'pregnancy_test') events.push({ ...pregnancyTest(f.on, { id, purpose: f.purpose, setting: f.setting, time: '08:00' }), collectedAt: at(f.on, '08:00', zone) });
    if (f.kind === 'contraception_started') events.push(...twoMethods(f.on, ['implant', 'male_latex_condom']));
    if (f.kind === 'comprehension_questions') events.push({ ...questions(f.on), id, at: at(f.on, '10:00', zone) });
    if (f.kind === 'counselling') events.push({ id, kind: 'counselling', on: date(f.on) });
    if (f.kind === 'office_visit') events.push({ id, kind: 'office_visit', on: date(f.on) });
    if (f.kind === 'prescription') {
      prescriptionId = id;
      events.push(prescription(f.on, { id, quantity: 30, strengthMg: 40, dailyMg: 40 }));
    }
  });
  return { events, prescriptionId };
}
