import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../errors.js';
import { SYMPTOM_CATALOGUE } from './symptom-catalogue.js';
import { checklistFor, triageCheckIn } from './triage.js';

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainInputError) return error.field;
    throw error;
  }
  throw new Error('expected a DomainInputError');
}

describe('symptom triage (SYM-TRIAGE)', () => {
  it('reports nothing and the overall action none when every answer is no', () => {
    const result = triageCheckIn({ answers: SYMPTOM_CATALOGUE.map((s) => ({ symptomId: s.id, answer: 'no' })) });
    expect(result.overallAction).toBe('none');
    expect(result.findings).toEqual([]);
  });

  it('returns every finding, most urgent first, and the most urgent action overall', () => {
    const result = triageCheckIn({
      answers: [
        { symptomId: 'cheilitis', answer: 'yes' },
        { symptomId: 'dry-eyes', answer: 'troublesome' },
        { symptomId: 'hearing-changes', answer: 'yes' },
        { symptomId: 'low-mood', answer: 'yes' },
      ],
    });
    expect(result.findings.map((f) => [f.symptomId, f.action])).toEqual([
      ['low-mood', 'stopAndUrgent'],
      ['hearing-changes', 'stopAndUrgent'],
      ['dry-eyes', 'contactPrescriber'],
      ['cheilitis', 'record'],
    ]);
    expect(result.overallAction).toBe('stopAndUrgent');
    expect(result.pathways).toEqual(['mentalHealth', 'audiology']);
  });

  it('gives record as the overall action when only common effects are reported', () => {
    const result = triageCheckIn({ answers: [{ symptomId: 'dry-skin', answer: 'yes' }, { symptomId: 'nosebleeds', answer: 'yes' }] });
    expect(result.overallAction).toBe('record');
    expect(result.findings).toHaveLength(2);
  });

  it('refuses an unknown symptom id, an unknown answer and a question answered twice, naming the field', () => {
    expect(fieldOf(() => triageCheckIn({ answers: [{ symptomId: 'itchy-elbows', answer: 'yes' }] }))).toBe('answers.0.symptomId');
    expect(fieldOf(() => triageCheckIn({ answers: [{ symptomId: 'headache', answer: 'maybe' }] }))).toBe('answers.0.answer');
    expect(
      fieldOf(() =>
        triageCheckIn({ answers: [{ symptomId: 'headache', answer: 'no' }, { symptomId: 'headache', answer: 'yes' }] }),
      ),
    ).toBe('answers.1.symptomId');
  });

  it('refuses an unknown jurisdiction', () => {
    expect(fieldOf(() => triageCheckIn({ answers: [], jurisdiction: 'FR' }))).toBe('jurisdiction');
  });
});

describe('headache severity (SYM-COMMON, SYM-INTRACRANIAL-HYPERTENSION)', () => {
  it('records an ordinary headache', () => {
    expect(triageCheckIn({ answers: [{ symptomId: 'headache', answer: 'yes' }] }).findings[0]).toMatchObject({
      ruleId: 'SYM-COMMON',
      action: 'record',
    });
  });

  it('sends a troublesome headache to the prescriber', () => {
    expect(triageCheckIn({ answers: [{ symptomId: 'headache', answer: 'troublesome' }] }).overallAction).toBe('contactPrescriber');
  });

  it('stops treatment for a severe headache with vomiting or visual disturbance', () => {
    const finding = triageCheckIn({ answers: [{ symptomId: 'headache', answer: 'severeWithWarningSigns' }] }).findings[0];
    expect(finding).toMatchObject({ ruleId: 'SYM-INTRACRANIAL-HYPERTENSION', action: 'stopAndUrgent', pathway: 'neurology' });
    expect(finding?.whatToDo).toMatch(/Stop taking isotretinoin and get urgent medical care/);
    expect(finding?.reason).toMatch(/tetracycline/);
  });
});

