/**
 * Item response theory for dichotomous items: Rasch (unit discrimination), 1PL (one common
 * discrimination) and 2PL calibration by marginal maximum likelihood with the EM algorithm of
 * Bock and Aitkin (1981), abilities N(0, 1) integrated on a rectangular quadrature grid; and
 * ability estimates per candidate: EAP with its posterior standard deviation, and MAP (the
 * "empirical Bayes" mode) with the inverse-information standard error.
 *
 * The item response function is P(θ) = 1 / (1 + exp(-(aθ + d))), reported as a and b = -d / a.
 */

export type IrtModel = 'rasch' | '1pl' | '2pl';

export interface IrtItem {
  /** Discrimination. */
  a: number;
  /** Difficulty: the ability with a 50% chance of success. */
  b: number;
  /** Intercept (aθ + d). */
  d: number;
}

export interface IrtData {
  /** One row per candidate (or response pattern): 1 right, 0 wrong, null not presented. */
  rows: (0 | 1 | null)[][];
  /** Frequency of each row; default 1. */
  weights?: number[];
}

export interface CalibrationOptions {
  model: IrtModel;
  /** Quadrature points on [-range, range]; default 61 on [-6, 6]. */
  points?: number;
  range?: number;
  maxIterations?: number;
  /** Stop when no parameter moves more than this between EM cycles. */
  tolerance?: number;
}

export interface Calibration {
  model: IrtModel;
  items: IrtItem[];
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Number of candidates (sum of weights). */
  sampleSize: number;
}

export interface Quadrature {
  nodes: number[];
  weights: number[];
}

/** Rectangular quadrature of the standard normal density. */
export function normalQuadrature(points = 61, range = 6): Quadrature {
  const nodes = Array.from({ length: points }, (_, q) => -range + (2 * range * q) / (points - 1));
  const dens = nodes.map((x) => Math.exp(-0.5 * x * x));
  const total = dens.reduce((s, v) => s + v, 0);
  return { nodes, weights: dens.map((v) => v / total) };
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Merges identical rows so each pattern is evaluated once per EM cycle. */
function compress(data: IrtData): { patterns: (0 | 1 | null)[][]; freq: number[] } {
  const index = new Map<string, number>();
  const patterns: (0 | 1 | null)[][] = [];
  const freq: number[] = [];
  data.rows.forEach((row, r) => {
    const key = row.map((v) => (v === null ? '.' : v)).join('');
    const w = data.weights?.[r] ?? 1;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, patterns.length);
      patterns.push(row);
      freq.push(w);
    } else freq[at]! += w;
  });
  return { patterns, freq };
}

/** Posterior weight of each quadrature node for one pattern, and the pattern's marginal likelihood. */
function posterior(
  row: (0 | 1 | null)[],
  a: number[],
  d: number[],
  quad: Quadrature,
): { post: number[]; marginal: number } {
  const logs = quad.nodes.map((theta, q) => {
    let l = Math.log(quad.weights[q]!);
    for (let j = 0; j < row.length; j++) {
      const u = row[j];
      if (u === null || u === undefined) continue;
      const p = sigmoid(a[j]! * theta + d[j]!);
      l += u === 1 ? Math.log(Math.max(p, 1e-300)) : Math.log(Math.max(1 - p, 1e-300));
    }
    return l;
  });
  const top = Math.max(...logs);
  const raw = logs.map((l) => Math.exp(l - top));
  const sum = raw.reduce((s, v) => s + v, 0);
  return { post: raw.map((v) => v / sum), marginal: top + Math.log(sum) };
}

/** Newton steps for (a, d) or d alone of one item given expected counts at the nodes. */
function maximiseItem(
  nodes: number[],
  n: number[],
  r: number[],
  a: number,
  d: number,
  freeA: boolean,
): [number, number] {
  for (let step = 0; step < 20; step++) {
    let ga = 0;
    let gd = 0;
    let haa = 0;
    let had = 0;
    let hdd = 0;
    for (let q = 0; q < nodes.length; q++) {
      const p = sigmoid(a * nodes[q]! + d);
      const resid = r[q]! - n[q]! * p;
      const info = n[q]! * p * (1 - p);
      ga += resid * nodes[q]!;
      gd += resid;
      haa += info * nodes[q]! * nodes[q]!;
      had += info * nodes[q]!;
      hdd += info;
    }
    let da = 0;
    let dd: number;
    if (freeA) {
      const det = haa * hdd - had * had;
      if (!(det > 1e-12)) break;
      da = (hdd * ga - had * gd) / det;
      dd = (haa * gd - had * ga) / det;
    } else {
      if (!(hdd > 1e-12)) break;
      dd = gd / hdd;
    }
    // Keep steps modest so a flat likelihood cannot throw the item far away in one cycle.
    const scale = Math.min(1, 2 / Math.max(Math.abs(da), Math.abs(dd), 1e-12));
    a += da * scale;
    d += dd * scale;
    if (Math.abs(da) + Math.abs(dd) < 1e-10) break;
  }
  return [a, d];
}

