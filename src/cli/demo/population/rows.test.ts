import { describe, expect, it } from 'vitest';
import { Batch, BATCH_COLUMNS, copyColumns, CopyBuffer, copyText } from './rows.js';

describe('the COPY text of a batch', () => {
  it('escapes backslash, tab, newline and carriage return, and leaves other text as it is', () => {
    expect(copyText('Zoë O’Brien')).toBe('Zoë O’Brien');
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
  });

  it('writes a row per line in the table’s column order: NULL as \\N, booleans as t/f, objects as JSON with doubled backslashes', () => {
    const batch = new Batch();
    batch.add('task', ['id-1', 'clinic', 'patient', 'course', 'kind', 'urgent', 'line one\nline two', '2026-11-22T10:00:00.000Z', null]);
    batch.add('dispense', ['d', 'a', 'p', 'ph', 'ph1', 60, true, null, null, '2026-11-22T16:00:00.000Z']);
    batch.add('patient', ['p', 'c', 'Ann', '1990-01-02', { quote: 'say "hi"', tab: 'a\tb' }, '2026-11-22T09:00:00.000Z']);
    expect(batch.text.task.contents().toString()).toBe('id-1\tclinic\tpatient\tcourse\tkind\turgent\tline one\\nline two\t2026-11-22T10:00:00.000Z\t\\N\n');
    expect(batch.text.dispense.contents().toString()).toBe('d\ta\tp\tph\tph1\t60\tt\t\\N\t\\N\t2026-11-22T16:00:00.000Z\n');
    expect(batch.text.patient.contents().toString()).toBe('p\tc\tAnn\t1990-01-02\t{"quote":"say \\\\"hi\\\\"","tab":"a\\\\tb"}\t2026-11-22T09:00:00.000Z\n');
    expect(batch.rows).toMatchObject({ task: 1, dispense: 1, patient: 1, course: 0 });
  });

  it('refuses a row with the wrong number of values, and a number that is not finite', () => {
    const batch = new Batch();
    const short = ['id'] as unknown as Parameters<Batch['add']>[1];
    expect(() => { batch.add('course_event', short); }).toThrow(/course_event takes 11 columns, got 1/);
    expect(() => { batch.add('dispense', ['d', 'a', 'p', 'ph', 'ph1', Number.NaN, true, null, null, 'x']); }).toThrow(RangeError);
  });

  it('decodes back into the values column by column (the embedded database’s insert path)', () => {
    const batch = new Batch();
    const payload = { text: 'back\\slash, "quote", tab\t, newline\n' };
    batch.add('patient', ['p1', 'c1', 'Tab\tName', '1990-01-02', payload, 'x']);
    batch.add('patient', ['p2', 'c1', 'Back\\slash', '1991-01-02', { a: 1 }, 'y']);
    const columns = copyColumns(batch.text.patient.contents().toString(), BATCH_COLUMNS.patient.length);
    expect(columns[0]).toEqual(['p1', 'p2']);
    expect(columns[2]).toEqual(['Tab\tName', 'Back\\slash']);
    expect(JSON.parse(columns[4]?.[0] ?? '')).toEqual(payload);
    expect(copyColumns('', 3)).toEqual([[], [], []]);
    expect(copyColumns('a\t\\N\n', 2)).toEqual([['a'], [null]]);
    expect(() => copyColumns('a\tb\n', 3)).toThrow(/2 fields, not 3/);
  });

  it('grows its buffer past the first capacity without losing bytes, and sizes the next batch’s buffers from the last', () => {
    const buffer = new CopyBuffer(1024);
    const line = `${'é'.repeat(300)}\n`;
    for (let i = 0; i < 50; i += 1) buffer.append(line);
    expect(buffer.contents().toString()).toBe(line.repeat(50));
    const batch = new Batch();
    for (let i = 0; i < 1000; i += 1) batch.add('task', [`t${i}`, 'c', 'p', 'co', 'k', 'routine', 'text', 'at', null]);
    const next = new Batch(batch);
    expect(next.text.task.contents().length).toBe(0);
    next.add('task', ['t', 'c', 'p', 'co', 'k', 'routine', 'text', 'at', null]);
    expect(next.text.task.contents().toString()).toBe('t\tc\tp\tco\tk\troutine\ttext\tat\t\\N\n');
  });
});
