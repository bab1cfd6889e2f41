import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Tables the synthetic population writes in bulk (isocourse demo --courses). */
export type BulkTable = 'clinic' | 'pharmacy' | 'app_user' | 'designee_for' | 'patient' | 'course' | 'course_event' | 'prescription' | 'authorization' | 'dispense' | 'task' | 'clinical_fact';

/** Separates the values of one column in its text parameter; JSON.stringify escapes it, names never hold it. */
const SEPARATOR = '\u001f';
/** Stands for NULL in a column's text parameter. */
const NULL_MARK = '\u0001N';

/** The two characters the column text must not hold (`RegExp` from text: lint refuses control characters in literals). */
const CONTROL = new RegExp(`[${SEPARATOR}${NULL_MARK.charAt(0)}]`);

const columnTypes = new Map<string, Map<string, string>>();

/** The SQL type of each column of a table (asked once per table and process). */
async function typesOf(db: Db, table: BulkTable): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (types === undefined) {
    const rows = await sql<{ name: string; type: string }>`
      select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
       where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`.execute(db);
    types = new Map(rows.rows.map((r) => [r.name, r.type]));
    columnTypes.set(table, types);
  }
  return types;
}

function columnText(values: ReadonlyArray<unknown>, column: string): string {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) out[i] = NULL_MARK;
    else if (typeof value === 'string') {
      if (CONTROL.test(value)) throw new RangeError(`a value of ${column} holds a control character`);
      out[i] = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') out[i] = String(value);
    else out[i] = JSON.stringify(value);
  }
  return out.join(SEPARATOR);
}

/** One statement inserting the rows given column by column (each list holds one value per row). */
async function insertColumns(db: Db, table: BulkTable, columns: readonly string[], values: ReadonlyArray<ReadonlyArray<unknown>>): Promise<number> {
  const types = await typesOf(db, table);
  const arrays = columns.map((c, i) => {
    const type = types.get(c);
    if (type === undefined) throw new RangeError(`${table} has no column ${c}`);
    return sql`string_to_array(${columnText(values[i] ?? [], c)}::text, ${SEPARATOR}::text, ${NULL_MARK}::text)::${sql.raw(type)}[]`;
  });
  const result = await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))})
    select * from unnest(${sql.join(arrays)})`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Inserts many rows in ONE statement: each column travels as one text parameter (its values
 * joined by a separator) and `unnest(string_to_array(...)::type[], ...)` zips them back into rows
 * on the server, so a batch of 100,000 events costs one round trip and almost no work in
 * JavaScript beyond `join`. Every column no row names takes its default; constraints and
 * triggers apply as to any insert. Keys are snake_case column names; objects become JSON text
 * (jsonb columns), timestamps are ISO text.
 */
export async function insertRowsInBulk(db: Db, table: BulkTable, rows: ReadonlyArray<Readonly<Record<string, unknown>>>): Promise<number> {
  if (rows.length === 0) return 0;
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  const columns = [...names];
  return insertColumns(
    db,
    table,
    columns,
    columns.map((c) => rows.map((row) => row[c])),
  );
}

/**
 * The same rows as `copyRows`, given column by column (values in COPY's text form, `null` for
 * NULL), through one multi-row insert: for the embedded database, which takes no COPY from a client.
 */
export async function insertColumnsInBulk(db: Db, table: BulkTable, columns: readonly string[], values: ReadonlyArray<ReadonlyArray<string | null>>): Promise<number> {
  if ((values[0]?.length ?? 0) === 0) return 0;
  return insertColumns(db, table, columns, values);
}

/** How many clinics the database holds (a population goes into an empty database unless appended). */
export async function countClinics(db: Db): Promise<number> {
  const row = await db.selectFrom('clinic').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Refreshes the planner's statistics after a bulk load (the worklist's plans depend on them). */
export async function analyzeAfterBulkLoad(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}

let superuser: boolean | undefined;

/**
 * Bulk-load mode for the current transaction, when the role may (a superuser, as on the embedded
 * database and a dedicated benchmark server): `session_replication_role = replica` stops the
 * per-row foreign-key triggers, which cost more than the inserts themselves (five checks per
 * event, ~10 µs each). The caller must then check the foreign keys of what it wrote with
 * `foreignKeyViolations` before it reports success (the population checks them once per run).
 * Unique, check and not-null constraints are not triggers and apply unchanged; the append-only
 * triggers fire on update and delete only.
 */
export async function enterBulkLoadMode(trx: Transaction<Database>): Promise<boolean> {
  if (superuser === undefined) {
    const row = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(trx);
    superuser = row.rows[0]?.rolsuper === true;
  }
  if (superuser) await sql`set local session_replication_role = replica`.execute(trx);
  return superuser;
}

const foreignKeys = new Map<string, Array<{ column: string; parent: string; parentColumn: string }>>();

async function foreignKeysOf(db: Db, table: BulkTable): Promise<Array<{ column: string; parent: string; parentColumn: string }>> {
  let keys = foreignKeys.get(table);
  if (keys === undefined) {
    const rows = await sql<{ column: string; parent: string; parent_column: string }>`
      select a.attname as column, p.relname as parent, pa.attname as parent_column
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        join pg_class p on p.oid = c.confrelid
        join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
       where c.contype = 'f' and c.conrelid = ${table}::regclass and cardinality(c.conkey) = 1
       order by c.conname`.execute(db);
    keys = rows.rows.map((r) => ({ column: r.column, parent: r.parent, parentColumn: r.parent_column }));
    foreignKeys.set(table, keys);
  }
  return keys;
}

/**
 * Checks every (single-column) foreign key of the rows of `table` whose id is in (after, last]:
 * the same guarantee as the per-row triggers, as one anti-join per key. Returns the violated
 * constraints as `table.column -> parent` (empty when all hold).
 */
export async function foreignKeyViolations(db: Db, table: BulkTable, ids: { readonly after: string; readonly last: string }): Promise<string[]> {
  const violations: string[] = [];
  for (const key of await foreignKeysOf(db, table)) {
    const result = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table)} c
       where c.id > ${ids.after}::uuid and c.id <= ${ids.last}::uuid and c.${sql.id(key.column)} is not null
         and not exists (select 1 from ${sql.table(key.parent)} p where p.${sql.id(key.parentColumn)} = c.${sql.id(key.column)})`.execute(db);
    if ((result.rows[0]?.n ?? 0) > 0) violations.push(`${table}.${key.column} -> ${key.parent}`);
  }
  return violations;
}

