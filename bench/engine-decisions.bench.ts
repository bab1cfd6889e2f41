// Engine decisions per second, in-process: an authorization decision over a full course history
// (enrollment, screening and confirmation, five monthly cycles of test, questions, prescription,
// authorization and dispense, then the sixth month's authorization).
// Ceiling in the same run: JSON.parse of the same case's wire form, the least any server must do
// to receive a case. Run: npx tsx bench/engine-decisions.bench.ts [seconds]
import { programCaseSchema } from '../src/contracts/program-case.js';
import { addMonths, date } from '../src/domain/calendar/index.js';
import { decideProgramCase, type ProgramCase, type ProgramEvent } from '../src/domain/program/index.js';
import {
  aUsCase,
  at,
  authorization,
  dispenseEvent,
  firstCourseEvents,
  issueAuthorization,
  prescription,
  pregnancyTest,
  questions,
} from '../src/domain/program/testing.js';
import { fmt, measureRate, report } from './lib.js';

const seconds = Number(process.argv[2] ?? '3');

function fullHistory(): ProgramCase {
  const events: ProgramEvent[] = [...firstCourseEvents('2026-01-05', '2026-02-05')];
  let day = date('2026-02-05');
  events.push(authorization('rx-2026-02-05', at('2026-02-05', '15:00'), '2026-02-11'));
  events.push(dispenseEvent('auth-rx-2026-02-05', at('2026-02-06', '12:00')));
  events.push({ id: 'first-dose', kind: 'first_dose', on: date('2026-02-06') });
  for (let month = 1; month <= 5; month += 1) {
    day = addMonths(date('2026-02-05'), month);
    const d = day.toString();
    events.push(pregnancyTest(d, { purpose: 'monthly' }), questions(d), prescription(d));
    if (month < 5) {
      events.push(authorization(`rx-${d}`, at(d, '15:00'), day.add({ days: 6 }).toString()));
      events.push(dispenseEvent(`auth-rx-${d}`, at(d, '18:00')));
    }
  }
  return aUsCase({ events, action: issueAuthorization(`rx-${day.toString()}`, at(day.toString(), '16:00')) });
}

const programCase = fullHistory();
const first = decideProgramCase(programCase);
if (first.outcome !== 'allowed') {
  console.error('benchmark case is not allowed:', first.unmet.map((u) => u.code).join(', '));
  process.exit(1);
}
const wire = JSON.stringify(programCase);

const decisions = measureRate(() => {
  decideProgramCase(programCase);
}, seconds);
const withParse = measureRate(() => {
  decideProgramCase(programCaseSchema.parse(JSON.parse(wire)));
}, seconds);
const ceiling = measureRate(() => {
  JSON.parse(wire);
}, seconds);

report(`engine: authorization decision over a full course history (${programCase.events.length} events)`, [
  ['decisions/s (parsed case)', fmt(decisions.perSecond)],
  ['decisions/s (from JSON: parse + validate + decide)', fmt(withParse.perSecond)],
  ['ceiling: JSON.parse of the case/s', fmt(ceiling.perSecond)],
  ['ratio decisions-from-JSON / ceiling', `${fmt((withParse.perSecond / ceiling.perSecond) * 100, 1)} %`],
  ['mean time per decision from JSON', `${fmt(1000 / withParse.perSecond, 3)} ms`],
]);
