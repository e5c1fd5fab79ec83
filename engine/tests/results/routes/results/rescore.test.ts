/**
 * POST /api/results/sittings/{id}/rescore: a key correction re-scores the stored responses into
 * new result versions (the old ones stay), audited, with e-records outbox rows for changed results
 * only; later re-scores keep the correction. Runs on PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables, saveItemVersion } from '../../../../../item-bank/index.ts';
import { scoreSession } from '../../../../results/score-session.ts';
import { sessionResults } from '../../../../delivery/tables.ts';
import { erecordsOutbox } from '../../../../results/tables.ts';
import { auditLog } from '../../../../people/tables.ts';
import { testProjection, testScorer } from '../../../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { buildScoredSitting } from '../../../support/results-fixtures.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let scored: Awaited<ReturnType<typeof buildScoredSitting>>;
let correctedVersionId: string;
let q2ItemId: string;

// Q2: candidates 0 and 1 answered B, candidate 2 answered C, candidate 3 the published key.
// The corrected key is B: 0 and 1 gain a point, 3 loses one, 2 is unchanged.
const Q2_ANSWERS = ['B', 'B', 'C', 'SECRET-KEY-2'];

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  tree = await buildOrganisationTree(engine.deps.db);
  scored = await buildScoredSitting(engine, tree, {
    students: 4,
    organisationId: tree.schoolA.id,
    answer: (i, q) => (q === 2 ? Q2_ANSWERS[i]! : `SECRET-KEY-${q}`),
  });
  const { db } = engine.deps;
  const [item] = await db
    .select()
    .from(itemBankTables.items)
    .innerJoin(itemBankTables.itemVersions, eq(itemBankTables.itemVersions.itemId, itemBankTables.items.id))
    .where(eq(itemBankTables.itemVersions.id, await q2VersionId()));
  q2ItemId = item!.items.id;
  const saved = await db.transaction((tx) =>
    saveItemVersion(tx, item!.items.bankId, {
      identifier: 'Q2',
      title: 'Câu 2',
      sourceFormat: 'qti3.0',
      qtiXml: '<qti-assessment-item identifier="Q2"><!-- key corrected --></qti-assessment-item>',
      model: { public: { identifier: 'Q2', prompt: 'Câu hỏi số 2' }, key: 'B' },
      text: 'Câu hỏi số 2',
      interactionTypes: ['choiceInteraction'],
    }),
  );
  expect(saved).toMatchObject({ itemId: q2ItemId, version: 2, created: true });
  correctedVersionId = saved.versionId;
});
afterAll(() => engine.dispose());

/** The delivered version of Q2, from the first session's form. */
async function q2VersionId(): Promise<string> {
  const { candidateSessions } = await import('../../../../delivery/tables.ts');
  const [row] = await engine.deps.db
    .select({ form: candidateSessions.form })
    .from(candidateSessions)
    .where(eq(candidateSessions.id, scored.sessions[0]!.sessionId));
  const form = row!.form as { entries: { itemRef: string; itemVersionId: string }[] };
  return form.entries.find((e) => e.itemRef === 'Q2')!.itemVersionId;
}

async function resultsOf(sessionId: string) {
  return engine.deps.db
    .select()
    .from(sessionResults)
    .where(eq(sessionResults.sessionId, sessionId))
    .orderBy(asc(sessionResults.version));
}

async function outboxOf(sessionIds: string[]) {
  return engine.deps.db
    .select()
    .from(erecordsOutbox)
    .where(inArray(erecordsOutbox.sessionId, sessionIds))
    .orderBy(asc(erecordsOutbox.id));
}

const path = () => `/api/results/sittings/${scored.sittingId}/rescore`;

