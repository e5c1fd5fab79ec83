/**
 * `npm run capacity -- [--run <results.json>] [--multi <results.json>]`: writes load-tests/CAPACITY.md,
 * the engines, cores, PostgreSQL and Redis a national exam morning needs at 10,000, 100,000 and
 * 1,000,000 candidates, computed from the CPU per operation a load run measured (cpu-per-operation.ts).
 * `--run` is a one-engine PostgreSQL run (default: the newest such result), `--multi` a run with
 * `--engines 2` and Redis (default: the newest such result, if any) for the Redis adapter's cost.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CpuPerOperation } from './cpu-per-operation.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

interface RunResult {
  options: { candidates: number; engines: number; ramp: number; duration: number; saveEvery: number };
  database: string;
  redis: boolean;
  summary: { checkInS: number; saveAckMs: { p99: number }; errors: number; lostResponses: number };
  engines: Array<{ rssMbMax: number }>;
  cpuPerOperation?: Record<string, CpuPerOperation>;
  /** CPU µs per save in the closed-loop burst (no fit needed): preferred for the save cost. */
  burstUsPerSave?: Record<string, number>;
  /** Each phase's CPU over its operations without a fit (run.ts): the fallback where a fit cannot separate. */
  phaseCpuUs?: Record<string, { rampUsPerCheckIn: number; steadyUsPerSave: number }>;
  loadAverage?: number[];
}

/** The morning the model plans for (stated in CAPACITY.md). */
export const MORNING = {
  checkInWindowS: 600,
  /** The busiest minute of check-in carries this multiple of the average rate. */
  checkInPeak: 2,
  autosaveEveryS: 15,
  itemsPerCandidate: 40,
  examS: 90 * 60,
  submitStormS: 60,
  /** Plan each machine to run at this share of its cores at the peak. */
  utilisation: 0.6,
  /** Node runs one engine per core (one event loop). */
  coresPerEngine: 1,
};

export interface Costs {
  engine: CpuPerOperation;
  postgres: CpuPerOperation;
  /** Redis CPU per operation with more than one engine (the adapter's fan-out); absent without a multi-engine run. */
  redis?: CpuPerOperation;
  /** Engine CPU per save with the Redis adapter (from the multi-engine run), if measured. */
  engineWithAdapter?: CpuPerOperation;
  rssMbPerCandidate: number;
  /**
   * Check-ins one engine completed per second in the run (not CPU: admission, handshake queues). A
   * lower bound when the run's ramp, not the engine, set the pace (`checkInPaced`).
   */
  checkInsPerSPerEngine?: number;
  checkInPaced?: boolean;
}

export interface Plan {
  candidates: number;
  peak: { phase: string; checkInsPerS: number; savesPerS: number; submitsPerS: number; fetchesPerS: number };
  engineCores: number;
  engines: number;
  engineMemoryGb: number;
  postgresCores: number;
  redisCores: number;
  /** Engines needed for the busiest check-in minute at the measured check-in rate per engine. */
  enginesForCheckIn?: number;
  bottleneck: string;
}

/** CPU seconds per second a component needs for the given operation rates. */
const demand = (
  c: CpuPerOperation,
  r: { checkInsPerS: number; savesPerS: number; submitsPerS: number; fetchesPerS: number },
) =>
  (c.checkInUs * r.checkInsPerS +
    c.saveUs * r.savesPerS +
    c.submitUs * r.submitsPerS +
    c.fetchUs * r.fetchesPerS) /
  1e6;

