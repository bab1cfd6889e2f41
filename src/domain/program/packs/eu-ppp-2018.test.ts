import { describe, expect, it } from 'vitest';
import { addMonths, date, minDate, type Instant } from '../../calendar/index.js';
import { DomainInputError } from '../../errors.js';
import type { ContraceptionMethod } from '../contraception-methods.js';
import type { Decision } from '../decision.js';
import type { ProgramEvent } from '../events.js';
import type { Jurisdiction } from '../jurisdiction.js';
import type { ProgramCase } from '../program-case.js';
import type { RiskAssessment } from '../risk.js';
import {
  PARIS,
  ROME,
  aPatientNotOfChildbearingPotential,
  aPppCase,
  authorize,
  contraceptionFrom,
  dispenseAction,
  formSigned,
  materialGivenOn,
  notOfChildbearingPotential,
  pppAuthorization,
  pppDispense,
  pppPrescription,
  pppStart,
  supervisedTest,
  supervisedTestFacts,
  wall,
} from './eu/ppp-testing.js';
import { decideProgramCase } from './index.js';

const FORM = 'eu_acknowledgement_form';
const codes = (d: Decision): string[] => d.unmet.map((u) => u.code);
const decide = (c: ProgramCase): Decision => decideProgramCase(c);
const without = (events: ProgramEvent[], id: string): ProgramEvent[] => events.filter((e) => e.id !== id);
const replace = (events: ProgramEvent[], id: string, next: ProgramEvent): ProgramEvent[] => events.map((e) => (e.id === id ? next : e));
const zoneOf = (j: Jurisdiction): string => (j === 'EU-IT' ? ROME : PARIS);

/**
 * A first course whose first prescription is written on `rx`: course, implant, form and card one
 * calendar month before, a supervised negative test on `test` (default: the prescription day).
 */
function firstCourse(rx = '2026-02-05', test = rx, j: Jurisdiction = 'EU'): ProgramEvent[] {
  const start = addMonths(minDate(date(rx), date(test)), -1).toString();
  return [...pppStart(start, FORM, { booklet: j === 'EU-FR' }), ...contraceptionFrom(start), supervisedTest(test, zoneOf(j), { purpose: 'screening' }), pppPrescription(rx)];
}
const firstAuth = (when: Instant = wall('2026-02-05', '15:00', PARIS), events = firstCourse(), j: Jurisdiction = 'EU'): ProgramCase =>
  aPppCase(j, { events, action: authorize(events.find((e) => e.kind === 'prescription')?.id ?? 'none', when) });

/** First dispense on 2026-02-06, then a test and a renewal on `day` (default 2026-03-07). */
function secondMonth(day = '2026-03-07', test = day, extra: ProgramEvent[] = [], j: Jurisdiction = 'EU'): ProgramEvent[] {
  const zone = zoneOf(j);
  return [
    ...firstCourse('2026-02-05', '2026-02-05', j),
    pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', zone), '2026-02-11'),
    pppDispense('auth-rx-2026-02-05', wall('2026-02-06', '11:00', zone)),
    { id: 'first-dose', kind: 'first_dose', on: date('2026-02-06') },
    supervisedTest(test, zone, { id: 'test-month-2' }),
    pppPrescription(day, { id: 'rx-2' }),
    ...extra,
  ];
}
const secondAuth = (events = secondMonth(), when: Instant = wall('2026-03-07', '15:00', PARIS), j: Jurisdiction = 'EU'): ProgramCase =>
  aPppCase(j, { events, action: authorize('rx-2', when) });

describe('eu-ppp-2018: the pack in force', () => {
  it('judges EU, France and Italy cases from 2018-03-22 with the same pack, in the clinic zone', () => {
    const d = decide(firstAuth());
    expect(d.pack).toEqual({ id: 'eu-ppp-2018', version: '1.0.0', jurisdiction: 'EU', zone: PARIS });
    expect(decide(firstAuth(undefined, firstCourse('2026-02-05', '2026-02-05', 'EU-FR'), 'EU-FR')).pack.jurisdiction).toBe('EU-FR');
    const rome = firstCourse('2026-02-05', '2026-02-05', 'EU-IT');
    expect(decide(firstAuth(wall('2026-02-05', '15:00', ROME), rome, 'EU-IT')).pack).toMatchObject({ id: 'eu-ppp-2018', zone: ROME });
  });

  it('has no pack before 2018-03-22 and says so as an input error', () => {
    const c = aPppCase('EU', { events: [], action: { kind: 'enroll', at: wall('2018-03-21', '12:00', PARIS), prescriberId: 'derm-1' } });
    expect(() => decide(c)).toThrow(DomainInputError);
    expect(decide({ ...c, action: { kind: 'enroll', at: wall('2018-03-22', '12:00', PARIS), prescriberId: 'derm-1' } }).pack.id).toBe('eu-ppp-2018');
  });

  it('allows the first authorization of a complete sequence, valid until the prescription date + 6', () => {
    const d = decide(firstAuth());
    expect(d.unmet).toEqual([]);
    expect(d.outcome).toBe('allowed');
    expect(d.window).toEqual({
      firstInstant: '2026-02-05T15:00:00+01:00[Europe/Paris]',
      lastInstant: '2026-02-11T23:59:59+01:00[Europe/Paris]',
      lastDayToCollect: '2026-02-11',
    });
    expect(d.nextSteps.map((s) => s.code)).toEqual(['complete_pharmacist_checklist', 'collect_by', 'reverse_if_not_collected']);
  });
});

