/**
 * Spreads the virtual candidates over generator processes, so the load is not capped by one
 * client event loop, and merges their results (histograms travel compressed over IPC).
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import hdr from 'hdr-histogram-js';
import type { ScenarioOptions, ScenarioResult } from './virtual-candidates.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A scenario result as it crosses the process boundary. */
export interface EncodedResult extends Omit<ScenarioResult, HistogramName> {
  histograms: Record<HistogramName, string>;
  cpuSeconds: number;
}

type HistogramName = 'checkInMs' | 'fetchMs' | 'saveAckMs' | 'burstAckMs' | 'nextItemMs' | 'navigateMs';

export function encodeResult(result: ScenarioResult, cpuSeconds: number): EncodedResult {
  const { checkInMs, fetchMs, saveAckMs, burstAckMs, nextItemMs, navigateMs, ...rest } = result;
  const histograms = {
    checkInMs: hdr.encodeIntoCompressedBase64(checkInMs),
    fetchMs: hdr.encodeIntoCompressedBase64(fetchMs),
    saveAckMs: hdr.encodeIntoCompressedBase64(saveAckMs),
    burstAckMs: hdr.encodeIntoCompressedBase64(burstAckMs),
    nextItemMs: hdr.encodeIntoCompressedBase64(nextItemMs),
    navigateMs: hdr.encodeIntoCompressedBase64(navigateMs),
  };
  return { ...rest, histograms, cpuSeconds };
}

export interface MergedResult extends ScenarioResult {
  /** CPU seconds (user + system) spent by all generator processes. */
  generatorCpuSeconds: number;
}

function merge(parts: EncodedResult[]): MergedResult {
  const decoded = (name: HistogramName) => {
    const [first, ...others] = parts.map((p) => hdr.decodeFromCompressedBase64(p.histograms[name]));
    for (const h of others) first!.add(h);
    return first!;
  };
  const errors: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.errors)) errors[k] = (errors[k] ?? 0) + v;
  const retries: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.retries)) retries[k] = (retries[k] ?? 0) + v;
  return {
    checkInMs: decoded('checkInMs'),
    fetchMs: decoded('fetchMs'),
    saveAckMs: decoded('saveAckMs'),
    burstAckMs: decoded('burstAckMs'),
    nextItemMs: decoded('nextItemMs'),
    navigateMs: decoded('navigateMs'),
    errors,
    retries,
    acknowledged: parts.flatMap((p) => p.acknowledged),
    saves: parts.reduce((a, p) => a + p.saves, 0),
    lastCheckInAt: Math.max(...parts.map((p) => p.lastCheckInAt)),
    burstAcks: parts.reduce((a, p) => a + p.burstAcks, 0),
    burstSeconds: parts[0]?.burstSeconds ?? 0,
    generatorCpuSeconds: parts.reduce((a, p) => a + p.cpuSeconds, 0),
    timeline: {
      checkIns: sumSeries(parts.map((p) => p.timeline.checkIns)),
      fetches: sumSeries(parts.map((p) => p.timeline.fetches)),
      saves: sumSeries(parts.map((p) => p.timeline.saves)),
      submits: sumSeries(parts.map((p) => p.timeline.submits)),
    },
  };
}

const sumSeries = (series: number[][]) =>
  Array.from({ length: Math.max(0, ...series.map((s) => s.length)) }, (_, i) =>
    series.reduce((a, s) => a + (s[i] ?? 0), 0),
  );

/**
 * Runs the scenario in `workers` child processes, each with a contiguous slice of the candidates.
 * `nice` lowers the generators' scheduling priority, so that on shared cores the engine and the
 * database are served first (the generators' own latency then includes their waiting: say so).
 */
export async function runGenerators(
  options: ScenarioOptions,
  workers: number,
  nice = 0,
): Promise<MergedResult & { startAt: number }> {
  const total = options.candidates.length;
  const per = Math.ceil(total / workers);
  const slices = Array.from({ length: workers }, (_, w) => ({
    offset: w * per,
    candidates: options.candidates.slice(w * per, (w + 1) * per),
  })).filter((s) => s.candidates.length > 0);
  // Each generator loads, says it is ready, and all start their scenario at the same instant.
  const children = slices.map((slice) => {
    const child = fork(path.join(here, 'generator-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (nice && child.pid) os.setPriority(child.pid, nice);
    const messages: unknown[] = [];
    const waiters: Array<(m: unknown) => void> = [];
    child.on('message', (m) => (waiters.length ? waiters.shift()!(m) : messages.push(m)));
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`load generator exited with ${code} before reporting`))),
    );
    exited.catch(() => {});
    const next = () =>
      Promise.race([
        new Promise<unknown>((resolve) =>
          messages.length ? resolve(messages.shift()) : waiters.push(resolve),
        ),
        exited,
      ]);
    const scenario: ScenarioOptions = {
      ...options,
      candidates: slice.candidates,
      indexOffset: slice.offset,
      totalCandidates: total,
    };
    child.send(scenario);
    return { child, next };
  });
  await Promise.all(children.map((c) => c.next()));
  const startAt = Date.now() + 100;
  children.forEach((c) => c.child.send({ startAt }));
  const parts = (await Promise.all(children.map((c) => c.next()))) as EncodedResult[];
  children.forEach((c) => c.child.connected && c.child.disconnect());
  return { ...merge(parts), startAt };
}
