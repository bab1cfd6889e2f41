/**
 * The rows of one batch of generated courses, kept as COPY text (PostgreSQL's text format: one
 * line per row, columns separated by tabs, `\N` for NULL, backslash escapes) while the stories
 * generate them: no row objects, and on PostgreSQL the text goes to `COPY ... FROM STDIN` as it
 * is (the embedded database decodes it into its multi-row insert).
 */
export const BATCH_COLUMNS = {
  patient: ['id', 'clinic_id', 'display_name', 'birth_date', 'risk', 'created_at'],
  course: ['id', 'patient_id', 'clinic_id', 'sequence', 'prescriber_id', 'product', 'target_mg_per_kg', 'baseline_weight_kg', 'baseline', 'interaction_findings', 'created_at', 'status', 'stop_reason', 'updated_at'],
  prescription: ['id', 'course_id', 'clinic_id', 'patient_id', 'prescriber_id', 'written_on', 'product', 'strength_mg', 'quantity', 'daily_mg', 'refills', 'created_at'],
  authorization: ['id', 'number', 'prescription_id', 'course_id', 'clinic_id', 'patient_id', 'status', 'issued_at', 'issued_by', 'first_instant', 'last_instant', 'last_day_to_collect', 'pack_id', 'reversed_at', 'reversal_reason', 'pharmacy_id', 'verified_at'],
  dispense: ['id', 'authorization_id', 'prescription_id', 'pharmacy_id', 'pharmacist_id', 'quantity', 'medication_guide_given', 'rma_number', 'dnd_date', 'dispensed_at'],
  course_event: ['id', 'course_id', 'clinic_id', 'patient_id', 'event_key', 'recorded_by', 'on_behalf_of', 'kind', 'occurred_at', 'recorded_at', 'payload'],
  task: ['id', 'clinic_id', 'patient_id', 'course_id', 'kind', 'urgency', 'text', 'created_at', 'done_at'],
} as const satisfies Record<string, readonly string[]>;

export type BatchTable = keyof typeof BATCH_COLUMNS;

/** The tables of a batch in the order their foreign keys need. */
export const BATCH_TABLES: readonly BatchTable[] = ['patient', 'course', 'prescription', 'authorization', 'dispense', 'course_event', 'task'];

/** A value of a column: text as it is, numbers and booleans in PostgreSQL's text form, objects as JSON (jsonb columns). */
export type CopyValue = string | number | boolean | null | object;

/** One value of a row in a table's column order (`BATCH_COLUMNS`). */
export type CopyRow<T extends BatchTable> = { readonly [K in keyof (typeof BATCH_COLUMNS)[T]]: CopyValue };

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Text in COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : text;
}

function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  switch (typeof value) {
    case 'string':
      return copyText(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`a generated number is ${String(value)}`);
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'object': {
      // JSON text never holds a raw tab or newline (JSON.stringify escapes them): only its backslashes need doubling
      const json = JSON.stringify(value);
      return json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new RangeError(`a generated value is a ${typeof value}`);
  }
}

/**
 * A table's COPY text in a growing byte buffer outside the JavaScript heap: each row is a short
 * string that dies young, and the batch's megabytes never reach the garbage collector's old
 * generation (building them as one long string cost a third of the process's time in collection).
 */
export class CopyBuffer {
  private bytes: Buffer;
  private used = 0;

  /** `capacity`: the bytes expected (the same table's size in the previous batch saves growing). */
  constructor(capacity = 64 * 1024) {
    this.bytes = Buffer.allocUnsafe(Math.max(1024, capacity));
  }

  append(line: string): void {
    // a UTF-16 unit takes at most 3 bytes in UTF-8
    const most = line.length * 3;
    if (this.used + most > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + most));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(line, this.used, 'utf8');
  }

  /** The bytes written so far (a view, not a copy). */
  contents(): Buffer {
    return this.bytes.subarray(0, this.used);
  }
}

export class Batch {
  /** Each table's rows as COPY text, one line per row. */
  readonly text: Record<BatchTable, CopyBuffer>;
  readonly rows: Record<BatchTable, number> = { patient: 0, course: 0, prescription: 0, authorization: 0, dispense: 0, course_event: 0, task: 0 };
  courses = 0;

  /** `previous`: the batch before, whose sizes the buffers start with (plus an eighth). */
  constructor(previous?: Batch) {
    const size = (table: BatchTable) => (previous === undefined ? undefined : Math.ceil(previous.text[table].contents().length * 1.125));
    this.text = {
      patient: new CopyBuffer(size('patient')),
      course: new CopyBuffer(size('course')),
      prescription: new CopyBuffer(size('prescription')),
      authorization: new CopyBuffer(size('authorization')),
      dispense: new CopyBuffer(size('dispense')),
      course_event: new CopyBuffer(size('course_event')),
      task: new CopyBuffer(size('task')),
    };
  }

  add<T extends BatchTable>(table: T, values: CopyRow<T>): void {
    const row = values as readonly CopyValue[];
    if (row.length !== BATCH_COLUMNS[table].length) throw new RangeError(`${table} takes ${BATCH_COLUMNS[table].length} columns, got ${row.length}`);
    let line = copyField(row[0] ?? null);
    for (let i = 1; i < row.length; i += 1) line += `\t${copyField(row[i] ?? null)}`;
    this.text[table].append(`${line}\n`);
    this.rows[table] += 1;
  }
}

/**
 * The values of COPY text lines, column by column (`null` for `\N`): the embedded database, which
 * takes no COPY from a client, inserts them with its multi-row insert.
 */
export function copyColumns(text: string, columnCount: number): Array<Array<string | null>> {
  const columns = Array.from({ length: columnCount }, () => [] as Array<string | null>);
  if (text === '') return columns;
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  for (const line of lines) {
    const fields = line.split('\t');
    if (fields.length !== columnCount) throw new RangeError(`a COPY line has ${fields.length} fields, not ${columnCount}`);
    for (let i = 0; i < columnCount; i += 1) {
      const field = fields[i] ?? '\\N';
      columns[i]?.push(field === '\\N' ? null : field.includes('\\') ? field.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c)) : field);
    }
  }
  return columns;
}

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