describe('enrollment, course start and recorded tests', () => {
  it('enrolls a patient and lists the dated pre-treatment steps, with the French ones', () => {
    const d = decide(aPppCase('EU-FR', { events: [], action: { kind: 'enroll', at: wall('2026-01-05', '10:00', PARIS), prescriberId: 'derm-1' } }));
    expect(d.outcome).toBe('allowed');
    expect(d.nextSteps.map((s) => [s.code, s.from])).toEqual([
      ['start_contraception', '2026-01-05'],
      ['reminder_card', '2026-01-05'],
      ['initial_pregnancy_test', '2026-02-05'],
      ['acknowledgement_form', '2026-01-05'],
      ['dermatologist_prescribes', '2026-01-05'],
      ['patient_booklet', '2026-01-05'],
      ['first_prescription', undefined],
    ]);
  });

  it('starts a course only for an enrolled patient', () => {
    const start = (events: ProgramEvent[]): Decision => decide(aPppCase('EU', { events, action: { kind: 'start_course', at: wall('2026-01-05', '10:00', PARIS), prescriberId: 'derm-1' } }));
    expect(codes(start([]))).toEqual(['patient_not_enrolled']);
    expect(start([{ id: 'enrollment', kind: 'enrollment', on: date('2026-01-05'), prescriberId: 'derm-1' }]).outcome).toBe('allowed');
  });

  it('judges a test recorded as "screening" after the first dispense as a follow-up test, with a warning', () => {
    const d = decide(aPppCase('EU', { events: secondMonth().filter((e) => e.id !== 'test-month-2' && e.id !== 'rx-2'), action: { kind: 'record_pregnancy_test', at: wall('2026-03-07', '12:00', PARIS), test: supervisedTestFacts('2026-03-07', PARIS, { id: 'n', purpose: 'screening' }) } }));
    expect(d.outcome).toBe('allowed');
    expect(d.warnings.map((w) => w.code)).toEqual(['test_purpose_reassigned']);
  });

  it('refuses to count a follow-up test taken without contraception', () => {
    const events = [...secondMonth().filter((e) => e.id !== 'test-month-2' && e.id !== 'rx-2'), { id: 'stop', kind: 'contraception_stopped', on: date('2026-03-01'), method: 'implant' } as const];
    const d = decide(aPppCase('EU', { events, action: { kind: 'record_pregnancy_test', at: wall('2026-03-07', '12:00', PARIS), test: supervisedTestFacts('2026-03-07', PARIS, { id: 'n' }) } }));
    expect(codes(d)).toEqual(['contraception_not_in_use']);
  });
});

describe('section 2: childbearing potential (2024 DHPC)', () => {
  const notCbp = (risk: RiskAssessment): Decision =>
    decide(
      aPppCase('EU', {
        patient: aPatientNotOfChildbearingPotential({ risk }),
        events: [...pppStart('2026-01-05', FORM).filter((e) => e.kind !== 'form_signed' && e.kind !== 'material_given'), pppPrescription('2026-02-05', { quantity: 90 })],
        action: authorize('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS)),
      }),
    );

  it('counts 24 consecutive months after menopause as not of childbearing potential, but not 23', () => {
    expect(notCbp(notOfChildbearingPotential([{ kind: 'post_menopausal', consecutiveMonths: 24 }])).outcome).toBe('allowed');
    expect(codes(notCbp(notOfChildbearingPotential([{ kind: 'post_menopausal', consecutiveMonths: 23 }])))).toEqual(['risk_category_basis_insufficient']);
  });

  it('accepts a hysterectomy, a bilateral oophorectomy or no uterus from birth, and needs no test, contraception, form or 30-day limit', () => {
    for (const kind of ['hysterectomy', 'total_hysterectomy', 'bilateral_oophorectomy', 'no_uterus_from_birth'] as const) {
      expect(notCbp(notOfChildbearingPotential([{ kind }])).unmet, kind).toEqual([]);
    }
  });

  it('does not accept tubal ligation, pre-menarche or another reason in the EU', () => {
    for (const basis of [[{ kind: 'tubal_ligation' }], [{ kind: 'pre_menarche' }], [{ kind: 'other', description: 'not sexually active' }]] as const) {
      expect(codes(notCbp(notOfChildbearingPotential(basis)))).toEqual(['risk_category_basis_insufficient']);
    }
  });

  it('needs the category confirmed by a health professional, not reported by the patient (DECISION 8)', () => {
    expect(codes(notCbp(notOfChildbearingPotential([{ kind: 'hysterectomy' }], 'patient_report')))).toEqual(['risk_category_unconfirmed']);
    expect(codes(notCbp({ ...notOfChildbearingPotential([{ kind: 'hysterectomy' }]), confirmedBy: undefined }))).toEqual(['risk_category_unconfirmed']);
    expect(notCbp(notOfChildbearingPotential([{ kind: 'hysterectomy' }], 'health_professional')).outcome).toBe('allowed');
  });

  it('blocks everything while childbearing potential is unknown (DECISION 8)', () => {
    const d = decide({ ...firstAuth(), patient: { risk: { category: 'unknown', basis: [] } } });
    expect(codes(d)).toEqual(['risk_category_unknown']);
    expect(d.unmet[0]?.ruleId).toBe('DECISION-8');
  });
});

describe('EU1 and DECISION 7: 30 days of treatment, no refills', () => {
  it('allows exactly 30 days (60 x 20 mg at 40 mg/day) and blocks 30.5 days (61 capsules), comparing exactly', () => {
    expect(decide(firstAuth()).outcome).toBe('allowed');
    const events = replace(firstCourse(), 'rx-2026-02-05', pppPrescription('2026-02-05', { quantity: 61 }));
    const d = decide(firstAuth(undefined, events));
    expect(codes(d)).toEqual(['days_of_treatment_over_30']);
    expect(d.unmet[0]?.staffMessage).toContain('30 20/40 days');
  });

  it('refuses a prescription written with a refill and accepts it without', () => {
    const write = (refills: number): Decision =>
      decide(aPppCase('EU', { events: firstCourse().filter((e) => e.kind !== 'prescription'), action: { kind: 'write_prescription', at: wall('2026-02-05', '11:00', PARIS), prescription: { ...pppPrescription('2026-02-05', { id: 'rx-new', refills }) } } }));
    expect(codes(write(1))).toEqual(['refills_not_allowed']);
    expect(write(1).unmet[0]?.ruleId).toBe('DECISION-7');
    expect(write(0).outcome).toBe('allowed');
  });

  it('refuses a dispense of more than 30 days of treatment', () => {
    const events = [...firstCourse(), pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS), '2026-02-11')];
    const d = pppDispense('auth-rx-2026-02-05', wall('2026-02-06', '10:00', PARIS), { quantity: 62 });
    expect(codes(decide(aPppCase('EU', { events, action: dispenseAction(d) })))).toEqual(['days_of_treatment_over_30']);
  });

  it('gives no UK 28-day formulary warning in the EU', () => {
    expect(decide(firstAuth()).warnings).toEqual([]);
  });
});

