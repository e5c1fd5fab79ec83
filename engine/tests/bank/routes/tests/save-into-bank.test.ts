/**
 * Issue 18 #8: a teacher builds forms from the department's bank (which they may only read) and saves
 * them into a bank of their own school; saving into the read-only bank is refused in Vietnamese, with
 * what to do, and stores nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables } from '../../../../../item-bank/index.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

const { assessmentTests } = itemBankTables;
let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let teacher: string;
let board: string;
let officeBank: string;
let schoolBank: string;
let otherSchoolBank: string;

const blueprint = {
  title: 'Kiểm tra 15 phút Toán 6',
  topics: ['Số tự nhiên'],
  cells: [{ topic: 'Số tự nhiên', level: 'nhan_biet', count: 2, points: 10 }],
};

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  teacher = await tokenFor(engine, tree.teacherA);
  board = await tokenFor(engine, tree.examBoard);
  const bank = async (organisationId: string, name: string, token: string) => {
    const created = await api(engine).post('/api/item-banks', { name, organisationId }, token);
    expect(created.status).toBe(201);
    return created.data.id as string;
  };
  // The office's bank (shared down to the schools, read-only there), filled by the exam board.
  officeBank = await bank(tree.office.id, 'Ngân hàng của Phòng', board);
  schoolBank = await bank(tree.schoolA.id, 'Toán 6 – Trường A', teacher);
  otherSchoolBank = await bank(tree.schoolB.id, 'Toán 6 – Trường B', await tokenFor(engine, tree.teacherB));
  const form = new FormData();
  form.set(
    'file',
    new File(
      [
        [1, 2, 3]
          .map((i) => `Câu ${i}: ${i} + ${i} bằng?\nA. ${2 * i}\nB. ${2 * i + 1}\nANSWER: A\n`)
          .join('\n'),
      ],
      'cau-hoi.txt',
    ),
  );
  form.set('metadata', JSON.stringify({ topic: 'Số tự nhiên', cognitiveLevel: 'nhan_biet', grade: 6 }));
  const saved = await api(engine).call('POST', `/api/item-banks/${officeBank}/imports/confirm`, {
    token: board,
    body: form,
  });
  expect(saved.status).toBe(200);
  for (const item of saved.data.items as Array<{ itemId: string }>) {
    expect((await api(engine).post(`/api/items/${item.itemId}/submit`, {}, board)).status).toBe(200);
    expect((await api(engine).post(`/api/items/${item.itemId}/publish`, {}, board)).status).toBe(200);
  }
}, 120_000);
afterAll(() => engine.dispose());

const testsIn = async (bankId: string) =>
  (await engine.deps.db.select().from(assessmentTests).where(eq(assessmentTests.bankId, bankId))).length;

describe('saving blueprint forms into a bank the teacher can write', () => {
  it('refuses to store forms in the read-only department bank, in Vietnamese with what to do, and stores nothing', async () => {
    // The teacher may draw from it (a preview)...
    const preview = await api(engine).post('/api/tests/assemble', { bankId: officeBank, blueprint }, teacher);
    expect(preview.status).toBe(200);
    // ...but not store in it.
    const refused = await api(engine).post('/api/tests', { bankId: officeBank, blueprint }, teacher);
    expect(refused.status).toBe(403);
    expect(refused.data.error.message).toContain('Ngân hàng này của');
    expect(refused.data.error.message).toContain('không được thêm hay sửa');
    expect(refused.data.error.message).toContain('Hãy chọn ngân hàng của trường mình');
    const named = await api(engine).post(
      '/api/tests',
      { bankId: officeBank, targetBankId: officeBank, blueprint },
      teacher,
    );
    expect(named.status).toBe(403);
    // Nor in another school's bank.
    const other = await api(engine).post(
      '/api/tests',
      { bankId: officeBank, targetBankId: otherSchoolBank, blueprint },
      teacher,
    );
    expect(other.status).toBe(403);
    expect(other.data.error.message).toContain('ngoài đơn vị của bạn');
    expect(await testsIn(officeBank)).toBe(0);
    expect(await testsIn(otherSchoolBank)).toBe(0);
  });

  it("draws from the department's bank and stores the forms in the teacher's school bank", async () => {
    const saved = await api(engine).post(
      '/api/tests',
      { bankId: officeBank, targetBankId: schoolBank, formCount: 1, blueprint },
      teacher,
    );
    expect(saved.status).toBe(201);
    expect(saved.data.tests).toHaveLength(1);
    expect(saved.data.tests[0].bankId).toBe(schoolBank);
    expect(await testsIn(schoolBank)).toBe(1);
    expect(await testsIn(officeBank)).toBe(0);
    // The stored test reads back with its items (which live in the department's bank).
    const read = await api(engine).get(`/api/tests/${saved.data.tests[0].id}`, teacher);
    expect(read.status).toBe(200);
    expect(read.data.items).toHaveLength(2);
    const listed = await api(engine).get(`/api/tests?bankId=${schoolBank}`, teacher);
    expect(listed.data.items.map((t: { id: string }) => t.id)).toEqual([saved.data.tests[0].id]);
  });

  it('refuses drawing from a bank the teacher cannot read', async () => {
    const refused = await api(engine).post(
      '/api/tests',
      { bankId: otherSchoolBank, targetBankId: schoolBank, blueprint },
      teacher,
    );
    expect(refused.status).toBe(403);
  });
});
