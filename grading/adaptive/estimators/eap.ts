import { normalQuadrature, type Quadrature } from '../../analysis/irt.ts';
import { logProbability } from '../models/curves.ts';
import type { AbilityEstimate, ScoredResponse } from './response.ts';
import { resolved, type EstimatorOptions } from './options.ts';

/** Quadratures are rebuilt often with the same two numbers; keep each one (pure memo). */
const quadratures = new Map<string, Quadrature>();
function quadratureOf(points: number, range: number): Quadrature {
  const key = `${points}/${range}`;
  let quad = quadratures.get(key);
  if (!quad) quadratures.set(key, (quad = normalQuadrature(points, range)));
  return quad;
}

/** log(1 + e^x) without overflow. */
const softplus = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/** log P(response | θ) for one response, with 2PL responses reduced to numbers once (EAP calls it per node). */
function responseLogLikelihood(response: ScoredResponse): (theta: number) => number {
  const { item, category } = response;
  if (item.model === '2pl') {
    const Da = (item.D ?? 1) * item.a;
    const b = item.b;
    const sign = category === 1 ? -1 : 1;
    return (theta) => -softplus(sign * Da * (theta - b));
  }
  return (theta) => logProbability(item, category, theta);
}

/**
 * Expected a posteriori ability (Bock & Mislevy 1982) with the posterior SD as its SE, on the
 * rectangular normal quadrature of the calibration code (../../analysis/irt.ts), shifted and
 * scaled to the prior: nodes μ + σx on x in [-range, range], weights ∝ the N(0, 1) density.
 */
export function eapEstimate(
  responses: readonly ScoredResponse[],
  options?: EstimatorOptions,
): AbilityEstimate {
  const { prior, quadrature } = resolved(options);
  const quad = quadratureOf(quadrature.points, quadrature.range);
  const terms = responses.map(responseLogLikelihood);
  const Q = quad.nodes.length;
  const nodes = new Float64Array(Q);
  const logs = new Float64Array(Q);
  let top = -Infinity;
  for (let q = 0; q < Q; q++) {
    const theta = prior.mean + prior.sd * quad.nodes[q]!;
    nodes[q] = theta;
    let l = Math.log(quad.weights[q]!);
    for (const term of terms) l += term(theta);
    logs[q] = l;
    if (l > top) top = l;
  }
  let total = 0;
  let first = 0;
  for (let q = 0; q < Q; q++) {
    const w = Math.exp(logs[q]! - top);
    logs[q] = w;
    total += w;
    first += w * nodes[q]!;
  }
  const theta = first / total;
  let variance = 0;
  for (let q = 0; q < Q; q++) variance += (logs[q]! / total) * (nodes[q]! - theta) ** 2;
  return { theta, se: Math.sqrt(variance), method: 'eap' };
}
