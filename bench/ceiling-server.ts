// The ceiling of the HTTP benchmark: the same framework (Fastify 5), the same driver and pool
// (Kysely over pg, DATABASE_POOL_SIZE connections) and the same database, answering one
// primary-key select per request with a small JSON body in and out. Nothing the service does can
// be cheaper than this, so the service's throughput is reported as a ratio of it.
// Run: DATABASE_URL=... PORT=... node --import tsx bench/ceiling-server.ts
import Fastify from 'fastify';
import { openDatabase } from '../src/db/connect.js';

const url = process.env.DATABASE_URL ?? '';
const port = Number(process.env.PORT ?? '0');
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? '10');
const handle = await openDatabase({ kind: 'postgres', url, poolSize });
const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } });

app.post('/ceiling', async (request, reply) => {
  const body = request.body as { id?: unknown } | null;
  const id = typeof body?.id === 'string' ? body.id : '';
  const row = await handle.db.selectFrom('patient').select(['id', 'display_name', 'birth_date']).where('id', '=', id).executeTakeFirst();
  if (row === undefined) return reply.code(404).send({ code: 'not_found' });
  return { id: row.id, displayName: row.display_name, birthDate: row.birth_date };
});
app.get('/readyz', () => Promise.resolve({ status: 'ready' }));

await app.listen({ port, host: '127.0.0.1' });
const stop = (): void => {
  void app.close().then(() => handle.close());
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
