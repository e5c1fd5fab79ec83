/**
 * A sitting of two parallel forms (mã đề) drawn from one blueprint: scheduled by test ids,
 * candidates of a room alternate forms in candidate-number order, a second check-in resumes the
 * same form, and the form each candidate sat is in the roster, the result and item statistics.
 * PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables } from '../../item-bank/index.ts';
import type { AssembledForm } from '../sittings/form.ts';
import { parallelFormIndex } from '../sittings/parallel-forms.ts';
import { scoreSession } from '../results/score-session.ts';
import { startSession, submitSession } from '../delivery/session-commands.ts';
import { candidateSessions, sessionResults } from '../delivery/tables.ts';
import { checkInCandidate } from './support/delivery-fixtures.ts';
import { buildClass, buildOrganisationTree, buildStudent } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let teacher: string;
let board: string;
let bankId: string;
let tests: Array<{ id: string; formLabel: string }>;

const aiken = (count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `Câu ${i + 1}: ${i + 2} + ${i + 3} bằng bao nhiêu?\nA. ${2 * i + 5}\nB. ${2 * i + 6}\nANSWER: A\n`,
  ).join('\n');

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  teacher = await tokenFor(engine, tree.teacherA);
  board = await tokenFor(engine, tree.examBoard);
  const bank = await api(engine).post(
    '/api/item-banks',
    { name: 'Toán 7 – Trường A', organisationId: tree.schoolA.id },
    teacher,
  );
  bankId = bank.data.id;
  const file = new FormData();
  file.set('file', new File([aiken(4)], 'cau-hoi.txt'));
  file.set('metadata', JSON.stringify({ topic: 'Số hữu tỉ', cognitiveLevel: 'nhan_biet', grade: 7 }));
  const saved = await api(engine).call('POST', `/api/item-banks/${bankId}/imports/confirm`, {
    token: teacher,
    body: file,
  });
  for (const item of saved.data.items as Array<{ itemId: string }>) {
    await api(engine).post(`/api/items/${item.itemId}/submit`, {}, teacher);
    await api(engine).post(`/api/items/${item.itemId}/publish`, {}, board);
  }
  const stored = await api(engine).post(
    '/api/tests',
    {
      bankId,
      formCount: 2,
      blueprint: {
        title: 'Kiểm tra 15 phút Toán 7',
        topics: ['Số hữu tỉ'],
        cells: [{ topic: 'Số hữu tỉ', level: 'nhan_biet', count: 2, points: 10 }],
      },
    },
    teacher,
  );
  expect(stored.status).toBe(201);
  tests = stored.data.tests;
}, 120_000);
afterAll(() => engine.dispose());

const sittingBody = (extra: Record<string, unknown>) => ({
  organisationId: tree.schoolA.id,
  name: 'Kiểm tra 15 phút – hai mã đề',
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  closesAt: new Date(Date.now() + 3600_000).toISOString(),
  durationMinutes: 15,
  ...extra,
});

describe('a sitting of parallel forms', () => {
  it('assigns seats round-robin', () => {
    expect([0, 1, 2, 3, 4].map((seat) => parallelFormIndex(seat, 2))).toEqual([0, 1, 0, 1, 0]);
    expect([0, 1, 2, 3].map((seat) => parallelFormIndex(seat, 3))).toEqual([0, 1, 2, 0]);
  });

  it('refuses one test in `tests`, a test listed twice, and `test` with `tests`', async () => {
    const [a, b] = tests;
    for (const extra of [
      { tests: [{ testId: a!.id }] },
      { tests: [{ testId: a!.id }, { testId: a!.id }] },
      { test: { testId: a!.id }, tests: [{ testId: a!.id }, { testId: b!.id }] },
    ]) {
      const res = await api(engine).post('/api/sittings', sittingBody(extra), board);
      expect(res.status, JSON.stringify(extra)).toBe(400);
    }
  });

  it('gives neighbours different forms, resumes the same one, and records it in the roster and results', async () => {
    const ordered = [...tests].sort((x, y) => x.formLabel.localeCompare(y.formLabel));
    const created = await api(engine).post(
      '/api/sittings',
      sittingBody({ tests: ordered.map((t) => ({ testId: t.id })) }),
      board,
    );
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ forms: ['A', 'B'], itemCount: 2 });
    const sittingId = created.data.id as string;
    const room = await api(engine).post(`/api/sittings/${sittingId}/rooms`, { name: 'P.07' }, board);
    const cls = await buildClass(engine.deps.db, tree.schoolA);
    const students: Array<Awaited<ReturnType<typeof buildStudent>>> = [];
    for (let i = 1; i <= 4; i++)
      students.push(await buildStudent(engine.deps.db, tree.schoolA, cls.id, `Học Sinh ${i}`));
    const enrolled = await api(engine).post(
      `/api/sittings/${sittingId}/candidates`,
      { roomId: room.data.id, classId: cls.id },
      board,
    );
    const candidates = (enrolled.data.candidates as Array<{ studentId: string; candidateNumber: string }>)
      .map((c) => ({ ...c, dateOfBirth: students.find((s) => s.id === c.studentId)!.dateOfBirth }))
      .sort((x, y) => x.candidateNumber.localeCompare(y.candidateNumber));

    // Check in out of seat order: the form follows the seat, not the arrival.
    const sessionOf = new Map<string, string>();
    for (const c of [candidates[2]!, candidates[0]!, candidates[3]!, candidates[1]!])
      sessionOf.set(c.candidateNumber, (await checkInCandidate(engine, room.data.accessCode, c)).sessionId);
    const formOf = async (sessionId: string) => {
      const [row] = await engine.deps.db
        .select({ form: candidateSessions.form })
        .from(candidateSessions)
        .where(eq(candidateSessions.id, sessionId));
      return row!.form as AssembledForm;
    };
    const forms = await Promise.all(candidates.map((c) => formOf(sessionOf.get(c.candidateNumber)!)));
    expect(forms.map((f) => f.parallelForm?.label)).toEqual(['A', 'B', 'A', 'B']);
    expect(forms.map((f) => f.parallelForm?.testId)).toEqual([
      ordered[0]!.id,
      ordered[1]!.id,
      ordered[0]!.id,
      ordered[1]!.id,
    ]);
    // The two forms share no item version.
    const versionsOf = (f: AssembledForm) => f.entries.map((e) => e.itemVersionId);
    expect(versionsOf(forms[0]!).filter((v) => versionsOf(forms[1]!).includes(v))).toEqual([]);
    expect(versionsOf(forms[2]!).sort()).toEqual(versionsOf(forms[0]!).sort());

    // A second check-in resumes the session with the form it was given.
    const again = await checkInCandidate(engine, room.data.accessCode, candidates[1]!);
    expect(again.sessionId).toBe(sessionOf.get(candidates[1]!.candidateNumber));
    expect(await formOf(again.sessionId)).toEqual(forms[1]);

    const roster = await api(engine).get(`/api/sittings/${sittingId}/sessions`, board);
    expect(roster.data.items.map((r: { form: string | null }) => r.form)).toEqual(['A', 'B', 'A', 'B']);

    // Candidates of both forms are scored by their own form.
    const [first, second] = [candidates[0]!, candidates[1]!].map((c) => sessionOf.get(c.candidateNumber)!);
    for (const sessionId of [first!, second!]) {
      await startSession(engine.deps.db, sessionId);
      await submitSession(engine.deps.db, sessionId, 'candidate', { type: 'candidate' });
      const result = await scoreSession(engine.deps.db, engine.deps.scorer!, sessionId);
      expect(result.status).toBe('final');
      // Each item is weighted to the points its blueprint cell gives it: 2 items, 10 points a form.
      expect(result.maxScore).toBe(10);
      const [stored] = await engine.deps.db
        .select()
        .from(sessionResults)
        .where(eq(sessionResults.sessionId, sessionId))
        .orderBy(desc(sessionResults.version));
      expect(Object.keys(stored!.outcomes as object).sort()).toEqual(
        (await formOf(sessionId)).entries.map((e) => e.itemRef).sort(),
      );
    }

    // The results, form by form, say who sat which form.
    const byForm = await api(engine).get(`/api/reports/sittings/${sittingId}/forms`, teacher);
    expect(byForm.status).toBe(200);
    expect(
      byForm.data.forms.map(
        (f: { label: string; testId: string; candidates: { candidateNumber: string }[] }) => [
          f.label,
          f.testId,
          f.candidates.map((c) => c.candidateNumber),
        ],
      ),
    ).toEqual([
      ['A', ordered[0]!.id, [candidates[0]!.candidateNumber]],
      ['B', ordered[1]!.id, [candidates[1]!.candidateNumber]],
    ]);
    expect(byForm.data.forms[0]).toMatchObject({ mean: 0, meanTenPoint: 0 });
    const proctor = await api(engine).get(
      `/api/reports/sittings/${sittingId}/forms`,
      await tokenFor(engine, tree.proctorA),
    );
    expect(proctor.status).toBe(403);

    // Item statistics know in which form of the sitting the item was.
    const [item] = await engine.deps.db
      .select({ id: itemBankTables.items.id })
      .from(itemBankTables.items)
      .innerJoin(itemBankTables.itemVersions, eq(itemBankTables.itemVersions.itemId, itemBankTables.items.id))
      .where(eq(itemBankTables.itemVersions.id, forms[1]!.entries[0]!.itemVersionId));
    const stats = await api(engine).get(`/api/item-statistics/items/${item!.id}`, teacher);
    expect(stats.status).toBe(200);
    expect(stats.data.sittings).toEqual([
      expect.objectContaining({ sittingId, forms: ['B'], candidates: 1, p: 0, omitRate: 1 }),
    ]);
  });
});