export function plan(candidates: number, costs: Costs): Plan {
  const m = MORNING;
  const savesPerS = candidates / m.autosaveEveryS;
  const fetchesPerS = (candidates * m.itemsPerCandidate) / m.examS;
  const phases = [
    {
      phase: 'check-in (busiest minute; everyone already in autosaves)',
      checkInsPerS: (candidates / m.checkInWindowS) * m.checkInPeak,
      savesPerS,
      submitsPerS: 0,
      fetchesPerS,
    },
    {
      phase: 'submit storm (everyone submits in the last minute while autosaving)',
      checkInsPerS: 0,
      savesPerS,
      submitsPerS: candidates / m.submitStormS,
      fetchesPerS: 0,
    },
  ];
  const engineCost = costs.engineWithAdapter ?? costs.engine;
  const scored = phases.map((p) => ({
    p,
    engine: demand(engineCost, p),
    postgres: demand(costs.postgres, p),
    redis: costs.redis ? demand(costs.redis, p) : 0,
  }));
  const worst = (key: 'engine' | 'postgres' | 'redis') => scored.reduce((a, b) => (b[key] > a[key] ? b : a));
  const engineCores = worst('engine').engine / m.utilisation;
  const engines = Math.max(1, Math.ceil(engineCores / m.coresPerEngine));
  const postgresCores = worst('postgres').postgres / m.utilisation;
  const redisCores = engines > 1 ? worst('redis').redis / m.utilisation : 0;
  // Redis runs commands on one thread and a PostgreSQL primary takes every write: they cannot be added
  // to like engines. The first of them to pass its single-machine ceiling is the bottleneck.
  const limits = [
    { name: 'Redis adapter fan-out (one Redis thread)', need: redisCores, ceiling: 1 },
    {
      name: 'PostgreSQL writes (one primary; 64 cores assumed as the largest sensible machine)',
      need: postgresCores,
      ceiling: 64,
    },
  ];
  const over = limits.filter((l) => l.need > l.ceiling);
  const nearest = [...limits].sort((a, b) => b.need / b.ceiling - a.need / a.ceiling)[0]!;
  // Check-in is bounded by admission and the handshake, not by CPU: the measured rate per engine says
  // how many engines the busiest minute needs; more than CPU asks for makes check-in the first limit.
  const checkInPeakPerS = phases[0]!.checkInsPerS;
  const enginesForCheckIn = costs.checkInsPerSPerEngine
    ? Math.ceil(checkInPeakPerS / costs.checkInsPerSPerEngine)
    : undefined;
  const checkInFirst = enginesForCheckIn !== undefined && enginesForCheckIn > engines;
  const bottleneck = over.length
    ? `${over.map((l) => l.name).join(' and ')}: needs ${over.map((l) => l.need.toFixed(1)).join(' / ')} cores; shard by sitting/region`
    : checkInFirst
      ? `check-in: ${enginesForCheckIn} engines at the measured ${Math.round(costs.checkInsPerSPerEngine!)} check-ins/s each${costs.checkInPaced ? " (a lower bound: the run's ramp set that pace)" : ''}, more than CPU needs`
      : `none reached; nearest is ${nearest.name} at ${Math.round((nearest.need / nearest.ceiling) * 100)} % of its ceiling`;
  const peak = worst('engine').p;
  return {
    candidates,
    peak,
    engineCores: Math.round(engineCores * 10) / 10,
    engines,
    engineMemoryGb: Math.round(((costs.rssMbPerCandidate * candidates) / 1024 + engines * 0.15) * 10) / 10,
    postgresCores: Math.round(postgresCores * 10) / 10,
    redisCores: Math.round(redisCores * 100) / 100,
    ...(enginesForCheckIn !== undefined ? { enginesForCheckIn } : {}),
    bottleneck,
  };
}

function newestResult(test: (r: RunResult) => boolean): string | undefined {
  const dir = path.join(here, 'results');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('bench-'))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f))
    .find((f) => {
      try {
        return test(JSON.parse(readFileSync(f, 'utf8')) as RunResult);
      } catch {
        return false;
      }
    });
}

