import { defineConfig } from 'vitest/config';

/**
 * `TEST_SCOPE=storage` runs only the tests that can reach a database or Redis. The item bank, grading
 * (but its code-grading queue), proctoring and the QTI CLI's file commands never import the engine or a storage client
 * (ARCHITECTURE.md), so their tests give the same result whatever DATABASE_URL and REDIS_URL say; CI's
 * PostgreSQL + Redis pass leaves them to the embedded pass, which runs everything.
 */
const storageIndependent = [
  'item-bank/**',
  'proctor/**',
  'grading/!(code)/**',
  'grading/*.test.ts',
  // The QTI CLI's convert, validate and score commands read files and write files, never a database.
  'scripts/qti/convert.test.ts',
  'scripts/qti/qti-cli.test.ts',
  'scripts/qti/export-round-trip.test.ts',
  'scripts/qti/export-schema.test.ts',
  'scripts/qti/round-trip-scores.test.ts',
  'scripts/qti/validate-schemas.test.ts',
];
const gradingCodeOutsideQueue = ['grading/code/!(queue)/**', 'grading/code/*.test.ts'];
const storageOnly = process.env.TEST_SCOPE === 'storage';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: [
      'node_modules/**',
      'data/**',
      'dist/**',
      '**/*.case.test.ts',
      ...(storageOnly ? [...storageIndependent, ...gradingCodeOutsideQueue] : []),
    ],
    globalSetup: ['engine/tests/support/global-setup.ts', 'system-tests/browser/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest defaults to cores - 1 (one worker on a 2-core CI machine); most test files wait on engine
    // processes, Chromium and sockets rather than compute, so a few more run well side by side.
    maxWorkers: 3,
  },
});
