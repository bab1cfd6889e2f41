import { describe, expect, it } from 'vitest';
import { date, type Instant } from '../../calendar/index.js';
import { DomainInputError } from '../../errors.js';
import type { Decision } from '../decision.js';
import type { EventOf, ProgramEvent } from '../events.js';
import type { Patient, ProgramCase } from '../program-case.js';
import type { RiskAssessment } from '../risk.js';
import {
  LONDON,
  aPatientNotOfChildbearingPotential,
  aPppCase,
  aWomanOfChildbearingPotential,
  assessmentsOn,
  authorize,
  dispenseAction,
  formSigned,
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
import { ageOn } from './uk/uk1-second-prescriber.js';
import { ukFirstCourse, ukRenewal } from './uk/uk-testing.js';

const FORM = 'uk_acknowledgement_of_risk_2023';
const codes = (d: Decision): string[] => d.unmet.map((u) => u.code);
const decide = (c: ProgramCase): Decision => decideProgramCase(c);
const without = (events: ProgramEvent[], id: string): ProgramEvent[] => events.filter((e) => e.id !== id);
const replace = (events: ProgramEvent[], id: string, next: ProgramEvent): ProgramEvent[] => events.map((e) => (e.id === id ? next : e));
const london = (day: string, time = '15:00'): Instant => wall(day, time, LONDON);
const ukAuth = (events: ProgramEvent[], rxId: string, when: Instant, patient: Patient = aWomanOfChildbearingPotential()): Decision =>
  decide(aPppCase('UK', { patient, events, action: authorize(rxId, when) }));
const first = (events = ukFirstCourse('2025-04-03'), when = london('2025-04-03'), patient?: Patient): Decision => ukAuth(events, 'rx-2025-04-03', when, patient);
const exemption = (on: string, overrides: Partial<EventOf<'contraception_exemption'>> = {}): EventOf<'contraception_exemption'> => ({
  id: `exemption-${on}`,
  kind: 'contraception_exemption',
  on: date(on),
  reason: 'same-sex relationship, no expected risk of pregnancy',
  agreedByPrescriber: true,
  agreedByPatient: true,
  ...overrides,
});

describe('uk-mhra-2023: the pack in force', () => {
  it('judges UK actions from 2023-10-31 to 2026-01-21 in the clinic zone', () => {
    const d = first();
    expect(d.pack).toEqual({ id: 'uk-mhra-2023', version: '1.0.0', jurisdiction: 'UK', zone: LONDON });
    expect(d.unmet).toEqual([]);
    expect(d.window?.lastInstant).toBe('2025-04-09T23:59:59+01:00[Europe/London]');
    const c = aPppCase('UK', { events: [], action: { kind: 'enroll', at: london('2023-10-30', '12:00'), prescriberId: 'derm-1' } });
    expect(() => decide(c)).toThrow(DomainInputError);
    expect(decide({ ...c, action: { kind: 'enroll', at: london('2023-10-31', '12:00'), prescriberId: 'derm-1' } }).pack.id).toBe('uk-mhra-2023');
  });

  it('closes the 7-day window at 23:59 London time, also on the fall-back day 2025-10-26', () => {
    const events = ukFirstCourse('2025-10-20');
    const judge = (day: string, time: string): Decision => ukAuth(events, 'rx-2025-10-20', london(day, time));
    expect(judge('2025-10-26', '23:59').window?.lastInstant).toBe('2025-10-26T23:59:59+00:00[Europe/London]');
    expect(codes(judge('2025-10-27', '00:01'))).toEqual(['prescription_expired']);
  });
});

describe('section 2, UK: tubal ligation or menopause confirmed by a health professional', () => {
  const notCbp = (risk: RiskAssessment): Decision =>
    ukAuth(
      [...pppStart('2025-03-03', FORM).filter((e) => e.kind !== 'material_given'), ...assessmentsOn('2025-04-03'), pppPrescription('2025-04-03', { quantity: 90 })],
      'rx-2025-04-03',
      london('2025-04-03'),
      aPatientNotOfChildbearingPotential({ risk }),
    );

  it('accepts tubal ligation confirmed by a health professional, with no test, contraception or 30-day limit', () => {
    expect(notCbp(notOfChildbearingPotential([{ kind: 'tubal_ligation' }], 'health_professional')).unmet).toEqual([]);
  });

  it('does not accept tubal ligation or menopause reported by the patient', () => {
    expect(codes(notCbp(notOfChildbearingPotential([{ kind: 'tubal_ligation' }], 'patient_report')))).toEqual(['risk_category_unconfirmed']);
    expect(codes(notCbp(notOfChildbearingPotential([{ kind: 'post_menopausal', consecutiveMonths: 30 }], 'patient_report')))).toEqual(['risk_category_unconfirmed']);
  });

  it('keeps the 24-month duration for menopause: 23 months is not enough, 24 is', () => {
    expect(codes(notCbp(notOfChildbearingPotential([{ kind: 'post_menopausal', consecutiveMonths: 23 }])))).toEqual(['risk_category_basis_insufficient']);
    expect(notCbp(notOfChildbearingPotential([{ kind: 'post_menopausal', consecutiveMonths: 24 }])).outcome).toBe('allowed');
  });

  it('still needs the Acknowledgement of Risk Form and the assessments for a patient not of childbearing potential', () => {
    const d = ukAuth([...pppStart('2025-03-03', FORM).filter((e) => e.kind !== 'form_signed'), pppPrescription('2025-04-03')], 'rx-2025-04-03', london('2025-04-03'), aPatientNotOfChildbearingPotential());
    expect(codes(d)).toEqual(['acknowledgement_form_missing', 'mental_health_assessment_missing', 'sexual_function_assessment_missing']);
  });
});

describe('EU1 in the UK: 30 days, with the 28-day formulary note', () => {
  const supply = (quantity: number): Decision => first(replace(ukFirstCourse('2025-04-03'), 'rx-2025-04-03', pppPrescription('2025-04-03', { quantity })));

  it('gives no warning for 28 days (56 x 20 mg at 40 mg/day)', () => {
    expect(supply(56).warnings).toEqual([]);
  });

  it('allows 29 and 30 days with the uk_formulary_28_days warning', () => {
    for (const quantity of [58, 60]) {
      const d = supply(quantity);
      expect(d.outcome).toBe('allowed');
      expect(d.warnings.map((w) => [w.code, w.ruleId])).toEqual([['uk_formulary_28_days', 'EU1']]);
    }
  });

  it('blocks 31 days', () => {
    expect(codes(supply(62))).toEqual(['days_of_treatment_over_30']);
  });
});

describe('EU3 and DECISION 4 in the UK', () => {
  it('counts a test 3 days before the prescription, not 4', () => {
    expect(first(ukFirstCourse('2025-04-03', { test: '2025-03-31' })).outcome).toBe('allowed');
    expect(codes(first(ukFirstCourse('2025-04-03', { test: '2025-03-30' })))).toEqual(['initial_pregnancy_test_missing']);
  });
});

describe('UK1 (2023): two independent prescribers for patients under 18', () => {
  const born = (birthDate: string | undefined): Patient => aWomanOfChildbearingPotential({ birthDate: birthDate === undefined ? undefined : date(birthDate) });
  const agreement = (prescriberId: string): ProgramEvent => ({ id: `agree-${prescriberId}`, kind: 'second_prescriber_agreement', on: date('2025-04-01'), prescriberId });

  it('computes age on the birthday: 18 on the 18th birthday, 17 the day before, 29 February counted on 1 March', () => {
    expect(ageOn(date('2007-04-03'), date('2025-04-03'))).toBe(18);
    expect(ageOn(date('2007-04-04'), date('2025-04-03'))).toBe(17);
    expect(ageOn(date('2008-02-29'), date('2026-02-28'))).toBe(17);
    expect(ageOn(date('2008-02-29'), date('2026-03-01'))).toBe(18);
  });

  it('needs no second prescriber on the 18th birthday, but needs one the day before', () => {
    expect(first(undefined, undefined, born('2007-04-03')).outcome).toBe('allowed');
    const d = first(undefined, undefined, born('2007-04-04'));
    expect(codes(d)).toEqual(['second_prescriber_agreement_missing']);
    expect(d.unmet[0]?.ruleId).toBe('UK1');
  });

  it('accepts the agreement of a second, independent prescriber and refuses the prescriber’s own', () => {
    expect(first([...ukFirstCourse('2025-04-03'), agreement('gp-1')], undefined, born('2007-04-04')).outcome).toBe('allowed');
    expect(codes(first([...ukFirstCourse('2025-04-03'), agreement('derm-1')], undefined, born('2007-04-04')))).toEqual(['second_prescriber_not_independent']);
  });

  it('blocks the initial prescription when the birth date is missing (DECISION 8)', () => {
    const d = first(undefined, undefined, born(undefined));
    expect(codes(d)).toEqual(['birth_date_missing']);
    expect(d.unmet[0]?.ruleId).toBe('DECISION-8');
  });

  it('asks nothing more at renewals', () => {
    expect(ukAuth(ukRenewal('2025-04-03', '2025-05-03'), 'rx-2', london('2025-05-03'), born('2008-01-01')).unmet).toEqual([]);
  });
});

describe('UK2: mental health and sexual function, before starting and during treatment', () => {
  it('needs both assessments in person before the initial prescription', () => {
    expect(codes(first(ukFirstCourse('2025-04-03', { assessments: 'none' })))).toEqual(['mental_health_assessment_missing', 'sexual_function_assessment_missing']);
    expect(codes(first(ukFirstCourse('2025-04-03', { assessments: 'remote' })))).toEqual(['mental_health_assessment_not_in_person', 'sexual_function_assessment_not_in_person']);
  });

  it('counts an assessment one calendar month before the prescription, not a day earlier', () => {
    const withAssessments = (on: string, rx = '2025-04-03'): Decision => first([...ukFirstCourse(rx, { assessments: 'none' }), ...assessmentsOn(on)].map((e) => e), london(rx));
    expect(withAssessments('2025-03-03').outcome).toBe('allowed');
    expect(codes(withAssessments('2025-03-02'))).toEqual(['mental_health_assessment_missing', 'sexual_function_assessment_missing']);
  });

  it('counts the month back from 31 March to 28 February', () => {
    const events = (on: string): ProgramEvent[] => [...ukFirstCourse('2025-03-31', { assessments: 'none' }), ...assessmentsOn(on)];
    expect(ukAuth(events('2025-02-28'), 'rx-2025-03-31', london('2025-03-31')).outcome).toBe('allowed');
    expect(codes(ukAuth(events('2025-02-27'), 'rx-2025-03-31', london('2025-03-31')))).toEqual(['mental_health_assessment_missing', 'sexual_function_assessment_missing']);
  });

  it('accepts remote assessments during treatment, and needs them within the month before each renewal', () => {
    expect(ukAuth(ukRenewal('2025-04-03', '2025-05-05'), 'rx-2', london('2025-05-05')).outcome).toBe('allowed');
    const stale = ukRenewal('2025-04-03', '2025-05-05').filter((e) => !(e.kind === 'assessment' && e.on.toString() === '2025-05-05'));
    expect(codes(ukAuth(stale, 'rx-2', london('2025-05-05')))).toEqual(['mental_health_assessment_missing', 'sexual_function_assessment_missing']);
  });

  it('needs the test before the first prescription in person, and a remote follow-up test with its supervision recorded', () => {
    const remoteFirst = replace(ukFirstCourse('2025-04-03'), 'test-2025-04-03', supervisedTest('2025-04-03', LONDON, { setting: 'home', homeEvidence: { readBy: 'nurse', readAt: london('2025-04-03', '09:05') } }));
    expect(codes(first(remoteFirst))).toEqual(['initial_pregnancy_test_missing', 'test_not_in_person']);
    const remote = (evidence: boolean): ProgramEvent =>
      supervisedTest('2025-05-03', LONDON, { id: 'test-renewal', setting: 'home', homeEvidence: evidence ? { readBy: 'nurse A. Smith (video)', readAt: london('2025-05-03', '09:10') } : { photoRef: 'p.jpg' } });
    expect(ukAuth(ukRenewal('2025-04-03', '2025-05-03', { renewalTest: remote(true) }), 'rx-2', london('2025-05-03')).outcome).toBe('allowed');
    expect(codes(ukAuth(ukRenewal('2025-04-03', '2025-05-03', { renewalTest: remote(false) }), 'rx-2', london('2025-05-03')))).toEqual(['pregnancy_test_missing', 'remote_test_supervision_missing']);
  });
});

describe('UK3: contraception exemption agreed by prescriber and patient', () => {
  const noContraception = (extra: ProgramEvent[]): ProgramEvent[] => [...ukFirstCourse('2025-04-03').filter((e) => e.kind !== 'contraception_started'), ...extra];

  it('replaces EU4 by a warning that says what is waived, and keeps the pregnancy tests', () => {
    const d = first(noContraception([exemption('2025-03-20')]));
    expect(d.outcome).toBe('allowed');
    expect(d.warnings.map((w) => [w.code, w.ruleId])).toEqual([['contraception_exemption_applied', 'UK3']]);
    expect(d.warnings[0]?.staffMessage).toContain('EU4 contraception (one month before, during and one month after treatment)');
    expect(d.warnings[0]?.staffMessage).toContain('Pregnancy tests are still required');
    const noTest = first(noContraception([exemption('2025-03-20')]).filter((e) => e.kind !== 'pregnancy_test'));
    expect(codes(noTest)).toEqual(['initial_pregnancy_test_missing']);
  });

  it('waives the month of contraception before the first test', () => {
    expect(first(noContraception([exemption('2025-04-03')])).outcome).toBe('allowed');
  });

  it('does not apply without both agreements or without a reason', () => {
    for (const bad of [{ agreedByPatient: false }, { agreedByPrescriber: false }, { reason: '   ' }]) {
      const d = first(noContraception([exemption('2025-03-20', bad)]));
      expect(codes(d)).toEqual(['contraception_not_in_use', 'contraception_exemption_incomplete', 'initial_pregnancy_test_missing']);
    }
  });

  it('stops applying when withdrawn: contraception is needed again', () => {
    const withdrawn = noContraception([exemption('2025-03-20'), exemption('2025-04-02', { agreedByPatient: false })]);
    expect(codes(first(withdrawn))).toContain('contraception_not_in_use');
  });

  it('replaces the month of contraception after the last dose by the warning, but not the final test', () => {
    const events = [...noContraception([exemption('2025-03-20')]), { id: 'last', kind: 'last_dose', on: date('2025-05-02') } as const];
    const d = decide(aPppCase('UK', { events, action: { kind: 'finish_course', at: london('2025-05-10') } }));
    expect(codes(d)).toEqual(['post_treatment_test_missing']);
    expect(d.warnings.map((w) => w.code)).toEqual(['contraception_exemption_applied']);
    expect(d.courseEnd?.contraceptionUntil).toBe('2025-06-02');
  });
});

describe('EU5 in the UK: the Acknowledgement of Risk Form of the pack', () => {
  it('needs the 2023 form signed by patient and prescriber; the EU form does not count', () => {
    expect(codes(first(without(ukFirstCourse('2025-04-03'), `form-${FORM}-2025-03-03`)))).toEqual(['acknowledgement_form_missing']);
    const euForm = [...without(ukFirstCourse('2025-04-03'), `form-${FORM}-2025-03-03`), formSigned('2025-03-03', 'eu_acknowledgement_form')];
    expect(first(euForm).unmet[0]?.staffMessage).toContain('is not the form in force');
  });

  it('needs the pharmacist checklist at the dispense', () => {
    const events = [...ukFirstCourse('2025-04-03'), pppAuthorization('rx-2025-04-03', london('2025-04-03'), '2025-04-09')];
    const judge = (done: boolean | undefined): Decision => decide(aPppCase('UK', { events, action: dispenseAction(pppDispense('auth-rx-2025-04-03', london('2025-04-04'), { pharmacistChecklistCompleted: done })) }));
    expect(judge(true).outcome).toBe('allowed');
    expect(codes(judge(undefined))).toEqual(['pharmacist_checklist_not_completed']);
  });
});

describe('a positive pregnancy test in the UK', () => {
  it('blocks the authorization and asks for a report to the MHRA', () => {
    const d = first([...ukFirstCourse('2025-04-03'), supervisedTest('2025-04-03', LONDON, { id: 'pos', result: 'positive', time: '12:00' })]);
    expect(codes(d)).toContain('positive_pregnancy_test');
    expect(d.nextSteps.find((s) => s.code === 'report_pregnancy')?.text).toContain('MHRA');
  });

  it('blocks recording the test itself and a dispense', () => {
    const record = decide(aPppCase('UK', { events: ukFirstCourse('2025-04-03'), action: { kind: 'record_pregnancy_test', at: london('2025-04-05'), test: supervisedTestFacts('2025-04-05', LONDON, { id: 'p', result: 'positive' }) } }));
    expect(codes(record)).toEqual(['positive_pregnancy_test']);
    const events = [...ukFirstCourse('2025-04-03'), pppAuthorization('rx-2025-04-03', london('2025-04-03'), '2025-04-09'), supervisedTest('2025-04-04', LONDON, { id: 'pos', result: 'positive', time: '08:00' })];
    expect(codes(decide(aPppCase('UK', { events, action: dispenseAction(pppDispense('auth-rx-2025-04-03', london('2025-04-04'))) })))).toEqual(['positive_pregnancy_test']);
  });
});
