import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVietnameseTestDocx } from '../item-bank/importers/fixtures/vietnamese-test-docx.ts';
import { itemBankTables } from '../item-bank/index.ts';
import { buildOrganisationTree } from '../engine/tests/support/factories.ts';
import { api, tokenFor } from '../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../engine/tests/support/test-engine.ts';

const { items } = itemBankTables;
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../item-bank/importers/fixtures');
let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
const tokens: Record<string, string> = {};
let bankId: string;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  for (const key of ['teacherA', 'teacherB', 'proctorA'] as const)
    tokens[key] = await tokenFor(engine, tree[key]);
  const bank = await api(engine).post(
    '/api/item-banks',
    { name: 'Toán 12 – Trường A', organisationId: tree.schoolA.id },
    tokens.teacherA,
  );
  bankId = bank.data.id;
});
afterAll(() => engine.dispose());

const countItems = async () =>
  (
    await engine.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(items)
      .where(eq(items.bankId, bankId))
  )[0]!.n;

function upload(
  route: string,
  file: Uint8Array,
  filename: string,
  fields: Record<string, unknown> = {},
  token = tokens.teacherA,
) {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(file)], filename));
  for (const [k, v] of Object.entries(fields)) form.set(k, JSON.stringify(v));
  return api(engine).call('POST', `/api/item-banks/${bankId}/${route}`, { token, body: form });
}

