import { describe, expect, it } from 'vitest';
import { gagsCommand, igaCommand, interactionsCommand, phq9Command, symptomsCommand } from './assessment-commands.js';
import { runJsonCommand, type CommandIo, type JsonCommand } from './json-command.js';
import { main } from './main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function fakeIo(input: unknown): { io: CommandIo; out: Run } {
  const out: Run = { code: -1, stdout: '', stderr: '' };
  const io: CommandIo = {
    readStdin: () => Promise.resolve(typeof input === 'string' ? input : JSON.stringify(input)),
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
  };
  return { io, out };
}

async function run(command: JsonCommand, input: unknown, args: readonly string[] = ['--json']): Promise<Run> {
  const { io, out } = fakeIo(input);
  out.code = await runJsonCommand(command, args, io);
  return out;
}

function json(result: Run): unknown {
  return JSON.parse(result.stdout);
}

describe('isocourse phq9', () => {
  it('scores nine answers with the required output fields', async () => {
    const result = await run(phq9Command, { answers: [1, 2, 'LA6570-1', 0, 1, 2, 3, 0, 0], baselineTotal: 6 });
    expect(result.code).toBe(0);
    expect(json(result)).toMatchObject({
      total: 11,
      band: 'moderate',
      item9RedFlag: false,
      incomplete: false,
      phq2Total: 3,
      phq2Positive: true,
      rise: { change: 5, flagged: true },
    });
  });

  it('reports an item-9 red flag with an urgent task on a minimal total', async () => {
    const out = (json(
      await run(phq9Command, { answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] }),
    ) as { item9RedFlag: boolean; total: number; tasks: Array<{ ruleId: string; priority: string }> });
    expect(out).toMatchObject({ item9RedFlag: true, total: 1 });
    expect(out.tasks[0]).toMatchObject({ ruleId: 'MOOD-PHQ9-ITEM9', priority: 'urgent' });
  });

  it('prints a table without --json', async () => {
    const result = await run(phq9Command, { answers: [0, 0, 0, 0, 0, 0, 0, 0, null] }, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('total   incomplete (items 9 missing)');
    expect(result.stdout).toContain('item 9  not answered: urgent follow-up');
    expect(result.stdout).toContain('[MOOD-PHQ9-ITEM9] urgent:');
  });

  it.each([
    ['8 answers', { answers: [0, 0, 0, 0, 0, 0, 0, 0] }, 'field answers:'],
    ['an answer of 4', { answers: [0, 0, 0, 4, 0, 0, 0, 0, 0] }, 'field answers.3:'],
    ['an unknown LA code', { answers: [0, 0, 0, 0, 0, 0, 0, 0, 'LA9999-9'] }, 'field answers.8:'],
    ['a baseline of 28', { answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], baselineTotal: 28 }, 'field baselineTotal:'],
  ])('exits 2 naming the field for %s', async (_name, input, message) => {
    const result = await run(phq9Command, input);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});

describe('isocourse gags', () => {
  const grades = { forehead: 2, rightCheek: 3, leftCheek: 3, nose: 1, chin: 2, chestAndUpperBack: 0 };

  it('scores the regions and bands the score', async () => {
    expect(json(await run(gagsCommand, grades))).toMatchObject({ score: 19, band: 'moderate' });
  });

  it('prints a table without --json', async () => {
    const result = await run(gagsCommand, grades, []);
    expect(result.stdout).toContain('rightCheek         2 x 3 (pustules) = 6');
    expect(result.stdout).toContain('band               moderate (19-30)');
  });

  it('exits 2 naming the region for a grade of 5 or a missing region', async () => {
    const five = await run(gagsCommand, { ...grades, nose: 5 });
    expect(five.code).toBe(2);
    expect(five.stderr).toContain('field nose:');
    const missing = await run(gagsCommand, { forehead: 1 });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('field chin:');
  });
});

describe('isocourse interactions', () => {
  it('reports findings with severity, reason and rule id', async () => {
    const out = (json(
      await run(interactionsCommand, {
        medications: ['Doxycycline 100 mg tablets', 'ibuprofen', 'prednisone 10 mg'],
        allergies: ['peanut'],
        conditions: ['breastfeeding'],
        jurisdiction: 'UK',
      }),
    ) as { findings: Array<Record<string, unknown>>; worstSeverity: string });
    expect(out.worstSeverity).toBe('absolute');
    expect(out.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['INT-TETRACYCLINE', 'absolute'],
      ['INT-ALLERGY-SOYA-PEANUT', 'absolute'],
      ['INT-BREASTFEEDING', 'absolute'],
      ['INT-CORTICOSTEROIDS', 'caution'],
    ]);
    expect(out.findings[0]).toMatchObject({ reason: expect.stringMatching(/intracranial/) as unknown, jurisdictions: ['US', 'EU', 'UK', 'CA'] });
  });

  it('follows avoidSeverity caution for the US and keeps the UK contraindication absolute', async () => {
    const severityIn = async (jurisdiction: string): Promise<string | undefined> => {
      const out = json(await run(interactionsCommand, { medications: ['minocycline'], avoidSeverity: 'caution', jurisdiction }));
      return (out as { findings: Array<{ severity: string }> }).findings[0]?.severity;
    };
    expect(await severityIn('US')).toBe('caution');
    expect(await severityIn('UK')).toBe('absolute');
  });

  it('prints a table without --json', async () => {
    const result = await run(interactionsCommand, { medications: ['Vibramycin'], jurisdiction: 'US' }, []);
    expect(result.stdout).toContain('ABSOLUTE [INT-TETRACYCLINE] medications[0] "Vibramycin" (avoid)');
  });

  it('exits 2 naming the field for an unknown jurisdiction or a missing medication list', async () => {
    const unknown = await run(interactionsCommand, { medications: [], jurisdiction: 'FR' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('field jurisdiction:');
    const missing = await run(interactionsCommand, { jurisdiction: 'US' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('field medications:');
  });
});

describe('isocourse symptoms', () => {
  it('triages a check-in, most urgent first', async () => {
    const out = (json(
      await run(symptomsCommand, {
        answers: [
          { symptomId: 'cheilitis', answer: 'yes' },
          { symptomId: 'headache', answer: 'severeWithWarningSigns' },
        ],
      }),
    ) as { overallAction: string; findings: Array<{ symptomId: string }> });
    expect(out.overallAction).toBe('stopAndUrgent');
    expect(out.findings.map((f) => f.symptomId)).toEqual(['headache', 'cheilitis']);
  });

  it('prints a table with the UK reminder without --json', async () => {
    const result = await run(symptomsCommand, { answers: [{ symptomId: 'dry-eyes', answer: 'yes' }], jurisdiction: 'UK' }, []);
    expect(result.stdout).toContain('overall action  record');
    expect(result.stdout).toContain('UK rules require asking');
  });

  it('exits 2 naming the field for an unknown symptom or answer', async () => {
    const result = await run(symptomsCommand, { answers: [{ symptomId: 'dry-eyes', answer: 'maybe' }] });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('field answers.0.answer:');
  });
});

describe('isocourse iga', () => {
  it('reports success at 2 grades below baseline and not at 1', async () => {
    expect(json(await run(igaCommand, { baseline: 3, current: 1 }))).toMatchObject({ success: true, unmet: [] });
    expect(json(await run(igaCommand, { baseline: 2, current: 1 }))).toMatchObject({ success: false });
  });

  it('prints a table and exits 2 for grade 5', async () => {
    expect((await run(igaCommand, { baseline: 4, current: 0 }, [])).stdout).toContain('success   yes');
    const bad = await run(igaCommand, { baseline: 5, current: 0 });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('field baseline:');
  });
});

describe('registration', () => {
  it('runs phq9 through main', async () => {
    const { io, out } = fakeIo({ answers: [3, 3, 3, 3, 3, 3, 3, 3, 3] });
    expect(await main(['phq9', '--json'], io)).toBe(0);
    expect(json(out)).toMatchObject({ total: 27, band: 'severe', item9RedFlag: true });
  });

  it('lists the assessment commands in the help', async () => {
    const { io, out } = fakeIo('');
    await main(['--help'], io);
    for (const name of ['phq9', 'symptoms', 'interactions', 'gags', 'iga']) expect(out.stdout).toContain(`  ${name} `);
  });
});
