import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables, saveItemVersion } from '../../item-bank/index.ts';
import { auditLog } from '../people/tables.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
const tokens: Record<string, string> = {};
let officeBankId: string;
let itemId: string;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  for (const key of ['admin', 'examBoard', 'teacherA', 'teacherB', 'proctorA'] as const)
    tokens[key] = await tokenFor(engine, tree[key]);
  const created = await api(engine).post(
    '/api/item-banks',
    { name: 'Đề chung Quận', organisationId: tree.office.id },
    tokens.examBoard,
  );
  expect(created.status).toBe(201);
  officeBankId = created.data.id;
  const saved = await engine.deps.db.transaction((tx) =>
    saveItemVersion(tx, officeBankId, {
      identifier: 'TOAN-01',
      title: 'Diện tích hình vuông',
      sourceFormat: 'qti3.0',
      qtiXml: '<qti-assessment-item identifier="TOAN-01"/>',
      model: { identifier: 'TOAN-01' },
      text: 'Tính diện tích hình vuông cạnh 4 cm.',
      interactionTypes: ['textEntryInteraction'],
      metadata: { subject: 'toan', grade: 9, cognitiveLevel: 'thong_hieu' },
    }),
  );
  itemId = saved.itemId;
});
afterAll(() => engine.dispose());

describe('item bank API', () => {
  it('a bank of the district office is shared down to its schools, read-only for them', async () => {
    const banks = await api(engine).get('/api/item-banks', tokens.teacherA);
    expect(banks.status).toBe(200);
    expect(banks.data.items).toEqual([expect.objectContaining({ id: officeBankId, writable: false })]);
    const search = await api(engine).get(
      `/api/item-banks/${officeBankId}/items?q=dien%20tich&grade=9`,
      tokens.teacherB,
    );
    expect(search.status).toBe(200);
    expect(search.data.items.map((i: { identifier: string }) => i.identifier)).toEqual(['TOAN-01']);
    expect((await api(engine).get(`/api/items/${itemId}`, tokens.teacherA)).status).toBe(200);
    // Writing needs the bank in the caller's own subtree.
    expect((await api(engine).post(`/api/items/${itemId}/submit`, {}, tokens.teacherA)).status).toBe(403);
  });

  it('a school bank is not visible to another school, and proctors cannot read items', async () => {
    const schoolBank = await api(engine).post(
      '/api/item-banks',
      { name: 'Toán 9 - Trường A', organisationId: tree.schoolA.id },
      tokens.teacherA,
    );
    expect(schoolBank.status).toBe(201);
    expect(
      (await api(engine).get(`/api/item-banks/${schoolBank.data.id}/items`, tokens.teacherB)).status,
    ).toBe(403);
    const bBanks = await api(engine).get('/api/item-banks', tokens.teacherB);
    expect(bBanks.data.items.map((b: { id: string }) => b.id)).toEqual([officeBankId]);
    expect((await api(engine).get('/api/item-banks', tokens.proctorA)).status).toBe(403);
    const [otherBank] = await engine.deps.db
      .insert(itemBankTables.itemBanks)
      .values({ name: 'x', organisationId: tree.schoolB.id })
      .returning();
    expect(
      (
        await api(engine).post(
          '/api/item-banks',
          { name: 'y', organisationId: tree.schoolB.id },
          tokens.teacherA,
        )
      ).status,
    ).toBe(403);
    expect(otherBank).toBeDefined();
  });

  it('runs the review workflow: submit by an author, publish by the exam board only', async () => {
    const submit = await api(engine).post(
      `/api/items/${itemId}/submit`,
      { comment: 'Xin duyệt' },
      tokens.examBoard,
    );
    expect(submit.status).toBe(200);
    expect(submit.data).toEqual({ from: 'draft', to: 'in_review' });
    const teacherOfficeUser = await tokenFor(engine, {
      ...tree.teacherA,
      organisationId: tree.office.id,
      scopePath: tree.office.path,
    });
    expect((await api(engine).post(`/api/items/${itemId}/publish`, {}, teacherOfficeUser)).status).toBe(403);
    const publish = await api(engine).post(`/api/items/${itemId}/publish`, {}, tokens.examBoard);
    expect(publish.status).toBe(200);
    const again = await api(engine).post(`/api/items/${itemId}/publish`, {}, tokens.examBoard);
    expect(again.status).toBe(409);
    expect(again.data.error.message).toMatch(/cannot move from published to published/);
    const detail = await api(engine).get(`/api/items/${itemId}`, tokens.admin);
    expect(detail.data.status).toBe('published');
    expect(detail.data.history.map((h: { to: string }) => h.to)).toEqual(['draft', 'in_review', 'published']);
    expect(detail.data.allowedTransitions).toEqual(['retired', 'draft']);
    const version = await api(engine).get(`/api/items/${itemId}/versions/1`, tokens.admin);
    expect(version.data.qtiXml).toContain('TOAN-01');
    expect((await api(engine).get(`/api/items/${itemId}/versions/7`, tokens.admin)).status).toBe(404);
    // Each move is audited with the status change (one transaction); the refused one writes nothing.
    const audit = await engine.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, itemId))
      .orderBy(asc(auditLog.seq));
    expect(audit.map((a) => [a.action, a.actorId, a.organisationId, a.details])).toEqual([
      [
        'item.submit',
        tree.examBoard.userId,
        tree.office.id,
        { from: 'draft', to: 'in_review', comment: 'Xin duyệt' },
      ],
      ['item.publish', tree.examBoard.userId, tree.office.id, { from: 'in_review', to: 'published' }],
    ]);
  });
});

