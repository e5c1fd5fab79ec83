/**
 * A real engine for one test file: its own database (a copy of the migrated template on
 * PostgreSQL when DATABASE_URL is set, an in-memory PGlite otherwise) and Redis when
 * REDIS_URL is set. Config is built here; tests never change process.env.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPostgres } from '../../platform/db/connect-postgres.ts';
import type { Config } from '../../platform/config.ts';
import type { DatabaseTarget } from '../../platform/db/database.ts';
import { createEngine, type CreateEngineOptions, type Engine } from '../../engine.ts';
import { createLogger } from '../../platform/logger.ts';
import { pgliteFromTemplate } from './pglite-template.ts';
import { databaseUrlFor, templateDatabase } from './postgres-urls.ts';
import { testProjection, testScorer } from './delivery-fixtures.ts';

export interface TestEngine extends Engine {
  config: Readonly<Config>;
  /** PostgreSQL URL of this file's database, when running on PostgreSQL. */
  databaseUrl?: string;
  dispose(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  return Object.freeze({
    port: 0,
    host: '127.0.0.1',
    dataDir: overrides.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'exam-test-')),
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing',
    // One audit key for every engine of a test process (the key is per process, see useAuditKey).
    auditKey: 'test-audit-key-that-is-long-enough-for-hmac-chains',
    logLevel: 'silent' as const,
    trustedProxies: [],
    seedDemo: false,
    databasePoolMax: 20,
    redisUrl: process.env.REDIS_URL || undefined,
    ...overrides,
  });
}

/** Creates an empty PostgreSQL database copied from the migrated template; returns its URL and a dropper. */
export async function createPostgresTestDatabase(baseUrl: string) {
  const name = `exam_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = connectPostgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${templateDatabase()}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlFor(baseUrl, name),
    async drop() {
      const dropper = connectPostgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export async function createTestEngine(
  overrides: Partial<Config> = {},
  options: Pick<
    CreateEngineOptions,
    'candidateProjection' | 'sweepIntervalMs' | 'scorer' | 'checkInAdmission' | 'handshakeAdmission'
  > = {},
): Promise<TestEngine> {
  const baseUrl = process.env.DATABASE_URL;
  const pg = baseUrl ? await createPostgresTestDatabase(baseUrl) : undefined;
  const config = testConfig({ ...overrides, databaseUrl: pg?.url });
  const template = pg ? undefined : await pgliteFromTemplate();
  const database: DatabaseTarget = pg ? { url: pg.url } : template ? { pglite: template } : { memory: true };
  const engine = await createEngine(config, {
    logger: createLogger((process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent'),
    database,
    skipMigrations: Boolean(pg ?? template),
    keyPrefix: `test-${randomUUID()}`,
    ...options,
    // Engines on the hand-made test items also score with the matching stand-in grader.
    scorer: options.scorer ?? (options.candidateProjection === testProjection ? testScorer : undefined),
  });
  return Object.assign(engine, {
    config,
    databaseUrl: pg?.url,
    async dispose() {
      await engine.close();
      await pg?.drop();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  });
}
