/**
 * Issue 26 #7: the audit log survives a rewrite. Rows are chained with an HMAC under a key the
 * database does not hold, and signed checkpoints in DATA_DIR anchor the head, so `npm run
 * audit:verify` catches rows cut off the end, a row rewritten with every later hash recomputed,
 * and a forged entry appended; with plain SHA-256 and no anchor each of these passed. Rows written
 * before the key (chain version 1) stay verifiable.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import canonicalize from 'canonicalize';
import { asc, desc, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../engine.ts';
import { GENESIS_HASH, appendAudit, expectedRowHash } from '../../people/audit-log.ts';
import { runAuditVerify } from '../../people/audit-verify-command.ts';
import { checkpointPath } from '../../people/audit-checkpoints.ts';
import { auditLog } from '../../people/tables.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { createPersistentStore, repoRoot, tsxBin } from '../support/persistent-engine.ts';

const run = promisify(execFile);
type Store = Awaited<ReturnType<typeof createPersistentStore>>;
const stores: Store[] = [];
afterAll(async () => {
  for (const store of stores) await store.remove();
});

/** `npm run audit:verify` as a child process: this file's one spawn, so the CLI itself stays covered. */
async function auditVerifyCli(store: Store) {
  try {
    const { stdout } = await run(tsxBin, ['scripts/audit-verify.ts'], { cwd: repoRoot, env: store.env });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}${e.stderr}` };
  }
}

/**
 * The same verdict in-process: the CLI's own function (runAuditVerify, reading its configuration
 * from the same environment), its exit code and everything it prints.
 */
async function auditVerify(store: Store) {
  const output: string[] = [];
  const code = await runAuditVerify({
    open: (config) => createEngine(config, { logger: undefined, auditCheckpoints: false }),
    args: [],
    env: store.env,
    out: (line) => output.push(line),
    err: (line) => output.push(line),
  });
  return { code, output: output.join('\n') };
}

const append = (engine: Engine, n: number, action = 'test.event') =>
  (async () => {
    for (let i = 0; i < n; i++)
      await appendAudit(engine.deps.db, {
        action,
        subjectType: 'test',
        subjectId: String(i),
        details: { i, note: 'Điểm thi' },
      });
  })();

/** A store whose engine wrote `n` entries and closed (so its last checkpoint holds them). */
async function storeWith(n: number) {
  const store = await createPersistentStore();
  stores.push(store);
  const engine = await store.open();
  await append(engine, n);
  await engine.close();
  return store;
}

/** Runs SQL as a superuser who switched the append-only guard off. */
async function tamper(store: Store, work: (engine: Engine) => Promise<void>) {
  const engine = await store.open({ auditCheckpoints: false });
  try {
    await engine.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await work(engine);
    await engine.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  } finally {
    await engine.close();
  }
}

const rowsIn = (engine: Engine) => engine.deps.db.select().from(auditLog).orderBy(asc(auditLog.seq));

/** What someone without the key can compute: the old SHA-256 chain, or an HMAC under a guessed key. */
const sha256Hash = (prevHash: string, row: typeof auditLog.$inferSelect) =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalize({
        seq: row.seq,
        at: new Date(row.at).toISOString(),
        actorId: row.actorId,
        actorRole: row.actorRole,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        organisationId: row.organisationId,
        ip: row.ip,
        details: row.details ?? {},
      })!,
    )
    .digest('hex');

/** Rewrites rows from `fromSeq` on, recomputing every later hash with `hashOf`. */
async function rewriteFrom(
  engine: Engine,
  fromSeq: number,
  change: (row: typeof auditLog.$inferSelect) => void,
  hashOf: (prev: string, row: typeof auditLog.$inferSelect) => { hash: string; chainVersion: number },
) {
  const rows = await rowsIn(engine);
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.seq >= fromSeq) {
      if (row.seq === fromSeq) change(row);
      const { hash, chainVersion } = hashOf(prev, { ...row, prevHash: prev });
      await engine.deps.db.execute(
        sql`update audit_log set details = ${JSON.stringify(row.details)}::jsonb, prev_hash = ${prev}, hash = ${hash}, chain_version = ${chainVersion} where seq = ${row.seq}`,
      );
      prev = hash;
    } else prev = row.hash;
  }
}

// Each case opens its store's engine several times (PGlite: seconds of CPU each); on a busy machine
// (load 20-30 on 2 cores) the case with the CLI spawn took 141 s.
describe('tamper-evident audit log', { timeout: 300_000 }, () => {
  it('passes an untouched log, holding it to its checkpoints', async () => {
    const store = await storeWith(5);
    const result = await auditVerifyCli(store);
    expect(result.output).toMatch(/Audit log intact: 5 entries, head [0-9a-f]{16}…, \d+ checkpoints hold/);
    expect(result.code).toBe(0);
    const engine = await store.open({ auditCheckpoints: false });
    try {
      expect((await rowsIn(engine)).map((r) => r.chainVersion)).toEqual([2, 2, 2, 2, 2]);
    } finally {
      await engine.close();
    }
  });

  it('detects the last rows deleted', async () => {
    const store = await storeWith(6);
    await tamper(store, async (engine) => {
      const [last] = await engine.deps.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
      await engine.deps.db.execute(sql`delete from audit_log where seq > ${last!.seq - 2}`);
    });
    const result = await auditVerify(store);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/BROKEN at entry \d+: .*entries were deleted from the end/);
  });

  it('detects a row rewritten with every later hash recomputed, as SHA-256 or under a guessed key', async () => {
    for (const attack of ['sha256', 'wrong key'] as const) {
      const store = await storeWith(6);
      let target = 0;
      await tamper(store, async (engine) => {
        target = (await rowsIn(engine))[2]!.seq;
        await rewriteFrom(
          engine,
          target,
          (row) => {
            row.details = { i: 99, note: 'Điểm thi' };
          },
          (prev, row) =>
            attack === 'sha256'
              ? { hash: sha256Hash(prev, row), chainVersion: 1 }
              : {
                  hash: expectedRowHash(prev, row, 'a-guessed-key-that-is-long-enough-0000000'),
                  chainVersion: 2,
                },
        );
      });
      const result = await auditVerify(store);
      expect(result.code, attack).toBe(1);
      expect(result.output, attack).toMatch(
        attack === 'sha256'
          ? new RegExp(`BROKEN at entry ${target}: it is not signed with the audit key`)
          : new RegExp(
              `BROKEN at entry ${target}: its content does not match its hash, an HMAC under the audit key`,
            ),
      );
    }
  });

  it('detects the whole chain recomputed as the old SHA-256 chain, by its checkpoints', async () => {
    const store = await storeWith(4);
    let first = 0;
    await tamper(store, async (engine) => {
      first = (await rowsIn(engine))[0]!.seq;
      await rewriteFrom(
        engine,
        first,
        () => {},
        (prev, row) => ({ hash: sha256Hash(prev, row), chainVersion: 1 }),
      );
    });
    const result = await auditVerify(store);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/BROKEN at entry \d+: it is not signed with the audit key/);
  });

  it('detects an appended forged "admin" entry', async () => {
    for (const attack of ['sha256', 'wrong key'] as const) {
      const store = await storeWith(3);
      await tamper(store, async (engine) => {
        const last = (await rowsIn(engine)).at(-1)!;
        const forged = {
          ...last,
          seq: last.seq + 1,
          at: new Date(),
          actorRole: 'admin',
          action: 'user.create',
          subjectType: 'user',
          details: { username: 'backdoor', role: 'admin' },
          prevHash: last.hash,
        };
        const hash =
          attack === 'sha256'
            ? sha256Hash(last.hash, forged)
            : expectedRowHash(
                last.hash,
                { ...forged, chainVersion: 2 },
                'a-guessed-key-that-is-long-enough-0000000',
              );
        await engine.deps.db
          .insert(auditLog)
          .values({ ...forged, hash, chainVersion: attack === 'sha256' ? 1 : 2 });
      });
      const result = await auditVerify(store);
      expect(result.code, attack).toBe(1);
      expect(result.output, attack).toMatch(
        /BROKEN at entry \d+: (it is not signed|its content does not match its hash, an HMAC under the audit key)/,
      );
    }
  });

  it('detects a checkpoint file edited or removed', async () => {
    const store = await storeWith(3);
    const file = checkpointPath(store.config.dataDir);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/"count":3/, '"count":2'));
    const edited = await auditVerify(store);
    expect(edited.code).toBe(1);
    expect(edited.output).toMatch(/Audit checkpoints BROKEN: line \d+ .*signature/);
    writeFileSync(file, '');
    const emptied = await auditVerify(store);
    expect(emptied.code).toBe(1);
    expect(emptied.output).toMatch(/no checkpoint holds the keyed chain/);
  });

  it('keeps rows written before the key (chain version 1) verifiable, followed by keyed rows', async () => {
    const store = await createPersistentStore();
    stores.push(store);
    // An installation from before issue 26: SHA-256 rows and no checkpoints.
    const old = await store.open({ auditCheckpoints: false });
    let prev = GENESIS_HASH;
    for (let i = 0; i < 3; i++) {
      const seqRows = await old.deps.db.execute(
        sql`select nextval(pg_get_serial_sequence('audit_log', 'seq')) as seq`,
      );
      const seq = Number(rowsOf<{ seq: string | number }>(seqRows)[0]!.seq);
      const row = {
        seq,
        at: new Date(),
        actorId: null,
        actorRole: null,
        action: 'legacy.event',
        subjectType: 'test',
        subjectId: String(i),
        organisationId: null,
        ip: null,
        details: { i },
        prevHash: prev,
        hash: '',
        chainVersion: 1,
      };
      row.hash = sha256Hash(prev, row);
      await old.deps.db.insert(auditLog).values(row);
      prev = row.hash;
    }
    await old.close();
    // The new engine anchors the old head, then chains new rows with the key.
    const engine = await store.open();
    await append(engine, 2, 'new.event');
    await engine.close();
    const result = await auditVerify(store);
    expect(result.output).toMatch(/Audit log intact: 5 entries/);
    expect(result.code).toBe(0);
  });
});
