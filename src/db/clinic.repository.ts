import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface Clinic {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly timeZone: string;
  readonly createdAt: Date;
}

export interface NewClinic {
  readonly name: string;
  readonly jurisdiction: string;
  readonly timeZone: string;
}

export async function insertClinic(db: Kysely<Database>, clinic: NewClinic): Promise<Clinic> {
  const row = await db
    .insertInto('clinic')
    .values({ name: clinic.name, jurisdiction: clinic.jurisdiction, time_zone: clinic.timeZone, settings: '{}' })
    .returning(['id', 'name', 'jurisdiction', 'time_zone', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, jurisdiction: row.jurisdiction, timeZone: row.time_zone, createdAt: row.created_at };
}

export async function findClinic(db: Kysely<Database>, id: string): Promise<Clinic | undefined> {
  const row = await db
    .selectFrom('clinic')
    .select(['id', 'name', 'jurisdiction', 'time_zone', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { id: row.id, name: row.name, jurisdiction: row.jurisdiction, timeZone: row.time_zone, createdAt: row.created_at };
}
