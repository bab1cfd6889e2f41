import { defineConfig } from 'vitest/config';

// Two tiers by file suffix (see docs/architecture.md):
// - unit: pure tests (`*.test.ts`), no database, no network;
// - int: database and in-process HTTP tests (`*.int.test.ts`), on PGlite by default and on
//   PostgreSQL when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['src/db/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
