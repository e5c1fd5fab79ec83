/**
 * The ability a result reports for an adaptive section: the section's estimator over every item
 * the candidate was given, each scored as the result settled it (the same category rule as the
 * CAT's own decisions, so a CAT that stopped by its rule reports the estimate its last decision
 * saw). Also why the CAT ended: its stop rule, or `submitted` when the session ended first.
 */
import { adaptive } from '../../../grading/index.ts';
import type { AssembledForm, FormSpec } from '../../sittings/form.ts';
import type { RouteProgress } from '../route-state.ts';
import { adaptiveStateOf, categoryOf } from './adaptive-step.ts';
import { sectionCat } from './section-cat.ts';

export interface AdaptiveAbility {
  section: string;
  theta: number;
  se: number;
  /** Adaptive items given. */
  items: number;
  estimator: string;
  stop: adaptive.StopReason | 'submitted';
}

export function adaptiveAbility(
  spec: FormSpec,
  form: AssembledForm,
  progress: RouteProgress,
  scores: Record<string, { score: number; maxScore: number } | undefined>,
): AdaptiveAbility | undefined {
  const given = form.entries.filter((e) => e.adaptive?.poolRef);
  const section = given[0]?.adaptive?.section;
  if (!section) return undefined;
  const { cat, section: spec_ } = sectionCat(spec, section);
  const responses = given.map((e) => {
    const item = cat.pool.items[cat.pool.indexOf.get(e.adaptive!.poolRef!)!]!;
    const s = scores[e.itemRef];
    return { item, category: categoryOf(item, s?.score ?? 0, s?.maxScore ?? 0) };
  });
  const estimate = adaptive.estimateTheta(spec_.adaptive.estimator, responses);
  return {
    section,
    theta: estimate.theta,
    se: estimate.se,
    items: given.length,
    estimator: spec_.adaptive.estimator,
    stop: adaptiveStateOf(progress, section)?.finished ?? 'submitted',
  };
}
