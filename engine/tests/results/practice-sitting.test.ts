import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../people/tables.ts';
import { erecordsOutbox } from '../../results/tables.ts';
import { testProjection, testScorer } from '../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import { buildScoredSitting } from '../support/results-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

// A practice sitting (sittings.practice, luyện tập) is scored for the candidates' feedback, not graded:
// its results never reach the e-records feed, its release is audited as a practice release, and the
// candidate's result says it is practice. A graded sitting beside it keeps every one of those.
let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let practice: Awaited<ReturnType<typeof buildScoredSitting>>;
let graded: Awaited<ReturnType<typeof buildScoredSitting>>;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  tree = await buildOrganisationTree(engine.deps.db);
  practice = await buildScoredSitting(engine, tree, {
    students: 2,
    organisationId: tree.schoolA.id,
    sitting: { releasePolicy: 'after_review', practice: true },
  });
  graded = await buildScoredSitting(engine, tree, {
    students: 2,
    organisationId: tree.schoolA.id,
    sitting: { releasePolicy: 'after_review' },
  });
}, 120_000);
afterAll(() => engine?.dispose());

const outboxOf = (sessions: Array<{ sessionId: string }>) =>
  engine.deps.db
    .select()
    .from(erecordsOutbox)
    .where(
      inArray(
        erecordsOutbox.sessionId,
        sessions.map((s) => s.sessionId),
      ),
    );

describe('a practice sitting is not graded', () => {
  it('sends nothing of a practice sitting to e-records; a graded sitting sends each final result', async () => {
    expect(await outboxOf(practice.sessions)).toEqual([]);
    const rows = await outboxOf(graded.sessions);
    expect(rows.map((r) => r.sessionId).sort()).toEqual(graded.sessions.map((s) => s.sessionId).sort());
  });

  it('audits the release of a practice sitting as practice and answers practice: true', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const released = await api(engine).post(`/api/results/sittings/${practice.sittingId}/release`, {}, board);
    expect(released.status).toBe(200);
    expect(released.data.practice).toBe(true);
    const releasedGraded = await api(engine).post(
      `/api/results/sittings/${graded.sittingId}/release`,
      {},
      board,
    );
    expect(releasedGraded.data.practice).toBe(false);
    const audit = await engine.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'results.release'),
          inArray(auditLog.subjectId, [practice.sittingId, graded.sittingId]),
        ),
      );
    const details = Object.fromEntries(audit.map((a) => [a.subjectId, a.details]));
    expect(details[practice.sittingId]).toEqual({ practice: true });
    expect(details[graded.sittingId]).not.toHaveProperty('practice');
    // Released, and still nothing in the e-records feed.
    expect(await outboxOf(practice.sessions)).toEqual([]);
  });

  it("tells the candidate the result is practice (luyện tập), and a graded sitting's candidate that it is not", async () => {
    const mine = await api(engine).get('/api/results/candidate', practice.sessions[1]!.sessionToken);
    expect(mine.status).toBe(200);
    expect(mine.data).toMatchObject({ practice: true, score: { raw: 1, max: 3 } });
    const other = await api(engine).get('/api/results/candidate', graded.sessions[1]!.sessionToken);
    expect(other.status).toBe(200);
    expect(other.data.practice).toBe(false);
  });
});
