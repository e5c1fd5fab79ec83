/**
 * The adaptive rule of delivery, one place for every transport: when the candidate leaves an
 * adaptive item (a linear move, inside the move's transaction) its latest stored response is
 * scored on the server by the item's QTI response processing, the score becomes the response's
 * category, the CAT of grading/adaptive updates the ability and decides; when the candidate
 * reaches the section (the session's start, or a move into it) the CAT makes its first decision.
 * A decision that chooses an item fills the next place of the form; a decision to stop drops
 * the places left. Each decision is appended to the session's events (`adaptive_step`, with the
 * response it followed, the estimate, the ranked candidates with their information values, the
 * random draws and the choice), and the CAT's state (seed, draws used, responses, items set
 * aside) is kept in the session's progress, so any node continues it and `replayAdaptiveSession`
 * reproduces every choice.
 */
import { adaptive, maxScoreOf } from '../../../grading/index.ts';
import type { Executor, Transaction } from '../../platform/db/database.ts';
import { adaptiveSeed } from '../../sittings/adaptive-spec.ts';
import type { AssembledForm, FormSpec } from '../../sittings/form.ts';
import { compiledItem, itemModels } from '../item-sessions.ts';
import type { RouteProgress } from '../route-state.ts';
import { eq } from 'drizzle-orm';
import { candidateSessions, sessionEvents } from '../tables.ts';
import { latestResponses } from '../session-snapshot.ts';
import { dropOpenSlots, fillSlot, isOpenSlot } from './adaptive-form.ts';
import { sectionCat } from './section-cat.ts';

/** A session's CAT in one section, as kept in `progress.adaptive[section]`. */
export interface AdaptiveState {
  seed: number;
  drawsUsed: number;
  responses: adaptive.AdministeredResponse[];
  setAside: string[];
  finished: adaptive.StopReason | null;
  /** The latest decision (the full log is in the session's `adaptive_step` events). */
  last: adaptive.Decision | null;
}

export type AdaptiveProgress = RouteProgress & { adaptive?: Record<string, AdaptiveState> };

/** The event every decision appends. */
export interface AdaptiveStepEvent {
  section: string;
  /** The response the decision followed (absent for the first decision). */
  response?: {
    itemRef: string;
    poolRef: string;
    itemVersionId: string;
    score: number;
    maxScore: number;
    category: number;
  };
  /** Absent only for the last answer scored at submission when the CAT would have gone on. */
  decision?: adaptive.Decision;
}

type SessionRow = typeof candidateSessions.$inferSelect;

async function appendStep(tx: Transaction, sessionId: string, event: AdaptiveStepEvent) {
  await tx
    .insert(sessionEvents)
    .values({ sessionId, type: 'adaptive_step', actorType: 'system', data: { ...event } });
}

async function writeForm(tx: Transaction, sessionId: string, form: AssembledForm, progress?: RouteProgress) {
  await tx
    .update(candidateSessions)
    .set({ form, ...(progress ? { progress } : {}), updatedAt: new Date() })
    .where(eq(candidateSessions.id, sessionId));
}

/**
 * The category of a scored response under the item's model: full marks are right for a
 * dichotomous item (2PL, 3PL); a polytomous one (m + 1 categories) takes the score on 0..m.
 */
export function categoryOf(model: adaptive.ItemModel, score: number, maxScore: number): number {
  if (model.model === '2pl' || model.model === '3pl') return maxScore > 0 && score >= maxScore - 1e-9 ? 1 : 0;
  const m = model.b.length;
  if (!(maxScore > 0)) return 0;
  return Math.max(0, Math.min(m, Math.round((score / maxScore) * m)));
}

/** The stored response to an adaptive place, scored by the item's QTI response processing. */
async function scoredResponse(
  tx: Transaction,
  session: Pick<SessionRow, 'id' | 'seed'>,
  entry: AssembledForm['entries'][number],
  cat: adaptive.Cat,
): Promise<NonNullable<AdaptiveStepEvent['response']>> {
  const poolRef = entry.adaptive!.poolRef!;
  const versionId = entry.itemVersionId;
  const model = (await itemModels(tx, [versionId])).get(versionId);
  if (!model) throw new Error(`item version ${versionId} of ${entry.itemRef} is missing`);
  const compiled = compiledItem(versionId, model);
  const latest = await latestResponses(tx, session.id);
  const outcomes = compiled.scoreJson(latest[entry.itemRef]?.responses ?? {}, session.seed);
  const score = typeof outcomes.SCORE === 'number' ? outcomes.SCORE : 0;
  const maxScore = maxScoreOf(model, compiled);
  const poolItem = cat.pool.items[cat.pool.indexOf.get(poolRef)!]!;
  const category = categoryOf(poolItem, score, maxScore);
  return { itemRef: entry.itemRef, poolRef, itemVersionId: versionId, score, maxScore, category };
}

export const adaptiveStateOf = (progress: RouteProgress, section: string): AdaptiveState | undefined =>
  (progress as AdaptiveProgress).adaptive?.[section];

