/** Helpers shared by the load runs (run.ts, adaptive-run.ts, centre-run.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type hdr from 'hdr-histogram-js';
import type { Config } from '../engine/index.ts';
import { connectPostgres } from '../engine/platform/db/connect-postgres.ts';
import type { Database } from '../engine/platform/db/database.ts';
import { rowsOf } from '../engine/platform/db/rows.ts';
import { testConfig } from '../engine/tests/support/test-engine.ts';

export const quantiles = (h: hdr.Histogram) => ({
  p50: h.getValueAtPercentile(50),
  p95: h.getValueAtPercentile(95),
  p99: h.getValueAtPercentile(99),
  max: h.maxValue,
});

/** A fresh, empty PostgreSQL database for one run (the engine migrates it when it opens). */
export async function createPostgresDatabase(baseUrl: string) {
  const name = `exam_load_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = connectPostgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const dropper = connectPostgres(baseUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** PostgreSQL's address for the runs that ask for it (`--postgres`). */
export const postgresBaseUrl = () =>
  process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * One engine's place for a run: a data folder, its own PostgreSQL database when asked (else PGlite
 * in the folder), Redis when asked; the config for setting it up in this process and the environment
 * for starting it as its own process (`npm start`). `dispose` drops the database and the folder.
 */
export async function loadRunEngine(
  options: { postgres: boolean; redis: boolean },
  overrides: Partial<Config> = {},
  extraEnv: NodeJS.ProcessEnv = {},
) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'exam-load-'));
  const pg = options.postgres ? await createPostgresDatabase(postgresBaseUrl()) : undefined;
  const config = testConfig({
    dataDir,
    databaseUrl: pg?.url,
    redisUrl: options.redis ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined,
    ...overrides,
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: pg?.url ?? '',
    REDIS_URL: config.redisUrl ?? '',
    JWT_SECRET: config.jwtSecret,
    AUDIT_KEY: config.auditKey,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  return {
    config,
    env,
    pg,
    async dispose() {
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type AcknowledgedSave = { sessionId: string; itemRef: string; seq: number; value: string };

/** How many acknowledged saves `db` does not hold with the value the candidate was told was kept. */
export async function unstoredSaves(db: Database, acknowledged: AcknowledgedSave[]): Promise<number> {
  const stored = new Map(
    rowsOf<{ k: string; v: string }>(
      await db.execute(
        sql`select session_id || '|' || item_ref || '|' || client_seq as k, value->>'RESPONSE' as v from responses`,
      ),
    ).map((r) => [r.k, r.v]),
  );
  return acknowledged.filter((a) => stored.get(`${a.sessionId}|${a.itemRef}|${a.seq}`) !== a.value).length;
}

/** The paced-then-burst scenario of a run's options over a prepared sitting (setup-sitting.ts). */
export const scenarioOf = (
  sitting: {
    accessCode: string;
    itemRefs: string[];
    candidates: Array<{ candidateNumber: string; dateOfBirth: string }>;
  },
  options: { ramp: number; duration: number; saveEvery: number; burst: number },
) => ({
  accessCode: sitting.accessCode,
  itemRefs: sitting.itemRefs,
  candidates: sitting.candidates,
  rampSeconds: options.ramp,
  durationSeconds: options.duration,
  saveEverySeconds: options.saveEvery,
  burstSeconds: options.burst,
});

/** Seconds from the first check-in's start to the last one's answer, and errors of every kind. */
export const checkInSeconds = (result: { lastCheckInAt: number; startAt: number }) =>
  Number(((result.lastCheckInAt - result.startAt) / 1000).toFixed(1));
export const errorCount = (result: { errors: Record<string, number> }) =>
  Object.values(result.errors).reduce((a, b) => a + b, 0);
