/**
 * CPU seconds of processes on this machine, read from /proc (Linux), sampled once a second while a
 * load run goes on: the engines, PostgreSQL's processes (the server and every backend) and the echo
 * server. Per-second CPU is what the run fits per-operation costs to (cpu-per-operation.ts); unlike
 * latency, it is not distorted much by other processes sharing the cores.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks a second (`getconf CLK_TCK`; 100 on every Linux Node runs on). */
const TICKS_PER_SECOND = 100;

/** user + system CPU seconds of one process, or undefined once it has gone. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Pids of every process whose command name is `name` (e.g. every PostgreSQL backend). */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

export interface CpuSeries {
  /** Epoch ms of each sample. */
  at: number[];
  /** Cumulative CPU seconds of the group at each sample. */
  cpuSeconds: number[];
}

/**
 * Samples the summed CPU of a group of processes every `everyMs` until stopped. `pids` is asked again
 * at each sample, so backends that come and go are counted (a backend's CPU is lost when it exits,
 * which the pooled engine's long-lived connections make rare).
 */
export function sampleCpu(pids: () => number[], everyMs = 1000) {
  const series: CpuSeries = { at: [], cpuSeconds: [] };
  const seen = new Map<number, number>();
  let total = 0;
  const sample = () => {
    for (const pid of pids()) {
      const now = processCpuSeconds(pid);
      if (now === undefined) continue;
      total += now - (seen.get(pid) ?? now);
      seen.set(pid, now);
    }
    series.at.push(Date.now());
    series.cpuSeconds.push(total);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    series,
    stop() {
      clearInterval(timer);
      sample();
      return series;
    },
  };
}
