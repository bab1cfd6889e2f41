import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { embeddedHandle, openDatabase, type DatabaseHandle } from '../connect.js';

export interface TestDatabase extends DatabaseHandle {
  /** Connection URL when the engine is PostgreSQL (for tests that start other processes). */
  readonly url: string | undefined;
}

let counter = 0;
let templateBytes: Buffer | undefined;

/** The engine the tests run on: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngine(): 'pglite' | 'postgres' {
  return inject('postgresAdminUrl') === '' ? 'pglite' : 'postgres';
}

/** A fresh, migrated database of its own for one test (no state shared between tests). */
export async function freshTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  if (adminUrl === '') {
    templateBytes ??= readFileSync(inject('pgliteTemplateFile'));
    const pglite = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(templateBytes)]) });
    return { ...embeddedHandle(pglite), url: undefined };
  }
  counter += 1;
  const name = `isocourse_t_${inject('postgresRunId')}_${process.pid}_${counter}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
