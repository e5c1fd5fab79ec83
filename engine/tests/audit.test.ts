import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../people/audit-log.ts';
import { auditLog } from '../people/tables.ts';
import { createPersistentStore, repoRoot, tsxBin } from './support/persistent-engine.ts';

const run = promisify(execFile);
let store: Awaited<ReturnType<typeof createPersistentStore>>;

async function auditVerify() {
  try {
    const { stdout } = await run(tsxBin, ['scripts/audit-verify.ts'], { cwd: repoRoot, env: store.env });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}${e.stderr}` };
  }
}

beforeAll(async () => {
  store = await createPersistentStore();
  const engine = await store.open();
  for (let i = 0; i < 5; i++) {
    await appendAudit(engine.deps.db, {
      action: 'test.event',
      subjectType: 'test',
      subjectId: String(i),
      details: { i, note: 'Điểm thi' },
    });
  }
  await engine.close();
});
afterAll(() => store.remove());

describe('hash-chained audit log', () => {
  it('npm run audit:verify passes on an untouched log', async () => {
    const result = await auditVerify();
    expect(result.output).toMatch(/Audit log intact: 5 entries/);
    expect(result.code).toBe(0);
  });

  it('the database refuses UPDATE and DELETE on audit rows', async () => {
    const engine = await store.open();
    try {
      await expect(engine.deps.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
      await expect(engine.deps.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    } finally {
      await engine.close();
    }
  });

  it('concurrent appends keep one unbroken chain', async () => {
    const engine = await store.open();
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          appendAudit(engine.deps.db, { action: 'test.concurrent', subjectType: 'test', details: { i } }),
        ),
      );
      const result = await verifyAuditChain(engine.deps.db);
      expect(result).toMatchObject({ ok: true, rows: 25 });
    } finally {
      await engine.close();
    }
  });

  it('editing an audit row in the database makes audit:verify fail and name the row', async () => {
    const engine = await store.open();
    const [, second] = await engine.deps.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    // A superuser can switch the guard off; the chain must still show the edit.
    await engine.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await engine.deps.db.execute(
      sql`update audit_log set details = '{"i": 99, "note": "Điểm thi"}'::jsonb where seq = ${second!.seq}`,
    );
    await engine.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    await engine.close();

    const result = await auditVerify();
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      new RegExp(`BROKEN at entry ${second!.seq}: its content does not match its hash`),
    );
  });

  it('deleting a row breaks the chain too', async () => {
    const engine = await store.open();
    try {
      const rows = await engine.deps.db.select().from(auditLog).orderBy(asc(auditLog.seq));
      await engine.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      // Drop the first two rows (the edited one among them) and a later one: the first row left no longer follows the genesis hash.
      await engine.deps.db.execute(sql`delete from audit_log where seq <= ${rows[1]!.seq}`);
      await engine.deps.db.execute(sql`delete from audit_log where seq = ${rows[3]!.seq}`);
      await engine.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
      const result = await verifyAuditChain(engine.deps.db);
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ brokenAt: rows[2]!.seq });
    } finally {
      await engine.close();
    }
  });
});
