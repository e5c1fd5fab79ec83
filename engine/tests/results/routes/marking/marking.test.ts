import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradingTables } from '../../../../../grading/index.ts';
import { sessionResults } from '../../../../delivery/tables.ts';
import { auditLog, students } from '../../../../people/tables.ts';
import { erecordsOutbox } from '../../../../results/tables.ts';
import { testProjection } from '../../../support/delivery-fixtures.ts';
import { buildOrganisationTree, buildStaff } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { buildScoredSitting, markingScorer } from '../../../support/results-fixtures.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

const RUBRIC = {
  name: 'Bài luận',
  criteria: [
    {
      id: 'noi-dung',
      name: 'Nội dung',
      levels: [
        { label: 'Chưa đạt', points: 0 },
        { label: 'Đạt', points: 1 },
        { label: 'Tốt', points: 2 },
      ],
    },
    {
      id: 'trinh-bay',
      name: 'Trình bày',
      levels: [
        { label: 'Chưa đạt', points: 0 },
        { label: 'Đạt', points: 1 },
        { label: 'Tốt', points: 2 },
      ],
    },
  ],
};

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let scored: Awaited<ReturnType<typeof buildScoredSitting>>;
let tokens: Record<'board' | 'teacherA' | 'teacherA2' | 'teacherB', string>;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: markingScorer });
  tree = await buildOrganisationTree(engine.deps.db);
  scored = await buildScoredSitting(engine, tree, { students: 3, organisationId: tree.schoolA.id });
  tokens = {
    board: await tokenFor(engine, tree.examBoard),
    teacherA: await tokenFor(engine, tree.teacherA),
    teacherA2: await tokenFor(engine, await buildStaff(engine.deps.db, 'teacher', tree.schoolA)),
    teacherB: await tokenFor(engine, tree.teacherB),
  };
});
afterAll(() => engine.dispose());

const base = () => `/api/marking/sittings/${scored.sittingId}`;
const mark = (body: Record<string, unknown>, token: string) =>
  api(engine).post(`${base()}/marks`, body, token);

describe('PUT /api/marking/sittings/{id}/items/{ref}', () => {
  const put = (json: unknown, token?: string) =>
    api(engine).call('PUT', `${base()}/items/Q3`, { json, token });

  it('401 without a token', async () => {
    expect((await put({ rubric: RUBRIC })).status).toBe(401);
  });

  it('400 with the first problem of the body', async () => {
    const res = await put({ rubric: { name: 'x', criteria: [] } }, tokens.board);
    expect(res.status).toBe(400);
    expect(res.data.error.message).toMatch(/^rubric\.criteria: /);
  });

  it('403 for a teacher (marking:moderate) and for staff of another school', async () => {
    const teacher = await put({ rubric: RUBRIC }, tokens.teacherA);
    expect(teacher.status).toBe(403);
    expect(teacher.data.error.message).toContain('marking:moderate');
    const board = await buildStaff(engine.deps.db, 'exam_board', tree.schoolB);
    const other = await put({ rubric: RUBRIC }, await tokenFor(engine, board));
    expect(other.status).toBe(403);
    expect(other.data.error.message).toContain('outside your organisation');
  });

  it('stores the rubric and the double-marking rule', async () => {
    const res = await put({ rubric: RUBRIC, doubleMarking: true, discrepancyThreshold: 1 }, tokens.board);
    expect(res.status).toBe(200);
    const [config] = await engine.deps.db
      .select()
      .from(gradingTables.markingConfigs)
      .where(eq(gradingTables.markingConfigs.sittingId, scored.sittingId));
    expect(config).toMatchObject({
      itemRef: 'Q3',
      anonymous: true,
      doubleMarking: true,
      rubricId: res.data.rubricId,
    });
    const [rubric] = await engine.deps.db
      .select()
      .from(gradingTables.rubrics)
      .where(eq(gradingTables.rubrics.id, res.data.rubricId));
    expect(rubric).toMatchObject({ name: 'Bài luận', organisationId: tree.schoolA.id });
    // The setting is audited (it was not before it became a command), in the same transaction.
    const audit = await engine.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, scored.sittingId), eq(auditLog.action, 'marking.configure')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: tree.examBoard.userId,
      actorRole: 'exam_board',
      subjectType: 'sitting',
      organisationId: tree.schoolA.id,
      details: {
        itemRef: 'Q3',
        rubric: 'Bài luận',
        rubricId: res.data.rubricId,
        anonymous: true,
        doubleMarking: true,
        discrepancyThreshold: 1,
      },
    });
  });

  it('refuses a rubric worth more than the item, with the code the page words, and keeps the stored one', async () => {
    const [before] = await engine.deps.db
      .select()
      .from(gradingTables.markingConfigs)
      .where(eq(gradingTables.markingConfigs.sittingId, scored.sittingId));
    const tooMuch = {
      ...RUBRIC,
      criteria: [...RUBRIC.criteria, { ...RUBRIC.criteria[0]!, id: 'them', name: 'Thêm' }],
    };
    const res = await put({ rubric: tooMuch }, tokens.board);
    expect(res.status).toBe(400);
    expect(res.data.error.details).toMatchObject({ code: 'rubric_above_maximum', rubricMax: 6, itemMax: 4 });
    const [after] = await engine.deps.db
      .select()
      .from(gradingTables.markingConfigs)
      .where(eq(gradingTables.markingConfigs.sittingId, scored.sittingId));
    expect(after).toEqual(before);
  });
});