describe('import API', () => {
  it('previews a Word test without storing anything, with the flagged question and its paragraph', async () => {
    const docx = await buildVietnameseTestDocx({ broken: true });
    const preview = await upload('imports', docx, 'de-kiem-tra.docx');
    expect(preview.status).toBe(200);
    expect(preview.data.format).toBe('docx');
    expect(preview.data.ok).toBe(false);
    expect(preview.data.questions).toHaveLength(8);
    const flagged = preview.data.questions.filter((q: { valid: boolean }) => !q.valid);
    expect(flagged).toEqual([
      expect.objectContaining({
        label: 'Phần I – Câu 5',
        problems: [expect.objectContaining({ code: 'no_key', paragraph: 15, severity: 'error' })],
      }),
    ]);
    expect(await countItems()).toBe(0);
  });

  it('refuses to confirm while a question has an error, saving nothing; leaving it out saves all the others', async () => {
    const docx = await buildVietnameseTestDocx({ broken: true });
    const refused = await upload('imports/confirm', docx, 'de.docx');
    expect(refused.status).toBe(422);
    expect(refused.data.error.id).toBe('validation_failed');
    expect(refused.data.error.details.questions.filter((q: { valid: boolean }) => !q.valid)).toHaveLength(1);
    expect(await countItems()).toBe(0);

    const saved = await upload('imports/confirm', docx, 'de.docx', {
      decisions: { skip: [5] },
      metadata: { subject: 'toan', grade: 12 },
    });
    expect(saved.status).toBe(200);
    expect(saved.data.created).toBe(7);
    expect(await countItems()).toBe(7);
    // Found without diacritics, with the metadata given at confirmation.
    const found = await api(engine).get(
      `/api/item-banks/${bankId}/items?q=tap%20xac%20dinh&grade=12`,
      tokens.teacherA,
    );
    expect(found.data.items.map((i: { title: string }) => i.title)).toEqual([
      'Tập xác định của hàm số y = 1/x là',
    ]);
    // Confirming the same file again adds nothing.
    const again = await upload('imports/confirm', docx, 'de.docx', {
      decisions: { skip: [5] },
      metadata: { subject: 'toan', grade: 12 },
    });
    expect(again.data).toMatchObject({ created: 0, unchanged: 7 });
  });

  it('a corrected question in the decisions is saved with the correction', async () => {
    const docx = await buildVietnameseTestDocx({ broken: true });
    const preview = await upload('imports', docx, 'de.docx');
    const draft = preview.data.questions[4].draft;
    const fixed = {
      ...draft,
      options: draft.options.map((o: { label: string }) => ({ ...o, correct: o.label === 'C' })),
    };
    const saved = await upload('imports/confirm', docx, 'de.docx', {
      decisions: { fixes: { 5: fixed } },
      metadata: { subject: 'toan', grade: 12 },
    });
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({ created: 1, unchanged: 7 });
    const itemId = saved.data.items[4].itemId;
    const right = await api(engine).post(
      `/api/items/${itemId}/try-score`,
      { responses: { RESPONSE: 'C' } },
      tokens.teacherA,
    );
    expect(right.data.outcomes.SCORE).toBe(1);
    const wrong = await api(engine).post(
      `/api/items/${itemId}/try-score`,
      { responses: { RESPONSE: 'A' } },
      tokens.teacherA,
    );
    expect(wrong.data.outcomes.SCORE).toBe(0);
  });

  it('imports Moodle XML, GIFT, Aiken and CSV sent as raw bodies; a broken file saves nothing', async () => {
    const before = await countItems();
    const raw = (name: string, query: string, skip = '') =>
      api(engine).call('POST', `/api/item-banks/${bankId}/imports/confirm?${query}${skip}`, {
        token: tokens.teacherA,
        body: new Uint8Array(readFileSync(path.join(fixtures, name))),
      });
    expect((await raw('moodle-quiz.xml', 'format=moodle')).status).toBe(422);
    expect((await raw('questions.gift', 'filename=questions.gift')).status).toBe(422);
    expect(await countItems()).toBe(before);
    const moodle = await raw('moodle-quiz.xml', 'format=moodle', '&skip=7,8');
    expect(moodle.status).toBe(200);
    expect(moodle.data.items).toHaveLength(6);
    expect((await raw('questions.gift', 'format=gift', '&skip=7')).data.items).toHaveLength(6);
    expect((await raw('questions-aiken.txt', 'format=aiken', '&skip=3')).data.items).toHaveLength(2);
    expect((await raw('questions.csv', 'format=csv', '&skip=5')).data.items).toHaveLength(4);
    expect(await countItems()).toBeGreaterThan(before + 12);
  });

  it("stores a Moodle question's embedded files with the item version (Moodle's own true/false fixture)", async () => {
    const file = path.resolve(import.meta.dirname, '../../shared/corpus/moodle/xml/02-truefalse.xml');
    const saved = await api(engine).call('POST', `/api/item-banks/${bankId}/imports/confirm?format=moodle`, {
      token: tokens.teacherA,
      body: new Uint8Array(readFileSync(file)),
    });
    expect(saved.status, JSON.stringify(saved.data)).toBe(200);
    const versionIds = (saved.data.items as Array<{ versionId: string }>).map((i) => i.versionId);
    expect(versionIds.length).toBeGreaterThan(0);
    const { itemVersionMedia } = itemBankTables;
    const stored = await engine.deps.db
      .select({ href: itemVersionMedia.href })
      .from(itemVersionMedia)
      .where(inArray(itemVersionMedia.versionId, versionIds));
    // The question's picture (logo.jpg) is kept, not reduced to its alt text.
    expect(stored.map((m) => m.href).join(' ')).toContain('logo.jpg');
  });

  it("a Vietnamese Moodle course export: Moodle's categories become the items' topics, its tags their tags, both searchable", async () => {
    const file = new Uint8Array(readFileSync(path.join(fixtures, 'moodle-on-thi-lop-10.xml')));
    const preview = await upload('imports', file, 'moodle-on-thi-lop-10.xml');
    expect(preview.status).toBe(200);
    expect(preview.data.ok).toBe(true);
    const drafts = (preview.data.questions as Array<{ draft: { category?: string; tags?: string[] } }>).map(
      (q) => q.draft,
    );
    expect(drafts[0]).toMatchObject({ category: 'Ngữ văn 9/Nghe hiểu', tags: ['nghe hiểu', 'lớp 9'] });
    expect(drafts[4]).toMatchObject({ category: 'Toán 9/Số thực', tags: ['số thập phân'] });
    const saved = await upload('imports/confirm', file, 'moodle-on-thi-lop-10.xml');
    expect(saved.status, JSON.stringify(saved.data)).toBe(200);
    const ids = (saved.data.items as Array<{ itemId: string }>).map((i) => i.itemId);
    expect(ids).toHaveLength(7);
    const rows = await engine.deps.db
      .select({ topic: items.topic, tags: items.tags, searchText: items.searchText })
      .from(items)
      .where(inArray(items.id, ids));
    expect(rows.map((r) => r.topic).sort()).toEqual([
      ...Array(4).fill('Ngữ văn 9/Nghe hiểu'),
      ...Array(3).fill('Toán 9/Số thực'),
    ]);
    expect(rows.map((r) => r.tags.join('|')).sort()).toEqual([
      '',
      '',
      '',
      '',
      'nghe hiểu|lớp 9',
      'số thập phân',
      'điền khuyết',
    ]);
    expect(rows.some((r) => r.searchText.includes('so thap phan'))).toBe(true);
    // A topic chosen for the whole import wins over Moodle's category. The items exist with other
    // metadata now, so the re-import says it means new versions (an identifier clash is refused otherwise).
    const refused = await upload('imports/confirm', file, 'moodle-on-thi-lop-10.xml', {
      metadata: { topic: 'Ôn thi vào 10' },
    });
    expect(refused.status).toBe(409);
    const again = await upload('imports/confirm?clash=new-version', file, 'moodle-on-thi-lop-10.xml', {
      metadata: { topic: 'Ôn thi vào 10' },
    });
    expect(again.status).toBe(200);
    const topics = await engine.deps.db
      .select({ topic: items.topic })
      .from(items)
      .where(inArray(items.id, ids));
    expect(new Set(topics.map((t) => t.topic))).toEqual(new Set(['Ôn thi vào 10']));
  });

  it('scores a draft from the editor and saves it; access follows the item bank rules', async () => {
    const draft = {
      number: 1,
      label: 'Câu 1',
      kind: 'multiple',
      stem: ['Những số nào là số chẵn?'],
      options: [
        { label: 'A', text: '2', correct: true },
        { label: 'B', text: '3', correct: false },
        { label: 'C', text: '4', correct: true },
      ],
      answers: [],
    };
    const tried = await api(engine).post(
      `/api/item-banks/${bankId}/drafts/try-score`,
      { draft, responses: { RESPONSE: ['A', 'C'] } },
      tokens.teacherA,
    );
    expect(tried.status).toBe(200);
    expect(tried.data.outcomes.SCORE).toBe(1);
    const bad = await api(engine).post(
      `/api/item-banks/${bankId}/drafts/try-score`,
      { draft: { ...draft, options: [] }, responses: {} },
      tokens.teacherA,
    );
    expect(bad.status).toBe(422);
    const saved = await api(engine).post(`/api/item-banks/${bankId}/drafts`, { draft }, tokens.teacherA);
    expect(saved.data.created).toBe(1);
    // Another school's teacher and a proctor may not import into this bank.
    const docx = await buildVietnameseTestDocx();
    expect((await upload('imports', docx, 'de.docx', {}, tokens.teacherB)).status).toBe(403);
    expect((await upload('imports', docx, 'de.docx', {}, tokens.proctorA)).status).toBe(403);
    expect(
      (await api(engine).call('POST', `/api/item-banks/${bankId}/imports`, { body: new Uint8Array(docx) }))
        .status,
    ).toBe(401);
  });
});
