/**
 * CPU per operation from a load run: the CPU a group of processes used in each second is fitted, by
 * least squares with non-negative costs, to the operations completed in that second:
 *   cpu(s) = idle + checkIn × checkIns(s) + fetch × fetches(s) + save × saves(s) + submit × submits(s)
 * The run's phases (ramp: check-ins; steady: saves and fetches; closed-loop burst: saves alone; the
 * end: submits) make the costs separable. Figures are CPU microseconds, which other work on the cores distorts far
 * less than latency does.
 */
import type { CpuSeries } from './process-cpu.ts';
import type { Timeline } from './virtual-candidates.ts';

export interface CpuPerOperation {
  /** CPU µs per check-in (HTTP check-in, socket handshake, session:start). */
  checkInUs: number;
  /** CPU µs per item fetch. */
  fetchUs: number;
  /** CPU µs per acknowledged (durable) save. */
  saveUs: number;
  /** CPU µs per submit (the session closed; scoring runs later, in the grading queue). */
  submitUs: number;
  /** CPU ms per second with no operation (timers, sampling, background work). */
  idleMsPerS: number;
  /** Seconds fitted, and how much of the CPU's variation the fit explains (R²). */
  seconds: number;
  r2: number;
}

/** Cumulative CPU at time `t`, interpolated between samples. */
function cpuAt(series: CpuSeries, t: number): number {
  const { at, cpuSeconds } = series;
  if (t <= at[0]!) return cpuSeconds[0]!;
  for (let i = 1; i < at.length; i++) {
    if (t <= at[i]!) {
      const f = (t - at[i - 1]!) / (at[i]! - at[i - 1]!);
      return cpuSeconds[i - 1]! + f * (cpuSeconds[i]! - cpuSeconds[i - 1]!);
    }
  }
  return cpuSeconds.at(-1)!;
}

/** Solves the normal equations of least squares for the columns in `use` (Gaussian elimination). */
function leastSquares(rows: number[][], y: number[], use: number[]): number[] {
  const n = use.length;
  const a = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  for (let r = 0; r < rows.length; r++)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i]![j]! += rows[r]![use[i]!]! * rows[r]![use[j]!]!;
      a[i]![n]! += rows[r]![use[i]!]! * y[r]!;
    }
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    if (Math.abs(a[c]![c]!) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= n; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const full = new Array<number>(rows[0]!.length).fill(0);
  use.forEach((col, i) => (full[col] = Math.abs(a[i]![i]!) < 1e-12 ? 0 : a[i]![n]! / a[i]![i]!));
  return full;
}

/**
 * CPU µs per save in the closed-loop burst, where saves are nearly all the work: the CPU used between
 * the burst's start and end over the saves acknowledged in it. Needs no fit, so it is the headline
 * figure (idle work is included, which a saturated burst makes small).
 */
export function cpuPerBurstSave(series: CpuSeries, burstStart: number, burstEnd: number, burstAcks: number) {
  if (!burstAcks) return 0;
  return Math.round(((cpuAt(series, burstEnd) - cpuAt(series, burstStart)) / burstAcks) * 1e7) / 10;
}

/** Fits the costs over the seconds from `startAt` for which both CPU samples and the timeline exist. */
export function cpuPerOperation(series: CpuSeries, timeline: Timeline, startAt: number): CpuPerOperation {
  const seconds = Math.min(
    Math.floor((series.at.at(-1)! - startAt) / 1000),
    Math.max(
      timeline.checkIns.length,
      timeline.fetches.length,
      timeline.saves.length,
      timeline.submits.length,
    ),
  );
  const rows: number[][] = [];
  const y: number[] = [];
  for (let s = 0; s < seconds; s++) {
    const t = startAt + s * 1000;
    if (t < series.at[0]!) continue;
    rows.push([
      1,
      timeline.checkIns[s] ?? 0,
      timeline.fetches[s] ?? 0,
      timeline.saves[s] ?? 0,
      timeline.submits[s] ?? 0,
    ]);
    y.push(cpuAt(series, t + 1000) - cpuAt(series, t));
  }
  if (!rows.length)
    return { checkInUs: 0, fetchUs: 0, saveUs: 0, submitUs: 0, idleMsPerS: 0, seconds: 0, r2: 0 };
  // Non-negative least squares by elimination: a cost fitted below zero is an operation the data
  // cannot tell apart from the others; drop it (cost 0) and fit again.
  let use = [0, 1, 2, 3, 4];
  let beta = leastSquares(rows, y, use);
  for (;;) {
    const negative = use.filter((c) => beta[c]! < 0);
    if (!negative.length) break;
    use = use.filter((c) => !negative.includes(c));
    beta = leastSquares(rows, y, use);
  }
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const fitted = rows.map((r) => r.reduce((a, x, i) => a + x * beta[i]!, 0));
  const ssRes = y.reduce((a, v, i) => a + (v - fitted[i]!) ** 2, 0);
  const ssTot = y.reduce((a, v) => a + (v - mean) ** 2, 0);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    idleMsPerS: round(beta[0]! * 1000),
    checkInUs: round(beta[1]! * 1e6),
    fetchUs: round(beta[2]! * 1e6),
    saveUs: round(beta[3]! * 1e6),
    submitUs: round(beta[4]! * 1e6),
    seconds: rows.length,
    r2: Math.round((ssTot ? 1 - ssRes / ssTot : 0) * 1000) / 1000,
  };
}
