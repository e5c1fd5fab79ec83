/**
 * The scoring queue at shutdown: `stop()` finishes what is running and drops the backlog, which
 * stays submitted and unscored until `recoverUnscored` (any engine's sweeper) scores it.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  testProjection,
  testScorer,
} from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { createScoringQueue } from '../../results/scoring-queue.ts';
import { candidateSessions, sessionResults } from '../../delivery/tables.ts';

let engine: TestEngine;
const sessionIds: string[] = [];

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  const tree = await buildOrganisationTree(engine.deps.db);
  const sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 3), { students: 8 });
  for (const candidate of sitting.candidates)
    sessionIds.push((await checkInCandidate(engine, sitting.accessCode, candidate)).sessionId);
  // Submitted a minute ago, straight in the database: this queue, not the engine's, scores them.
  await engine.deps.db
    .update(candidateSessions)
    .set({ state: 'submitted', submittedAt: new Date(Date.now() - 60_000), submittedBy: 'candidate' })
    .where(inArray(candidateSessions.id, sessionIds));
});
afterAll(() => engine.dispose());

const scored = async () =>
  new Set(
    (
      await engine.deps.db
        .select({ id: sessionResults.sessionId })
        .from(sessionResults)
        .where(inArray(sessionResults.sessionId, sessionIds))
    ).map((r) => r.id),
  );

describe('scoring queue', () => {
  it('stops without scoring its backlog, which the recovery sweep then scores', async () => {
    const logger = createLogger('silent');
    const first = createScoringQueue(engine.deps.db, testScorer, logger, 2);
    for (const id of sessionIds) first.enqueue(id);
    await first.stop();
    const afterStop = await scored();
    expect(afterStop.size).toBe(2);
    first.enqueue(sessionIds[7]!); // a stopped queue takes nothing more
    expect((await scored()).size).toBe(2);
    const [left] = await engine.deps.db
      .select({ state: candidateSessions.state })
      .from(candidateSessions)
      .where(
        eq(
          candidateSessions.id,
          sessionIds.find((id) => !afterStop.has(id))!,
        ),
      );
    expect(left!.state).toBe('submitted');

    const next = createScoringQueue(engine.deps.db, testScorer, logger, 2);
    expect(await next.recoverUnscored(30)).toBe(6);
    await next.idle();
    expect((await scored()).size).toBe(8);
  });
});
