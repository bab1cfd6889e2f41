import { Temporal } from 'temporal-polyfill';
import { isValidTimeZone } from '../calendar/index.js';
import type { ProgramEvent } from './events.js';
import type { InputIssue } from './packs/pack.js';
import { PREGNANCY_TEST_LOINC, type PregnancyTestFacts } from './pregnancy-tests.js';
import type { ProgramCase } from './program-case.js';

function loincIssue(test: Pick<PregnancyTestFacts, 'loinc' | 'specimen'>, field: string): InputIssue | undefined {
  if (test.loinc === undefined) return undefined;
  const kind = PREGNANCY_TEST_LOINC[test.loinc];
  if (kind === undefined) {
    return { code: 'unknown_loinc_code', field, message: `${test.loinc} is not an hCG pregnancy-test LOINC code this engine knows` };
  }
  if (kind !== test.specimen) {
    return { code: 'loinc_kind_mismatch', field, message: `LOINC ${test.loinc} is a ${kind} test but the test is recorded as ${test.specimen}` };
  }
  return undefined;
}

function referenceIssues(events: readonly ProgramEvent[], kindsById: ReadonlyMap<string, string>): InputIssue[] {
  const issues: InputIssue[] = [];
  const expect = (id: string, kind: string, field: string): void => {
    if (kindsById.get(id) !== kind) issues.push({ code: 'unknown_reference', field, message: `no ${kind} event with id "${id}"` });
  };
  events.forEach((event, i) => {
    if (event.kind === 'authorization_issued') expect(event.prescriptionId, 'prescription', `events.${i}.prescriptionId`);
    if (event.kind === 'authorization_reversed') expect(event.authorizationId, 'authorization_issued', `events.${i}.authorizationId`);
    if (event.kind === 'dispense') expect(event.authorizationId, 'authorization_issued', `events.${i}.authorizationId`);
    if (event.kind === 'pregnancy_test') {
      const issue = loincIssue(event, `events.${i}.loinc`);
      if (issue !== undefined) issues.push(issue);
    }
  });
  return issues;
}

/**
 * Input checks shared by every pack: things the engine cannot judge (an unknown LOINC code, a
 * reference to an event that does not exist, a duplicate id, an invalid zone). Unmet rules are
 * never reported here: they are decisions.
 */
export function validateCase(programCase: ProgramCase): InputIssue[] {
  const issues: InputIssue[] = [];
  if (!isValidTimeZone(programCase.clinic.timeZone)) {
    issues.push({ code: 'invalid_time_zone', field: 'clinic.timeZone', message: `${programCase.clinic.timeZone} is not an IANA time zone` });
  }
  const kindsById = new Map<string, string>();
  programCase.events.forEach((event, i) => {
    if (kindsById.has(event.id)) issues.push({ code: 'duplicate_event_id', field: `events.${i}.id`, message: `id "${event.id}" is used twice` });
    kindsById.set(event.id, event.kind);
  });
  issues.push(...referenceIssues(programCase.events, kindsById));
  const action = programCase.action;
  const newId = (id: string, field: string): void => {
    if (kindsById.has(id)) issues.push({ code: 'duplicate_event_id', field, message: `id "${id}" is already used by an event` });
  };
  switch (action.kind) {
    case 'record_pregnancy_test': {
      newId(action.test.id, 'action.test.id');
      const issue = loincIssue(action.test, 'action.test.loinc');
      if (issue !== undefined) issues.push(issue);
      if (Temporal.Instant.compare(action.test.collectedAt, action.at) > 0) {
        issues.push({ code: 'test_collected_after_action', field: 'action.test.collectedAt', message: 'a test cannot be recorded before its specimen is collected' });
      }
      break;
    }
    case 'write_prescription':
      newId(action.prescription.id, 'action.prescription.id');
      break;
    case 'issue_authorization':
      if (kindsById.get(action.prescriptionId) !== 'prescription') {
        issues.push({ code: 'unknown_reference', field: 'action.prescriptionId', message: `no prescription event with id "${action.prescriptionId}"` });
      }
      break;
    case 'dispense':
      newId(action.dispense.id, 'action.dispense.id');
      if (kindsById.get(action.dispense.authorizationId) !== 'authorization_issued') {
        issues.push({
          code: 'unknown_reference',
          field: 'action.dispense.authorizationId',
          message: `no authorization_issued event with id "${action.dispense.authorizationId}"`,
        });
      }
      break;
    case 'enroll':
    case 'start_course':
    case 'finish_course':
      break;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
  return issues;
}
