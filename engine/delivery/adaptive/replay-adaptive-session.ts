/**
 * Replays a session's adaptive sections for an appeal: the decisions stored in its
 * `adaptive_step` events are re-run from the section's seed, the logged responses and the pool
 * pinned in the sitting's form (grading/adaptive's `replay`), and every field that comes out
 * differently is listed, as is any item the form served that the log did not choose.
 */
import { and, asc, eq } from 'drizzle-orm';
import { adaptive } from '../../../grading/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { adaptiveSeed } from '../../sittings/adaptive-spec.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { sittings } from '../../sittings/tables.ts';
import { formSpecOf } from '../form-spec-cache.ts';
import { candidateSessions, sessionEvents } from '../tables.ts';
import type { AdaptiveStepEvent } from './adaptive-step.ts';
import { sectionCat } from './section-cat.ts';

export interface AdaptiveReplay extends adaptive.ReplayResult {
  section: string;
  /** Each decision's choice (null: the CAT stopped) and stop reason, in order. */
  choices: { step: number; chosen: string | null; stop: string | null }[];
  /** The pool items the form served, place by place. */
  served: string[];
}

export async function replayAdaptiveSession(db: Database, sessionId: string): Promise<AdaptiveReplay[]> {
  const [row] = await db
    .select({ session: candidateSessions, formSpec: sittings.formSpec, sittingId: sittings.id })
    .from(candidateSessions)
    .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
    .where(eq(candidateSessions.id, sessionId));
  if (!row) throw new Error(`session ${sessionId} does not exist`);
  const spec = formSpecOf(row.sittingId, row.formSpec);
  const form = row.session.form as AssembledForm;
  const events = await db
    .select({ data: sessionEvents.data })
    .from(sessionEvents)
    .where(and(eq(sessionEvents.sessionId, sessionId), eq(sessionEvents.type, 'adaptive_step')))
    .orderBy(asc(sessionEvents.seq));
  const bySection = new Map<string, AdaptiveStepEvent[]>();
  for (const { data } of events) {
    const e = data as AdaptiveStepEvent;
    bySection.set(e.section, [...(bySection.get(e.section) ?? []), e]);
  }
  return [...bySection].map(([section, steps]) => {
    const { cat, section: spec_ } = sectionCat(spec, section);
    const log: adaptive.CatLog = {
      seed: adaptiveSeed(row.session.seed, spec_.adaptive, section),
      responses: steps.flatMap((s) =>
        s.response ? [{ itemId: s.response.poolRef, category: s.response.category }] : [],
      ),
      decisions: steps.flatMap((s) => (s.decision ? [s.decision] : [])),
    };
    const result = adaptive.replay(log, cat);
    const served = form.entries
      .filter((e) => e.adaptive?.section === section && e.adaptive.poolRef)
      .sort((a, b) => a.adaptive!.slot - b.adaptive!.slot)
      .map((e) => e.adaptive!.poolRef!);
    const chosen = steps.flatMap((s) => (s.decision?.chosen ? [s.decision.chosen] : []));
    const mismatches = [...result.mismatches];
    if (JSON.stringify(served) !== JSON.stringify(chosen))
      mismatches.push({ step: steps.length, field: 'served', logged: chosen, replayed: served });
    return {
      ...result,
      ok: mismatches.length === 0,
      mismatches,
      section,
      choices: steps.flatMap((s) =>
        s.decision ? [{ step: s.decision.step, chosen: s.decision.chosen, stop: s.decision.stop }] : [],
      ),
      served,
    };
  });
}
