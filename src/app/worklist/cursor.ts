import { z } from 'zod';
import type { WorklistKey } from '../../db/worklist.repository.js';
import { AppError } from '../errors.js';

const INT8_MIN = -(2n ** 63n);
const INT8_MAX = 2n ** 63n - 1n;
/** A decimal that fits PostgreSQL's int8 (the flag key is compared as one). */
const int8Text = z
  .string()
  .regex(/^-?\d{1,19}$/)
  .refine((s) => BigInt(s) >= INT8_MIN && BigInt(s) <= INT8_MAX);
/** A patient name as stored (PostgreSQL text never holds NUL). */
const nameText = z
  .string()
  .max(400)
  .refine((s) => !s.includes('\u0000'));
const keySchema = z.tuple([z.union([z.literal(0), z.literal(1)]), int8Text, nameText, z.uuid()]);

/** An opaque page cursor: the position of the last row of a page (WL-ORDER). */
export function encodeCursor(key: WorklistKey): string {
  return Buffer.from(JSON.stringify([key.rank, key.flagKey, key.name, key.courseId]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): WorklistKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('invalid_input', 'The cursor is not one this server gave out.', { field: 'cursor' });
  }
  const parsed = keySchema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', 'The cursor is not one this server gave out.', { field: 'cursor' });
  const [rank, flagKey, name, courseId] = parsed.data;
  return { rank, flagKey, name, courseId };
}
