import { neediestCell } from '../content/blueprint.ts';
import { barredByEnemies } from '../content/enemies.ts';
import { estimateTheta } from '../estimators/estimate.ts';
import type { ScoredResponse } from '../estimators/response.ts';
import { applyExposure } from '../exposure/apply.ts';
import { bMatchCriterion, currentStratum } from '../selection/a-stratified.ts';
import { fisherCriterion } from '../selection/fisher.ts';
import { klCriterion } from '../selection/kullback-leibler.ts';
import { rngAfter } from '../rng.ts';
import { stopReason } from '../stopping/stop-rule.ts';
import type { Cat } from './cat.ts';
import type { CatSession, Decision } from './decision.ts';

/** The session's responses as the estimators take them. */
export function scoredResponses(cat: Cat, session: CatSession): ScoredResponse[] {
  return session.responses.map((r) => {
    const i = cat.pool.indexOf.get(r.itemId);
    if (i === undefined) throw new Error(`response to an item not in the pool: ${r.itemId}`);
    return { item: cat.pool.items[i]!, category: r.category };
  });
}

/**
 * Decides the next step: estimate, stop or choose. Order: stop rules; eligible items (not given,
 * not an enemy of one given, not set aside, inside the blueprint); the a-stratification stage
 * (nearest non-empty stratum if the planned one is used up); the neediest blueprint cell; ranking
 * by the selector's criterion (ties by pool order); exposure control. Pure: returns a new session.
 */
export function nextStep(cat: Cat, session: CatSession): { session: CatSession; decision: Decision } {
  const { config, pool } = cat;
  const responses = scoredResponses(cat, session);
  const estimate = estimateTheta(config.estimator, responses, config.estimatorOptions);
  const step = responses.length;
  const finish = (decision: Decision) => ({
    session: { ...session, decisions: [...session.decisions, decision], finished: decision.stop },
    decision,
  });

  const reason = stopReason(config.stop, responses, estimate);
  if (reason)
    return finish({ step, estimate, eligible: 0, candidates: [], draws: [], chosen: null, stop: reason });

  const given = session.responses.map((r) => pool.indexOf.get(r.itemId)!);
  // Flags in typed arrays: this loop runs over the whole pool at every step.
  const excluded = new Uint8Array(pool.items.length);
  for (const i of given) excluded[i] = 1;
  for (const i of barredByEnemies(pool, given)) excluded[i] = 1;
  for (const id of session.setAside) excluded[pool.indexOf.get(id)!] = 1;
  let eligible: number[] = [];
  for (let i = 0; i < pool.items.length; i++) if (!excluded[i] && cat.inBlueprint[i]) eligible.push(i);
  const eligibleCount = eligible.length;

  let stratum: number | undefined;
  if (cat.strata) {
    const K = config.strata ?? 4;
    const planned = currentStratum(step, config.stop.maxItems, K);
    for (let offset = 0; offset < K && stratum === undefined; offset++)
      for (const s of [planned + offset, planned - offset])
        if (stratum === undefined && s >= 0 && s < K && eligible.some((i) => cat.strata![i] === s))
          stratum = s;
    if (stratum !== undefined) eligible = eligible.filter((i) => cat.strata![i] === stratum);
  }

  let cell: string | undefined;
  if (cat.shares) {
    const present = new Set<string>();
    for (const i of eligible) present.add(cat.cells[i]!);
    const givenCells = given.map((i) => cat.cells[i]!);
    cell = neediestCell(cat.shares, givenCells, (c) => present.has(c)) ?? undefined;
    eligible = eligible.filter((i) => cat.cells[i] === cell);
  }

  if (eligible.length === 0)
    return finish({
      step,
      estimate,
      eligible: 0,
      stratum,
      cell,
      candidates: [],
      draws: [],
      chosen: null,
      stop: 'pool-exhausted',
    });

  const theta = estimate.theta;
  const value = (i: number) => {
    const item = pool.items[i]!;
    if (config.selector === 'kl') return klCriterion(item, theta, step, config.klZ);
    if (config.selector === 'a-stratified') return bMatchCriterion(item, theta);
    return fisherCriterion(item, theta);
  };
  const ranked = eligible.map((i) => ({ i, v: value(i) })).sort((x, y) => y.v - x.v || x.i - y.i);
  const ids = ranked.map((r) => pool.items[r.i]!.id);
  const rng = rngAfter(session.seed, session.drawsUsed);
  const outcome = applyExposure(config.exposure, ids, rng);
  const shown = Math.max(config.logCandidates ?? 10, outcome.draws.length, outcome.chosen + 1);
  const decision: Decision = {
    step,
    estimate,
    eligible: eligibleCount,
    ...(stratum !== undefined ? { stratum } : {}),
    ...(cell !== undefined ? { cell } : {}),
    candidates: ranked.slice(0, shown).map((r) => ({ id: pool.items[r.i]!.id, value: r.v })),
    draws: outcome.draws,
    chosen: ids[outcome.chosen]!,
    ...(outcome.forced ? { forced: true } : {}),
    stop: null,
  };
  return {
    session: {
      ...session,
      drawsUsed: session.drawsUsed + outcome.draws.length,
      setAside: [...session.setAside, ...outcome.setAside],
      decisions: [...session.decisions, decision],
    },
    decision,
  };
}

/** Records the candidate's response to the item the last decision chose. */
export function recordResponse(session: CatSession, itemId: string, category: number): CatSession {
  const last = session.decisions[session.decisions.length - 1];
  if (!last || last.chosen !== itemId || last.step !== session.responses.length)
    throw new Error(`response to ${itemId}, which is not the item just chosen`);
  return { ...session, responses: [...session.responses, { itemId, category }] };
}