describe('EU2, DECISION 2 and DECISION 5: dispense within 7 days of the prescription, until 23:59 clinic time', () => {
  it('allows the authorization on Day 7 at 23:59 Paris time and blocks it on Day 8 at 00:01', () => {
    expect(decide(firstAuth(wall('2026-02-11', '23:59', PARIS))).outcome).toBe('allowed');
    const late = decide(firstAuth(wall('2026-02-12', '00:01', PARIS)));
    expect(codes(late)).toEqual(['prescription_expired']);
    expect(late.unmet[0]?.ruleId).toBe('EU2');
  });

  it('allows a dispense on Day 7 at 23:59 and refuses it on Day 8 at 00:01', () => {
    const events = [...firstCourse(), pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS), '2026-02-11')];
    const at = (day: string, time: string): Decision => decide(aPppCase('EU', { events, action: dispenseAction(pppDispense('auth-rx-2026-02-05', wall(day, time, PARIS))) }));
    expect(at('2026-02-11', '23:59').outcome).toBe('allowed');
    expect(codes(at('2026-02-12', '00:01'))).toEqual(['authorization_expired']);
  });

  it('keeps EU2 even when an authorization was recorded with a later last day', () => {
    const events = [...firstCourse(), pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS), '2026-02-20')];
    expect(codes(decide(aPppCase('EU', { events, action: dispenseAction(pppDispense('auth-rx-2026-02-05', wall('2026-02-12', '10:00', PARIS))) })))).toEqual(['authorization_expired']);
  });

  it('closes at 23:59:59+02:00 when Day 7 is the spring-forward day 2026-03-29', () => {
    const judge = (day: string, time: string): Decision => decide(firstAuth(wall(day, time, PARIS), firstCourse('2026-03-23')));
    const allowed = judge('2026-03-29', '23:59');
    expect(allowed.outcome).toBe('allowed');
    expect(allowed.window?.lastInstant).toBe('2026-03-29T23:59:59+02:00[Europe/Paris]');
    expect(codes(judge('2026-03-30', '00:01'))).toEqual(['prescription_expired']);
  });

  it('closes at 23:59:59+01:00 when Day 7 is the fall-back day 2026-10-25', () => {
    const judge = (day: string, time: string): Decision => decide(firstAuth(wall(day, time, PARIS), firstCourse('2026-10-19')));
    const allowed = judge('2026-10-25', '23:59');
    expect(allowed.window?.lastInstant).toBe('2026-10-25T23:59:59+01:00[Europe/Paris]');
    expect(codes(judge('2026-10-26', '00:01'))).toEqual(['prescription_expired']);
  });
});

