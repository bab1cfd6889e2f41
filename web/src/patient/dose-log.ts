/** Pure logic of the dose log: what is logged for a day, and the counts of a month. */

export interface DoseFactLike {
  readonly kind: string;
  readonly effectiveOn: string | null;
  readonly valueText: string | null;
  readonly data: unknown;
}

export type DoseState = 'taken' | 'missed';

const doseIndexOf = (data: unknown): number => {
  if (typeof data === 'object' && data !== null && 'doseIndex' in data && typeof data.doseIndex === 'number') return data.doseIndex;
  return 1;
};

const stateOf = (fact: DoseFactLike): DoseState | undefined => (fact.valueText === 'taken' ? 'taken' : fact.valueText === 'missed' ? 'missed' : undefined);

/** What is logged for the first dose of `day`, if anything (a day and dose index is logged once). */
export function loggedOn(facts: readonly DoseFactLike[], day: string): DoseState | undefined {
  const fact = facts.find((f) => f.kind === 'dose' && f.effectiveOn === day && doseIndexOf(f.data) === 1);
  return fact === undefined ? undefined : stateOf(fact);
}

/** Doses taken and missed in the calendar month of `today`. */
export function monthCounts(facts: readonly DoseFactLike[], today: string): { taken: number; missed: number } {
  const month = today.slice(0, 7);
  let taken = 0;
  let missed = 0;
  for (const fact of facts) {
    if (fact.kind !== 'dose' || fact.effectiveOn?.slice(0, 7) !== month) continue;
    const state = stateOf(fact);
    if (state === 'taken') taken += 1;
    else if (state === 'missed') missed += 1;
  }
  return { taken, missed };
}

/** The daily dose of the latest prescription (by the day it was written), if there is one. */
export function currentDailyMg(prescriptions: ReadonlyArray<{ readonly writtenOn: string; readonly dailyMg: number }>): number | undefined {
  const latest = [...prescriptions].sort((a, b) => a.writtenOn.localeCompare(b.writtenOn)).at(-1);
  return latest?.dailyMg;
}