// ---- COPY on PostgreSQL --------------------------------------------------------------------------

/** The messages of the wire protocol's copy-in sub-protocol, which `pg`'s Connection sends but does not declare. */
interface CopyInConnection extends pg.Connection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** Bytes per CopyData message. */
const COPY_CHUNK = 256 * 1024;

/**
 * `COPY table (columns) FROM STDIN` with the whole text at once, as a `pg` submittable (the client
 * hands it the protocol messages of the query: CopyInResponse, then CommandComplete or an error,
 * then ReadyForQuery). The server parses the text format straight into the table's types: no
 * statement to plan, no arrays to build and cast.
 */
class CopyIn implements pg.Submittable {
  private error: Error | undefined;
  private rows = 0;

  constructor(
    private readonly statement: string,
    private readonly data: Buffer,
    private readonly done: (error: Error | undefined, rows: number) => void,
  ) {}

  submit(connection: pg.Connection): void {
    connection.query(this.statement);
  }

  handleCopyInResponse(connection: pg.Connection): void {
    const copy = connection as CopyInConnection;
    for (let offset = 0; offset < this.data.length; offset += COPY_CHUNK) copy.sendCopyFromChunk(this.data.subarray(offset, offset + COPY_CHUNK));
    copy.endCopyFrom();
  }

  handleCommandComplete(message: { readonly text?: string }): void {
    const match = /^COPY (\d+)$/.exec(message.text ?? '');
    if (match !== null) this.rows = Number(match[1]);
  }

  /** The client forgets the query on an error (no ReadyForQuery reaches it): the copy ends here. */
  handleError(error: Error): void {
    this.finish(this.error ?? error);
  }

  handleReadyForQuery(): void {
    this.finish(this.error);
  }

  private finished = false;

  private finish(error: Error | undefined): void {
    if (this.finished) return;
    this.finished = true;
    this.done(error, this.rows);
  }

  // a COPY FROM answers none of these; defined so that a surprise fails the copy instead of the client
  handleRowDescription(): void {
    this.error ??= new Error('COPY FROM answered with rows');
  }
  handleDataRow(): void {
    this.error ??= new Error('COPY FROM answered with rows');
  }
  handleEmptyQuery(): void {
    this.error ??= new Error('COPY FROM answered an empty query');
  }
  handlePortalSuspended(): void {
    this.error ??= new Error('COPY FROM suspended');
  }
  handleCopyData(): void {
    this.error ??= new Error('COPY FROM answered with data');
  }
}

/**
 * Writes rows given as COPY text (PostgreSQL's text format, one line per row) into `table`:
 * every constraint and trigger applies as to an insert. Resolves with the number of rows.
 */
export function copyRows(client: pg.Client, table: BulkTable, columns: readonly string[], text: Buffer): Promise<number> {
  if (text.length === 0) return Promise.resolve(0);
  const statement = `copy ${pg.escapeIdentifier(table)} (${columns.map((c) => pg.escapeIdentifier(c)).join(', ')}) from stdin`;
  return new Promise((resolve, reject) => {
    // a connection lost in the middle never answers: fail instead of waiting for ReadyForQuery
    const lost = (error?: Error) => { reject(error ?? new Error('the connection ended during COPY')); };
    client.once('error', lost);
    client.once('end', lost);
    client.query(
      new CopyIn(statement, text, (error, rows) => {
        client.off('error', lost);
        client.off('end', lost);
        if (error === undefined) resolve(rows);
        else reject(error);
      }),
    );
  });
}

/** A connection of its own to the database at `url`, for COPY (no statement timeout: a batch may take long). */
export async function openCopyConnection(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // a connection lost between statements must not end the process: its next statement fails
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Whether the connection's role is a superuser (may enter bulk-load mode, `enterBulkLoadMode`). */
export async function isSuperuser(client: pg.Client): Promise<boolean> {
  const result = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
  return result.rows[0]?.rolsuper === true;
}
