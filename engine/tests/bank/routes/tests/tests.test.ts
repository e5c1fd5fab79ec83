import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables } from '../../../../../item-bank/index.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

const { assessmentTests, assessmentTestVersions, items } = itemBankTables;
let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
const tokens: Record<string, string> = {};
let bankId: string;

/** An Aiken file of `count` questions whose text starts with `prefix`. */
const aiken = (prefix: string, count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `${prefix} câu ${i + 1}: giá trị của ${i + 2} + ${i + 3} là?\nA. ${2 * i + 5}\nB. ${2 * i + 6}\nC. ${2 * i + 7}\nANSWER: A\n`,
  ).join('\n');

async function importPublished(text: string, metadata: Record<string, unknown>) {
  const form = new FormData();
  form.set('file', new File([text], 'cau-hoi.txt'));
  form.set('metadata', JSON.stringify(metadata));
  const saved = await api(engine).call('POST', `/api/item-banks/${bankId}/imports/confirm`, {
    token: tokens.teacherA,
    body: form,
  });
  expect(saved.status).toBe(200);
  for (const item of saved.data.items as Array<{ itemId: string }>) {
    expect((await api(engine).post(`/api/items/${item.itemId}/submit`, {}, tokens.teacherA)).status).toBe(
      200,
    );
    expect((await api(engine).post(`/api/items/${item.itemId}/publish`, {}, tokens.examBoard)).status).toBe(
      200,
    );
  }
  return saved.data.items as Array<{ itemId: string }>;
}

const blueprint = {
  title: 'Kiểm tra 15 phút Toán 6',
  topics: ['Số tự nhiên', 'Phân số'],
  cells: [
    { topic: 'Số tự nhiên', level: 'nhan_biet', count: 2, points: 4 },
    { topic: 'Phân số', level: 'thong_hieu', count: 1, points: 6 },
  ],
};

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  for (const key of ['teacherA', 'teacherB', 'proctorA', 'examBoard'] as const)
    tokens[key] = await tokenFor(engine, tree[key]);
  const bank = await api(engine).post(
    '/api/item-banks',
    { name: 'Toán 6 – Trường A', organisationId: tree.schoolA.id },
    tokens.teacherA,
  );
  bankId = bank.data.id;
  await importPublished(aiken('Số tự nhiên', 4), {
    topic: 'Số tự nhiên',
    cognitiveLevel: 'nhan_biet',
    grade: 6,
  });
  await importPublished(aiken('Phân số', 1), { topic: 'Phân số', cognitiveLevel: 'thong_hieu', grade: 6 });
  // A draft is never drawn.
  const form = new FormData();
  form.set('file', new File([aiken('Phân số nháp', 3)], 'nhap.txt'));
  form.set('metadata', JSON.stringify({ topic: 'Phân số', cognitiveLevel: 'thong_hieu' }));
  await api(engine).call('POST', `/api/item-banks/${bankId}/imports/confirm`, {
    token: tokens.teacherA,
    body: form,
  });
}, 120_000);
afterAll(() => engine.dispose());

const testCount = async () =>
  (await engine.deps.db.select().from(assessmentTests).where(eq(assessmentTests.bankId, bankId))).length;