describe('serious symptoms', () => {
  it.each([
    ['suicidal-thoughts', 'SYM-MENTAL-HEALTH', 'yes'],
    ['unusual-experiences', 'SYM-MENTAL-HEALTH', 'yes'],
    ['aggression', 'SYM-MENTAL-HEALTH', 'yes'],
    ['abdominal-pain', 'SYM-PANCREATITIS', 'severe'],
    ['jaundice-or-dark-urine', 'SYM-LIVER', 'yes'],
    ['bowel-changes', 'SYM-BOWEL', 'severeOrBleeding'],
    ['blistering-or-sores', 'SYM-SEVERE-SKIN', 'yes'],
    ['hearing-changes', 'SYM-HEARING', 'yes'],
    ['vision-changes', 'SYM-VISION', 'yes'],
    ['hives-or-swelling', 'SYM-ALLERGY', 'yes'],
    ['acne-fulminans', 'SYM-ACNE-FULMINANS', 'yes'],
  ])('maps %s to stop and urgent care under %s', (symptomId, ruleId, answer) => {
    expect(triageCheckIn({ answers: [{ symptomId, answer }] }).findings[0]).toMatchObject({ ruleId, action: 'stopAndUrgent' });
  });

  it('sends mild stomach pain to the prescriber and severe stomach pain to urgent care', () => {
    expect(triageCheckIn({ answers: [{ symptomId: 'abdominal-pain', answer: 'mild' }] }).overallAction).toBe('contactPrescriber');
    expect(triageCheckIn({ answers: [{ symptomId: 'abdominal-pain', answer: 'severe' }] }).overallAction).toBe('stopAndUrgent');
  });

  it('sends mild diarrhoea to the prescriber and bleeding to urgent care', () => {
    expect(triageCheckIn({ answers: [{ symptomId: 'bowel-changes', answer: 'mildDiarrhoea' }] }).overallAction).toBe('contactPrescriber');
    expect(triageCheckIn({ answers: [{ symptomId: 'bowel-changes', answer: 'severeOrBleeding' }] }).overallAction).toBe('stopAndUrgent');
  });

  it('sends anything else that worries the patient to the prescriber (SYM-OTHER)', () => {
    expect(triageCheckIn({ answers: [{ symptomId: 'other-concern', answer: 'yes' }] }).findings[0]).toMatchObject({
      ruleId: 'SYM-OTHER',
      action: 'contactPrescriber',
    });
  });

  it('tells a patient with suicidal thoughts how to reach emergency help', () => {
    const finding = triageCheckIn({ answers: [{ symptomId: 'suicidal-thoughts', answer: 'yes' }] }).findings[0];
    expect(finding?.whatToDo).toMatch(/emergency/);
    expect(finding?.pathway).toBe('mentalHealth');
  });
});

describe('pregnancy pathway (SYM-PREGNANCY)', () => {
  it('opens the pregnancy pathway for a missed period and for unprotected sex', () => {
    const result = triageCheckIn({
      answers: [{ symptomId: 'missed-period', answer: 'yes' }, { symptomId: 'unprotected-sex', answer: 'yes' }],
    });
    expect(result.overallAction).toBe('stopAndUrgent');
    expect(result.pathways).toEqual(['pregnancy']);
    expect(result.findings[1]?.whatToDo).toMatch(/emergency contraception/);
  });

  it('asks the pregnancy questions unless the patient is known not to be able to get pregnant', () => {
    const ids = (canGetPregnant: boolean | undefined) => checklistFor({ canGetPregnant }).map((s) => s.id);
    expect(ids(true)).toContain('missed-period');
    expect(ids(undefined)).toContain('unprotected-sex');
    expect(ids(false)).not.toContain('missed-period');
    expect(ids(false)).toContain('low-mood');
  });
});

describe('sexual function (SYM-SEXUAL-FUNCTION)', () => {
  it('is flagged as a question UK rules require', () => {
    expect(SYMPTOM_CATALOGUE.find((s) => s.id === 'sexual-function')?.mustAskIn).toEqual(['UK']);
  });

  it('reminds a UK check-in that left it unanswered, and not a US one', () => {
    expect(triageCheckIn({ answers: [], jurisdiction: 'UK' }).reminders).toEqual([
      expect.objectContaining({ ruleId: 'SYM-SEXUAL-FUNCTION', symptomId: 'sexual-function' }),
    ]);
    expect(triageCheckIn({ answers: [], jurisdiction: 'US' }).reminders).toEqual([]);
    expect(triageCheckIn({ answers: [{ symptomId: 'sexual-function', answer: 'no' }], jurisdiction: 'UK' }).reminders).toEqual([]);
  });

  it('sends a reported change to the prescriber', () => {
    expect(triageCheckIn({ answers: [{ symptomId: 'sexual-function', answer: 'yes' }] }).overallAction).toBe('contactPrescriber');
  });
});
