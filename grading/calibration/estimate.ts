/**
 * Item calibration by marginal maximum likelihood with the EM algorithm of Bock and Aitkin (1981):
 * abilities integrated on a rectangular quadrature; the E-step gives each item the expected
 * number of responses in each category at each node (missing responses, e.g. pretest items
 * answered by a subset, simply add nothing); the M-step maximises each item's expected
 * complete-data log-likelihood plus its log prior (3PL: BILOG-MG's defaults) by Newton steps.
 * Anchor items keep their bank parameters, and the ability mean and SD are then estimated from
 * the posterior (fixed-parameter calibration), which puts the other items on the bank's scale.
 * Pure: no I/O.
 */
import {
  DICHOTOMOUS,
  fromItemModel,
  logProbabilities,
  parameterCount,
  startingValues,
  toItemModel,
} from './item-params.ts';
import type { CalibrationModel } from './item-params.ts';
import { maximise } from './newton.ts';
import type { Calibration, EstimationOptions, Priors, ResponseMatrix } from './types.ts';

interface Column {
  model: CalibrationModel;
  K: number;
  x: number[];
  anchor: boolean;
  counts: number[];
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function logPrior(model: CalibrationModel, x: number[], priors: Required<Priors>): number {
  let l = 0;
  const hasSlope = model !== 'rasch' && model !== '1pl';
  const aPrior = priors.a;
  if (hasSlope && aPrior) {
    const a = x[0]!;
    if (!(a > 0)) return -Infinity;
    const z = (Math.log(a) - aPrior.meanLog) / aPrior.sdLog;
    l += -Math.log(a) - 0.5 * z * z;
  }
  if (model === '3pl' && priors.c) {
    const c = sigmoid(x[2]!);
    l += (priors.c.alpha - 1) * Math.log(c) + (priors.c.beta - 1) * Math.log(1 - c);
  }
  return l;
}

/** Rectangular nodes on [-range, range] with weights ∝ the N(mean, sd²) density. */
function normalWeights(nodes: number[], mean: number, sd: number): number[] {
  const dens = nodes.map((t) => Math.exp(-0.5 * ((t - mean) / sd) ** 2));
  const total = dens.reduce((s, v) => s + v, 0);
  return dens.map((v) => v / total);
}

export function estimateItems(data: ResponseMatrix, options: EstimationOptions = {}): Calibration {
  const points = options.points ?? 61;
  const range = options.range ?? 6;
  const nodes = Array.from({ length: points }, (_, q) => -range + (2 * range * q) / (points - 1));
  const Q = nodes.length;
  const J = data.items.length;
  const weightOf = (r: number) => data.weights?.[r] ?? 1;

  const columns: Column[] = data.items.map((spec, j) => {
    const dichotomous = DICHOTOMOUS.includes(spec.model);
    let top = 0;
    for (const row of data.rows) {
      const u = row[j];
      if (u === null || u === undefined) continue;
      if (!Number.isInteger(u) || u < 0) throw new Error(`item ${spec.id}: response ${u} is not a category`);
      top = Math.max(top, u);
    }
    const K = spec.categories ?? (dichotomous ? 2 : Math.max(2, top + 1));
    if (dichotomous && K !== 2) throw new Error(`item ${spec.id}: ${spec.model} needs 2 categories`);
    if (top >= K) throw new Error(`item ${spec.id}: category ${top} beyond ${K - 1}`);
    const counts = new Array<number>(K).fill(0);
    data.rows.forEach((row, r) => {
      const u = row[j];
      if (u !== null && u !== undefined) counts[u] = counts[u]! + weightOf(r);
    });
    if (spec.anchor) {
      const known = fromItemModel(spec.anchor);
      const modelK =
        spec.anchor.model === '2pl' || spec.anchor.model === '3pl' ? 2 : spec.anchor.b.length + 1;
      if (modelK !== K)
        throw new Error(`anchor ${spec.id}: ${modelK} categories in its parameters, ${K} in the data`);
      return { model: known.model, K, x: known.x, anchor: true, counts };
    }
    const x = startingValues(spec.model, counts);
    if (x.length !== parameterCount(spec.model, K)) throw new Error(`item ${spec.id}: bad start`);
    return { model: spec.model, K, x, anchor: false, counts };
  });

  const anyAnchor = columns.some((c) => c.anchor);
  const estimateLatent = (options.latent ?? (anyAnchor ? 'estimate' : 'fixed')) === 'estimate';
  const priors: Required<Priors> = {
    a: options.priors?.a === undefined ? null : options.priors.a,
    c: options.priors?.c === undefined ? { alpha: 5, beta: 17 } : options.priors.c,
  };
  const threePlSlopePrior =
    options.priors?.a === undefined ? { meanLog: 0, sdLog: 0.5 } : (options.priors.a ?? null);
  const priorsOf = (model: CalibrationModel): Required<Priors> =>
    model === '3pl' ? { a: threePlSlopePrior, c: priors.c } : { a: priors.a, c: null };

  // Observed (item, category) pairs of each row, so the E-step skips missing responses.
  const observed = data.rows.map((row) => {
    const list: number[] = [];
    for (let j = 0; j < J; j++) {
      const u = row[j];
      if (u !== null && u !== undefined) list.push(j, u);
    }
    return list;
  });

  let shared = 1;
  let mean = 0;
  let sd = 1;
  const logP = columns.map((c) => new Float64Array(Q * c.K));
  const expected = columns.map((c) => new Float64Array(Q * c.K));
  const post = new Float64Array(Q);
  const maxIterations = options.maxIterations ?? 2000;
  const tolerance = options.tolerance ?? 1e-5;

  const fillLogP = () =>
    columns.forEach((c, j) => {
      for (let q = 0; q < Q; q++) logProbabilities(c.model, c.x, shared, nodes[q]!, logP[j]!, q * c.K);
    });

  /** One E-step: expected counts (when `accumulate`), log-likelihood, posterior moments per row. */
  const eStep = (weights: number[], accumulate: boolean) => {
    const logW = weights.map((w) => Math.log(w));
    for (const e of expected) e.fill(0);
    let logLikelihood = 0;
    let m1 = 0;
    let m2 = 0;
    let total = 0;
    const persons: { theta: number; se: number }[] = [];
    data.rows.forEach((_, r) => {
      const obs = observed[r]!;
      for (let q = 0; q < Q; q++) post[q] = logW[q]!;
      for (let i = 0; i < obs.length; i += 2) {
        const lp = logP[obs[i]!]!;
        const K = columns[obs[i]!]!.K;
        const u = obs[i + 1]!;
        for (let q = 0; q < Q; q++) post[q] = post[q]! + lp[q * K + u]!;
      }
      let top = -Infinity;
      for (let q = 0; q < Q; q++) if (post[q]! > top) top = post[q]!;
      let sum = 0;
      for (let q = 0; q < Q; q++) {
        post[q] = Math.exp(post[q]! - top);
        sum += post[q]!;
      }
      const f = weightOf(r);
      logLikelihood += f * (top + Math.log(sum));
      let eap = 0;
      let eap2 = 0;
      for (let q = 0; q < Q; q++) {
        post[q] = post[q]! / sum;
        eap += post[q]! * nodes[q]!;
        eap2 += post[q]! * nodes[q]! * nodes[q]!;
      }
      persons.push({ theta: eap, se: Math.sqrt(Math.max(0, eap2 - eap * eap)) });
      m1 += f * eap;
      m2 += f * eap2;
      total += f;
      if (!accumulate) return;
      for (let i = 0; i < obs.length; i += 2) {
        const e = expected[obs[i]!]!;
        const K = columns[obs[i]!]!.K;
        const u = obs[i + 1]!;
        for (let q = 0; q < Q; q++) e[q * K + u] = e[q * K + u]! + f * post[q]!;
      }
    });
    const m = m1 / total;
    return { logLikelihood, persons, mean: m, sd: Math.sqrt(Math.max(1e-6, m2 / total - m * m)), total };
  };

  /** Expected complete-data log-likelihood of item j with vector x (and slope s for 1PL). */
  const scratch = new Float64Array(64);
  const itemObjective = (j: number, x: number[], s: number) => {
    const c = columns[j]!;
    const e = expected[j]!;
    let l = 0;
    const buffer = c.K <= 64 ? scratch : new Float64Array(c.K);
    for (let q = 0; q < Q; q++) {
      logProbabilities(c.model, x, s, nodes[q]!, buffer);
      for (let k = 0; k < c.K; k++) {
        const n = e[q * c.K + k]!;
        if (n > 0) l += n * buffer[k]!;
      }
    }
    return l;
  };

  let weights = normalWeights(nodes, mean, sd);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations && !converged; iterations++) {
    fillLogP();
    const e = eStep(weights, true);
    let change = 0;
    columns.forEach((c, j) => {
      if (c.anchor || c.counts.reduce((s, v) => s + v, 0) === 0) return;
      const pri = priorsOf(c.model);
      const next = maximise((x) => itemObjective(j, x, shared) + logPrior(c.model, x, pri), c.x, {
        steps: 5,
        maxStep: 1,
      });
      change = Math.max(change, ...next.map((v, i) => Math.abs(v - c.x[i]!)));
      c.x = next;
    });
    const onePl = columns.map((c, j) => (c.model === '1pl' && !c.anchor ? j : -1)).filter((j) => j >= 0);
    if (onePl.length) {
      const [s] = maximise(
        ([s]) => onePl.reduce((total, j) => total + itemObjective(j, columns[j]!.x, s!), 0),
        [shared],
        { steps: 5, maxStep: 0.5 },
      );
      change = Math.max(change, Math.abs(s! - shared));
      shared = s!;
    }
    if (estimateLatent) {
      change = Math.max(change, Math.abs(e.mean - mean), Math.abs(e.sd - sd));
      mean = e.mean;
      sd = e.sd;
      weights = normalWeights(nodes, mean, sd);
    }
    converged = change < tolerance;
  }
  fillLogP();
  const final = eStep(weights, false);
  return {
    items: columns.map((c, j) => ({
      id: data.items[j]!.id,
      model: c.anchor ? data.items[j]!.model : c.model,
      params: c.anchor ? data.items[j]!.anchor! : toItemModel(c.model, c.x, shared),
      x: c.x,
      categories: c.K,
      n: c.counts.reduce((s, v) => s + v, 0),
      counts: c.counts,
      anchor: c.anchor,
    })),
    ...(columns.some((c) => c.model === '1pl') ? { sharedSlope: shared } : {}),
    logLikelihood: final.logLikelihood,
    iterations,
    converged,
    sampleSize: final.total,
    latent: { mean, sd },
    persons: final.persons,
    quadrature: { nodes, weights },
  };
}
