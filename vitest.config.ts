import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'data/**', 'dist/**', '**/*.case.test.ts'],
    globalSetup: ['engine/test/global-setup.ts', 'delivery-client/e2e/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest defaults to cores - 1 (one worker on a 2-core CI machine); most test files wait on engine
    // processes, Chromium and sockets rather than compute, so a few more run well side by side.
    maxWorkers: 3,
  },
});
