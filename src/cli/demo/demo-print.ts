import type { DemoLogin } from './demo-people.js';
import type { DemoCourse } from './demo-us.js';

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** What the demo prints: where it went, the courses it laid out, and the logins. */
export function printDemo(jurisdiction: string, where: string, logins: readonly DemoLogin[], courses: readonly DemoCourse[]): string {
  return [
    `isocourse demo: created a ${jurisdiction} demo clinic in ${where}.`,
    '',
    'Courses (one in each state):',
    table(
      ['patient', 'risk category', 'state'],
      courses.map((c) => [c.patient, c.riskCategory.replaceAll('_', ' '), c.state]),
    ),
    '',
    'Demo logins (sign in at http://127.0.0.1:3000 once the server runs):',
    table(
      ['role', 'name', 'e-mail', 'password', 'sees'],
      logins.map((l) => [l.role, l.name, l.email, l.password, l.note]),
    ),
    '',
    'Start the server with the same DATA_DIR or DATABASE_URL: npm start',
    '(the embedded database allows one process at a time, so run the demo first, then the server).',
    '',
  ].join('\n');
}
