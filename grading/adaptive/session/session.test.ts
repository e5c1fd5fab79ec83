import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../processing/seeded-random.ts';
import { generatedBlueprint, generatePool } from '../simulation/generate-pool.ts';
import { simulatedResponse } from '../simulation/respond.ts';
import { runCat } from '../simulation/run-cat.ts';
import type { PoolItem } from '../pool.ts';
import { createCat, nextStep, recordResponse, replay, startSession, type CatConfig } from './index.ts';

const items = generatePool(120, 3);
const answerAs = (theta: number, seed: number) => {
  const rng = seededRandom(seed);
  return (id: string) =>
    simulatedResponse(
      items.find((i) => i.id === id)!,
      theta,
      rng,
    );
};
const configs: Record<string, CatConfig> = {
  'MFI + EAP + blueprint + Sympson–Hetter': {
    estimator: 'eap',
    selector: 'mfi',
    exposure: {
      kind: 'sympson-hetter',
      k: Object.fromEntries(items.map((i, n) => [i.id, n % 3 === 0 ? 0.4 : 1])),
    },
    blueprint: generatedBlueprint(),
    stop: { minItems: 5, maxItems: 20, se: 0.3 },
  },
  'KL + MLE + randomesque': {
    estimator: 'mle',
    selector: 'kl',
    exposure: { kind: 'randomesque', k: 5 },
    stop: { minItems: 5, maxItems: 15, se: 0.35 },
  },
  'a-stratified + WLE + SPRT': {
    estimator: 'wle',
    selector: 'a-stratified',
    strata: 3,
    exposure: { kind: 'none' },
    stop: { minItems: 5, maxItems: 24, sprt: { cut: 0.5, delta: 0.25, alpha: 0.05, beta: 0.05 } },
  },
  'MAP + randomesque + blueprint': {
    estimator: 'map',
    selector: 'mfi',
    exposure: { kind: 'randomesque', k: 3 },
    blueprint: generatedBlueprint(),
    stop: { minItems: 10, maxItems: 10 },
  },
};

describe.each(Object.entries(configs))('a CAT with %s', (_, config) => {
  const cat = createCat(items, config);
  const session = runCat(cat, 12345, answerAs(0.8, 9));

  it('runs to a stop within the length limits, never repeating an item or giving two enemies', () => {
    const ids = session.responses.map((r) => r.itemId);
    expect(session.finished).not.toBeNull();
    expect(ids.length).toBeGreaterThanOrEqual(config.stop.minItems);
    expect(ids.length).toBeLessThanOrEqual(config.stop.maxItems);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      for (const enemy of items.find((i) => i.id === id)!.enemies ?? []) expect(ids).not.toContain(enemy);
  });

  it('logs every decision and a replay reproduces each one exactly', () => {
    expect(session.decisions.length).toBe(session.responses.length + 1);
    const log = JSON.parse(
      JSON.stringify({ seed: session.seed, responses: session.responses, decisions: session.decisions }),
    );
    expect(replay(log, cat)).toEqual({ ok: true, steps: session.decisions.length, mismatches: [] });
  });

  it('a replay detects a changed response, a changed choice and a changed draw', () => {
    const log = () =>
      structuredClone({ seed: session.seed, responses: session.responses, decisions: session.decisions });
    const flipped = log();
    flipped.responses[2]!.category = 1 - flipped.responses[2]!.category;
    const result = replay(flipped, cat);
    expect(result.ok).toBe(false);
    expect(result.mismatches[0]!.step).toBe(3);
    expect(result.mismatches[0]!.field).toBe('estimate');

    const swapped = log();
    swapped.decisions[4]!.chosen = 'NOT-AN-ITEM';
    expect(replay(swapped, cat).mismatches).toContainEqual(
      expect.objectContaining({ step: 4, field: 'chosen' }),
    );

    const reseeded = { ...log(), seed: session.seed + 1 };
    if (config.exposure.kind !== 'none') expect(replay(reseeded, cat).ok).toBe(false);
  });
});

describe('the step API', () => {
  const cat = createCat(items, { ...configs['KL + MLE + randomesque']! });
  it('refuses a response to an item that was not chosen', () => {
    const { session, decision } = nextStep(cat, startSession(1));
    const other = items.find((i) => i.id !== decision.chosen)!.id;
    expect(() => recordResponse(session, other, 1)).toThrow(/not the item just chosen/);
  });
  it('resumes from the stored seed and draw count with the same choices', () => {
    const a = nextStep(cat, startSession(77));
    const resumed = JSON.parse(JSON.stringify(recordResponse(a.session, a.decision.chosen!, 1)));
    const b1 = nextStep(cat, resumed).decision;
    const b2 = nextStep(cat, recordResponse(a.session, a.decision.chosen!, 1)).decision;
    expect(b1).toEqual(b2);
  });
  it('stops with pool-exhausted when no eligible item is left', () => {
    const tiny: PoolItem[] = [
      { id: 'p', model: '2pl', a: 1, b: 0, enemies: ['q'] },
      { id: 'q', model: '2pl', a: 1, b: 0.1 },
    ];
    const small = createCat(tiny, {
      estimator: 'eap',
      selector: 'mfi',
      exposure: { kind: 'none' },
      stop: { minItems: 1, maxItems: 5 },
    });
    const session = runCat(small, 1, () => 1);
    expect(session.responses.map((r) => r.itemId)).toEqual(['p']);
    expect(session.finished).toBe('pool-exhausted');
  });
});
