import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { embeddedHandle, openDatabase } from '../connect.js';
import { migrateToLatest } from '../migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** File holding a dump of a migrated PGlite data directory (embedded engine). */
    pgliteTemplateFile: string;
    /** PostgreSQL admin URL and migrated template database name (when TEST_DATABASE_URL is set). */
    postgresAdminUrl: string;
    postgresTemplate: string;
    postgresRunId: string;
  }
}

/**
 * Migrates one template per test run, so each test gets a fresh, migrated database fast:
 * PGlite by default (a dumped data directory that each test loads), PostgreSQL when
 * TEST_DATABASE_URL is set (CREATE DATABASE ... TEMPLATE ...).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';
  project.provide('postgresAdminUrl', adminUrl);
  if (adminUrl !== '') return setupPostgres(project, adminUrl);
  return setupPglite(project);
}

async function setupPglite(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'isocourse-test-'));
  const pglite = await PGlite.create('memory://');
  const handle = embeddedHandle(pglite);
  const outcome = await migrateToLatest(handle.db);
  if (!outcome.ok) throw new Error(`migrating the test template failed at ${outcome.failed ?? '?'}: ${String(outcome.error)}`);
  const dump = await pglite.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplateFile', file);
  project.provide('postgresTemplate', '');
  project.provide('postgresRunId', '');
  return () => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  };
}

async function setupPostgres(project: TestProject, adminUrl: string): Promise<() => Promise<void>> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const template = `isocourse_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
  const outcome = await migrateToLatest(handle.db);
  await handle.close();
  if (!outcome.ok) throw new Error(`migrating the test template failed at ${outcome.failed ?? '?'}: ${String(outcome.error)}`);
  project.provide('postgresTemplate', template);
  project.provide('postgresRunId', runId);
  project.provide('pgliteTemplateFile', '');
  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    const { rows } = await cleanup.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 or datname = $2`,
      [`isocourse_t_${runId}_%`, template],
    );
    for (const { datname } of rows) await cleanup.query(`drop database if exists ${datname} with (force)`);
    await cleanup.end();
  };
}