describe('POST /api/results/sittings/{id}/rescore', () => {
  it('401 without a token, 403 for a teacher (no results:write) and for another office', async () => {
    const body = { itemVersionId: correctedVersionId, reason: 'Sửa đáp án câu 2' };
    expect((await api(engine).post(path(), body)).status).toBe(401);
    const teacher = await api(engine).post(path(), body, await tokenFor(engine, tree.teacherA));
    expect(teacher.status).toBe(403);
    expect(teacher.data.error.message).toContain('results:write');
  });

  it('400 for a missing reason or a malformed version id, 404 for an unknown version', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const noReason = await api(engine).post(path(), { itemVersionId: correctedVersionId }, board);
    expect(noReason.status).toBe(400);
    expect(noReason.data.error.message).toContain('reason');
    const malformed = await api(engine).post(path(), { itemVersionId: 'x', reason: 'Sửa đáp án' }, board);
    expect(malformed.status).toBe(400);
    const unknown = await api(engine).post(
      path(),
      { itemVersionId: '00000000-0000-4000-8000-000000000000', reason: 'Sửa đáp án' },
      board,
    );
    expect(unknown.status).toBe(404);
  });

  it('400 when the sitting never delivered the item, writing nothing', async () => {
    const { db } = engine.deps;
    const [bank] = await db
      .insert(itemBankTables.itemBanks)
      .values({ name: 'Other', organisationId: tree.office.id })
      .returning();
    const other = await db.transaction((tx) =>
      saveItemVersion(tx, bank!.id, {
        identifier: 'OTHER',
        title: 'Khác',
        sourceFormat: 'qti3.0',
        qtiXml: '<qti-assessment-item identifier="OTHER"/>',
        model: { key: 'X' },
        text: 'Khác',
        interactionTypes: ['choiceInteraction'],
      }),
    );
    const res = await api(engine).post(
      path(),
      { itemVersionId: other.versionId, reason: 'Sửa đáp án' },
      await tokenFor(engine, tree.examBoard),
    );
    expect(res.status).toBe(400);
    expect(res.data.error.id).toBe('item_not_in_sitting');
    for (const s of scored.sessions) expect(await resultsOf(s.sessionId)).toHaveLength(1);
  });

  it('writes new versions for changed results only, audited, with outbox rows for them', async () => {
    const ids = scored.sessions.map((s) => s.sessionId);
    const outboxBefore = await outboxOf(ids);
    expect(outboxBefore).toHaveLength(4);
    const res = await api(engine).post(
      path(),
      { itemVersionId: correctedVersionId, reason: 'Đáp án câu 2 là B' },
      await tokenFor(engine, tree.examBoard),
    );
    expect(res.status).toBe(200);
    expect(res.data.item).toEqual({ itemId: q2ItemId, itemVersionId: correctedVersionId, version: 2 });
    expect(res.data.unchanged).toBe(1);
    expect(res.data.notScored).toBe(0);
    const byNumber = Object.fromEntries(
      (
        res.data.rescored as {
          candidateNumber: string;
          previous: { rawScore: number };
          current: { rawScore: number; version: number };
        }[]
      ).map((r) => [r.candidateNumber, [r.previous.rawScore, r.current.rawScore, r.current.version]]),
    );
    expect(byNumber).toEqual({
      [scored.sessions[0]!.candidateNumber]: [2, 3, 2],
      [scored.sessions[1]!.candidateNumber]: [2, 3, 2],
      [scored.sessions[3]!.candidateNumber]: [3, 2, 2],
    });

    // Old versions stay as they were; the new ones record the corrected item version.
    const first = await resultsOf(ids[0]!);
    expect(first.map((r) => [r.version, r.rawScore, r.reason])).toEqual([
      [1, 2, 'submitted'],
      [2, 3, 'key correction: Đáp án câu 2 là B'],
    ]);
    expect(
      (first[1]!.outcomes as Record<string, { correctedVersionId?: string }>).Q2!.correctedVersionId,
    ).toBe(correctedVersionId);
    expect(await resultsOf(ids[2]!)).toHaveLength(1);

    // One new outbox row per changed final result, keyed by its version.
    const added = (await outboxOf(ids)).slice(outboxBefore.length);
    expect(added.map((o) => o.idempotencyKey).sort()).toEqual(
      [ids[0], ids[1], ids[3]].map((id) => `result:${id}:v2`).sort(),
    );
    expect(added.find((o) => o.sessionId === ids[3])!.payload).toMatchObject({
      resultVersion: 2,
      scores: { raw: 2, max: 3 },
      reason: 'key correction: Đáp án câu 2 là B',
    });

    // Audited: the sitting-wide action and each session's re-score.
    const [sittingAudit] = await engine.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, scored.sittingId), eq(auditLog.action, 'results.rescore_sitting')));
    expect(sittingAudit!.details).toMatchObject({
      reason: 'Đáp án câu 2 là B',
      itemVersionId: correctedVersionId,
      unchanged: 1,
    });
    expect(sittingAudit!.actorRole).toBe('exam_board');
    const sessionAudits = await engine.deps.db
      .select()
      .from(auditLog)
      .where(and(inArray(auditLog.subjectId, ids), eq(auditLog.action, 'results.rescore')));
    expect(sessionAudits).toHaveLength(3);
    expect(sessionAudits[0]!.details).toMatchObject({ itemVersions: { Q2: correctedVersionId } });
  });

  it('keeps the correction in later re-scores, and a repeated correction changes nothing', async () => {
    const sessionId = scored.sessions[3]!.sessionId;
    const later = await scoreSession(engine.deps.db, testScorer, sessionId, 'marked');
    expect(later.rawScore).toBe(2);
    expect(later.items.Q2!.correctedVersionId).toBe(correctedVersionId);
    const again = await api(engine).post(
      path(),
      { itemVersionId: correctedVersionId, reason: 'Đáp án câu 2 là B' },
      await tokenFor(engine, tree.admin),
    );
    expect(again.status).toBe(200);
    expect(again.data.rescored).toEqual([]);
    expect(again.data.unchanged).toBe(4);
  });
});