describe('EU3 and DECISION 4: the supervised test on the prescribing day or in the 3 days before', () => {
  it('counts a test 3 days before the first prescription but not 4 days before', () => {
    expect(decide(firstAuth(wall('2026-02-08', '15:00', PARIS), firstCourse('2026-02-08', '2026-02-05'))).outcome).toBe('allowed');
    const d = decide(firstAuth(wall('2026-02-09', '15:00', PARIS), firstCourse('2026-02-09', '2026-02-05')));
    expect(codes(d)).toEqual(['initial_pregnancy_test_missing']);
    expect(d.unmet[0]?.ruleId).toBe('EU3');
    expect(d.unmet[0]?.staffMessage).toContain('Test test-2026-02-05 (2026-02-05) is 4 days before the prescription date.');
  });

  it('does not count a test collected after the prescription date', () => {
    expect(codes(decide(firstAuth(wall('2026-02-06', '15:00', PARIS), firstCourse('2026-02-05', '2026-02-06'))))).toEqual(['initial_pregnancy_test_missing']);
  });

  it('counts the monthly test 3 days before the renewal but not 4 days before', () => {
    expect(decide(secondAuth(secondMonth('2026-03-07', '2026-03-04'))).outcome).toBe('allowed');
    expect(codes(decide(secondAuth(secondMonth('2026-03-07', '2026-03-03'))))).toEqual(['pregnancy_test_missing']);
  });

  it('needs a new test after the last dispense: last month’s test does not qualify a renewal', () => {
    const events = [...secondMonth('2026-02-07').filter((e) => e.id !== 'test-month-2')];
    expect(codes(decide(secondAuth(events, wall('2026-02-07', '15:00', PARIS))))).toEqual(['pregnancy_test_missing']);
  });

  it('accepts a test that detects 25 mIU/mL and refuses one that detects only 26, or an unknown sensitivity', () => {
    const sensitivity = (s: number | undefined): Decision => decide(firstAuth(undefined, replace(firstCourse(), 'test-2026-02-05', supervisedTest('2026-02-05', PARIS, { sensitivityMiuPerMl: s }))));
    expect(sensitivity(25).outcome).toBe('allowed');
    expect(codes(sensitivity(26))).toEqual(['initial_pregnancy_test_missing', 'test_sensitivity_insufficient']);
    expect(codes(sensitivity(undefined))).toEqual(['initial_pregnancy_test_missing', 'test_sensitivity_unknown']);
  });

  it('refuses a home test: every EU test is medically supervised, before and during treatment', () => {
    const home = decide(firstAuth(undefined, replace(firstCourse(), 'test-2026-02-05', supervisedTest('2026-02-05', PARIS, { setting: 'home' }))));
    expect(codes(home)).toEqual(['initial_pregnancy_test_missing', 'test_not_medically_supervised']);
    const monthly = secondMonth('2026-03-07', '2026-03-07').map((e) => (e.id === 'test-month-2' ? supervisedTest('2026-03-07', PARIS, { id: 'test-month-2', setting: 'home', homeEvidence: { readBy: 'nurse', readAt: wall('2026-03-07', '09:05', PARIS) } }) : e));
    expect(codes(decide(secondAuth(monthly)))).toContain('test_not_medically_supervised');
    expect(decide(firstAuth(undefined, replace(firstCourse(), 'test-2026-02-05', supervisedTest('2026-02-05', PARIS, { setting: 'clia_lab' })))).outcome).toBe('allowed');
  });

  it('judges a recorded test: valid before the first prescription after one month of contraception', () => {
    const record = (day: string): Decision =>
      decide(aPppCase('EU', { events: firstCourse().filter((e) => e.kind !== 'pregnancy_test' && e.kind !== 'prescription'), action: { kind: 'record_pregnancy_test', at: wall(day, '12:00', PARIS), test: supervisedTestFacts(day, PARIS, { id: 'new', purpose: 'screening' }) } }));
    expect(record('2026-02-05').outcome).toBe('allowed');
    expect(record('2026-02-05').nextSteps.map((s) => [s.code, s.by])).toEqual([['write_prescription', '2026-02-08'], ['collect_by', '2026-02-14']]);
    const early = record('2026-02-04');
    expect(codes(early)).toEqual(['contraception_month_not_reached']);
    expect(early.unmet[0]?.earliestDate).toBe('2026-02-05');
  });
});

describe('EU3: the final test one month after the last dose (France: 5 weeks)', () => {
  const ended = (j: Jurisdiction): ProgramEvent[] => [...secondMonth('2026-03-07', '2026-03-07', [], j), { id: 'last', kind: 'last_dose', on: date('2026-03-31') }];
  const record = (day: string, j: Jurisdiction = 'EU'): Decision =>
    decide(aPppCase(j, { events: ended(j), action: { kind: 'record_pregnancy_test', at: wall(day, '12:00', zoneOf(j)), test: supervisedTestFacts(day, zoneOf(j), { id: 'final', purpose: 'post_treatment' }) } }));

  it('counts a final test one calendar month after the last dose, not the day before', () => {
    expect(codes(record('2026-04-29'))).toEqual(['post_treatment_test_too_early']);
    expect(record('2026-04-29').unmet[0]?.earliestDate).toBe('2026-04-30');
    expect(record('2026-04-30').outcome).toBe('allowed');
  });

  it('in France counts a final test 35 days after the last dose, not 34', () => {
    expect(codes(record('2026-05-04', 'EU-FR'))).toEqual(['post_treatment_test_too_early']);
    expect(record('2026-05-04', 'EU-FR').unmet[0]?.earliestDate).toBe('2026-05-05');
    expect(record('2026-05-05', 'EU-FR').outcome).toBe('allowed');
  });

  it('lists the final test with its date and the end of contraception when finishing the course', () => {
    const finish = (day: string, extra: ProgramEvent[] = [], j: Jurisdiction = 'EU'): Decision =>
      decide(aPppCase(j, { events: [...ended(j), ...extra], action: { kind: 'finish_course', at: wall(day, '12:00', zoneOf(j)) } }));
    const d = finish('2026-04-01');
    expect(codes(d)).toEqual(['post_treatment_test_missing', 'contraception_period_not_over']);
    expect(d.courseEnd).toEqual({ lastDoseOn: '2026-03-31', postTreatmentTest: { from: '2026-04-30', done: false }, contraceptionUntil: '2026-04-30' });
    expect(d.unmet.map((u) => u.earliestDate)).toEqual(['2026-04-30', '2026-04-30']);
    expect(finish('2026-05-06', [], 'EU-FR').courseEnd?.postTreatmentTest).toEqual({ from: '2026-05-05', done: false });
    const done = finish('2026-04-30', [supervisedTest('2026-04-30', PARIS, { id: 'final', purpose: 'post_treatment' })]);
    expect(done.outcome).toBe('allowed');
    expect(done.courseEnd?.postTreatmentTest?.done).toBe(true);
  });
});

