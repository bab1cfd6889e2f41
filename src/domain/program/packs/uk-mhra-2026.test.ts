import { describe, expect, it } from 'vitest';
import { date, type Instant } from '../../calendar/index.js';
import type { Decision } from '../decision.js';
import type { ProgramEvent } from '../events.js';
import type { Patient, ProgramCase } from '../program-case.js';
import {
  LONDON,
  aPppCase,
  aWomanOfChildbearingPotential,
  authorize,
  formSigned,
  pppPrescription,
  supervisedTest,
  supervisedTestFacts,
  wall,
} from './eu/ppp-testing.js';
import { decideProgramCase } from './index.js';
import { ukFirstCourse, ukRenewal } from './uk/uk-testing.js';

const FORM_2026 = 'uk_acknowledgement_of_risk_2026';
const FORM_2023 = 'uk_acknowledgement_of_risk_2023';
const codes = (d: Decision): string[] => d.unmet.map((u) => u.code);
const decide = (c: ProgramCase): Decision => decideProgramCase(c);
const london = (day: string, time = '15:00'): Instant => wall(day, time, LONDON);
const ukAuth = (events: ProgramEvent[], rxId: string, when: Instant, patient: Patient = aWomanOfChildbearingPotential()): Decision =>
  decide(aPppCase('UK', { patient, events, action: authorize(rxId, when) }));
const seventeen = aWomanOfChildbearingPotential({ birthDate: date('2008-06-01') });

describe('uk-mhra-2026: the pack in force from 2026-01-22', () => {
  it('judges an action on 2026-01-21 by uk-mhra-2023 and on 2026-01-22 by uk-mhra-2026, at London midnight', () => {
    const events = [...ukFirstCourse('2026-01-20', { form: FORM_2023 })];
    expect(ukAuth(events, 'rx-2026-01-20', london('2026-01-21', '23:59')).pack.id).toBe('uk-mhra-2023');
    const after = ukAuth(events, 'rx-2026-01-20', london('2026-01-22', '00:01'));
    expect(after.pack).toEqual({ id: 'uk-mhra-2026', version: '1.0.0', jurisdiction: 'UK', zone: LONDON });
    expect(after.outcome).toBe('allowed');
  });

  it('allows a complete first course with the revised form', () => {
    const d = ukAuth(ukFirstCourse('2026-02-05', { form: FORM_2026 }), 'rx-2026-02-05', london('2026-02-05'));
    expect(d.unmet).toEqual([]);
    expect(d.window?.lastDayToCollect).toBe('2026-02-11');
  });
});

describe('DECISION-ACTION-DATE at the switch', () => {
  it('judges a test by its specimen day in London, even when it is recorded after midnight', () => {
    const events = ukFirstCourse('2026-01-20', { form: FORM_2023 }).filter((e) => e.kind !== 'pregnancy_test' && e.kind !== 'prescription');
    const record = (collected: string, time: string): Decision =>
      decide(aPppCase('UK', { events, action: { kind: 'record_pregnancy_test', at: london('2026-01-22', '08:00'), test: supervisedTestFacts(collected, LONDON, { id: 'late', purpose: 'screening', time }) } }));
    expect(record('2026-01-21', '23:30').pack.id).toBe('uk-mhra-2023');
    expect(record('2026-01-22', '00:30').pack.id).toBe('uk-mhra-2026');
  });

  it('judges a prescription being written by its date', () => {
    const events = ukFirstCourse('2026-01-21', { form: FORM_2023 }).filter((e) => e.kind !== 'prescription');
    const write = (writtenOn: string): Decision =>
      decide(aPppCase('UK', { patient: seventeen, events, action: { kind: 'write_prescription', at: london('2026-01-21', '18:00'), prescription: { ...pppPrescription(writtenOn, { id: 'rx-new', quantity: 56 }) } } }));
    expect(write('2026-01-21').pack.id).toBe('uk-mhra-2023');
    expect(codes(write('2026-01-21'))).toEqual(['second_prescriber_agreement_missing']);
    expect(write('2026-01-22').pack.id).toBe('uk-mhra-2026');
  });
});

describe('UK1 (2026): the second prescriber is no longer needed', () => {
  it('needs no second prescriber for a 17-year-old whose first prescription is written on 2026-01-22', () => {
    expect(ukAuth(ukFirstCourse('2026-01-22', { form: FORM_2026 }), 'rx-2026-01-22', london('2026-01-22'), seventeen).outcome).toBe('allowed');
  });

  it('still needs it for a prescription written on 2026-01-21, even when authorized on 2026-01-22 (facts are judged by the pack of their date)', () => {
    const events = ukFirstCourse('2026-01-21', { form: FORM_2023 });
    expect(codes(ukAuth(events, 'rx-2026-01-21', london('2026-01-21'), seventeen))).toEqual(['second_prescriber_agreement_missing']);
    const d = ukAuth(events, 'rx-2026-01-21', london('2026-01-22'), seventeen);
    expect(d.pack.id).toBe('uk-mhra-2026');
    expect(codes(d)).toEqual(['second_prescriber_agreement_missing']);
  });

  it('needs no birth date any more', () => {
    const d = ukAuth(ukFirstCourse('2026-02-05', { form: FORM_2026 }), 'rx-2026-02-05', london('2026-02-05'), aWomanOfChildbearingPotential({ birthDate: undefined }));
    expect(d.outcome).toBe('allowed');
  });
});

