import type { IsoDate } from '../program/index.js';
import type { CourseWork } from './course-work.js';
import { byDeadline, timingOf, type Timing, type WorkItem } from './work-items.js';

/** One thing the patient should know or do, in plain language, with its deadline. */
export interface PatientTask {
  readonly code: string;
  readonly ruleId: string;
  readonly text: string;
  readonly from?: IsoDate | undefined;
  readonly by?: IsoDate | undefined;
  readonly timing: Timing;
}

const TIMING_ORDER: Readonly<Record<Timing, number>> = { overdue: 0, due: 1, upcoming: 2 };

/**
 * The patient's "what to do next and by when": every dated item of the course in the patient's
 * words, then, when the next authorization is blocked, each unmet requirement's patient message
 * (with its earliest day and the deadline of its step) and the steps addressed to the patient.
 * Overdue first, then due, then upcoming; earliest deadline first inside each group.
 */
export function patientTasks(work: CourseWork): PatientTask[] {
  const items: WorkItem[] = [...work.overdue, ...work.due, ...work.upcoming];
  const decision = work.nextAuthorization?.decision;
  if (decision !== undefined && decision.outcome === 'blocked') {
    for (const u of decision.unmet) {
      const step = decision.nextSteps.find((s) => s.code === u.code);
      items.push({ code: u.code, ruleId: u.ruleId, who: step?.who ?? 'clinic', staffText: u.staffMessage, patientText: u.patientMessage, from: u.earliestDate ?? step?.from, by: step?.by });
    }
    for (const s of decision.nextSteps) {
      if (s.who !== 'patient' || decision.unmet.some((u) => u.code === s.code)) continue;
      items.push({ code: s.code, ruleId: s.ruleId, who: s.who, staffText: s.text, patientText: s.text, from: s.from, by: s.by });
    }
  }
  const seen = new Set<string>();
  const tasks: PatientTask[] = [];
  for (const item of [...items].sort(byDeadline)) {
    const key = `${item.code}\u0000${item.patientText}`;
    if (seen.has(key)) continue;
    seen.add(key);
    tasks.push({ code: item.code, ruleId: item.ruleId, text: item.patientText, from: item.from, by: item.by, timing: timingOf(item, work.today) });
  }
  return tasks.sort((a, b) => TIMING_ORDER[a.timing] - TIMING_ORDER[b.timing]);
}
