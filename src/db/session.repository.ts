import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SessionRecord {
  readonly tokenHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly lastSeenAt: Date;
}

export async function insertSession(db: Db, session: SessionRecord & { createdAt: Date }): Promise<void> {
  await db
    .insertInto('session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      last_seen_at: session.lastSeenAt,
    })
    .execute();
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('session')
    .select(['token_hash', 'user_id', 'csrf_token', 'expires_at', 'last_seen_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { tokenHash: row.token_hash, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at };
}

export async function touchSession(db: Db, tokenHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('session').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
