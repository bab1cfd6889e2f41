import { Temporal } from 'temporal-polyfill';
import { compareDates, localDateOf } from '../../../calendar/index.js';
import { protectedSince } from '../../contraception-coverage.js';
import type { EventOf } from '../../events.js';
import type { Findings } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import { usTwoMethods } from './us-methods.js';
import { testDay, type TestEvent, type UsState } from './us-state.js';

type Authorization = EventOf<'authorization_issued'>;

/**
 * What the authorization was issued on must still hold when the drug is handed over, for a patient
 * who can get pregnant: the authorization judged the facts at its own instant, the dispense is
 * later. These checks close the gap between the two (review of the US packs).
 */
export function checkQualificationStillHolds(state: UsState, f: Findings, authorization: Authorization): void {
  if (state.risk.category !== 'can_get_pregnant') return;
  checkQualificationUnused(state, f, authorization);
  checkMethodsSinceAuthorization(state, f, authorization);
  checkPositiveSinceAuthorization(state, f, authorization);
}

/**
 * US6 (a negative test before every prescription) and US1 (30 days at most): one negative test
 * qualifies one dispense. Any other dispense after this authorization was issued used the same
 * qualification (the engine never issues an authorization on a test older than the last dispense),
 * so a second one would hand over a second 30-day supply on a single test.
 */
function checkQualificationUnused(state: UsState, f: Findings, authorization: Authorization): void {
  const since = eventsOf(state.timeline, 'dispense').filter(
    (d) => d.authorizationId !== authorization.id && Temporal.Instant.compare(d.at, authorization.at) > 0,
  );
  for (const other of since) {
    f.require({
      code: 'qualifying_test_already_used',
      ruleId: 'US6',
      staff: `Dispense ${other.id} (authorization ${other.authorizationId}) happened after authorization ${authorization.id} was issued: the negative test that qualified both has been used; a new test is needed before another dispense.`,
      patient: 'This month’s pregnancy test has already been used for a dispense; a new test is needed.',
      earliest: state.clinicDay,
      step: { who: 'pharmacy', text: `Reverse authorization ${authorization.id} and return the stock.`, from: state.actionDay.toString() },
    });
  }
}

/** US5: two methods in use on the dispense day, without a gap since the authorization's day. */
function checkMethodsSinceAuthorization(state: UsState, f: Findings, authorization: Authorization): void {
  const since = protectedSince(state.timeline, state.clinicDay, usTwoMethods);
  const authorizedOn = localDateOf(authorization.at, state.programCase.clinic.timeZone);
  if (since === undefined) {
    f.require({
      code: 'two_methods_not_in_use',
      ruleId: 'US5',
      staff: 'The patient is not using two methods of contraception (one primary) nor committed to abstinence today; the drug cannot be handed over.',
      patient: 'You must be using two methods of birth control to receive isotretinoin.',
      earliest: state.clinicDay,
      step: { who: 'patient', text: 'Resume two methods of contraception; the clinic decides on a new test.', from: state.clinicDay.toString() },
    });
  } else if (compareDates(since, authorizedOn) > 0) {
    f.require({
      code: 'two_methods_interrupted',
      ruleId: 'US5',
      staff: `Two methods have only been in use since ${since.toString()}, after authorization ${authorization.id} of ${authorizedOn.toString()}: reverse it; a new negative test is needed.`,
      patient: 'Your birth control was interrupted after your prescription was authorized; a new pregnancy test is needed.',
      earliest: state.clinicDay,
      step: { who: 'pharmacy', text: `Reverse authorization ${authorization.id}.`, from: state.actionDay.toString() },
    });
  }
}

/**
 * US14: every authorization open at a positive test is blocked and reversed. A re-qualification
 * lifts the block for what follows it, never for an authorization issued before it: that one was
 * issued on tests that no longer count. Positives still blocking are reported by
 * `checkPositiveTests` already.
 */
function checkPositiveSinceAuthorization(state: UsState, f: Findings, authorization: Authorization): void {
  const stillBlocking = new Set(state.blockingPositives.map((t) => t.id));
  const overtaking = state.tests.filter(
    (t) => t.result === 'positive' && !stillBlocking.has(t.id) && !clearedBeforeAuthorization(state, t, authorization),
  );
  for (const positive of overtaking) {
    f.require({
      code: 'authorization_open_at_positive_test',
      ruleId: 'US14',
      staff: `Authorization ${authorization.id} was issued before positive pregnancy test ${positive.id} (${testDay(positive, state.programCase.clinic.timeZone).toString()}) was cleared; it must be reversed, never dispensed. A new authorization follows the re-qualification.`,
      patient: 'This authorization was cancelled by a positive pregnancy test; your clinic will tell you what happens next.',
      step: { who: 'pharmacy', text: `Reverse authorization ${authorization.id} and return the stock.`, from: state.actionDay.toString() },
    });
  }
}

/** Was the positive test collected and cleared (re-qualification or course stop) before the authorization? */
function clearedBeforeAuthorization(state: UsState, positive: TestEvent, authorization: Authorization): boolean {
  if (Temporal.Instant.compare(positive.collectedAt, authorization.at) > 0) return false;
  const zone = state.programCase.clinic.timeZone;
  const positiveDay = testDay(positive, zone);
  const authorizedOn = localDateOf(authorization.at, zone);
  const requalified = eventsOf(state.timeline, 'requalified').some(
    (r) => Temporal.Instant.compare(r.at, positive.collectedAt) >= 0 && Temporal.Instant.compare(r.at, authorization.at) <= 0,
  );
  const stopped = eventsOf(state.timeline, 'course_stopped').some(
    (s) => compareDates(s.on, positiveDay) >= 0 && compareDates(s.on, authorizedOn) <= 0,
  );
  return requalified || stopped;
}
