import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, date, endOfDay } from '../../../calendar/index.js';
import type { Decision } from '../../decision.js';
import type { FormKind, ProgramEvent } from '../../events.js';
import type { Jurisdiction } from '../../jurisdiction.js';
import type { PregnancyTestFacts } from '../../pregnancy-tests.js';
import type { Patient, ProgramCase } from '../../program-case.js';
import { DomainInputError } from '../../../errors.js';
import { timelineOf } from '../../timeline.js';
import { decideProgramCase, planProgramCase } from '../index.js';
import { ukFirstCourse, ukRenewal } from '../uk/uk-testing.js';
import {
  LONDON,
  PARIS,
  ROME,
  aPatientNotOfChildbearingPotential,
  aPppClinic,
  aWomanOfChildbearingPotential,
  assessmentsOn,
  authorize,
  contraceptionFrom,
  dispenseAction,
  followPppPlan,
  pppAuthorization,
  pppDispense,
  pppPrescription,
  pppStart,
  supervisedTest,
  wall,
} from './ppp-testing.js';

const ZONE: Readonly<Record<Jurisdiction, string>> = { EU: PARIS, 'EU-FR': PARIS, 'EU-IT': ROME, UK: LONDON, US: 'America/New_York' };
const EU_FORM = 'eu_acknowledgement_form';

/** EU first course: test and prescription on 2026-02-05 after one month of contraception. */
function euFirst(j: Jurisdiction): ProgramEvent[] {
  return [...pppStart('2026-01-05', EU_FORM, { booklet: j === 'EU-FR' }), ...contraceptionFrom('2026-01-05'), supervisedTest('2026-02-05', ZONE[j], { id: 'q', purpose: 'screening' }), pppPrescription('2026-02-05')];
}
function euRenewal(j: Jurisdiction): ProgramEvent[] {
  return [
    ...euFirst(j),
    pppAuthorization('rx-2026-02-05', wall('2026-02-05', '15:00', ZONE[j]), '2026-02-11'),
    pppDispense('auth-rx-2026-02-05', wall('2026-02-06', '10:00', ZONE[j])),
    supervisedTest('2026-03-07', ZONE[j], { id: 'q2' }),
    pppPrescription('2026-03-07', { id: 'rx-2', prescriberId: 'gp-1' }),
  ];
}

interface Scenario {
  readonly jurisdiction: Jurisdiction;
  readonly patient: Patient;
  readonly events: ProgramEvent[];
  readonly action: (at: Temporal.Instant) => ProgramCase['action'];
  readonly start: Temporal.Instant;
}

const SCENARIOS: Readonly<Record<string, () => Scenario>> = {
  'eu-first': () => ({ jurisdiction: 'EU', patient: aWomanOfChildbearingPotential(), events: euFirst('EU'), action: (at) => authorize('rx-2026-02-05', at), start: wall('2026-02-05', '10:00', PARIS) }),
  'fr-first': () => ({ jurisdiction: 'EU-FR', patient: aWomanOfChildbearingPotential(), events: euFirst('EU-FR'), action: (at) => authorize('rx-2026-02-05', at), start: wall('2026-02-05', '10:00', PARIS) }),
  'it-renewal': () => ({ jurisdiction: 'EU-IT', patient: aWomanOfChildbearingPotential(), events: euRenewal('EU-IT'), action: (at) => authorize('rx-2', at), start: wall('2026-03-07', '10:00', ROME) }),
  'eu-dispense': () => ({
    jurisdiction: 'EU',
    patient: aWomanOfChildbearingPotential(),
    events: [...euFirst('EU'), pppAuthorization('rx-2026-02-05', wall('2026-02-05', '09:30', PARIS), '2026-02-11')],
    action: (at) => dispenseAction(pppDispense('auth-rx-2026-02-05', at)),
    start: wall('2026-02-05', '10:00', PARIS),
  }),
  'uk23-first': () => ({ jurisdiction: 'UK', patient: aWomanOfChildbearingPotential({ birthDate: date('2007-06-01') }), events: ukFirstCourse('2025-04-03').map((e) => (e.kind === 'pregnancy_test' ? { ...e, id: 'q' } : e)), action: (at) => authorize('rx-2025-04-03', at), start: wall('2025-04-03', '10:00', LONDON) }),
  'uk26-renewal': () => ({ jurisdiction: 'UK', patient: aWomanOfChildbearingPotential(), events: ukRenewal('2026-01-15', '2026-02-12').map((e) => (e.id === 'test-renewal' ? { ...e, id: 'q2' } : e)), action: (at) => authorize('rx-2', at), start: wall('2026-02-12', '10:00', LONDON) }),
  'eu-not-cbp': () => ({ jurisdiction: 'EU', patient: aPatientNotOfChildbearingPotential(), events: [...pppStart('2026-01-05', EU_FORM), pppPrescription('2026-02-05', { quantity: 90 })], action: (at) => authorize('rx-2026-02-05', at), start: wall('2026-02-05', '10:00', PARIS) }),
};

