import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testEngine } from '../db/testing/test-database.js';
import { defineRoute } from './route.js';
import { injectTransport, signedOut } from './testing/http-client.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

// Every route needs a session unless it says `public: true` (src/http/route.ts): a handler that
// forgets to ask who is calling is still closed to signed-out callers.
describe(`access is denied by default, on ${testEngine()}`, () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers 401 to a signed-out caller of a route that never asks for the session, before reading its body', async () => {
    const careless = defineRoute({
      method: 'POST',
      url: '/api/test/careless',
      operationId: 'testCareless',
      summary: 'test only: a handler that forgets to ask who is calling',
      tags: ['test'],
      body: z.strictObject({ note: z.string() }),
      responses: { 200: { description: 'never for a signed-out caller' } },
      handler: () => Promise.resolve({ leaked: true }),
    });
    server = await startTestServer({ extraRoutes: [careless] });
    const anonymous = signedOut(injectTransport(server.app));
    for (const body of [{ note: 'fine' }, { wrong: 1 }]) {
      const r = await anonymous.post('/api/test/careless', body);
      expect(r.status).toBe(401);
      expect(r.json()).toMatchObject({ code: 'unauthenticated' });
    }
    const doc = (await anonymous.get('/api/openapi.json')).json<{ security: unknown; paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>> }>();
    expect(doc.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/test/careless']?.post?.security).toBeUndefined();
    expect(doc.paths['/api/test/careless']?.post?.responses['401']).toBeDefined();
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
  });
});