describe('GET /api/marking/sittings/{id}/queue', () => {
  it('401 without a token, 400 without an item, 403 for a teacher of another school', async () => {
    expect((await api(engine).get(`${base()}/queue?item=Q3`)).status).toBe(401);
    const missing = await api(engine).get(`${base()}/queue`, tokens.teacherA);
    expect(missing.status).toBe(400);
    expect(missing.data.error.message).toBe('item: the item ref to mark must be given.');
    expect((await api(engine).get(`${base()}/queue?item=Q3`, tokens.teacherB)).status).toBe(403);
  });

  it('lists every response waiting for a mark with no trace of who wrote it', async () => {
    const res = await api(engine).get(`${base()}/queue?item=Q3`, tokens.teacherA);
    expect(res.status).toBe(200);
    expect(res.data.anonymous).toBe(true);
    expect(res.data.rubric).toEqual(RUBRIC.criteria);
    expect(res.data.queue).toHaveLength(3);
    expect(res.data.queue.every((e: { role: string }) => e.role === 'first')).toBe(true);
    const payload = JSON.stringify(res.data);
    const rows = await engine.deps.db
      .select()
      .from(students)
      .where(
        inArray(
          students.id,
          scored.sessions.map((x) => x.studentId),
        ),
      );
    expect(rows).toHaveLength(3);
    for (const student of rows) {
      expect(payload).not.toContain(student.fullName);
      expect(payload).not.toContain(student.nationalId);
      expect(payload).not.toContain(student.id);
    }
    for (const s of scored.sessions) expect(payload).not.toContain(s.candidateNumber);
    expect(payload).not.toMatch(/2011-05-17|17\/05\/2011|dateOfBirth|fullName|candidateNumber/);
    for (const entry of res.data.queue) expect(entry.candidate.label).toMatch(/^#[0-9a-f]{8}$/);
  });
});

describe('POST /api/marking/sittings/{id}/marks', () => {
  it('401 without a token; 400 for a malformed body, an automatically scored item or a missing level', async () => {
    const sessionId = scored.sessions[0]!.sessionId;
    expect((await api(engine).post(`${base()}/marks`, { sessionId, itemRef: 'Q3' })).status).toBe(401);
    const malformed = await mark({ sessionId: 'nope', itemRef: 'Q3' }, tokens.teacherA);
    expect(malformed.status).toBe(400);
    expect(malformed.data.error.message).toMatch(/^sessionId: /);
    const auto = await mark({ sessionId, itemRef: 'Q1', score: 1 }, tokens.teacherA);
    expect(auto.status).toBe(400);
    expect(auto.data.error.message).toBe("Q1 does not wait for a teacher's mark.");
    const level = await mark({ sessionId, itemRef: 'Q3', levels: { 'noi-dung': 1 } }, tokens.teacherA);
    expect(level.status).toBe(400);
    expect(level.data.error.message).toBe('levels: criterion trinh-bay needs a level between 0 and 2');
  });

  it('403 for a teacher of another school', async () => {
    const res = await mark(
      { sessionId: scored.sessions[0]!.sessionId, itemRef: 'Q3', levels: { 'noi-dung': 1, 'trinh-bay': 1 } },
      tokens.teacherB,
    );
    expect(res.status).toBe(403);
  });

  it('sends two marks too far apart to a moderator, whose mark makes a new final result and its e-records row', async () => {
    const sessionId = scored.sessions[0]!.sessionId;
    const first = await mark(
      { sessionId, itemRef: 'Q3', levels: { 'noi-dung': 2, 'trinh-bay': 2 }, comment: 'Rất tốt' },
      tokens.teacherA,
    );
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ role: 'first', score: 4, itemState: 'awaiting_second', result: null });

    // The same teacher may not give the second mark, and the response leaves their queue.
    const again = await mark(
      { sessionId, itemRef: 'Q3', levels: { 'noi-dung': 1, 'trinh-bay': 1 } },
      tokens.teacherA,
    );
    expect(again.status).toBe(409);
    expect(again.data.error.details).toEqual({ refused: 'same_marker' });
    const queue = await api(engine).get(`${base()}/queue?item=Q3`, tokens.teacherA);
    expect(queue.data.queue).toHaveLength(2);

    const second = await mark(
      { sessionId, itemRef: 'Q3', levels: { 'noi-dung': 0, 'trinh-bay': 1 } },
      tokens.teacherA2,
    );
    expect(second.status).toBe(201);
    expect(second.data).toMatchObject({
      role: 'second',
      score: 1,
      itemState: 'awaiting_moderator',
      result: null,
    });

    const notModerator = await mark(
      { sessionId, itemRef: 'Q3', levels: { 'noi-dung': 1, 'trinh-bay': 1 } },
      tokens.teacherA2,
    );
    expect(notModerator.status).toBe(409);
    expect(notModerator.data.error.details).toEqual({ refused: 'not_moderator' });
    const moderatorQueue = await api(engine).get(`${base()}/queue?item=Q3`, tokens.board);
    expect(
      moderatorQueue.data.queue.find((e: { sessionId: string }) => e.sessionId === sessionId)?.role,
    ).toBe('moderator');

    const moderator = await mark(
      { sessionId, itemRef: 'Q3', levels: { 'noi-dung': 2, 'trinh-bay': 1 } },
      tokens.board,
    );
    expect(moderator.status).toBe(201);
    // Candidate 1 got Q1 and Q2 wrong: 0 + 0 + 3 of 6 points is 5.0, Đạt.
    expect(moderator.data).toMatchObject({
      role: 'moderator',
      score: 3,
      itemState: 'resolved',
      result: { version: 2, status: 'final', scaledScore: 5, rating: 'Đạt' },
    });

    const results = await engine.deps.db
      .select()
      .from(sessionResults)
      .where(eq(sessionResults.sessionId, sessionId));
    expect(results.map((r) => [r.version, r.status, r.reason]).sort()).toEqual([
      [1, 'pending', 'submitted'],
      [2, 'final', 'marked'],
    ]);
    const v2 = results.find((r) => r.version === 2)!;
    expect(v2.rating).toBe('Đạt');
    expect((v2.outcomes as Record<string, { score: number; pending: boolean }>).Q3).toMatchObject({
      score: 3,
      pending: false,
    });
    const outbox = await engine.deps.db
      .select()
      .from(erecordsOutbox)
      .where(eq(erecordsOutbox.sessionId, sessionId));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ resultVersion: 2, idempotencyKey: `result:${sessionId}:v2` });
    expect(outbox[0]!.payload).toMatchObject({
      scores: { raw: 3, max: 6, tenPoint: 5 },
      rating: 'Đạt',
      reason: 'marked',
    });

    const marks = await engine.deps.db
      .select()
      .from(gradingTables.marks)
      .where(and(eq(gradingTables.marks.sessionId, sessionId), eq(gradingTables.marks.itemRef, 'Q3')));
    expect(marks.map((m) => [m.role, m.score]).sort()).toEqual([
      ['first', 4],
      ['moderator', 3],
      ['second', 1],
    ]);

    // Every mark and the re-score are in the audit log.
    const audit = await engine.deps.db.select().from(auditLog).where(eq(auditLog.subjectId, sessionId));
    expect(audit.map((a) => a.action)).toEqual([
      'marking.mark',
      'marking.mark',
      'marking.mark',
      'results.rescore',
    ]);
    expect(audit[3]!.details).toMatchObject({ version: 2, status: 'final', marks: { Q3: 3 } });
    expect(audit[0]!.actorId).toBe(tree.teacherA.userId);
  });

  it('averages two marks within the discrepancy threshold', async () => {
    const sessionId = scored.sessions[2]!.sessionId;
    await mark({ sessionId, itemRef: 'Q3', levels: { 'noi-dung': 1, 'trinh-bay': 1 } }, tokens.teacherA);
    const second = await mark(
      { sessionId, itemRef: 'Q3', levels: { 'noi-dung': 1, 'trinh-bay': 2 } },
      tokens.teacherA2,
    );
    expect(second.status).toBe(201);
    // Q1 and Q2 right (2) + (2 + 3) / 2 = 4.5 of 6 points: 7.5, Khá.
    expect(second.data).toMatchObject({
      role: 'second',
      itemState: 'resolved',
      result: { version: 2, status: 'final', scaledScore: 7.5, rating: 'Khá' },
    });
  });
});
