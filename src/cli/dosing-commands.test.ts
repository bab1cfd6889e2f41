import { describe, expect, it } from 'vitest';
import { cumulativeCommand, doseCommand, planCommand } from './dosing-commands.js';
import { runJsonCommand, type CommandIo, type JsonCommand } from './json-command.js';
import { jsonCommands } from './registry.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(command: JsonCommand, input: unknown, args: readonly string[] = ['--json']): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    readStdin: () => Promise.resolve(typeof input === 'string' ? input : JSON.stringify(input)),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const code = await runJsonCommand(command, args, io);
  return { code, stdout, stderr };
}

describe('isocourse dose', () => {
  it('prints the daily dose, capsules, mg/kg/day and warnings as JSON', async () => {
    const result = await run(doseCommand, { weightKg: 65, mgPerKgPerDay: 1, product: 'us-generic' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      product: 'us-generic',
      requestedMgPerDay: 65,
      mgPerDay: 60,
      capsules: [40, 20],
      actualMgPerKgPerDay: 0.92,
      warnings: [
        { code: 'dose_not_exact', ruleId: 'DOSE-NEAREST', message: expect.any(String) as string },
        { code: 'take_with_food', ruleId: 'DOSE-FOOD', message: expect.any(String) as string },
      ],
    });
  });

  it('prints a table without --json', async () => {
    const result = await run(doseCommand, { weightKg: 70, mgPerKgPerDay: 1, product: 'absorica' }, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('capsules    40 mg + 30 mg (2 capsules)');
    expect(result.stdout).toContain('warnings: none');
  });

  it('exits 2 naming the field for a negative weight and an unknown product', async () => {
    const negative = await run(doseCommand, { weightKg: -1, mgPerKgPerDay: 1, product: 'us-generic' });
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('field weightKg');
    const unknown = await run(doseCommand, { weightKg: 70, mgPerKgPerDay: 1, product: 'accutane' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('field product: unknown product "accutane"');
    const grams = await run(doseCommand, { weightKg: 70000, mgPerKgPerDay: 1, product: 'us-generic' });
    expect(grams.code).toBe(2);
    expect(grams.stderr).toContain('field weightKg');
  });
});

describe('isocourse plan', () => {
  const titrated = {
    weightKg: 60,
    targetMgPerKg: 120,
    product: 'us-generic',
    phases: [{ mgPerDay: 20, days: 30 }],
    finalMgPerDay: 60,
    startDate: '2026-03-01',
    missedDates: ['2026-03-05'],
  };

  it('prints the target, days, phases with capsules, end date and warnings', async () => {
    const result = await run(planCommand, titrated);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      targetMg: 7200,
      totalDays: 140,
      finalCumulativeMg: 7200,
      endDate: '2026-07-19',
      peakDoseDate: '2026-04-01',
      countedMissedDates: ['2026-03-05'],
      phases: [
        { kind: 'fixed', mgPerDay: 20, days: 30, capsules: [20] },
        { kind: 'final', mgPerDay: 60, days: 110, capsules: [40, 20] },
      ],
    });
    expect((out.warnings as Array<{ code: string }>).map((w) => w.code)).toEqual(['below_usual_range', 'take_with_food']);
  });

  it('defaults the target to 120 mg/kg and the phases to none', async () => {
    const result = await run(planCommand, { weightKg: 60, product: 'us-generic', finalMgPerDay: 60 });
    expect(JSON.parse(result.stdout)).toMatchObject({ targetMgPerKg: 120, targetMg: 7200, totalDays: 120 });
  });

  it('prints a phase table without --json', async () => {
    const result = await run(planCommand, titrated, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('end date          2026-07-19');
    expect(result.stdout).toContain('final  days  31-140   60 mg/day  40 mg + 20 mg (2 capsules)');
    expect(result.stdout).toContain('[DOSE-FOOD] take_with_food');
  });

  it('exits 2 naming the field for zero days, a bad date and an unachievable phase', async () => {
    const zero = await run(planCommand, { ...titrated, phases: [{ mgPerDay: 20, days: 0 }] });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('field phases.0.days');
    const badDate = await run(planCommand, { ...titrated, startDate: '2026-02-30' });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('field startDate: not a calendar date');
    const missed = await run(planCommand, { ...titrated, missedDates: ['2026-03-05', '5 March'] });
    expect(missed.stderr).toContain('field missedDates.1');
    const unachievable = await run(planCommand, { ...titrated, phases: [{ mgPerDay: 25, days: 10 }] });
    expect(unachievable.code).toBe(2);
    expect(unachievable.stderr).toContain('field phases.0.mgPerDay');
  });

  it('exits 2 for input that is not JSON', async () => {
    const result = await run(planCommand, '{not json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not valid JSON');
  });
});

describe('isocourse cumulative', () => {
  const log = {
    weightKg: 60,
    doses: [
      { date: '2026-03-01', mg: 30, doseIndex: 1 },
      { date: '2026-03-01', mg: 30, doseIndex: 2 },
      { date: '2026-03-02', mg: 60, taken: false },
      { date: '2026-03-03', mg: 60 },
    ],
  };

  it('prints the total and mg/kg of the doses taken only', async () => {
    const result = await run(cumulativeCommand, log);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ totalMg: 120, mgPerKg: 2, dosesCounted: 3, daysWithDose: 2, missedEntries: 1 });
  });

  it('prints a table with the basis and the Absorica LD assumption', async () => {
    const result = await run(cumulativeCommand, { weightKg: 60, doses: [{ date: '2026-03-01', mg: 32 }], product: 'absorica-ld' }, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('total                32 mg');
    expect(result.stdout).toContain('(baseline 60 kg)');
    expect(result.stdout).toContain('conventional equiv.  40 mg');
    expect(result.stdout).toContain('assumption [U]');
  });

  it('re-bases on a recorded weight when asked', async () => {
    const result = await run(cumulativeCommand, {
      ...log,
      weightHistory: [{ date: '2026-03-03', weightKg: 80 }],
      rebaseOnWeightDate: '2026-03-03',
    });
    expect(JSON.parse(result.stdout)).toMatchObject({ mgPerKg: 1.5, baselineMgPerKg: 2, basis: { kind: 'rebased', weightKg: 80, date: '2026-03-03' } });
  });

  it('exits 2 naming the entry for a duplicate dose and the field for a bad date', async () => {
    const duplicate = await run(cumulativeCommand, { weightKg: 60, doses: [{ date: '2026-03-01', mg: 30 }, { date: '2026-03-01', mg: 30 }] });
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('field doses.1');
    const badDate = await run(cumulativeCommand, { weightKg: 60, doses: [{ date: '2026-13-01', mg: 30 }] });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('field doses.0.date');
  });
});

describe('registry', () => {
  it('registers dose, plan, cumulative and lab', () => {
    const names = jsonCommands.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['dose', 'plan', 'cumulative', 'lab']));
  });
});
