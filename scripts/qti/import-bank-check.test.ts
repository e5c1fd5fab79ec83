/**
 * `npm run qti -- import` writes a bank only as the HTTP import route allows (engine/bank/policy.ts through
 * requireBank): the same refusal, with the same message and code, for a bank the user only reads; a role
 * that may not write items is refused; a writable share lets the import in. A refused import saves nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { itemBankTables } from '../../item-bank/index.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { run } from './import.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ITEM = path.join(root, 'item-bank/demo-bank/vatly-giai-thich.xml');

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let adminToken: string;
let departmentBank: { id: string; name: string };
let printed: string[];

const handle = () => ({
  db: engine.deps.db,
  kind: engine.deps.databaseKind,
  location: 'test',
  close: async () => {},
});
const cli = (args: string[]) => run([ITEM, ...args], async () => handle());
const itemsIn = async (bankId: string) =>
  (await engine.deps.db.select().from(itemBankTables.items).where(eq(itemBankTables.items.bankId, bankId)))
    .length;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  adminToken = await tokenFor(engine, tree.admin);
  const created = await api(engine).post(
    '/api/item-banks',
    { name: 'Ngân hàng của Sở', organisationId: tree.department.id },
    adminToken,
  );
  expect(created.status).toBe(201);
  departmentBank = created.data as { id: string; name: string };
});
afterAll(() => engine?.dispose());
beforeEach(() => {
  printed = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('qti import: the bank write rule of the HTTP route', () => {
  it("refuses a teacher's import into the department's bank, which the teacher only reads, as HTTP does", async () => {
    const code = await cli(['--bank', departmentBank.name, '--user', tree.teacherA.username]);
    expect(code).toBe(1);
    const overHttp = await api(engine).call('POST', `/api/item-banks/${departmentBank.id}/import`, {
      token: await tokenFor(engine, tree.teacherA),
      body: Buffer.from('<x/>'),
      headers: { 'content-type': 'application/xml' },
    });
    expect(overHttp.status).toBe(403);
    expect(overHttp.data.error.details).toMatchObject({ code: 'bank_read_only' });
    expect(printed).toContain(overHttp.data.error.message);
    expect(await itemsIn(departmentBank.id)).toBe(0);
    // No bank of that name was made in the teacher's school instead.
    const named = await engine.deps.db
      .select()
      .from(itemBankTables.itemBanks)
      .where(eq(itemBankTables.itemBanks.name, departmentBank.name));
    expect(named).toHaveLength(1);
  });

  it('refuses by id too, and a role that may not write items', async () => {
    expect(await cli(['--bank', departmentBank.id, '--user', tree.teacherA.username])).toBe(1);
    expect(await cli(['--bank', departmentBank.id, '--user', tree.proctorA.username])).toBe(1);
    expect(printed.at(-1)).toMatch(/proctor role may not do this \(items:write\)/);
    expect(await itemsIn(departmentBank.id)).toBe(0);
  });

  it('lets the import in once the bank is shared writable with the school', async () => {
    const shared = await api(engine).post(
      `/api/item-banks/${departmentBank.id}/shares`,
      { organisationId: tree.schoolA.id, writable: true },
      adminToken,
    );
    expect(shared.status).toBe(200);
    expect(await cli(['--bank', departmentBank.name, '--user', tree.teacherA.username])).toBe(0);
    expect(await itemsIn(departmentBank.id)).toBe(1);
  });
});
