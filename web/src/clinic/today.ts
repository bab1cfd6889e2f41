import { z } from 'zod';
import type { CourseDetail } from './chart-data.js';

/** Today's date in `timeZone` (default: the browser's own), as YYYY-MM-DD. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(now);
}

const storedDecision = z.object({ pack: z.object({ zone: z.string() }) });

/**
 * The programme's time zone of the course (its days are counted there: New York for iPLEDGE),
 * from the decisions recorded on it; undefined before the first one.
 */
export function programmeZone(detail: CourseDetail): string | undefined {
  for (const recorded of detail.decisions) {
    const parsed = storedDecision.safeParse(recorded.decision);
    if (parsed.success) return parsed.data.pack.zone;
  }
  return undefined;
}

/** Today in the course's programme zone (the browser's when none is known yet). */
export function programmeToday(detail: CourseDetail, now: Date = new Date()): string {
  const zone = programmeZone(detail);
  try {
    return todayIn(zone, now);
  } catch {
    // a zone this browser does not know: its own day
    return todayIn(undefined, now);
  }
}
