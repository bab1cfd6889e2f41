/** Rows of one batch of generated courses, column names as in the tables, in foreign-key order. */
export type Row = Record<string, unknown>;

export interface Batch {
  readonly patient: Row[];
  readonly course: Row[];
  readonly prescription: Row[];
  readonly authorization: Row[];
  readonly dispense: Row[];
  readonly course_event: Row[];
  readonly task: Row[];
  readonly clinical_fact: Row[];
  courses: number;
  /** Ids of this batch's rows lie in (after, last]: ids grow with each row generated. */
  readonly idsAfter: string;
  idsLast: string;
}

export function emptyBatch(idsAfter: string): Batch {
  return { patient: [], course: [], prescription: [], authorization: [], dispense: [], course_event: [], task: [], clinical_fact: [], courses: 0, idsAfter, idsLast: idsAfter };
}

/** The tables of a batch in the order their foreign keys need. */
export const BATCH_TABLES = ['patient', 'course', 'prescription', 'authorization', 'dispense', 'course_event', 'task', 'clinical_fact'] as const;

const NUMBER_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const FEISTEL_KEYS = [0x3c6ef, 0xa54ff, 0x510e5] as const;

/** A bijection on 40-bit numbers (three Feistel rounds), so sequential counters give unrelated-looking numbers. */
function permute40(n: number): number {
  let left = Math.floor(n / 2 ** 20);
  let right = n % 2 ** 20;
  for (const key of FEISTEL_KEYS) {
    const f = (Math.imul((right ^ key) >>> 0, 0x45d9f3b) >>> 12) & 0xfffff;
    [left, right] = [right, (left ^ f) >>> 0];
  }
  return left * 2 ** 20 + right;
}

function base32(n: number, length: number): string {
  let out = '';
  let rest = n;
  for (let i = 0; i < length; i += 1) {
    out = NUMBER_ALPHABET.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * Authorization numbers in the server's format (ISO-XXXX-XXXX-XXXX, no look-alike characters),
 * unique by construction: 20 bits of the run's salt and a permuted 40-bit counter.
 */
export class AuthorizationNumbers {
  private counter = 0;
  private readonly prefix: string;

  constructor(salt: number) {
    this.prefix = base32((salt >>> 12) & 0xfffff, 4);
  }

  next(): string {
    this.counter += 1;
    const body = base32(permute40(this.counter), 8);
    return `ISO-${this.prefix}-${body.slice(0, 4)}-${body.slice(4)}`;
  }
}