describe('EU4 and DECISION 1: contraception one calendar month before, during and after', () => {
  const withMethods = (from: string, test: string, methods: readonly ContraceptionMethod[] = ['implant']): Decision => {
    const events = [...pppStart('2026-01-05', FORM), ...contraceptionFrom(from, methods), supervisedTest(test, PARIS), pppPrescription(test)];
    return decide(aPppCase('EU', { events, action: authorize(`rx-${test}`, wall(test, '15:00', PARIS)) }));
  };

  it('counts contraception started 2026-01-10 as one month old on 2026-02-10, not 2026-02-09', () => {
    const early = withMethods('2026-01-10', '2026-02-09');
    expect(codes(early)).toEqual(['contraception_month_not_reached']);
    expect(early.unmet[0]?.earliestDate).toBe('2026-02-10');
    expect(withMethods('2026-01-10', '2026-02-10').outcome).toBe('allowed');
  });

  it('counts 31 January + 1 month as 28 February', () => {
    expect(codes(withMethods('2026-01-31', '2026-02-27'))).toEqual(['contraception_month_not_reached']);
    expect(withMethods('2026-01-31', '2026-02-28').outcome).toBe('allowed');
  });

  it('accepts one highly effective method, or a hormonal method with a barrier, and nothing less', () => {
    for (const m of [['implant'], ['iud_copper'], ['iud_hormonal'], ['tubal_sterilization'], ['partner_vasectomy'], ['combined_oral_pill', 'male_latex_condom'], ['progestin_only_pill', 'female_condom'], ['injection', 'diaphragm_with_spermicide']] as const) {
      expect(withMethods('2026-01-05', '2026-02-05', m).outcome, m.join('+')).toBe('allowed');
    }
    for (const m of [['combined_oral_pill'], ['male_latex_condom', 'diaphragm_with_spermicide'], ['combined_oral_pill', 'patch'], ['other']] as const) {
      expect(codes(withMethods('2026-01-05', '2026-02-05', m)), m.join('+')).toEqual(['contraception_not_in_use', 'initial_pregnancy_test_missing']);
    }
  });

  it('does not accept abstinence instead of contraception and says why', () => {
    const events = [...pppStart('2026-01-05', FORM), { id: 'abst', kind: 'abstinence_committed', on: date('2026-01-05') } as const, supervisedTest('2026-02-05', PARIS), pppPrescription('2026-02-05')];
    const d = decide(aPppCase('EU', { events, action: authorize('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS)) }));
    expect(codes(d)).toEqual(['contraception_not_in_use', 'initial_pregnancy_test_missing']);
    expect(d.unmet[0]?.staffMessage).toContain('abstinence does not replace contraception');
    expect(d.unmet[1]?.earliestDate).toBe('2026-03-05');
  });

  it('blocks the renewal when contraception stopped during treatment', () => {
    const stopped = secondMonth('2026-03-07', '2026-03-07', [{ id: 'stop', kind: 'contraception_stopped', on: date('2026-03-01'), method: 'implant' }]);
    expect(codes(decide(secondAuth(stopped)))).toEqual(['contraception_not_in_use', 'pregnancy_test_missing']);
  });

  it('after an interruption since the last dispense, needs one month of contraception again before the test', () => {
    const gap = [{ id: 'stop', kind: 'contraception_stopped', on: date('2026-02-20'), method: 'implant' } as const, { id: 'again', kind: 'contraception_started', on: date('2026-02-25'), method: 'iud_copper' } as const];
    const d = decide(secondAuth(secondMonth('2026-03-07', '2026-03-07', gap)));
    expect(codes(d)).toEqual(['contraception_interrupted']);
    expect(d.unmet[0]?.earliestDate).toBe('2026-03-25');
    expect(decide(secondAuth(secondMonth('2026-03-25', '2026-03-25', gap), wall('2026-03-25', '15:00', PARIS))).outcome).toBe('allowed');
  });

  it('keeps contraception until one calendar month after the last dose', () => {
    const finish = (day: string): Decision =>
      decide(aPppCase('EU', { events: [...secondMonth(), { id: 'last', kind: 'last_dose', on: date('2026-01-31') }, supervisedTest('2026-03-20', PARIS, { id: 'final', purpose: 'post_treatment' })], action: { kind: 'finish_course', at: wall(day, '12:00', PARIS) } }));
    expect(codes(finish('2026-03-20'))).toEqual([]);
    expect(decide(aPppCase('EU', { events: [...secondMonth(), { id: 'last', kind: 'last_dose', on: date('2026-03-31') }, supervisedTest('2026-04-30', PARIS, { id: 'final', purpose: 'post_treatment' })], action: { kind: 'finish_course', at: wall('2026-04-29', '23:00', PARIS) } })).unmet.map((u) => u.code)).toEqual(['post_treatment_test_missing', 'contraception_period_not_over']);
  });

  it('does not know the UK3 exemption: contraception still applies, with a warning', () => {
    const events = [...without(firstCourse(), 'implant-2026-01-05'), { id: 'ex', kind: 'contraception_exemption', on: date('2026-01-05'), reason: 'no partner', agreedByPatient: true, agreedByPrescriber: true } as const];
    const d = decide(firstAuth(undefined, events));
    expect(codes(d)).toEqual(['contraception_not_in_use', 'initial_pregnancy_test_missing']);
    expect(d.warnings.map((w) => w.code)).toEqual(['contraception_exemption_not_recognised']);
  });
});

describe('EU5: acknowledgement form, reminder card, pharmacist checklist, enrollment', () => {
  it('needs the form signed by patient and prescriber before the first prescription', () => {
    expect(codes(decide(firstAuth(undefined, without(firstCourse(), 'form-eu_acknowledgement_form-2026-01-05'))))).toEqual(['acknowledgement_form_missing']);
    const patientOnly = replace(firstCourse(), 'form-eu_acknowledgement_form-2026-01-05', formSigned('2026-01-05', FORM, ['patient']));
    const d = decide(firstAuth(undefined, patientOnly));
    expect(codes(d)).toEqual(['acknowledgement_form_not_signed']);
    expect(d.unmet[0]?.staffMessage).toContain('the prescriber');
    const countersigned = [...patientOnly, formSigned('2026-02-05', FORM, ['prescriber'])];
    expect(decide(firstAuth(undefined, countersigned)).outcome).toBe('allowed');
  });

  it('does not count a form signed after the prescription date', () => {
    const late = [...without(firstCourse(), 'form-eu_acknowledgement_form-2026-01-05'), formSigned('2026-02-06', FORM)];
    expect(codes(decide(firstAuth(wall('2026-02-06', '15:00', PARIS), late)))).toEqual(['acknowledgement_form_missing']);
  });

  it('needs the reminder card for a patient of childbearing potential', () => {
    expect(codes(decide(firstAuth(undefined, without(firstCourse(), 'material-reminder_card-2026-01-05'))))).toEqual(['reminder_card_not_given']);
  });

  it('needs the pharmacist checklist at every dispense', () => {
    const events = [...firstCourse(), pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS), '2026-02-11')];
    const judge = (done: boolean | undefined): Decision => decide(aPppCase('EU', { events, action: dispenseAction(pppDispense('auth-rx-2026-02-05', wall('2026-02-06', '10:00', PARIS), { pharmacistChecklistCompleted: done })) }));
    expect(judge(true).outcome).toBe('allowed');
    expect(codes(judge(false))).toEqual(['pharmacist_checklist_not_completed']);
    expect(codes(judge(undefined))).toEqual(['pharmacist_checklist_not_completed']);
  });

  it('needs the patient enrolled in the programme', () => {
    expect(codes(decide(firstAuth(undefined, without(firstCourse(), 'enrollment'))))).toEqual(['patient_not_enrolled']);
  });

  it('needs the form and the card again in a new course', () => {
    const events: ProgramEvent[] = [
      ...secondMonth(),
      { id: 'stop', kind: 'course_stopped', on: date('2026-04-10'), reason: 'completed' },
      { id: 'course-2', kind: 'course_started', on: date('2026-06-01') },
      supervisedTest('2026-07-01', PARIS, { id: 't2' }),
      pppPrescription('2026-07-01', { id: 'rx-c2' }),
    ];
    const d = decide(aPppCase('EU', { events, action: authorize('rx-c2', wall('2026-07-01', '15:00', PARIS)) }));
    expect(codes(d)).toEqual(['reminder_card_not_given', 'acknowledgement_form_missing']);
  });
});

describe('EU6: France and Italy', () => {
  const initialBy = (j: Jurisdiction, prescriberId: string): Decision =>
    decide(firstAuth(wall('2026-02-05', '15:00', zoneOf(j)), replace(firstCourse('2026-02-05', '2026-02-05', j), 'rx-2026-02-05', pppPrescription('2026-02-05', { prescriberId })), j));
  const renewalBy = (j: Jurisdiction, prescriberId: string): Decision =>
    decide(secondAuth(replace(secondMonth('2026-03-07', '2026-03-07', [], j), 'rx-2', pppPrescription('2026-03-07', { id: 'rx-2', prescriberId })), wall('2026-03-07', '15:00', zoneOf(j)), j));

  it('France: the initial prescription is by a dermatologist; renewals by any prescriber', () => {
    expect(initialBy('EU-FR', 'derm-1').outcome).toBe('allowed');
    expect(codes(initialBy('EU-FR', 'gp-1'))).toEqual(['initial_prescription_not_by_dermatologist']);
    expect(renewalBy('EU-FR', 'gp-1').outcome).toBe('allowed');
    expect(renewalBy('EU-FR', 'other-1').outcome).toBe('allowed');
  });

  it('France: the patient booklet is given before the first dispense', () => {
    expect(codes(decide(firstAuth(undefined, without(firstCourse('2026-02-05', '2026-02-05', 'EU-FR'), 'material-patient_booklet-2026-01-05'), 'EU-FR')))).toEqual(['patient_booklet_not_given']);
  });

  it('Italy: the initial prescription by a dermatologist, renewals by the GP or the dermatologist only', () => {
    expect(initialBy('EU-IT', 'derm-1').outcome).toBe('allowed');
    expect(codes(initialBy('EU-IT', 'gp-1'))).toEqual(['initial_prescription_not_by_dermatologist']);
    expect(renewalBy('EU-IT', 'gp-1').outcome).toBe('allowed');
    expect(renewalBy('EU-IT', 'derm-1').outcome).toBe('allowed');
    expect(codes(renewalBy('EU-IT', 'other-1'))).toEqual(['renewal_prescriber_not_allowed']);
  });

  it('blocks when the prescriber is not in the clinic list, since the specialty is unknown (DECISION 8)', () => {
    const d = initialBy('EU-FR', 'locum-9');
    expect(codes(d)).toEqual(['prescriber_specialty_unknown']);
    expect(d.unmet[0]?.ruleId).toBe('DECISION-8');
  });

  it('does not restrict prescribers elsewhere in the EU', () => {
    expect(initialBy('EU', 'gp-1').outcome).toBe('allowed');
  });
});

describe('a positive pregnancy test blocks every action until the course is stopped or the patient re-qualified', () => {
  const positive = (day: string, time = '08:00'): ProgramEvent => supervisedTest(day, PARIS, { id: `pos-${day}`, result: 'positive', time });

  it('blocks enrollment, course start and a new test', () => {
    const before = [positive('2026-01-02')];
    expect(codes(decide(aPppCase('EU', { events: before, action: { kind: 'enroll', at: wall('2026-01-05', '10:00', PARIS), prescriberId: 'derm-1' } })))).toEqual(['positive_pregnancy_test']);
    const enrolled = [{ id: 'enrollment', kind: 'enrollment', on: date('2026-01-01'), prescriberId: 'derm-1' } as const, ...before];
    expect(codes(decide(aPppCase('EU', { events: enrolled, action: { kind: 'start_course', at: wall('2026-01-05', '10:00', PARIS), prescriberId: 'derm-1' } })))).toEqual(['positive_pregnancy_test']);
    const d = decide(aPppCase('EU', { events: firstCourse().filter((e) => e.kind !== 'prescription' && e.kind !== 'pregnancy_test'), action: { kind: 'record_pregnancy_test', at: wall('2026-02-05', '12:00', PARIS), test: supervisedTestFacts('2026-02-05', PARIS, { result: 'positive' }) } }));
    expect(codes(d)).toEqual(['positive_pregnancy_test']);
    expect(d.nextSteps.map((s) => s.code)).toEqual(['stop_drug_now', 'reverse_open_authorizations', 'refer_to_teratology', 'report_pregnancy']);
  });

  it('blocks writing a prescription, the authorization and the dispense, naming the authorization to cancel', () => {
    const events = [...firstCourse(), positive('2026-02-05', '16:00')];
    expect(codes(decide(aPppCase('EU', { events: events.filter((e) => e.kind !== 'prescription'), action: { kind: 'write_prescription', at: wall('2026-02-05', '17:00', PARIS), prescription: { ...pppPrescription('2026-02-05', { id: 'rx-x' }) } } })))).toContain('positive_pregnancy_test');
    expect(codes(decide(firstAuth(wall('2026-02-05', '17:00', PARIS), events)))).toContain('positive_pregnancy_test');
    const withAuth = [...firstCourse(), pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS), '2026-02-11'), positive('2026-02-06')];
    const d = decide(aPppCase('EU', { events: withAuth, action: dispenseAction(pppDispense('auth-rx-2026-02-05', wall('2026-02-06', '10:00', PARIS))) }));
    expect(codes(d)).toEqual(['positive_pregnancy_test']);
    expect(d.nextSteps.find((s) => s.code === 'reverse_open_authorizations')?.text).toContain('auth-rx-2026-02-05');
  });

  it('blocks a renewal even with a later negative test, and finishing the course', () => {
    const events = secondMonth('2026-03-07', '2026-03-07', [positive('2026-03-06')]);
    expect(codes(decide(secondAuth(events)))).toContain('positive_pregnancy_test');
    expect(codes(decide(aPppCase('EU', { events: [...events, { id: 'last', kind: 'last_dose', on: date('2026-03-06') }], action: { kind: 'finish_course', at: wall('2026-05-01', '10:00', PARIS) } })))).toContain('positive_pregnancy_test');
  });

  it('lifts the block after a re-qualification followed by a new negative test, or after the course is stopped', () => {
    const requalified = secondMonth('2026-03-07', '2026-03-07', [positive('2026-03-05'), { id: 'rq', kind: 'requalified', at: wall('2026-03-06', '09:00', PARIS), reason: 'false positive ruled out by serum hCG' }]);
    expect(decide(secondAuth(requalified)).outcome).toBe('allowed');
    const stopped = [...firstCourse(), positive('2026-02-05', '16:00'), { id: 'stop', kind: 'course_stopped', on: date('2026-02-05'), reason: 'pregnancy' } as const];
    expect(codes(decide(firstAuth(wall('2026-02-05', '17:00', PARIS), stopped)))).toEqual(['course_stopped', 'initial_pregnancy_test_missing']);
  });
});