describe('EU5 (2026): the revised Acknowledgement of Risk Form replaces the 2023 form', () => {
  it('does not accept the 2023 form for a course whose first prescription is on or after 2026-01-22', () => {
    const d = ukAuth(ukFirstCourse('2026-02-05', { form: FORM_2023 }), 'rx-2026-02-05', london('2026-02-05'));
    expect(codes(d)).toEqual(['acknowledgement_form_missing']);
    expect(d.unmet[0]?.staffMessage).toContain('revised Acknowledgement of Risk Form (2026)');
    expect(d.unmet[0]?.staffMessage).toContain('is not the form in force');
  });

  it('does not accept the revised form for a course that started under the 2023 pack', () => {
    expect(codes(ukAuth(ukFirstCourse('2026-01-15', { form: FORM_2026 }), 'rx-2026-01-15', london('2026-01-15')))).toEqual(['acknowledgement_form_missing']);
  });

  it('keeps the 2023 form valid for the renewals of a course spanning the switch', () => {
    const events = ukRenewal('2026-01-15', '2026-02-12', { form: FORM_2023 });
    const d = ukAuth(events, 'rx-2', london('2026-02-12'));
    expect(d.pack.id).toBe('uk-mhra-2026');
    expect(d.unmet).toEqual([]);
  });

  it('accepts the revised form countersigned by the prescriber on a later day', () => {
    const events = [...ukFirstCourse('2026-02-05', { form: FORM_2026 }).filter((e) => e.kind !== 'form_signed'), formSigned('2026-01-20', FORM_2026, ['patient']), formSigned('2026-02-05', FORM_2026, ['prescriber'])];
    expect(ukAuth(events, 'rx-2026-02-05', london('2026-02-05')).outcome).toBe('allowed');
  });
});

describe('EU2 and DECISION 5 in London across the 2026 clock changes', () => {
  it('closes at 23:59:59+01:00 when Day 7 is 2026-03-29 (clocks go forward)', () => {
    const events = ukFirstCourse('2026-03-23', { form: FORM_2026 });
    const allowed = ukAuth(events, 'rx-2026-03-23', london('2026-03-29', '23:59'));
    expect(allowed.window?.lastInstant).toBe('2026-03-29T23:59:59+01:00[Europe/London]');
    expect(codes(ukAuth(events, 'rx-2026-03-23', london('2026-03-30', '00:01')))).toEqual(['prescription_expired']);
  });

  it('closes at 23:59:59+00:00 when Day 7 is 2026-10-25 (clocks go back)', () => {
    const events = ukFirstCourse('2026-10-19', { form: FORM_2026 });
    const allowed = ukAuth(events, 'rx-2026-10-19', london('2026-10-25', '23:59'));
    expect(allowed.window?.lastInstant).toBe('2026-10-25T23:59:59+00:00[Europe/London]');
    expect(codes(ukAuth(events, 'rx-2026-10-19', london('2026-10-26', '00:01')))).toEqual(['prescription_expired']);
  });
});

describe('UK2 and UK3 still apply in 2026', () => {
  it('needs the in-person assessments before starting', () => {
    expect(codes(ukAuth(ukFirstCourse('2026-02-05', { form: FORM_2026, assessments: 'remote' }), 'rx-2026-02-05', london('2026-02-05')))).toEqual([
      'mental_health_assessment_not_in_person',
      'sexual_function_assessment_not_in_person',
    ]);
  });

  it('applies the contraception exemption with its warning', () => {
    const events: ProgramEvent[] = [
      ...ukFirstCourse('2026-02-05', { form: FORM_2026 }).filter((e) => e.kind !== 'contraception_started'),
      { id: 'ex', kind: 'contraception_exemption', on: date('2026-02-01'), reason: 'no male partner', agreedByPrescriber: true, agreedByPatient: true },
    ];
    const d = ukAuth(events, 'rx-2026-02-05', london('2026-02-05'));
    expect(d.outcome).toBe('allowed');
    expect(d.warnings.map((w) => w.code)).toEqual(['contraception_exemption_applied']);
  });
});

describe('a positive pregnancy test (2026)', () => {
  it('blocks the renewal of a course spanning the switch and its test', () => {
    const events = ukRenewal('2026-01-15', '2026-02-12', { form: FORM_2023, renewalTest: supervisedTest('2026-02-12', LONDON, { id: 'pos', result: 'positive' }) });
    expect(codes(ukAuth(events, 'rx-2', london('2026-02-12')))).toEqual(['positive_pregnancy_test', 'pregnancy_test_missing']);
    const record = decide(aPppCase('UK', { events: ukFirstCourse('2026-02-05', { form: FORM_2026 }), action: { kind: 'record_pregnancy_test', at: london('2026-02-06'), test: supervisedTestFacts('2026-02-06', LONDON, { id: 'p', result: 'positive' }) } }));
    expect(codes(record)).toEqual(['positive_pregnancy_test']);
    expect(record.pack.id).toBe('uk-mhra-2026');
  });

  it('keeps blocking an authorization of a recorded prescription after the positive test', () => {
    const events = [...ukFirstCourse('2026-02-05', { form: FORM_2026 }), supervisedTest('2026-02-05', LONDON, { id: 'pos', result: 'positive', time: '14:00' })];
    expect(codes(ukAuth(events, 'rx-2026-02-05', london('2026-02-05')))).toEqual(['positive_pregnancy_test', 'initial_pregnancy_test_missing']);
    expect(codes(ukAuth([...events, pppPrescription('2026-02-06', { id: 'rx-b' })], 'rx-b', london('2026-02-06')))).toContain('positive_pregnancy_test');
  });
});