function zipOf(entries: Array<[string, Buffer | string]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('importing QTI into a bank', () => {
  const demoDir = path.resolve(import.meta.dirname, '../../item-bank/demo-bank');
  const demoFiles = readdirSync(demoDir).filter((f) => f.endsWith('.xml'));
  const upload = (bankId: string, body: Uint8Array, token: string | undefined, query = '') =>
    api(engine).call('POST', `/api/item-banks/${bankId}/import${query}`, {
      token: token!,
      body: body as unknown as BodyInit,
      headers: { 'content-type': 'application/zip' },
    });

  it('imports a content package all at once, idempotently, and the items are searchable', async () => {
    const bank = await api(engine).post(
      '/api/item-banks',
      { name: 'Nhập QTI', organisationId: tree.schoolA.id },
      tokens.teacherA,
    );
    const zip = await zipOf([
      ['imsmanifest.xml', '<manifest/>'],
      ...demoFiles.map((f): [string, Buffer] => [`items/${f}`, readFileSync(path.join(demoDir, f))]),
    ]);
    const first = await upload(bank.data.id, zip, tokens.teacherA);
    expect(first.status).toBe(200);
    expect(first.data.created).toBe(demoFiles.length);
    const again = await upload(bank.data.id, zip, tokens.teacherA);
    expect(again.data).toMatchObject({ created: 0, unchanged: demoFiles.length });
    const found = await api(engine).get(
      `/api/item-banks/${bank.data.id}/items?q=dien%20tich%20hinh%20tron`,
      tokens.teacherA,
    );
    expect(found.data.items.map((i: { identifier: string }) => i.identifier)).toEqual(['TOAN-9-DT-01']);
  });

  it('imports nothing when one file is invalid, naming the file, line and problem', async () => {
    const bank = await api(engine).post(
      '/api/item-banks',
      { name: 'Nhập lỗi', organisationId: tree.schoolA.id },
      tokens.teacherA,
    );
    const broken =
      '<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="B" title="b">\n<qti-item-body>\n<qti-choice-interaction response-identifier="R"/>\n</qti-item-body>\n</qti-assessment-item>';
    const zip = await zipOf([
      ['items/good.xml', readFileSync(path.join(demoDir, demoFiles[0]!))],
      ['items/broken.xml', broken],
    ]);
    const res = await upload(bank.data.id, zip, tokens.teacherA);
    expect(res.status).toBe(422);
    expect(res.data.error.message).toMatch(/Nothing was imported: 1 of 2/);
    expect(res.data.error.details.files).toEqual([
      {
        file: 'items/broken.xml',
        problems: [expect.objectContaining({ line: 3, code: 'undeclared-response' })],
      },
    ]);
    const items = await api(engine).get(`/api/item-banks/${bank.data.id}/items`, tokens.teacherA);
    expect(items.data.total).toBe(0);
    const traversal = await upload(
      bank.data.id,
      new TextEncoder().encode('not a zip, not xml'),
      tokens.teacherA,
    );
    expect(traversal.status).toBe(422);
  });
});