/** Calibrates the items by marginal maximum likelihood (Bock-Aitkin EM). */
export function calibrate(data: IrtData, options: CalibrationOptions): Calibration {
  const quad = normalQuadrature(options.points, options.range);
  const { patterns, freq } = compress(data);
  const J = patterns[0]?.length ?? 0;
  const Q = quad.nodes.length;
  const sampleSize = freq.reduce((s, v) => s + v, 0);
  // Start from the logits of the proportions correct.
  const a = Array.from({ length: J }, () => 1);
  const d = Array.from({ length: J }, (_, j) => {
    let right = 0;
    let seen = 0;
    patterns.forEach((row, l) => {
      if (row[j] === null || row[j] === undefined) return;
      seen += freq[l]!;
      right += row[j] === 1 ? freq[l]! : 0;
    });
    const p = Math.min(0.99, Math.max(0.01, seen ? right / seen : 0.5));
    return Math.log(p / (1 - p));
  });
  const maxIterations = options.maxIterations ?? 5000;
  const tolerance = options.tolerance ?? 1e-7;
  let logLikelihood = -Infinity;
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations && !converged; iterations++) {
    // E-step: expected number of candidates (n) and of right answers (r) per item and node.
    const n = Array.from({ length: J }, () => new Float64Array(Q));
    const r = Array.from({ length: J }, () => new Float64Array(Q));
    logLikelihood = 0;
    patterns.forEach((row, l) => {
      const { post, marginal } = posterior(row, a, d, quad);
      logLikelihood += freq[l]! * marginal;
      for (let j = 0; j < J; j++) {
        const u = row[j];
        if (u === null || u === undefined) continue;
        for (let q = 0; q < Q; q++) {
          const w = freq[l]! * post[q]!;
          n[j]![q]! += w;
          if (u === 1) r[j]![q]! += w;
        }
      }
    });
    // M-step.
    let change = 0;
    const nodes = quad.nodes;
    for (let j = 0; j < J; j++) {
      const [na, nd] = maximiseItem(nodes, [...n[j]!], [...r[j]!], a[j]!, d[j]!, options.model === '2pl');
      change = Math.max(change, Math.abs(na - a[j]!), Math.abs(nd - d[j]!));
      a[j] = na;
      d[j] = nd;
    }
    if (options.model === '1pl') {
      // One common discrimination: a Newton step on a with the intercepts held.
      let g = 0;
      let h = 0;
      for (let j = 0; j < J; j++)
        for (let q = 0; q < Q; q++) {
          const p = sigmoid(a[j]! * nodes[q]! + d[j]!);
          g += (r[j]![q]! - n[j]![q]! * p) * nodes[q]!;
          h += n[j]![q]! * p * (1 - p) * nodes[q]! * nodes[q]!;
        }
      if (h > 1e-12) {
        const step = Math.max(-0.5, Math.min(0.5, g / h));
        for (let j = 0; j < J; j++) a[j] = a[j]! + step;
        change = Math.max(change, Math.abs(step));
      }
    }
    converged = change < tolerance;
  }
  return {
    model: options.model,
    items: a.map((aj, j) => ({ a: aj, d: d[j]!, b: -d[j]! / aj })),
    logLikelihood,
    iterations,
    converged,
    sampleSize,
  };
}

export interface AbilityEstimate {
  /** Expected a posteriori ability and its posterior standard deviation. */
  eap: number;
  eapSe: number;
  /** Posterior mode (MAP, "empirical Bayes") and its standard error from the information. */
  map: number;
  mapSe: number;
}

/** Ability of one candidate under calibrated items, with a N(0, 1) prior. */
export function estimateAbility(
  row: (0 | 1 | null)[],
  items: IrtItem[],
  quad: Quadrature = normalQuadrature(),
): AbilityEstimate {
  const a = items.map((i) => i.a);
  const d = items.map((i) => i.d);
  const { post } = posterior(row, a, d, quad);
  const eap = post.reduce((s, w, q) => s + w * quad.nodes[q]!, 0);
  const variance = post.reduce((s, w, q) => s + w * (quad.nodes[q]! - eap) ** 2, 0);
  let theta = eap;
  let info = 1;
  for (let step = 0; step < 50; step++) {
    let g = -theta;
    info = 1;
    for (let j = 0; j < row.length; j++) {
      const u = row[j];
      if (u === null || u === undefined) continue;
      const p = sigmoid(a[j]! * theta + d[j]!);
      g += a[j]! * (u - p);
      info += a[j]! * a[j]! * p * (1 - p);
    }
    const delta = g / info;
    theta += Math.max(-1, Math.min(1, delta));
    if (Math.abs(delta) < 1e-10) break;
  }
  return { eap, eapSe: Math.sqrt(variance), map: theta, mapSe: 1 / Math.sqrt(info) };
}