const caseArb = fc
  .record({
    scenario: fc.constantFrom(...Object.keys(SCENARIOS)),
    drop: fc.array(fc.integer({ min: 0, max: 11 }).map((n) => n === 0), { minLength: 30, maxLength: 30 }),
    setting: fc.constantFrom<PregnancyTestFacts['setting']>('clia_lab', 'medical_setting', 'home'),
    result: fc.constantFrom<PregnancyTestFacts['result']>('negative', 'negative', 'negative', 'positive', 'unknown', 'invalid'),
    sensitivity: fc.constantFrom(undefined, 20, 25, 26),
    shiftMinutes: fc.integer({ min: 0, max: 9 * 24 * 60 }),
  })
  .map((r): ProgramCase => {
    const s = (SCENARIOS[r.scenario] ?? SCENARIOS['eu-first'])?.();
    if (s === undefined) throw new Error('unknown scenario');
    const alter = (e: ProgramEvent): ProgramEvent =>
      e.kind === 'pregnancy_test' && (e.id === 'q' || e.id === 'q2') ? { ...e, setting: r.setting, result: r.result, sensitivityMiuPerMl: r.sensitivity } : e;
    const keep = (e: ProgramEvent, i: number): boolean => !(r.drop[i] ?? false) || e.kind === 'prescription' || e.kind === 'authorization_issued';
    return { jurisdiction: s.jurisdiction, clinic: aPppClinic(ZONE[s.jurisdiction]), patient: s.patient, events: s.events.filter(keep).map(alter), action: s.action(s.start.add({ minutes: r.shiftMinutes })) };
  });

function judge(c: ProgramCase): Decision | undefined {
  try {
    return decideProgramCase(c);
  } catch (error) {
    if (error instanceof DomainInputError) return undefined; // a dropped fact broke a reference: not a case
    throw error;
  }
}

