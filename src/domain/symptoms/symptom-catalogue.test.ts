import { describe, expect, it } from 'vitest';
import { SYMPTOM_CATALOGUE } from './symptom-catalogue.js';

describe('symptom catalogue', () => {
  it('has unique, kebab-case ids', () => {
    const ids = SYMPTOM_CATALOGUE.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('starts every question with a "No" answer that reports nothing', () => {
    for (const symptom of SYMPTOM_CATALOGUE) {
      expect(symptom.options[0]).toMatchObject({ id: 'no', action: null });
      expect(symptom.options.slice(1).every((o) => o.action !== null && o.reason !== '' && o.whatToDo !== '')).toBe(true);
    }
  });

  it('covers every common and serious symptom of the reference', () => {
    const ids = SYMPTOM_CATALOGUE.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'cheilitis', 'dry-skin', 'dry-eyes', 'nosebleeds', 'back-pain', 'joint-pain', 'muscle-pain', 'headache',
        'sun-sensitivity', 'hair-thinning', 'contact-lens-intolerance', 'low-mood', 'unusual-experiences', 'aggression',
        'suicidal-thoughts', 'abdominal-pain', 'jaundice-or-dark-urine', 'bowel-changes', 'blistering-or-sores',
        'hearing-changes', 'vision-changes', 'hives-or-swelling', 'missed-period', 'unprotected-sex', 'acne-fulminans',
        'sexual-function',
      ]),
    );
  });

  it('asks in plain, gender-inclusive words (no "woman", "female", "girl" or "he/she")', () => {
    for (const symptom of SYMPTOM_CATALOGUE) {
      expect(symptom.question).not.toMatch(/\b(women|woman|female|girls?|he\/she|his\/her)\b/i);
    }
  });

  it('maps every common effect to record, and to the prescriber when troublesome', () => {
    for (const symptom of SYMPTOM_CATALOGUE.filter((s) => s.options.some((o) => o.id === 'troublesome'))) {
      expect(symptom.options.find((o) => o.id === 'yes')?.action).toBe('record');
      expect(symptom.options.find((o) => o.id === 'troublesome')?.action).toBe('contactPrescriber');
    }
  });
});
