/**
 * Engines that keep their data between opens, as a real installation does: a PGlite data
 * folder, or (with DATABASE_URL set) a PostgreSQL database of their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine, type CreateEngineOptions } from '../../engine.ts';
import { createLogger } from '../../platform/logger.ts';
import { createPostgresTestDatabase, testConfig } from './test-engine.ts';
import { testProjection, testScorer } from './delivery-fixtures.ts';

export async function createPersistentStore() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'exam-persist-'));
  const pg = process.env.DATABASE_URL
    ? await createPostgresTestDatabase(process.env.DATABASE_URL)
    : undefined;
  const config = testConfig({ dataDir, databaseUrl: pg?.url });
  return {
    config,
    /** Environment for running the project's scripts against this store. */
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: pg?.url ?? '',
      JWT_SECRET: config.jwtSecret,
      AUDIT_KEY: config.auditKey,
      LOG_LEVEL: 'silent',
    },
    open: (options: Omit<CreateEngineOptions, 'logger'> = {}) =>
      createEngine(config, {
        logger: createLogger('silent'),
        ...options,
        scorer: options.scorer ?? (options.candidateProjection === testProjection ? testScorer : undefined),
      }),
    async remove() {
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const tsxBin = path.join(repoRoot, 'node_modules/.bin/tsx');
