/**
 * `npm run load -- --candidates N --ramp S --duration S [--save-every S] [--drop-rate R] [--postgres] [--redis]`
 * Prepares a sitting, starts the engine as its own process, drives virtual candidates against it,
 * then the same load against a bare Socket.IO echo server (the transport baseline), and checks
 * that every acknowledged save is in the database. Writes load-tests/results/<timestamp>.json and
 * .md and prints a JSON summary as its last line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../engine/audit/audit-log.ts';
import { createEngine, createLogger } from '../engine/index.ts';
import postgres from 'postgres';
import { testConfig } from '../engine/test/test-engine.ts';
import { startEngineProcess } from '../engine/test/engine-process.ts';
import { setupSitting } from './setup-sitting.ts';
import { runScenario, type ScenarioResult } from './virtual-candidates.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface LoadOptions {
  candidates: number;
  ramp: number;
  duration: number;
  saveEvery: number;
  dropRate: number;
  postgres: boolean;
  redis: boolean;
}

function parseArgs(argv: string[]): LoadOptions {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return {
    candidates: get('candidates', 200),
    ramp: get('ramp', 10),
    duration: get('duration', 30),
    saveEvery: get('save-every', 15),
    dropRate: get('drop-rate', 0.02),
    postgres: argv.includes('--postgres') || argv.includes('--redis'),
    redis: argv.includes('--redis'),
  };
}

const quantiles = (h: ScenarioResult['saveAckMs']) => ({
  p50: h.getValueAtPercentile(50),
  p95: h.getValueAtPercentile(95),
  p99: h.getValueAtPercentile(99),
  max: h.maxValue,
});

async function sampleMetrics(url: string, samples: unknown[], stop: { done: boolean }) {
  while (!stop.done) {
    const m = await fetch(`${url}/metrics`).then(
      (r) => r.json(),
      () => undefined,
    );
    if (m) samples.push(m);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

export async function runLoad(options: LoadOptions) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'exam-load-'));
  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  const pg = options.postgres ? await createPostgresDatabase(baseUrl) : undefined;
  const config = testConfig({
    dataDir,
    databaseUrl: pg?.url,
    redisUrl: options.redis ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined,
  });
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: pg?.url ?? '',
    REDIS_URL: config.redisUrl ?? '',
    JWT_SECRET: config.jwtSecret,
    LOG_LEVEL: 'warn',
  };
  try {
    const sitting = await setupSitting(config, options.candidates);
    const engine = await startEngineProcess(env);
    const samples: Array<{
      eventLoopDelayMs: { p99: number; max: number };
      memoryMb: { rss: number };
      cpuSeconds: { user: number; system: number };
    }> = [];
    const stop = { done: false };
    const sampling = sampleMetrics(engine.url, samples, stop);
    const cpu0 = process.cpuUsage();
    const started = Date.now();
    const result = await runScenario({
      baseUrl: engine.url,
      accessCode: sitting.accessCode,
      itemRefs: sitting.itemRefs,
      candidates: sitting.candidates,
      rampSeconds: options.ramp,
      durationSeconds: options.duration,
      saveEverySeconds: options.saveEvery,
      dropRate: options.dropRate,
    });
    const elapsedS = (Date.now() - started) / 1000;
    const generatorCpu = process.cpuUsage(cpu0);
    stop.done = true;
    await sampling;
    await engine.kill('SIGTERM');

    // Every acknowledged save must be in the database.
    const check = await createEngine(config, { logger: createLogger('warn') });
    let lost = 0;
    try {
      const stored = new Set(
        rowsOf<{ k: string }>(
          await check.deps.db.execute(
            sql`select session_id || '|' || item_ref || '|' || client_seq || '|' || (value->>'RESPONSE') as k from responses`,
          ),
        ).map((r) => r.k),
      );
      for (const a of result.acknowledged)
        if (!stored.has(`${a.sessionId}|${a.itemRef}|${a.seq}|${a.value}`)) lost++;
    } finally {
      await check.close();
    }

    // The transport alone, with the same load.
    const echo = await startEcho();
    const baseline = await runScenario({
      baseUrl: echo.url,
      accessCode: 'x',
      itemRefs: sitting.itemRefs,
      candidates: sitting.candidates,
      rampSeconds: options.ramp,
      durationSeconds: options.duration,
      saveEverySeconds: options.saveEvery,
      dropRate: 0,
    });
    echo.stop();

    const engineRate = result.acknowledged.length / elapsedS;
    const baselineRate = baseline.saveAckMs.totalCount / elapsedS;
    const summary = {
      candidates: options.candidates,
      checkInS: Number(result.checkInSpanS.toFixed(1)),
      saveAckMs: quantiles(result.saveAckMs),
      saves: result.acknowledged.length,
      errors: Object.values(result.errors).reduce((a, b) => a + b, 0),
      lostResponses: lost,
      baselineRatio: Number((baselineRate ? engineRate / baselineRate : 0).toFixed(3)),
    };
    const details = {
      options,
      database: pg ? 'postgres' : 'pglite',
      summary,
      errorsByKind: result.errors,
      checkInMs: quantiles(result.checkInMs),
      itemFetchMs: quantiles(result.fetchMs),
      baselineSaveAckMs: quantiles(baseline.saveAckMs),
      engineEventLoopDelayMsMax: Math.max(0, ...samples.map((s) => s.eventLoopDelayMs.max)),
      engineRssMbMax: Math.max(0, ...samples.map((s) => s.memoryMb.rss)),
      engineCpuSeconds: samples.at(-1)?.cpuSeconds,
      generatorCpuSeconds: { user: generatorCpu.user / 1e6, system: generatorCpu.system / 1e6 },
      elapsedS,
    };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    writeFileSync(path.join(here, 'results', `${stamp}.json`), JSON.stringify(details, null, 2));
    writeFileSync(
      path.join(here, 'results', `${stamp}.md`),
      [`# Load run ${stamp}`, '', '```json', JSON.stringify(details, null, 2), '```', ''].join('\n'),
    );
    return summary;
  } finally {
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A fresh, empty PostgreSQL database for one run (the engine migrates it when it opens). */
async function createPostgresDatabase(baseUrl: string) {
  const name = `exam_load_${Date.now()}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

function startEcho(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'echo-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /localhost:(\d+)/.exec(chunk.toString());
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`echo server exited with ${code}`)));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const summary = await runLoad(parseArgs(process.argv.slice(2)));
  console.log(JSON.stringify(summary));
}
