import { describe, expect, it } from 'vitest';
import { runJsonCommand, type CommandIo } from './json-command.js';
import { labCommand } from './lab-commands.js';

async function run(input: unknown, args: readonly string[] = ['--json']): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    readStdin: () => Promise.resolve(JSON.stringify(input)),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const code = await runJsonCommand(labCommand, args, io);
  return { code, stdout, stderr };
}

describe('isocourse lab', () => {
  it('grades 99 U/L ALT with ULN 33 as grade 1 and flags it', async () => {
    const result = await run({ loinc: '1742-6', value: 99, unit: 'U/L', upperLimitOfNormal: 33 });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ grade: 1, flags: ['LFT_HIGH'], actions: [], ruleIds: ['LAB-ALT-AST'] });
  });

  it('grades 501 mg/dL triglycerides as grade 3 with its actions', async () => {
    const out = JSON.parse((await run({ loinc: '2571-8', value: 501, unit: 'mg/dL' })).stdout) as { grade: number; actions: Array<{ code: string }> };
    expect(out.grade).toBe(3);
    expect(out.actions.map((a) => a.code)).toEqual(['clinician_review', 'consider_dose_reduction', 'ask_abdominal_pain']);
  });

  it('reports a positive pregnancy test with a null grade and PREG_POS', async () => {
    const result = await run({ loinc: '2106-3', value: 'positive' });
    expect(JSON.parse(result.stdout)).toMatchObject({ grade: null, flags: ['PREG_POS'] });
  });

  it('prints a table without --json', async () => {
    const result = await run({ loinc: '2571-8', value: 1200, unit: 'mg/dL' }, []);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('grade      4 (CTCAE v5)');
    expect(result.stdout).toContain('flags      TG_HIGH, TG_OVER_800');
    expect(result.stdout).toContain('[LAB-ACTIONS] urgent: hold isotretinoin (hold_drug)');
  });

  it('exits 2 naming the field for an unknown code, a wrong unit and a missing ULN', async () => {
    const unknown = await run({ loinc: '0000-0', value: 1, unit: 'mg/dL' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('field loinc');
    const unit = await run({ loinc: '14927-8', value: 2, unit: 'mg/dL' });
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('field unit');
    const uln = await run({ loinc: '1742-6', value: 50, unit: 'U/L' });
    expect(uln.code).toBe(2);
    expect(uln.stderr).toContain('field upperLimitOfNormal');
    const negative = await run({ loinc: '1742-6', value: -5, unit: 'U/L', upperLimitOfNormal: 33 });
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('field value');
  });
});
