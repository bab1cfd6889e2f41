import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web app's pure modules (API client, form parsing, formatting) are tested here, in Node:
// `npx vitest run --config web/vitest.config.ts` (they also run in the root "unit" project, so
// `npm test` includes them). Screens are tested in a real browser (e2e/).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'web',
    include: ['web/src/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
  },
});
