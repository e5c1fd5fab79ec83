/**
 * An adaptive section of a form (issue 23): its items are the pool, and the CAT of
 * grading/adaptive chooses among them on the server, one item after each answer. The section
 * says how (estimator, selector, exposure control, blueprint cells, enemy items, stopping rule,
 * seed); the pool's item parameters are pinned into the spec when the sitting is scheduled (the
 * newest stored parameter version of each item, with its topic and cognitive level), so every
 * candidate of the sitting, and every later replay, uses the same pool whatever is calibrated
 * meanwhile.
 */
import { z } from 'zod';
import { CalibratedParameters } from '../../item-bank/index.ts';

export const AdaptiveExposure = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** One of the k most informative items, uniformly. */
  z.object({ kind: z.literal('randomesque'), k: z.number().int().min(1).max(50) }),
  /** Sympson–Hetter: the administration probability K of each pool itemRef (missing: 1). */
  z.object({
    kind: z.literal('sympson-hetter'),
    k: z.record(z.string(), z.number().min(0).max(1)),
  }),
]);

export const AdaptiveStop = z
  .object({
    minItems: z.number().int().min(1).max(200),
    maxItems: z.number().int().min(1).max(200),
    /** Stop once the ability's standard error is at most this. */
    se: z.number().positive().optional(),
    /** Classification around a cut score (SPRT). */
    sprt: z
      .object({
        cut: z.number(),
        delta: z.number().positive(),
        alpha: z.number().gt(0).lt(1),
        beta: z.number().gt(0).lt(1),
      })
      .optional(),
  })
  .refine((s) => s.minItems <= s.maxItems, { message: 'minItems is larger than maxItems' });

/** One pool item's pinned parameters (the CAT pool form, D = 1 unless D says otherwise). */
export const PinnedParameters = z.object({
  /** The item_parameter_versions version these came from. */
  version: z.number().int().min(1),
  topic: z.string().optional(),
  level: z.string().optional(),
  params: CalibratedParameters,
});
export type PinnedParameters = z.output<typeof PinnedParameters>;

export const AdaptiveSpec = z.object({
  estimator: z.enum(['eap', 'mle', 'map', 'wle']).default('eap'),
  selector: z.enum(['mfi', 'kl', 'a-stratified']).default('mfi'),
  /** a-stratification: number of strata (default 4). */
  strata: z.number().int().min(2).max(10).optional(),
  exposure: AdaptiveExposure.default({ kind: 'none' }),
  /** The ma trận đề: targets per topic × cognitive level (the items' own topic and level). */
  blueprint: z
    .object({
      unit: z.enum(['count', 'proportion']),
      cells: z.array(z.object({ topic: z.string(), level: z.string(), target: z.number().min(0) })).min(1),
    })
    .optional(),
  /** Pairs of pool itemRefs that must never share a test. */
  enemies: z.array(z.tuple([z.string(), z.string()])).default([]),
  stop: AdaptiveStop,
  /** Mixed with each session's seed: the CAT's random draws (exposure control). */
  seed: z.number().int().min(0).max(0xffffffff).default(0),
  /** Pinned at scheduling, by pool itemRef. */
  parameters: z.record(z.string(), PinnedParameters).default({}),
});
export type AdaptiveSpec = z.output<typeof AdaptiveSpec>;

/** The seed of a session's CAT in one section: the session's seed mixed with the section's. */
export function adaptiveSeed(sessionSeed: number, spec: Pick<AdaptiveSpec, 'seed'>, section: string): number {
  let h = (sessionSeed ^ spec.seed) >>> 0;
  for (let i = 0; i < section.length; i++) h = Math.imul(h ^ section.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
