import { sql, type Kysely, type Transaction } from 'kysely';
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

function columnText(rows: ReadonlyArray<Readonly<Record<string, unknown>>>, column: string): string {
  const values = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const value = rows[i]?.[column];
    if (value === null || value === undefined) values[i] = NULL_MARK;
    else if (typeof value === 'string') {
      if (CONTROL.test(value)) throw new RangeError(`a value of ${column} holds a control character`);
      values[i] = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') values[i] = String(value);
    else values[i] = JSON.stringify(value);
  }
  return values.join(SEPARATOR);
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
  const types = await typesOf(db, table);
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  const columns = [...names];
  const arrays = columns.map((c) => {
    const type = types.get(c);
    if (type === undefined) throw new RangeError(`${table} has no column ${c}`);
    return sql`string_to_array(${columnText(rows, c)}::text, ${SEPARATOR}::text, ${NULL_MARK}::text)::${sql.raw(type)}[]`;
  });
  const result = await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))})
    select * from unnest(${sql.join(arrays)})`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
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
 * `foreignKeyViolations` before committing. Unique, check and not-null constraints are not
 * triggers and apply unchanged; the append-only triggers fire on update and delete only.
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
