import { Temporal } from 'temporal-polyfill';
import { maxDate, startOfDay } from '../../../calendar/index.js';
import type { Findings } from '../../findings.js';
import { eventsOf } from '../../timeline.js';
import type { TestOutcome, UsState } from './us-state.js';

/**
 * US6: the comprehension questions answered all correctly on or after the qualifying test's day;
 * an unanswered item blocks as missing data (DECISION 8). Without a qualifying test, the
 * questions are due after the next test.
 */
export function checkQuestions(state: UsState, f: Findings, outcome: TestOutcome): void {
  const from = outcome.q === undefined ? outcome.nextTestFrom : outcome.q.day;
  const start = startOfDay(from, state.programCase.clinic.timeZone);
  const inWindow =
    outcome.q === undefined
      ? []
      : eventsOf(state.timeline, 'comprehension_questions').filter((q) => Temporal.Instant.compare(q.at, start) >= 0);
  if (inWindow.some((q) => q.items.length > 0 && q.items.every((i) => i.answer === 'correct'))) return;
  const latest = inWindow[inWindow.length - 1];
  const earliest = maxDate(from, state.clinicDay);
  const step = { who: 'patient' as const, text: 'Answer the iPLEDGE comprehension questions.', from: earliest.toString() };
  if (latest !== undefined && latest.items.some((i) => i.answer === 'unanswered')) {
    f.require({
      code: 'comprehension_questions_unanswered',
      ruleId: 'DECISION-8',
      staff: 'Some comprehension questions are unanswered; an unanswered item blocks.',
      patient: 'Please answer every comprehension question.',
      earliest,
      step,
    });
  } else if (latest !== undefined && latest.items.length > 0) {
    f.require({
      code: 'comprehension_questions_incorrect',
      ruleId: 'US6',
      staff: 'The comprehension questions were not all answered correctly.',
      patient: 'Some answers were not correct; please review the material and answer again.',
      earliest,
      step,
    });
  } else {
    f.require({
      code: 'comprehension_questions_not_done',
      ruleId: 'US6',
      staff: 'The patient has not answered this month’s comprehension questions (after the qualifying test).',
      patient: 'Please answer this month’s comprehension questions.',
      earliest,
      step,
    });
  }
}