describe('DECISIONS 6 and 7: one open authorization per prescription, one dispense', () => {
  const issued = [...firstCourse(), pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS), '2026-02-11')];

  it('refuses a second authorization while the first is open and allows it after a cancellation', () => {
    expect(codes(decide(firstAuth(wall('2026-02-06', '10:00', PARIS), issued)))).toEqual(['authorization_already_open']);
    const reversed = [...issued, { id: 'rev', kind: 'authorization_reversed', at: wall('2026-02-06', '09:00', PARIS), authorizationId: 'auth-rx-2026-02-05' } as const];
    expect(decide(firstAuth(wall('2026-02-06', '10:00', PARIS), reversed)).outcome).toBe('allowed');
  });

  it('refuses a second dispense against the same authorization or prescription', () => {
    const events = [...issued, pppDispense('auth-rx-2026-02-05', wall('2026-02-06', '10:00', PARIS))];
    expect(codes(decide(aPppCase('EU', { events, action: dispenseAction(pppDispense('auth-rx-2026-02-05', wall('2026-02-07', '10:00', PARIS), { id: 'again' })) })))).toEqual(['authorization_already_used']);
    expect(codes(decide(firstAuth(wall('2026-02-07', '10:00', PARIS), events)))).toContain('prescription_already_dispensed');
  });
});

