import { z } from 'zod';
import type { WorklistKey } from '../../db/worklist.repository.js';
import { AppError } from '../errors.js';

const keySchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.string().regex(/^-?\d{1,19}$/), z.string().max(400), z.uuid()]);

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
