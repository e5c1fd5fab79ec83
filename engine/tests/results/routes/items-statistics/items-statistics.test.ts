/**
 * Item statistics from sittings really taken: candidates check in, answer (some leave an item
 * blank), submit and are scored through the delivery commands; two sittings use the same items.
 * PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemStatistics } from '../../../../../grading/index.ts';
import { itemBankTables } from '../../../../../item-bank/index.ts';
import { scoreSession } from '../../../../results/score-session.ts';
import { sittings } from '../../../../sittings/tables.ts';
import { startSession, submitSession } from '../../../../delivery/session-commands.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  testProjection,
  testScorer,
} from '../../../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let itemIds: string[];
let bankId: string;

/** Schedules a sitting of the items and has each candidate answer, submit and be scored. */
async function takeSitting(answers: string[][]) {
  const sitting = await buildSitting(engine, tree, itemIds, { students: answers.length });
  const { db } = engine.deps;
  // Held at school A; the bank is the office's, shared down.
  await db
    .update(sittings)
    .set({ organisationId: tree.schoolA.id })
    .where(eq(sittings.id, sitting.sittingId));
  for (const [i, candidate] of sitting.candidates.entries()) {
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
    await startSession(db, sessionId);
    for (const [q, response] of answers[i]!.entries()) {
      const saved = await engine.writer.save({
        sessionId,
        itemRef: `Q${q + 1}`,
        seq: 1,
        responses: { RESPONSE: response },
      });
      if (!saved.ok) throw saved.error;
    }
    await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
    await scoreSession(db, testScorer, sessionId);
  }
  return sitting.sittingId;
}

const right = (q: number) => `SECRET-KEY-${q}`;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  tree = await buildOrganisationTree(engine.deps.db);
  itemIds = await buildItems(engine, tree, 3);
  const [item] = await engine.deps.db
    .select()
    .from(itemBankTables.items)
    .where(eq(itemBankTables.items.id, itemIds[0]!));
  bankId = item!.bankId;
  // Sitting 1: candidate i has the first i items right; the first candidate leaves Q3 blank.
  await takeSitting([
    ['wrong', 'wrong', ''],
    [right(1), 'wrong', 'wrong'],
    [right(1), right(2), 'wrong'],
    [right(1), right(2), right(3)],
  ]);
  // Sitting 2: both candidates have everything right.
  await takeSitting([
    [right(1), right(2), right(3)],
    [right(1), right(2), right(3)],
  ]);
}, 120_000);
afterAll(() => engine.dispose());

describe('GET /api/item-statistics', () => {
  it('401 without a token, 403 for a proctor, 404 for an unknown bank', async () => {
    expect((await api(engine).get(`/api/item-statistics?bankId=${bankId}`)).status).toBe(401);
    const proctor = await api(engine).get(
      `/api/item-statistics?bankId=${bankId}`,
      await tokenFor(engine, tree.proctorA),
    );
    expect(proctor.status).toBe(403);
    expect(proctor.data.error.message).toContain('results:read');
    const unknown = await api(engine).get(
      '/api/item-statistics?bankId=00000000-0000-4000-8000-000000000000',
      await tokenFor(engine, tree.examBoard),
    );
    expect(unknown.status).toBe(404);
  });

  it('pools facility, discrimination, mean score, omissions and last use over both sittings', async () => {
    const res = await api(engine).get(
      `/api/item-statistics?bankId=${bankId}`,
      await tokenFor(engine, tree.teacherA),
    );
    expect(res.status).toBe(200);
    const byId = new Map(
      (res.data.items as Array<{ itemId: string } & Record<string, unknown>>).map((i) => [i.itemId, i]),
    );
    expect(byId.size).toBe(3);
    // Per-sitting correlations: sitting 2 (everyone right) correlates 0; pooled by 4 and 2 candidates.
    const first = itemStatistics({
      items: ['Q1', 'Q2', 'Q3'],
      maxScores: [1, 1, 1],
      rows: [
        [0, 0, 0],
        [1, 0, 0],
        [1, 1, 0],
        [1, 1, 1],
      ],
    });
    const expected = [5 / 6, 4 / 6, 3 / 6];
    itemIds.forEach((id, q) => {
      const stats = byId.get(id)!;
      expect(stats).toMatchObject({ sittings: 2, candidates: 6, maxScore: 1 });
      expect(stats.p).toBeCloseTo(expected[q]!, 4);
      expect(stats.meanScore).toBeCloseTo(expected[q]!, 4);
      expect(stats.discrimination).toBeCloseTo((first[q]!.pointBiserialCorrected * 4) / 6, 4);
      expect(Date.parse(stats.lastUsed as string)).toBeGreaterThan(Date.now() - 600_000);
    });
    expect(byId.get(itemIds[2]!)!.omitRate).toBeCloseTo(1 / 6, 4);
    expect(byId.get(itemIds[0]!)!.omitRate).toBe(0);
    // p from 0.5 to 0.83 and item-rest correlations above 0.2: nothing to flag.
    for (const id of itemIds) expect(byId.get(id)!.flags).toEqual([]);
  });

  it("counts only sittings in the reader's subtree: school B's teacher sees none of school A's", async () => {
    const res = await api(engine).get(
      `/api/item-statistics?bankId=${bankId}`,
      await tokenFor(engine, tree.teacherB),
    );
    expect(res.status).toBe(200);
    expect(res.data.items).toEqual([]);
    const one = await api(engine).get(
      `/api/item-statistics/items/${itemIds[0]}`,
      await tokenFor(engine, tree.teacherB),
    );
    expect(one.data).toEqual({ overall: null, sittings: [], adaptive: null });
  });

  it('gives one item sitting by sitting', async () => {
    const res = await api(engine).get(
      `/api/item-statistics/items/${itemIds[2]}`,
      await tokenFor(engine, tree.examBoard),
    );
    expect(res.status).toBe(200);
    expect(res.data.overall).toMatchObject({ itemId: itemIds[2], candidates: 6, sittings: 2 });
    const sittings = res.data.sittings as Array<{ candidates: number; p: number; omitRate: number }>;
    expect(sittings.map((s) => [s.candidates, s.p, s.omitRate]).sort()).toEqual([
      [2, 1, 0],
      [4, 0.25, 0.25],
    ]);
  });

  it('answers no statistics for an unused item', async () => {
    const [unused] = await buildItems(engine, tree, 1);
    const res = await api(engine).get(
      `/api/item-statistics/items/${unused}`,
      await tokenFor(engine, tree.examBoard),
    );
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ overall: null, sittings: [], adaptive: null });
  });
});
