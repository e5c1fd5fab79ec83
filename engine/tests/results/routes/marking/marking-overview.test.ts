import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradingTables } from '../../../../../grading/index.ts';
import { sessionResults } from '../../../../delivery/tables.ts';
import { buildOrganisationTree, buildStaff } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';
import { buildEssaySitting, essayOf } from '../../../support/essay-sitting.ts';
import { isUniqueViolation } from '../../../../platform/db/unique-violation.ts';

// The real QTI scorer throughout: the essay waits for a marker because it has no response processing.
let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let essay: Awaited<ReturnType<typeof buildEssaySitting>>;
let tokens: Record<'board' | 'teacherA' | 'teacherA2' | 'teacherA3' | 'teacherB' | 'proctor', string>;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  essay = await buildEssaySitting(engine, tree, { students: 2 });
  const teacher = async () => tokenFor(engine, await buildStaff(engine.deps.db, 'teacher', tree.schoolA));
  tokens = {
    board: await tokenFor(engine, tree.examBoard),
    teacherA: await tokenFor(engine, tree.teacherA),
    teacherA2: await teacher(),
    teacherA3: await teacher(),
    teacherB: await tokenFor(engine, tree.teacherB),
    proctor: await tokenFor(engine, tree.proctorA),
  };
});
afterAll(() => engine.dispose());

const base = () => `/api/marking/sittings/${essay.sittingId}`;
const mark = (body: Record<string, unknown>, token: string) =>
  api(engine).post(`${base()}/marks`, body, token);
const essayRow = async (token: string) =>
  (await api(engine).get(`${base()}/items`, token)).data.items.find(
    (i: { itemRef: string }) => i.itemRef === 'Q2',
  );

describe('the real scorer leaves an essay for a marker', () => {
  it('scores the choice item and keeps the essay pending', async () => {
    const [result] = await engine.deps.db
      .select()
      .from(sessionResults)
      .where(eq(sessionResults.sessionId, essay.sessions[0]!.sessionId));
    expect(result!.status).toBe('pending');
    expect(result!.outcomes).toMatchObject({
      Q1: { score: 1, pending: false },
      Q2: { pending: true, maxScore: 4 },
    });
  });
});

describe('GET /api/marking/sittings', () => {
  it('401 without a token, 403 for a proctor', async () => {
    expect((await api(engine).get('/api/marking/sittings')).status).toBe(401);
    const proctor = await api(engine).get('/api/marking/sittings', tokens.proctor);
    expect(proctor.status).toBe(403);
    expect(proctor.data.error.message).toContain('marking:mark');
  });

  it("lists the sittings with marking work in the marker's school only", async () => {
    const mine = await api(engine).get('/api/marking/sittings', tokens.teacherA);
    expect(mine.status).toBe(200);
    expect(mine.data.items).toEqual([
      expect.objectContaining({ id: essay.sittingId, waitingCandidates: 2, marksGiven: 0 }),
    ]);
    const other = await api(engine).get('/api/marking/sittings', tokens.teacherB);
    expect(other.data.items).toEqual([]);
  });
});

describe('GET /api/marking/sittings/{id}/items', () => {
  it('401 without a token, 403 for a teacher of another school', async () => {
    expect((await api(engine).get(`${base()}/items`)).status).toBe(401);
    expect((await api(engine).get(`${base()}/items`, tokens.teacherB)).status).toBe(403);
  });

  it('lists only the essay, by title, with every response still to mark', async () => {
    const res = await api(engine).get(`${base()}/items`, tokens.teacherA);
    expect(res.status).toBe(200);
    expect(res.data.sitting).toMatchObject({ id: essay.sittingId, name: 'Kiểm tra giữa kỳ Toán 9' });
    expect(res.data.items).toEqual([
      {
        itemRef: 'Q2',
        title: 'Bài luận: người bạn thân',
        interactions: ['extendedTextInteraction'],
        maxScore: 4,
        anonymous: true,
        doubleMarking: false,
        discrepancyThreshold: 1,
        hasRubric: false,
        rubric: null,
        counts: {
          total: 2,
          pending: 2,
          markedOnce: 0,
          awaitingSecond: 0,
          awaitingModeration: 0,
          done: 0,
          forYou: 2,
        },
      },
    ]);
  });
});

describe('GET /api/marking/sittings/{id}/queue', () => {
  it('gives the item prompt, its scorer guidance and the response with its line breaks, and no name', async () => {
    const res = await api(engine).get(`${base()}/queue?item=Q2`, tokens.teacherA);
    expect(res.status).toBe(200);
    expect(res.data.item).toMatchObject({
      title: 'Bài luận: người bạn thân',
      prompt:
        'Em hãy viết một đoạn văn ngắn (5–7 câu) kể về người bạn thân của em.\nViết bài của em vào ô dưới đây.',
      // The item's own scorer guidance (rubricBlock view="scorer"), kept out of the prompt (issue 18 #6).
      scorerRubric: '2 điểm: kể đúng về người bạn, đủ 5–7 câu.\n2 điểm: câu văn rõ ràng, đúng chính tả.',
      interactions: [{ responseIdentifier: 'RESPONSE', type: 'extendedTextInteraction' }],
    });
    expect(res.data.maxScore).toBe(4);
    expect(res.data.queue.map((e: { response: { RESPONSE: string } }) => e.response.RESPONSE)).toEqual([
      essayOf(0),
      essayOf(1),
    ]);
    expect(JSON.stringify(res.data)).not.toContain('Học Sinh');
  });

  it('shows names and candidate numbers when the item is not marked anonymously', async () => {
    const put = await api(engine).call('PUT', `${base()}/items/Q2`, {
      json: { anonymous: false },
      token: tokens.board,
    });
    expect(put.status).toBe(200);
    const res = await api(engine).get(`${base()}/queue?item=Q2`, tokens.teacherA);
    expect(res.data.anonymous).toBe(false);
    expect(res.data.queue[0].candidate).toEqual({
      fullName: expect.stringMatching(/^Học Sinh/),
      candidateNumber: essay.sessions[0]!.candidateNumber,
    });
  });
});