function costsFrom(single: RunResult, multi?: RunResult): Costs {
  const cpu = single.cpuPerOperation;
  if (!cpu?.engine || !cpu.postgres)
    throw new Error('The run has no CPU per operation for the engine and PostgreSQL.');
  // The burst's direct figure is surer than the fitted one for saves, the bulk of a morning's work.
  // Where the fit cannot separate operations (R² < 0.3), the per-phase figures stand in: check-in CPU
  // over the ramp (its fetches included, so an upper bound) and save CPU over the burst.
  const withBurstSave = (c: CpuPerOperation, run: RunResult, group: string): CpuPerOperation => {
    const saved = run.burstUsPerSave?.[group] ? { ...c, saveUs: run.burstUsPerSave[group] } : c;
    const phase = run.phaseCpuUs?.[group];
    return saved.r2 < 0.3 && phase ? { ...saved, checkInUs: phase.rampUsPerCheckIn, r2: -1 } : saved;
  };
  const checkInS = Math.max(single.summary.checkInS, 1);
  return {
    engine: withBurstSave(cpu.engine, single, 'engine'),
    postgres: withBurstSave(cpu.postgres, single, 'postgres'),
    ...(multi?.cpuPerOperation?.redis
      ? { redis: withBurstSave(multi.cpuPerOperation.redis, multi, 'redis') }
      : {}),
    ...(multi?.cpuPerOperation?.engine
      ? { engineWithAdapter: withBurstSave(multi.cpuPerOperation.engine, multi, 'engine') }
      : {}),
    rssMbPerCandidate:
      single.engines.reduce((a, e) => a + e.rssMbMax, 0) / Math.max(1, single.options.candidates),
    checkInsPerSPerEngine: single.options.candidates / checkInS / Math.max(1, single.options.engines),
    checkInPaced: checkInS <= single.options.ramp * 1.1,
  };
}

/**
 * A run measured with more runnable work than cores (load average above the core count) starves the
 * engine: its burst acknowledges few saves, so the idle CPU (timers, sockets, GC) spread over them
 * inflates the cost per save, and the per-second fit explains little. Said at the top of the costs.
 */
