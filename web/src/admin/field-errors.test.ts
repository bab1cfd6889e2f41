import { describe, expect, it } from 'vitest';
import { fieldOfPointer, splitFieldProblems } from './field-errors.js';

const fields = { name: 'name', timeZone: 'timeZone', modificationDate: 'settings.usModificationDate' } as const;

describe('server field problems on a form', () => {
  it('finds the field of a pointer, nested ones too', () => {
    expect(fieldOfPointer('/timeZone', fields)).toBe('timeZone');
    expect(fieldOfPointer('/settings/usModificationDate', fields)).toBe('modificationDate');
    expect(fieldOfPointer('/jurisdiction', fields)).toBeUndefined();
  });

  it('keeps problems outside the form as text, and each field once', () => {
    expect(
      splitFieldProblems(
        [
          { pointer: '/name', detail: 'too short' },
          { pointer: '/name', detail: 'again' },
          { pointer: '/other', detail: 'unknown field' },
        ],
        fields,
      ),
    ).toEqual({ fields: ['name'], other: ['unknown field'] });
  });
});
