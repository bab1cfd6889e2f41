import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../errors.js';

/** A client's `Idempotency-Key` with a hash of the request it came with. */
export interface IdempotencyRequest {
  readonly key: string;
  readonly requestHash: string;
}

/**
 * Claims a key inside the operation's transaction. A second request with the same key waits for
 * the first one's transaction (the primary key insert blocks), then replays its stored result; a
 * key reused with a different request is a conflict. A failed operation rolls its claim back, so
 * the client may retry with the same key.
 */
export async function claimIdempotencyKey(trx: Transaction<Database>, userId: string, request: IdempotencyRequest | undefined): Promise<{ replay: unknown } | undefined> {
  if (request === undefined) return undefined;
  const claimed = await trx
    .insertInto('idempotency_key')
    .values({ user_id: userId, key: request.key, request_hash: request.requestHash })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (claimed !== undefined) return undefined;
  const row = await trx.selectFrom('idempotency_key').select(['request_hash', 'response']).where('user_id', '=', userId).where('key', '=', request.key).executeTakeFirstOrThrow();
  if (row.request_hash !== request.requestHash) {
    throw new AppError('conflict', 'This Idempotency-Key was used for a different request; use a new key.');
  }
  if (row.response === null) throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed.');
  return { replay: row.response };
}

export async function completeIdempotencyKey(trx: Transaction<Database>, userId: string, request: IdempotencyRequest | undefined, statusCode: number, result: unknown): Promise<void> {
  if (request === undefined) return;
  await trx
    .updateTable('idempotency_key')
    .set({ status_code: statusCode, response: JSON.stringify(result) })
    .where('user_id', '=', userId)
    .where('key', '=', request.key)
    .execute();
}

/** Gives the key back when the operation ends without a result worth replaying (a blocked decision). */
export async function releaseIdempotencyKey(trx: Transaction<Database>, userId: string, request: IdempotencyRequest | undefined): Promise<void> {
  if (request === undefined) return;
  await trx.deleteFrom('idempotency_key').where('user_id', '=', userId).where('key', '=', request.key).execute();
}