describe('DECISION 8: missing facts always block', () => {
  const missing: Array<[string, () => ProgramCase, string]> = [
    ['an unknown category', () => ({ ...firstAuth(), patient: { risk: { category: 'unknown', basis: [] } } }), 'risk_category_unknown'],
    ['an unconfirmed "not of childbearing potential"', () => ({ ...firstAuth(), patient: aPatientNotOfChildbearingPotential({ risk: { ...notOfChildbearingPotential([{ kind: 'hysterectomy' }]), confirmedBy: undefined } }) }), 'risk_category_unconfirmed'],
    ['an unknown test result', () => firstAuth(undefined, [...firstCourse(), supervisedTest('2026-02-05', PARIS, { id: 'pending', result: 'unknown', time: '10:00' })]), 'pregnancy_test_result_unknown'],
    ['an unknown sensitivity', () => firstAuth(undefined, replace(firstCourse(), 'test-2026-02-05', supervisedTest('2026-02-05', PARIS, { sensitivityMiuPerMl: undefined }))), 'test_sensitivity_unknown'],
    ['no contraception', () => firstAuth(undefined, firstCourse().filter((e) => e.kind !== 'contraception_started')), 'contraception_not_in_use'],
    ['no course', () => firstAuth(undefined, without(firstCourse(), 'course-2026-01-05')), 'no_open_course'],
    ['no enrollment', () => firstAuth(undefined, without(firstCourse(), 'enrollment')), 'patient_not_enrolled'],
    ['no pharmacist checklist', () => aPppCase('EU', { events: [...firstCourse(), pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', PARIS), '2026-02-11')], action: dispenseAction(pppDispense('auth-rx-2026-02-05', wall('2026-02-06', '10:00', PARIS), { pharmacistChecklistCompleted: undefined })) }), 'pharmacist_checklist_not_completed'],
    ['no last dose at finish', () => aPppCase('EU', { events: secondMonth(), action: { kind: 'finish_course', at: wall('2026-05-01', '10:00', PARIS) } }), 'last_dose_unknown'],
    ['an unknown French prescriber', () => firstAuth(undefined, replace(firstCourse('2026-02-05', '2026-02-05', 'EU-FR'), 'rx-2026-02-05', pppPrescription('2026-02-05', { prescriberId: 'nobody' })), 'EU-FR'), 'prescriber_specialty_unknown'],
    ['no test at all', () => firstAuth(undefined, firstCourse().filter((e) => e.kind !== 'pregnancy_test')), 'initial_pregnancy_test_missing'],
  ];
  it.each(missing)('blocks with %s', (_name, build, code) => {
    const d = decide(build());
    expect(d.outcome).toBe('blocked');
    expect(codes(d)).toContain(code);
  });
});

describe('DECISION 9: every unmet requirement at once, with rule id, messages and earliest date', () => {
  it('lists all problems of a case', () => {
    const events = firstCourse()
      .filter((e) => e.id !== 'enrollment' && e.kind !== 'form_signed' && e.kind !== 'material_given')
      .map((e) => (e.kind === 'prescription' ? pppPrescription('2026-02-05', { quantity: 90, refills: 1 }) : e));
    const d = decide(firstAuth(undefined, [...events, supervisedTest('2026-02-05', PARIS, { id: 'pending', result: 'unknown', time: '10:00' })]));
    expect(codes(d)).toEqual(['patient_not_enrolled', 'pregnancy_test_result_unknown', 'days_of_treatment_over_30', 'refills_not_allowed', 'reminder_card_not_given', 'acknowledgement_form_missing']);
    expect(d.unmet.map((u) => u.ruleId)).toEqual(['EU5', 'DECISION-8', 'EU1', 'DECISION-7', 'EU5', 'EU5']);
    expect(d.unmet.every((u) => u.staffMessage.length > 0 && u.patientMessage.length > 0 && u.earliestDate === '2026-02-05')).toBe(true);
    expect(d.window).toBeUndefined();
  });
});

describe('DECISION-SECOND-COURSE and DECISION-RISK-CHANGE', () => {
  it('needs the full sequence again in a new course: one month of contraception before the test', () => {
    const events: ProgramEvent[] = [
      ...secondMonth(),
      { id: 'stop', kind: 'course_stopped', on: date('2026-04-10'), reason: 'completed' },
      { id: 'course-2', kind: 'course_started', on: date('2026-06-01') },
      formSigned('2026-06-01', FORM),
      materialGivenOn('2026-06-01', 'reminder_card'),
      { id: 'stop-implant', kind: 'contraception_stopped', on: date('2026-05-01'), method: 'implant' },
      ...contraceptionFrom('2026-06-01', ['iud_copper']),
      supervisedTest('2026-06-15', PARIS, { id: 't2' }),
      pppPrescription('2026-06-15', { id: 'rx-c2' }),
    ];
    const d = decide(aPppCase('EU', { events, action: authorize('rx-c2', wall('2026-06-15', '15:00', PARIS)) }));
    expect(codes(d)).toEqual(['contraception_month_not_reached']);
    expect(d.unmet[0]?.earliestDate).toBe('2026-07-01');
  });

  it('allows a new course only once the previous one is closed', () => {
    const start = (events: ProgramEvent[]): Decision => decide(aPppCase('EU', { events, action: { kind: 'start_course', at: wall('2026-05-01', '10:00', PARIS), prescriberId: 'derm-1' } }));
    expect(codes(start(secondMonth()))).toEqual(['course_already_open']);
    const closed = start([...secondMonth(), { id: 'stop', kind: 'course_stopped', on: date('2026-04-30'), reason: 'completed' }]);
    expect(closed.outcome).toBe('allowed');
    expect(closed.warnings.map((w) => w.code)).toEqual(['second_course_full_sequence']);
  });

  it('restarts the sequence when a patient becomes of childbearing potential during the course', () => {
    const events: ProgramEvent[] = [
      ...pppStart('2026-01-05', FORM),
      pppPrescription('2026-01-10', { id: 'rx-a' }),
      pppAuthorization('rx-a', wall('2026-01-10', '15:00', PARIS), '2026-01-16'),
      pppDispense('auth-rx-a', wall('2026-01-11', '10:00', PARIS)),
      { id: 'change', kind: 'risk_category_changed', on: date('2026-02-01'), assessment: { category: 'can_get_pregnant', basis: [] } },
      ...contraceptionFrom('2026-02-01'),
      supervisedTest('2026-02-10', PARIS, { id: 't' }),
      pppPrescription('2026-02-10', { id: 'rx-b' }),
    ];
    const d = decide(aPppCase('EU', { patient: aPatientNotOfChildbearingPotential(), events, action: authorize('rx-b', wall('2026-02-10', '15:00', PARIS)) }));
    expect(codes(d)).toEqual(['contraception_month_not_reached']);
    expect(d.warnings.map((w) => w.code)).toContain('risk_change_restarts_sequence');
  });
});