function busyWarning(run: RunResult) {
  const load = run.loadAverage?.[0];
  const cores = os.cpus().length;
  if (load === undefined || load <= cores) return [];
  return [
    `**Measured on a busy machine** (load average ${load} on ${cores} cores at the run's end): the costs below are inflated (idle CPU spread over fewer operations, fits that explain little); the plan is an upper bound until a run on an idle machine replaces it.`,
    '',
  ];
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function capacityMarkdown(
  single: RunResult,
  singleFile: string,
  multi?: RunResult,
  multiFile?: string,
) {
  const costs = costsFrom(single, multi);
  const plans = [10_000, 100_000, 1_000_000].map((n) => plan(n, costs));
  // A fit that explains little of the CPU (R² < 0.3) cannot tell operations apart: its zeros mean
  // "not separable", not "free"; only the burst's direct save figure stands.
  const row = (name: string, c?: CpuPerOperation) =>
    !c
      ? `| ${name} | not measured | | | | | |`
      : c.r2 === -1
        ? `| ${name} | ${c.checkInUs} (ramp, no fit) | not separable | ${c.saveUs} (burst) | not separable | ${c.idleMsPerS} | fit not separable |`
        : c.r2 < 0.3
          ? `| ${name} | not separable | not separable | ${c.saveUs} (burst) | not separable | ${c.idleMsPerS} | ${c.r2} |`
          : `| ${name} | ${c.checkInUs} | ${c.fetchUs} | ${c.saveUs} | ${c.submitUs} | ${c.idleMsPerS} | ${c.r2} |`;
  return [
    '# Capacity model for a national exam morning',
    '',
    'Generated by `npm run capacity` from measured CPU per operation; do not edit by hand.',
    '',
    '## Measured costs (CPU µs per operation)',
    '',
    "Saves: CPU in the closed-loop burst over the saves acknowledged in it. Other operations: each process's CPU per second fitted (least squares, non-negative) to the operations completed in that second over the whole run; R² says how much of the CPU the fit explains.",
    '',
    `From \`${path.relative(path.join(here, '..'), singleFile)}\` (${fmt(single.options.candidates)} candidates, ${single.database}, ${single.options.engines} engine, load average at its end ${single.loadAverage?.join(' / ') ?? 'not recorded'})` +
      (multi && multiFile
        ? ` and \`${path.relative(path.join(here, '..'), multiFile)}\` (${fmt(multi.options.candidates)} candidates, ${multi.options.engines} engines, Redis).`
        : '; no multi-engine run with Redis was found, so the Redis column is not measured.'),
    '',
    ...busyWarning(single),
    '| process | check-in | item fetch | durable save | submit | idle ms/s | R² |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('engine (one, no adapter)', costs.engine),
    row(
      "PostgreSQL (the run's backends and WAL writer; before 2026-12-07 15:40 every postgres process)",
      costs.postgres,
    ),
    row('engine with the Redis adapter', costs.engineWithAdapter),
    row('Redis', costs.redis),
    '',
    `Engine memory: ${(costs.rssMbPerCandidate * 1024).toFixed(0)} KB of RSS per connected candidate at the run's peak.`,
    '',
    `Check-in rate: ${costs.checkInsPerSPerEngine?.toFixed(0) ?? '?'} check-ins/s per engine in that run (${fmt(single.options.candidates)} candidates all in after ${single.summary.checkInS} s, ramp ${single.options.ramp} s${costs.checkInPaced ? '; the ramp set the pace, so the engine can do more: a lower bound' : ''}). Check-in is limited by admission (8 at once, 400 waiting per engine) and the socket handshake, not by CPU, so the plan also counts engines for the busiest check-in minute at that rate.`,
    '',
    "The model counts CPU only. Latency limits that are not CPU (admission queues, waits on locks or fsync) do not show here: compare with the load run's own check-in and acknowledgement figures. Where a process's fit is not separable, its per-operation cost is missing from the plan below (counted as 0): the plan understates that process.",
    '',
    '## The morning planned for',
    '',
    `Check-in spread over ${MORNING.checkInWindowS / 60} minutes with the busiest minute at ${MORNING.checkInPeak}x the average; autosave every ${MORNING.autosaveEveryS} s; ${MORNING.itemsPerCandidate} items over ${MORNING.examS / 60} minutes; every candidate submits in the last ${MORNING.submitStormS} s while the others still autosave. Each machine planned at ${MORNING.utilisation * 100} % of its cores at the peak; one engine process per core (Node runs one event loop).`,
    '',
    '| candidates | peak phase | check-ins/s | saves/s | submits/s | engine cores (engines) | engines for the check-in rate | engine RAM | PostgreSQL cores | Redis cores | first bottleneck |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...plans.map(
      (p) =>
        `| ${fmt(p.candidates)} | ${p.peak.phase} | ${fmt(Math.round(p.peak.checkInsPerS))} | ${fmt(Math.round(p.peak.savesPerS))} | ${fmt(Math.round(p.peak.submitsPerS))} | ${p.engineCores} (${p.engines}) | ${p.enginesForCheckIn ?? 'not measured'} | ${p.engineMemoryGb} GB | ${p.postgresCores} | ${costs.redis ? p.redisCores : 'not measured'} | ${p.bottleneck} |`,
    ),
    '',
    '## What differs on separate machines',
    '',
    '- Here the engine, PostgreSQL, Redis and the load generators share two cores, so latency figures include waiting for each other; CPU per operation is what the model uses because sharing distorts it far less.',
    '- PostgreSQL on its own machine adds a network round trip to each group commit (on the same machine the engine uses the Unix socket): more saves wait in each batch, which lowers CPU per save but raises acknowledgement latency by that round trip.',
    "- fsync cost depends on the disk: the model counts CPU, not the WAL device's flushes per second; a group commit per batch keeps flushes far below saves (check `pg_stat_wal` on the target hardware).",
    '- The Redis adapter sends every room broadcast to every engine: its cost grows with engines × events, which a two-engine run on one machine can only hint at.',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const argv = process.argv.slice(2);
  const arg = (name: string) =>
    argv.includes(name) ? path.resolve(argv[argv.indexOf(name) + 1]!) : undefined;
  const singleFile =
    arg('--run') ??
    newestResult((r) => r.database === 'postgres' && r.options.engines === 1 && Boolean(r.cpuPerOperation));
  if (!singleFile) {
    console.error(
      'No one-engine PostgreSQL load result with CPU per operation: run `npm run load -- ... --postgres` first.',
    );
    process.exit(1);
  }
  const multiFile =
    arg('--multi') ?? newestResult((r) => r.options.engines > 1 && Boolean(r.cpuPerOperation?.redis));
  const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as RunResult;
  const markdown = capacityMarkdown(
    read(singleFile),
    singleFile,
    multiFile ? read(multiFile) : undefined,
    multiFile,
  );
  writeFileSync(path.join(here, 'CAPACITY.md'), markdown);
  console.log(markdown);
}