/**
 * The adaptive part of a move from position `from` to `to` (from = -1 at the start). Returns
 * the form and progress to write, or undefined when neither place is adaptive or there is
 * nothing to decide. Writes the decision's event and the form; the caller writes the progress.
 */
export async function adaptiveMove(
  tx: Transaction,
  args: {
    session: Pick<SessionRow, 'id' | 'seed'>;
    spec: FormSpec;
    form: AssembledForm;
    progress: RouteProgress;
    from: number;
    to: number;
  },
): Promise<{ form: AssembledForm; progress: AdaptiveProgress; decision: adaptive.Decision } | undefined> {
  const { session, spec, form, progress, from, to } = args;
  const left = form.entries[from];
  const reached = form.entries[to];
  const sectionId = left?.adaptive?.section ?? reached?.adaptive?.section;
  if (!sectionId) return undefined;
  const { section, cat, items } = sectionCat(spec, sectionId);
  const state: AdaptiveState = adaptiveStateOf(progress, sectionId) ?? {
    seed: adaptiveSeed(session.seed, section.adaptive, sectionId),
    drawsUsed: 0,
    responses: [],
    setAside: [],
    finished: null,
    last: null,
  };
  if (state.finished) return undefined;
  let cs: adaptive.CatSession = {
    seed: state.seed,
    drawsUsed: state.drawsUsed,
    responses: state.responses,
    setAside: state.setAside,
    decisions: state.last ? [state.last] : [],
    finished: null,
  };
  let response: AdaptiveStepEvent['response'];
  const answered =
    left?.adaptive?.section === sectionId &&
    left.adaptive.poolRef &&
    left.itemVersionId &&
    state.responses.length === left.adaptive.slot - 1;
  if (answered) {
    response = await scoredResponse(tx, session, left, cat);
    cs = adaptive.recordResponse(cs, response.poolRef, response.category);
  } else if (!isOpenSlot(reached)) return undefined;

  const { session: next, decision } = adaptive.nextStep(cat, cs);
  const event: AdaptiveStepEvent = { section: sectionId, ...(response ? { response } : {}), decision };
  await appendStep(tx, session.id, event);
  const newForm = decision.chosen
    ? fillSlot(form, sectionId, next.responses.length + 1, {
        poolRef: decision.chosen,
        itemVersionId: items.get(decision.chosen)!.itemVersionId,
      })
    : dropOpenSlots(form);
  await writeForm(tx, session.id, newForm);
  const newState: AdaptiveState = {
    seed: next.seed,
    drawsUsed: next.drawsUsed,
    responses: next.responses,
    setAside: next.setAside,
    finished: next.finished,
    last: decision,
  };
  return {
    form: newForm,
    progress: {
      ...progress,
      adaptive: { ...(progress as AdaptiveProgress).adaptive, [sectionId]: newState },
    },
    decision,
  };
}

/**
 * At submission: the answer to the last adaptive item given (the candidate never moved on from
 * it) is scored and logged with the CAT's decision when that decision is to stop (the test was
 * complete); when the CAT would have gone on (the session ended early), the response is logged
 * alone. The places never filled leave the form. One transaction under the session's lock.
 */
export async function finishAdaptive(db: Executor, sessionId: string, spec: FormSpec): Promise<void> {
  await db.transaction(async (tx) => {
    const [session] = await tx
      .select()
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId))
      .for('update');
    if (!session) return;
    const form = session.form as AssembledForm;
    const progress = (session.progress ?? {}) as AdaptiveProgress;
    const last = form.entries.filter((e) => e.adaptive?.poolRef).at(-1);
    let nextProgress: AdaptiveProgress | undefined;
    if (last) {
      const sectionId = last.adaptive!.section;
      const state = adaptiveStateOf(progress, sectionId);
      if (state && !state.finished && state.responses.length === last.adaptive!.slot - 1) {
        const { cat } = sectionCat(spec, sectionId);
        const response = await scoredResponse(tx, session, last, cat);
        const cs = adaptive.recordResponse(
          {
            seed: state.seed,
            drawsUsed: state.drawsUsed,
            responses: state.responses,
            setAside: state.setAside,
            decisions: state.last ? [state.last] : [],
            finished: null,
          },
          response.poolRef,
          response.category,
        );
        const { decision } = adaptive.nextStep(cat, cs);
        const stopped = decision.stop !== null;
        await appendStep(tx, sessionId, { section: sectionId, response, ...(stopped ? { decision } : {}) });
        nextProgress = {
          ...progress,
          adaptive: {
            ...progress.adaptive,
            [sectionId]: {
              ...state,
              responses: cs.responses,
              finished: stopped ? decision.stop : null,
              last: stopped ? decision : state.last,
            },
          },
        };
      }
    }
    const kept = dropOpenSlots(form);
    if (kept !== form || nextProgress) await writeForm(tx, sessionId, kept, nextProgress);
  });
}
