/**
 * A sitting already taken and scored, without sockets: candidates check in over HTTP, then their
 * sessions are started, answered, submitted and scored through the delivery commands, so result
 * routes (reports, marking, exports, release) have real rows to read.
 */
import { eq } from 'drizzle-orm';
import type { Engine } from '../../engine.ts';
import { scoreSession } from '../../results/score-session.ts';
import { type ItemScorer } from '../../delivery/item-scorer.ts';
import { startSession, submitSession } from '../../delivery/session-commands.ts';
import { sittings } from '../../sittings/tables.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  testScorer,
  type SittingOptions,
} from './delivery-fixtures.ts';
import type { buildOrganisationTree } from './factories.ts';

type Tree = Awaited<ReturnType<typeof buildOrganisationTree>>;

/** The test items' grader, except that Q3 is an open answer worth 4 points that waits for a teacher. */
export const markingScorer: ItemScorer = {
  ...testScorer,
  scoreItem(model, responses, context) {
    if (context.itemRef === 'Q3') return { outcomes: { SCORE: 0 }, score: 0, maxScore: 4, pending: true };
    return testScorer.scoreItem(model, responses, context);
  },
};

export interface ScoredSittingOptions extends SittingOptions {
  items?: number;
  /** The response candidate `i` gives to item `q` (1-based); default: the first i items right. */
  answer?: (candidate: number, q: number) => string;
  /** Move the sitting to this organisation after scheduling (a school, for school-scoped tests). */
  organisationId?: string;
  sitting?: Partial<typeof sittings.$inferInsert>;
}

export async function buildScoredSitting(engine: Engine, tree: Tree, options: ScoredSittingOptions = {}) {
  const itemCount = options.items ?? 3;
  const sitting = await buildSitting(engine, tree, await buildItems(engine, tree, itemCount), options);
  const { db } = engine.deps;
  const changes = {
    ...(options.organisationId ? { organisationId: options.organisationId } : {}),
    ...options.sitting,
  };
  if (Object.keys(changes).length)
    await db.update(sittings).set(changes).where(eq(sittings.id, sitting.sittingId));
  const answer = options.answer ?? ((i: number, q: number) => (q <= i ? `SECRET-KEY-${q}` : 'wrong'));
  const sessions: Array<{
    sessionId: string;
    sessionToken: string;
    candidateNumber: string;
    studentId: string;
  }> = [];
  for (const [i, candidate] of sitting.candidates.entries()) {
    const { sessionId, sessionToken } = await checkInCandidate(engine, sitting.accessCode, candidate);
    await startSession(db, sessionId);
    for (let q = 1; q <= itemCount; q++) {
      const saved = await engine.writer.save({
        sessionId,
        itemRef: `Q${q}`,
        seq: 1,
        responses: { RESPONSE: answer(i, q) },
      });
      if (!saved.ok) throw saved.error;
    }
    await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
    await scoreSession(db, engine.deps.scorer ?? testScorer, sessionId);
    sessions.push({
      sessionId,
      sessionToken,
      candidateNumber: candidate.candidateNumber,
      studentId: candidate.studentId,
    });
  }
  return { ...sitting, sessions };
}