describe('EU and UK packs: properties', () => {
  it('never lists an unmet requirement in an allowed decision, and gives every allowed authorization its 7-day window', () => {
    const seen = { allowed: 0, blocked: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const d = judge(c);
        if (d === undefined) return;
        expect(d.outcome === 'allowed').toBe(d.unmet.length === 0);
        expect(d.unmet.every((u) => u.ruleId.length > 0 && u.staffMessage.length > 0 && u.patientMessage.length > 0)).toBe(true);
        if (d.outcome === 'allowed' && c.action.kind === 'issue_authorization') {
          const { prescriptionId } = c.action;
          const rx = c.events.find((e) => e.kind === 'prescription' && e.id === prescriptionId);
          expect(d.window?.lastDayToCollect).toBe(rx?.kind === 'prescription' ? addDays(rx.writtenOn, 6).toString() : 'none');
          expect(Temporal.Instant.compare(c.action.at, endOfDay(date(d.window?.lastDayToCollect ?? '1970-01-01'), c.clinic.timeZone))).toBeLessThanOrEqual(0);
        }
        if (d.outcome === 'blocked') expect(d.window).toBeUndefined();
        seen[d.outcome] += 1;
      }),
      { numRuns: 400 },
    );
    expect(seen.allowed).toBeGreaterThan(20);
    expect(seen.blocked).toBeGreaterThan(20);
  });

  it('allows no prescription, authorization or dispense after a positive test until the course is stopped or the patient re-qualified', () => {
    let judged = 0;
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 60 * 24 * 60 }), fc.boolean(), fc.boolean(), (c, minutesBefore, laterNegative, asPrescription) => {
        const positiveAt = c.action.at.subtract({ minutes: minutesBefore + 1 });
        const positive: ProgramEvent = { ...supervisedTest('2026-01-01', c.clinic.timeZone, { id: 'positive', result: 'positive' }), collectedAt: positiveAt };
        const negative: ProgramEvent = { ...supervisedTest('2026-01-01', c.clinic.timeZone, { id: 'after' }), collectedAt: c.action.at.subtract({ seconds: 30 }) };
        const events = [...c.events, positive, ...(laterNegative ? [negative] : [])];
        const day = c.action.at.toZonedDateTimeISO(c.clinic.timeZone).toPlainDate().toString();
        const action: ProgramCase['action'] = asPrescription ? { kind: 'write_prescription', at: c.action.at, prescription: { ...pppPrescription(day, { id: 'rx-new' }) } } : c.action;
        const d = judge({ ...c, events, action });
        if (d === undefined) return;
        expect(d.outcome).toBe('blocked');
        expect(d.unmet.map((u) => u.code)).toContain('positive_pregnancy_test');
        expect(d.window).toBeUndefined();
        judged += 1;
      }),
      { numRuns: 300 },
    );
    expect(judged).toBeGreaterThan(150);
  });

  it('allows the authorization and the dispense of a feasible plan once its dated steps are followed', () => {
    let followed = 0;
    const stateArb = fc.record({
      jurisdiction: fc.constantFrom<Jurisdiction>('EU', 'EU-FR', 'EU-IT', 'UK'),
      childbearing: fc.boolean(),
      progress: fc.constantFrom('enrolled', 'contraception', 'tested', 'treated'),
      nowOffset: fc.integer({ min: 0, max: 60 }),
      intendedOffset: fc.integer({ min: 0, max: 45 }),
    });
    fc.assert(
      fc.property(stateArb, (s) => {
        const zone = ZONE[s.jurisdiction];
        const form: FormKind = s.jurisdiction === 'UK' ? 'uk_acknowledgement_of_risk_2026' : EU_FORM;
        const patient = s.childbearing ? aWomanOfChildbearingPotential() : aPatientNotOfChildbearingPotential();
        const nowDay = addDays(date('2026-02-01'), s.nowOffset);
        const now = wall(nowDay.toString(), '07:00', zone);
        const start = [...pppStart('2026-02-01', form, { booklet: true }), ...assessmentsOn(nowDay.toString())];
        const events: ProgramEvent[] = {
          enrolled: start,
          contraception: [...start, ...contraceptionFrom('2026-02-01')],
          tested: [...start, ...contraceptionFrom('2026-02-01'), supervisedTest('2026-03-01', zone, { id: 'recorded' })],
          treated: [
            ...start,
            ...contraceptionFrom('2026-02-01'),
            supervisedTest('2026-03-01', zone, { id: 'recorded' }),
            pppPrescription('2026-03-01', { quantity: 56 }),
            pppAuthorization('rx-2026-03-01', wall('2026-03-01', '12:00', zone), '2026-03-07'),
            pppDispense('auth-rx-2026-03-01', wall('2026-03-01', '13:00', zone), { quantity: 56 }),
          ],
        }[s.progress];
        const all = { jurisdiction: s.jurisdiction, clinic: aPppClinic(zone), patient, events };
        const known = timelineOf({ ...all, action: { kind: 'finish_course', at: now } }).events;
        const base = { ...all, events: [...known] };
        const intended = addDays(nowDay, s.intendedOffset);
        const answer = planProgramCase({ ...base, request: { kind: 'pickup', at: now, intendedPickup: intended, pharmacyId: 'ph-eu' } });
        if (answer.kind !== 'pickup_plan' || answer.plannedPickup === undefined || answer.obstacles.length > 0) return;
        const day = answer.plannedPickup;
        const done = followPppPlan(zone, base.events, answer.steps, { prescriberId: 'derm-1', form });
        const rx = done.prescriptionId ?? [...base.events].reverse().find((e) => e.kind === 'prescription')?.id ?? 'none';
        const authorized = decideProgramCase({ ...base, events: done.events, action: authorize(rx, wall(day, '18:00', zone)) });
        expect(authorized.unmet).toEqual([]);
        const withAuth = [...done.events, pppAuthorization(rx, wall(day, '18:00', zone), authorized.window?.lastDayToCollect ?? day, 'auth-followed')];
        const dispensed = decideProgramCase({ ...base, events: withAuth, action: dispenseAction(pppDispense('auth-followed', wall(day, '18:30', zone), { id: 'd-followed' })) });
        expect(dispensed.unmet).toEqual([]);
        if (answer.feasible) expect(day).toBe(intended.toString());
        followed += 1;
      }),
      { numRuns: 200 },
    );
    expect(followed).toBeGreaterThan(80);
  });
});
