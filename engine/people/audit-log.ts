/**
 * The hash-chained audit log. Each row's hash is SHA-256 over the previous row's hash and the
 * row's own content in canonical JSON (RFC 8785), so editing, inserting or deleting a row is
 * detectable by walking the chain. Appends are serialised with a transaction-level advisory lock.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../platform/db/database.ts';
import { auditLog } from './tables.ts';
import { rowsOf } from '../platform/db/rows.ts';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 720_451_002;

export interface AuditEntry {
  actorId?: string | null;
  actorRole?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  organisationId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

interface HashedContent extends Required<Omit<AuditEntry, 'details'>> {
  seq: number;
  at: string;
  details: Record<string, unknown>;
}

function hashRow(prevHash: string, content: HashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalize(content)!).digest('hex');
}

function contentOf(row: typeof auditLog.$inferSelect): HashedContent {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    organisationId: row.organisationId,
    ip: row.ip,
    details: (row.details ?? {}) as Record<string, unknown>,
  };
}

/** Appends one entry. Pass the caller's transaction so the entry commits with the change it records. */
export async function appendAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  const run = async (tx: Executor) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const seqRows = await tx.execute(sql`select nextval(pg_get_serial_sequence('audit_log', 'seq')) as seq`);
    const seq = Number(rowsOf<{ seq: string | number }>(seqRows)[0]!.seq);
    const at = new Date();
    const content: HashedContent = {
      seq,
      at: at.toISOString(),
      actorId: entry.actorId ?? null,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      organisationId: entry.organisationId ?? null,
      ip: entry.ip ?? null,
      // Round-trip through JSON so the hash covers exactly what jsonb will store.
      details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditLog).values({ ...content, at, prevHash, hash: hashRow(prevHash, content) });
  };
  if ('rollback' in executor) await run(executor);
  else await (executor as Database).transaction(run);
}

export type AuditVerification =
  { ok: true; rows: number; head: string } | { ok: false; rows: number; brokenAt: number; reason: string };

/** Walks the whole chain in order and reports the first row that does not fit. */
export async function verifyAuditChain(db: Database, batchSize = 1000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let expectedSeq: number | undefined;
  let count = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      count++;
      if (expectedSeq !== undefined && row.seq !== expectedSeq) {
        // Sequences can skip after a rolled-back append, so a gap is only a break if the hashes disagree too.
        if (row.prevHash !== prevHash) {
          return { ok: false, rows: count, brokenAt: row.seq, reason: `rows before ${row.seq} are missing` };
        }
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          rows: count,
          brokenAt: row.seq,
          reason: 'its previous-hash does not match the row before it',
        };
      }
      const recomputed = hashRow(prevHash, contentOf(row));
      if (recomputed !== row.hash) {
        return {
          ok: false,
          rows: count,
          brokenAt: row.seq,
          reason: 'its content does not match its hash (the row was changed)',
        };
      }
      prevHash = row.hash;
      lastSeq = row.seq;
      expectedSeq = row.seq + 1;
    }
  }
  return { ok: true, rows: count, head: prevHash };
}
