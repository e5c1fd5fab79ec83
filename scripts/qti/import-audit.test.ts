/**
 * `npm run qti -- import` writes through the same bank commands as the HTTP API: a bank it has to
 * create gets the `item_bank.create` audit row `POST /api/item-banks` writes, and the import the
 * `item_bank.import` row of `POST /api/item-banks/{id}/import`, with the CLI's user as the actor.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables } from '../../item-bank/index.ts';
import { verifyAuditChain } from '../../engine/people/audit-log.ts';
import { auditLog } from '../../engine/people/tables.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { run } from './import.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ITEM = path.join(root, 'item-bank/demo-bank/vatly-giai-thich.xml');

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
});
afterAll(() => engine?.dispose());

/** The audit rows about one bank, oldest first, without what differs by nature (time, ip, ids). */
async function auditOfBank(bankId: string) {
  const rows = await engine.deps.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.subjectId, bankId))
    .orderBy(asc(auditLog.seq));
  return rows.map((r) => ({
    action: r.action,
    subjectType: r.subjectType,
    actorId: r.actorId,
    actorRole: r.actorRole,
    organisationId: r.organisationId,
    details: r.details,
  }));
}

describe('qti import audit', () => {
  it('creates a missing bank and imports into it with the audit rows the HTTP routes write', async () => {
    const { admin, department } = tree;
    const token = await tokenFor(engine, admin);
    const created = await api(engine).post(
      '/api/item-banks',
      { name: 'Ngân hàng qua API', organisationId: department.id },
      token,
    );
    expect(created.status).toBe(201);
    const imported = await api(engine).call('POST', `/api/item-banks/${created.data.id}/import`, {
      token,
      body: readFileSync(ITEM),
      headers: { 'content-type': 'application/xml' },
    });
    expect(imported.status).toBe(200);

    // The CLI as it runs from the command line, on the engine's database (left open for the test).
    const handle = {
      db: engine.deps.db,
      kind: engine.deps.databaseKind,
      location: 'test',
      close: async () => {},
    };
    const code = await run(
      [ITEM, '--bank', 'Ngân hàng qua CLI', '--user', admin.username],
      async () => handle,
    );
    expect(code).toBe(0);
    const [cliBank] = await engine.deps.db
      .select()
      .from(itemBankTables.itemBanks)
      .where(eq(itemBankTables.itemBanks.name, 'Ngân hàng qua CLI'));
    expect(cliBank).toMatchObject({ organisationId: department.id, createdBy: admin.userId });

    const viaHttp = await auditOfBank(created.data.id);
    const viaCli = await auditOfBank(cliBank!.id);
    expect(viaHttp.map((r) => r.action)).toEqual(['item_bank.create', 'item_bank.import']);
    expect(viaCli).toEqual(
      viaHttp.map((r) =>
        r.action === 'item_bank.create' ? { ...r, details: { name: 'Ngân hàng qua CLI' } } : r,
      ),
    );
    expect(viaCli[0]).toMatchObject({ actorId: admin.userId, actorRole: 'admin' });
    expect(await verifyAuditChain(engine.deps.db)).toMatchObject({ ok: true });

    // Importing again into the existing bank creates no second bank and audits only the import.
    expect(
      await run([ITEM, '--bank', 'Ngân hàng qua CLI', '--user', admin.username], async () => handle),
    ).toBe(0);
    expect((await auditOfBank(cliBank!.id)).map((r) => r.action)).toEqual([
      'item_bank.create',
      'item_bank.import',
      'item_bank.import',
    ]);
  });
});