describe('double marking through the API', () => {
  it('turns markers racing for the same role into 409s with a reason, never a 500', async () => {
    const put = await api(engine).call('PUT', `${base()}/items/Q2`, {
      json: { doubleMarking: true, discrepancyThreshold: 1 },
      token: tokens.board,
    });
    expect(put.status).toBe(200);
    const sessionId = essay.sessions[1]!.sessionId;
    const racers = [tokens.teacherA, tokens.teacherA2, tokens.teacherA3];
    const results = await Promise.all(
      racers.map((token) => mark({ sessionId, itemRef: 'Q2', score: 3 }, token)),
    );
    for (const r of results) {
      expect([201, 409]).toContain(r.status);
      if (r.status === 409)
        expect(['taken', 'not_moderator', 'resolved']).toContain(r.data.error.details.refused);
    }
    const stored = await engine.deps.db
      .select()
      .from(gradingTables.marks)
      .where(eq(gradingTables.marks.sessionId, sessionId));
    expect(new Set(stored.map((m) => m.role)).size).toBe(stored.length);
    expect(stored.length).toBe(results.filter((r) => r.status === 201).length);
    // Whoever lost the race, make sure both marks are in (equal scores: the item resolves).
    if (stored.length === 1) {
      const next = racers.find((_, i) => results[i]!.status === 409)!;
      expect((await mark({ sessionId, itemRef: 'Q2', score: 3 }, next)).status).toBe(201);
    }
  });

  it('the unique index itself answers a duplicate role with SQLSTATE 23505', async () => {
    const [existing] = await engine.deps.db
      .select()
      .from(gradingTables.marks)
      .where(eq(gradingTables.marks.sessionId, essay.sessions[1]!.sessionId));
    const { id: _id, createdAt: _at, ...copy } = existing!;
    const error = await engine.deps.db
      .insert(gradingTables.marks)
      .values(copy)
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('counts each stage and shows the moderator both marks and how far apart they are', async () => {
    const sessionId = essay.sessions[0]!.sessionId;
    expect(
      (await mark({ sessionId, itemRef: 'Q2', score: 4, comment: 'Rất hay' }, tokens.teacherA)).status,
    ).toBe(201);
    expect((await essayRow(tokens.teacherA)).counts).toMatchObject({
      total: 2,
      pending: 0,
      markedOnce: 1,
      awaitingSecond: 1,
      done: 1,
      forYou: 0,
    });
    expect((await essayRow(tokens.teacherA2)).counts.forYou).toBe(1);
    const second = await mark({ sessionId, itemRef: 'Q2', score: 1, comment: 'Lạc đề' }, tokens.teacherA2);
    expect(second.data).toMatchObject({ role: 'second', itemState: 'awaiting_moderator' });
    expect((await essayRow(tokens.board)).counts).toMatchObject({
      awaitingModeration: 1,
      done: 1,
      forYou: 1,
    });

    const queue = await api(engine).get(`${base()}/queue?item=Q2`, tokens.board);
    expect(queue.data.queue).toEqual([
      expect.objectContaining({
        sessionId,
        role: 'moderator',
        state: 'awaiting_moderator',
        discrepancy: 3,
        marks: [
          { role: 'first', score: 4, levels: {}, comment: 'Rất hay' },
          { role: 'second', score: 1, levels: {}, comment: 'Lạc đề' },
        ],
      }),
    ]);
    // Markers never see each other's marks.
    const teacherQueue = await api(engine).get(`${base()}/queue?item=Q2`, tokens.teacherA3);
    expect(teacherQueue.data.queue).toEqual([]);

    const moderated = await mark({ sessionId, itemRef: 'Q2', score: 3 }, tokens.board);
    // Q1 right (1 point) + 3 of 4 for the essay: 4 of 5 points, 8.0 on the 10-point scale.
    expect(moderated.data).toMatchObject({
      role: 'moderator',
      itemState: 'resolved',
      result: { version: 2, status: 'final', scaledScore: 8 },
    });
    expect((await essayRow(tokens.board)).counts).toMatchObject({ total: 2, done: 2, forYou: 0 });
    const home = await api(engine).get('/api/marking/sittings', tokens.teacherA);
    expect(home.data.items[0]).toMatchObject({ waitingCandidates: 0, marksGiven: 5 });
  });
});

describe('GET /api/marking/sittings/{id}/item-versions', () => {
  it('is for the exam board (results:write), and lists each delivered item with its newest version', async () => {
    expect((await api(engine).get(`${base()}/item-versions`)).status).toBe(401);
    expect((await api(engine).get(`${base()}/item-versions`, tokens.teacherA)).status).toBe(403);
    const res = await api(engine).get(`${base()}/item-versions`, tokens.board);
    expect(res.status).toBe(200);
    expect(res.data.items).toEqual([
      expect.objectContaining({ itemRefs: ['Q1'], deliveredVersion: 1, newestVersion: 1 }),
      expect.objectContaining({ itemRefs: ['Q2'], title: 'Bài luận: người bạn thân', deliveredVersion: 1 }),
    ]);
  });
});