describe('tests API (blueprints)', () => {
  it('refuses without a token, with a bad blueprint, and for roles or banks outside the actor', async () => {
    expect((await api(engine).post('/api/tests/assemble', { bankId, blueprint })).status).toBe(401);
    const bad = await api(engine).post(
      '/api/tests/assemble',
      {
        bankId,
        blueprint: { ...blueprint, cells: [{ topic: 'Hình học', level: 'nhan_biet', count: 1, points: 1 }] },
      },
      tokens.teacherA,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.error.message).toMatch(/topic.*is not one of the topics/);
    // Teacher B's school is a sibling: the bank is not shared with it.
    expect((await api(engine).post('/api/tests', { bankId, blueprint }, tokens.teacherB)).status).toBe(403);
    // A proctor may not read or write banks.
    expect(
      (await api(engine).post('/api/tests/assemble', { bankId, blueprint }, tokens.proctorA)).status,
    ).toBe(403);
  });

  it('says which cell cannot be filled and how many items are missing, and stores nothing', async () => {
    const refused = await api(engine).post(
      '/api/tests',
      { bankId, blueprint, formCount: 2 },
      tokens.teacherA,
    );
    expect(refused.status).toBe(422);
    expect(refused.data.error.id).toBe('blueprint_unfilled');
    expect(refused.data.error.message).toContain(
      'Phân số × Thông hiểu: 1 item(s) missing (needs 2, 1 published)',
    );
    expect(refused.data.error.details.shortages).toEqual([
      { topic: 'Phân số', level: 'thong_hieu', needed: 2, available: 1, missing: 1 },
    ]);
    expect(await testCount()).toBe(0);
  });

  it('previews, then stores two parallel forms as assessment tests with no shared item', async () => {
    await importPublished(aiken('Phân số bổ sung', 1), {
      topic: 'phân số',
      cognitiveLevel: 'thong_hieu',
      grade: 6,
    });
    const preview = await api(engine).post(
      '/api/tests/assemble',
      { bankId, blueprint, formCount: 2, seed: 'x' },
      tokens.teacherA,
    );
    expect(preview.status).toBe(200);
    expect(await testCount()).toBe(0);

    const stored = await api(engine).post(
      '/api/tests',
      { bankId, blueprint, formCount: 2, seed: 'x' },
      tokens.teacherA,
    );
    expect(stored.status).toBe(201);
    expect(stored.data.forms).toEqual(preview.data.forms);
    const [a, b] = stored.data.forms as Array<{
      items: Array<{ itemId: string; points: number; topic: string }>;
      points: number;
    }>;
    expect(a!.points).toBe(10);
    expect(a!.items.map((i) => [i.topic, i.points])).toEqual([
      ['Số tự nhiên', 2],
      ['Số tự nhiên', 2],
      ['Phân số', 6],
    ]);
    expect(a!.items.filter((i) => b!.items.some((j) => j.itemId === i.itemId))).toEqual([]);
    const drawn = await engine.deps.db
      .select({ status: items.status })
      .from(items)
      .where(
        inArray(
          items.id,
          [...a!.items, ...b!.items].map((i) => i.itemId),
        ),
      );
    expect(drawn.every((d) => d.status === 'published')).toBe(true);

    const versions = await engine.deps.db
      .select()
      .from(assessmentTestVersions)
      .innerJoin(assessmentTests, eq(assessmentTests.id, assessmentTestVersions.testId))
      .where(eq(assessmentTests.bankId, bankId));
    expect(versions).toHaveLength(2);
    expect(versions[0]!.assessment_test_versions.sourceFormat).toBe('blueprint');
    expect(versions[0]!.assessment_test_versions.qtiXml).toContain('qti-assessment-test');

    const list = await api(engine).get(`/api/tests?bankId=${bankId}`, tokens.examBoard);
    expect(list.data.items.map((t: { formLabel: string }) => t.formLabel).sort()).toEqual(['A', 'B']);
    const testA = stored.data.tests.find((t: { formLabel: string }) => t.formLabel === 'A');
    const detail = await api(engine).get(`/api/tests/${testA.id}`, tokens.examBoard);
    expect(detail.status).toBe(200);
    expect(detail.data.points).toBe(10);
    expect(detail.data.blueprint.title).toBe(blueprint.title);
    expect(detail.data.sittingForm.sections.map((s: { title: string }) => s.title)).toEqual([
      'Số tự nhiên',
      'Phân số',
    ]);
    expect(detail.data.sittingForm.sections[1].items[0]).toMatchObject({
      itemId: a!.items[2]!.itemId,
      weight: 6,
    });

    // The candidate preview carries no key.
    const view = await api(engine).get(`/api/tests/${testA.id}/preview`, tokens.teacherA);
    expect(view.status).toBe(200);
    expect(view.data.items).toHaveLength(3);
    const text = JSON.stringify(view.data);
    expect(text).not.toMatch(/correctResponse|responseProcessing|mapping/);
    expect((await api(engine).get(`/api/tests/${testA.id}`, tokens.teacherB)).status).toBe(403);
    expect(
      (await api(engine).get(`/api/tests/00000000-0000-4000-8000-000000000000`, tokens.teacherA)).status,
    ).toBe(404);
  });

  it('an exam board schedules a sitting from a stored form, sees it on the overview and prints slips and room lists', async () => {
    const list = await api(engine).get(`/api/tests?bankId=${bankId}`, tokens.examBoard);
    const test = await api(engine).get(`/api/tests/${list.data.items[0].id}`, tokens.examBoard);
    const sitting = await api(engine).post(
      '/api/sittings',
      {
        organisationId: tree.schoolA.id,
        name: 'Kiểm tra 15 phút – đề A',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        durationMinutes: 15,
        form: { sections: test.data.sittingForm.sections },
      },
      tokens.examBoard,
    );
    expect(sitting.status).toBe(201);
    expect(sitting.data.itemCount).toBe(3);
    const id = sitting.data.id;
    const room = await api(engine).post(
      `/api/sittings/${id}/rooms`,
      { name: 'P.101', proctorIds: [tree.proctorA.userId] },
      tokens.examBoard,
    );
    expect(room.status).toBe(201);
    const enrolled = await api(engine).post(
      `/api/sittings/${id}/candidates`,
      { roomId: room.data.id, classId: tree.classA.id, extraTimePercent: 25 },
      tokens.examBoard,
    );
    expect(enrolled.data.added).toBe(1);

    const overview = await api(engine).get('/api/board/sittings', tokens.examBoard);
    expect(overview.status).toBe(200);
    expect(overview.data.items.find((r: { id: string }) => r.id === id)).toMatchObject({
      counts: { scheduled: 1 },
      incidents: 0,
    });
    // Sibling school B does not see it.
    const other = await api(engine).get('/api/board/sittings', tokens.teacherB);
    expect(other.data.items.some((r: { id: string }) => r.id === id)).toBe(false);

    for (const paper of ['slips.pdf', 'room-lists.pdf']) {
      const response = await engine.app.request(`/api/board/sittings/${id}/${paper}`, {
        headers: { authorization: `Bearer ${tokens.examBoard}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
      // Access codes are for the board: proctors and teachers may not print them.
      for (const who of ['proctorA', 'teacherA'])
        expect((await api(engine).get(`/api/board/sittings/${id}/${paper}`, tokens[who])).status).toBe(403);
    }
  });
});
