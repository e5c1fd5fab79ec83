/**
 * Creating and sharing item banks (issue 18 #2): 401, 400 with the message, 403 and success for create,
 * share and unshare, and that a share really gives read or write access — through saving an item and
 * the items list — and that withdrawing it takes that access away. Both changes leave an audit row.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../../people/tables.ts';
import { buildOrganisationTree, buildStaff } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
const tokens = {} as Record<
  'admin' | 'examBoard' | 'teacherA' | 'teacherB' | 'proctorA' | 'outsider',
  string
>;
let bankId: string;

const draft = (n: number) => ({
  number: n,
  label: `Câu ${n}`,
  kind: 'single',
  stem: [`Câu hỏi số ${n}: 2 + ${n} bằng bao nhiêu?`],
  options: [
    { label: 'A', text: String(2 + n), correct: true },
    { label: 'B', text: String(3 + n), correct: false },
  ],
  answers: [],
});
const del = (path: string, token?: string) => api(engine).call('DELETE', path, { token });
const itemsOf = (token: string) => api(engine).get(`/api/item-banks/${bankId}/items`, token);
const save = (token: string, n: number) =>
  api(engine).post(`/api/item-banks/${bankId}/drafts`, { draft: draft(n) }, token);

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  for (const key of ['admin', 'examBoard', 'teacherA', 'teacherB', 'proctorA'] as const)
    tokens[key] = await tokenFor(engine, tree[key]);
  tokens.outsider = await tokenFor(engine, await buildStaff(engine.deps.db, 'teacher', tree.department));
});
afterAll(() => engine.dispose());

describe('POST /api/item-banks (create)', () => {
  it('asks to sign in (401)', async () => {
    const r = await api(engine).post('/api/item-banks', { name: 'Toán 9', organisationId: tree.schoolA.id });
    expect(r.status).toBe(401);
  });

  it('refuses an empty name with a Vietnamese message naming the field (400)', async () => {
    const r = await api(engine).post(
      '/api/item-banks',
      { name: ' ', organisationId: tree.schoolA.id },
      tokens.teacherA,
    );
    expect(r.status).toBe(400);
    expect(r.data.error.message).toBe('name: Tên ngân hàng cần ít nhất 2 ký tự.');
  });

  it('refuses a bank for an organisation the teacher does not manage, and a proctor (403)', async () => {
    const other = await api(engine).post(
      '/api/item-banks',
      { name: 'Toán 9', organisationId: tree.schoolB.id },
      tokens.teacherA,
    );
    expect(other.status).toBe(403);
    const proctor = await api(engine).post(
      '/api/item-banks',
      { name: 'Toán 9', organisationId: tree.schoolA.id },
      tokens.proctorA,
    );
    expect(proctor.status).toBe(403);
  });

  it('creates a school bank with its subject, writable by its creator; a second of the same name is a 409', async () => {
    const r = await api(engine).post(
      '/api/item-banks',
      { name: 'Toán 9 – trường A', subject: 'Toán', organisationId: tree.schoolA.id },
      tokens.teacherA,
    );
    expect(r.status).toBe(201);
    expect(r.data).toMatchObject({
      name: 'Toán 9 – trường A',
      subject: 'Toán',
      writable: true,
      mayShare: true,
      shares: [],
    });
    bankId = r.data.id;
    const again = await api(engine).post(
      '/api/item-banks',
      { name: 'Toán 9 – trường A', organisationId: tree.schoolA.id },
      tokens.teacherA,
    );
    expect(again.status).toBe(409);
    expect(again.data.error.message).toContain('đã có ngân hàng tên');
    expect((await save(tokens.teacherA, 1)).status).toBe(200);
  });
});

describe('POST /api/item-banks/{id}/shares and DELETE .../shares/{organisationId}', () => {
  it('asks to sign in (401)', async () => {
    expect(
      (await api(engine).post(`/api/item-banks/${bankId}/shares`, { organisationId: tree.schoolB.id }))
        .status,
    ).toBe(401);
    expect((await del(`/api/item-banks/${bankId}/shares/${tree.schoolB.id}`)).status).toBe(401);
  });

  it('refuses a body without an organisation, and a share with the owner or above it, with the message (400)', async () => {
    const missing = await api(engine).post(
      `/api/item-banks/${bankId}/shares`,
      { writable: true },
      tokens.teacherA,
    );
    expect(missing.status).toBe(400);
    expect(missing.data.error.message).toMatch(/^organisationId: /);
    const above = await api(engine).post(
      `/api/item-banks/${bankId}/shares`,
      { organisationId: tree.office.id },
      tokens.teacherA,
    );
    expect(above.status).toBe(400);
    expect(above.data.error.message).toContain('quản lý ngân hàng này rồi');
    expect(above.data.error.details.code).toBe('share_not_needed');
  });

  it('before a share, the sister school neither reads nor writes the bank (403, coded)', async () => {
    const list = await itemsOf(tokens.teacherB);
    expect(list.status).toBe(403);
    expect(list.data.error.details.code).toBe('bank_outside');
    expect((await save(tokens.teacherB, 2)).status).toBe(403);
    const banks = await api(engine).get('/api/item-banks', tokens.teacherB);
    expect(banks.data.items.map((b: { id: string }) => b.id)).not.toContain(bankId);
  });

  it('a read-only share lets the sister school read the items but not save; only the owner may share (403)', async () => {
    const shared = await api(engine).post(
      `/api/item-banks/${bankId}/shares`,
      { organisationId: tree.schoolB.id },
      tokens.teacherA,
    );
    expect(shared.status).toBe(200);
    expect(shared.data.shares).toEqual([
      expect.objectContaining({ organisationId: tree.schoolB.id, writable: false }),
    ]);

    const banks = await api(engine).get('/api/item-banks', tokens.teacherB);
    expect(banks.data.items).toContainEqual(
      expect.objectContaining({
        id: bankId,
        writable: false,
        shared: true,
        mayShare: false,
        organisationName: tree.schoolA.name,
      }),
    );
    const list = await itemsOf(tokens.teacherB);
    expect(list.status).toBe(200);
    expect(list.data.total).toBe(1);
    // Trying a question stores nothing: reading is enough.
    const tried = await api(engine).post(
      `/api/item-banks/${bankId}/drafts/try-score`,
      { draft: draft(2), responses: { RESPONSE: 'A' } },
      tokens.teacherB,
    );
    expect(tried.status).toBe(200);
    const refused = await save(tokens.teacherB, 2);
    expect(refused.status).toBe(403);
    expect(refused.data.error.details).toMatchObject({ code: 'bank_read_only', bank: 'Toán 9 – trường A' });
    expect(refused.data.error.message).toContain('chỉ được chia sẻ với đơn vị bạn để xem');

    const reshare = await api(engine).post(
      `/api/item-banks/${bankId}/shares`,
      { organisationId: tree.department.id },
      tokens.teacherB,
    );
    expect(reshare.status).toBe(403);
    expect(reshare.data.error.details.code).toBe('bank_share_owner_only');
    const unshareByReceiver = await del(
      `/api/item-banks/${bankId}/shares/${tree.schoolB.id}`,
      tokens.teacherB,
    );
    expect(unshareByReceiver.status).toBe(403);
  });

  it('a writable share lets the sister school save; the owner above (district exam board) may share too', async () => {
    const shared = await api(engine).post(
      `/api/item-banks/${bankId}/shares`,
      { organisationId: tree.schoolB.id, writable: true },
      tokens.examBoard,
    );
    expect(shared.status).toBe(200);
    expect(shared.data.shares).toEqual([
      expect.objectContaining({ organisationId: tree.schoolB.id, writable: true }),
    ]);
    expect((await save(tokens.teacherB, 2)).status).toBe(200);
    expect((await itemsOf(tokens.teacherA)).data.total).toBe(2);
    const banks = await api(engine).get('/api/item-banks', tokens.teacherB);
    expect(banks.data.items).toContainEqual(
      expect.objectContaining({ id: bankId, writable: true, shared: true }),
    );
  });

  it('withdrawing the share takes read and write away; a second withdrawal is a 404', async () => {
    const r = await del(`/api/item-banks/${bankId}/shares/${tree.schoolB.id}`, tokens.teacherA);
    expect(r.status).toBe(200);
    expect(r.data.shares).toEqual([]);
    expect((await itemsOf(tokens.teacherB)).status).toBe(403);
    expect((await save(tokens.teacherB, 3)).status).toBe(403);
    expect((await del(`/api/item-banks/${bankId}/shares/${tree.schoolB.id}`, tokens.teacherA)).status).toBe(
      404,
    );
  });

  it('staff above the owner (the department) manage the bank and may share it; a receiver may not withdraw it', async () => {
    const r = await api(engine).post(
      `/api/item-banks/${bankId}/shares`,
      { organisationId: tree.schoolB.id },
      tokens.outsider,
    );
    expect(r.status).toBe(200);
    const other = await del(`/api/item-banks/${bankId}/shares/${tree.schoolB.id}`, tokens.teacherB);
    expect(other.status).toBe(403);
    expect(other.data.error.details.code).toBe('bank_share_owner_only');
  });

  it("schedules a sitting from a shared bank's item only while the share lasts (the same bank rule)", async () => {
    const boardB = await tokenFor(engine, await buildStaff(engine.deps.db, 'exam_board', tree.schoolB));
    const itemId = (await itemsOf(tokens.teacherA)).data.items[0].id as string;
    const sitting = () =>
      api(engine).post(
        '/api/sittings',
        {
          organisationId: tree.schoolB.id,
          name: 'Kiểm tra từ ngân hàng được chia sẻ',
          opensAt: new Date(Date.now() + 3600_000).toISOString(),
          closesAt: new Date(Date.now() + 7200_000).toISOString(),
          durationMinutes: 15,
          form: { sections: [{ identifier: 'S1', items: [{ itemId }] }] },
        },
        boardB,
      );
    // Shared (by the department's teacher above): usable.
    expect((await sitting()).status).toBe(201);
    expect((await del(`/api/item-banks/${bankId}/shares/${tree.schoolB.id}`, tokens.teacherA)).status).toBe(
      200,
    );
    const refused = await sitting();
    expect(refused.status).toBe(400);
    expect(refused.data.error.message).toContain('is not in a bank you can use');
  });

  it('audits every share and withdrawal in the owner organisation', async () => {
    const rows = await engine.deps.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, bankId), eq(auditLog.subjectType, 'item_bank')))
      .orderBy(auditLog.seq);
    expect(rows.map((r) => r.action).filter((a) => a.startsWith('item_bank.'))).toEqual([
      'item_bank.create',
      'item_bank.share',
      'item_bank.share',
      'item_bank.unshare',
      'item_bank.share',
      'item_bank.unshare',
    ]);
    expect(rows.filter((r) => r.action === 'item_bank.share')[1]!.details).toMatchObject({
      sharedWith: tree.schoolB.id,
      writable: true,
    });
  });
});
