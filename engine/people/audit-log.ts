/**
 * The hash-chained audit log. Each row's hash covers the previous row's hash and the row's own
 * content in canonical JSON (RFC 8785), so editing, inserting or deleting a row is detectable by
 * walking the chain. Appends are serialised with a transaction-level advisory lock.
 *
 * Chain version 2 (issue 26): the hash is an HMAC-SHA256 under the audit key, which lives in the
 * environment (AUDIT_KEY) or DATA_DIR, never in the database, so someone who can rewrite the table
 * cannot recompute the chain after a rewrite or forge an appended row. Rows written before
 * (version 1, plain SHA-256) stay verifiable as they were; they may only come before the first
 * keyed row and the first checkpoint. Checkpoints (audit-checkpoints.ts) anchor the head outside
 * the database, so cutting rows off the end is detected too.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../platform/db/database.ts';
import { auditLog } from './tables.ts';
import { rowsOf } from '../platform/db/rows.ts';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 720_451_002;
/** The chain version new rows are written with. */
export const AUDIT_CHAIN_VERSION = 2;

let processAuditKey: Buffer | undefined;

/**
 * Sets the key this process chains audit rows under (createEngine does, from Config.auditKey).
 * One key per process: engines in one process (tests) must share it.
 */
export function useAuditKey(key: string): void {
  const next = Buffer.from(key, 'utf8');
  if (processAuditKey && !processAuditKey.equals(next))
    throw new Error('A different audit key is already in use in this process.');
  processAuditKey = next;
}

function auditKey(): Buffer {
  if (!processAuditKey)
    throw new Error('No audit key: create the engine (useAuditKey) before writing audit rows.');
  return processAuditKey;
}

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

function hashRow(prevHash: string, content: HashedContent, version: number, key?: Buffer): string {
  const hash = version >= 2 ? createHmac('sha256', key ?? auditKey()) : createHash('sha256');
  return hash.update(prevHash).update('\n').update(canonicalize(content)!).digest('hex');
}

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

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

/**
 * The hash a row should carry after `prevHash`, by its chain version (version 2 under `key`, by
 * default the process's audit key). Exported for verification tools and tamper tests.
 */
export function expectedRowHash(prevHash: string, row: typeof auditLog.$inferSelect, key?: string): string {
  return hashRow(
    prevHash,
    contentOf(row),
    row.chainVersion,
    key === undefined ? undefined : Buffer.from(key),
  );
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
    await tx.insert(auditLog).values({
      ...content,
      at,
      prevHash,
      hash: hashRow(prevHash, content, AUDIT_CHAIN_VERSION),
      chainVersion: AUDIT_CHAIN_VERSION,
    });
  };
  if ('rollback' in executor) await run(executor);
  else await (executor as Database).transaction(run);
}

export type AuditVerification =
  | { ok: true; rows: number; head: string; checkpoints: number }
  | { ok: false; rows: number; brokenAt: number; reason: string };

/** A head of the chain as it was seen at some time, kept outside the database (audit-checkpoints.ts). */
export interface AuditCheckpoint {
  /** The last row's seq (0: the chain was empty). */
  seq: number;
  /** Rows in the chain up to and including `seq`. */
  count: number;
  /** That row's hash (GENESIS_HASH for an empty chain). */
  head: string;
  /** When it was taken, ISO 8601. */
  at: string;
}

export interface VerifyOptions {
  /** The audit key (default: the process's, see useAuditKey). */
  key?: string;
  /**
   * Checkpoints to hold the chain to. Undefined: none are checked (and keyed rows need none);
   * an empty list with keyed rows in the chain is itself a failure: the anchor is gone.
   */
  checkpoints?: readonly AuditCheckpoint[];
  batchSize?: number;
}

/** Walks the whole chain in order and reports the first row that does not fit. */
export async function verifyAuditChain(
  db: Database,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const key = options.key === undefined ? auditKey() : Buffer.from(options.key, 'utf8');
  const batchSize = options.batchSize ?? 1000;
  const checkpoints = [...(options.checkpoints ?? [])].sort((a, b) => a.seq - b.seq);
  const firstCheckpointSeq = checkpoints[0]?.seq;
  let nextCheckpoint = 0;
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let expectedSeq: number | undefined;
  let count = 0;
  let keyedSeen = false;
  const broken = (brokenAt: number, reason: string): AuditVerification => ({
    ok: false,
    rows: count,
    brokenAt,
    reason,
  });
  // Checkpoints at or below a seq the walk has reached: each must name a row seen, with its hash and count.
  const passCheckpoints = (uptoSeq: number, rowHash: string | undefined, rowSeq: number | undefined) => {
    while (nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]!.seq <= uptoSeq) {
      const cp = checkpoints[nextCheckpoint++]!;
      if (cp.seq === 0) continue;
      if (cp.seq !== rowSeq)
        return broken(cp.seq, `the checkpoint of ${cp.at} names entry ${cp.seq}, which is missing`);
      if (cp.head !== rowHash)
        return broken(
          cp.seq,
          `it differs from the checkpoint of ${cp.at} (the entry or one before it was rewritten)`,
        );
      if (cp.count !== count)
        return broken(
          cp.seq,
          `the checkpoint of ${cp.at} counted ${cp.count} entries up to it, now ${count}`,
        );
    }
    return undefined;
  };
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      // A checkpoint between the last row and this one names a row that is gone.
      const skipped = passCheckpoints(row.seq - 1, undefined, undefined);
      if (skipped) return skipped;
      count++;
      if (expectedSeq !== undefined && row.seq !== expectedSeq) {
        // Sequences can skip after a rolled-back append, so a gap is only a break if the hashes disagree too.
        if (row.prevHash !== prevHash) {
          return broken(row.seq, `rows before ${row.seq} are missing`);
        }
      }
      if (row.prevHash !== prevHash) {
        return broken(row.seq, 'its previous-hash does not match the row before it');
      }
      if (row.chainVersion >= 2) keyedSeen = true;
      else if (keyedSeen || (firstCheckpointSeq !== undefined && row.seq > firstCheckpointSeq)) {
        return broken(
          row.seq,
          'it is not signed with the audit key, though it comes after keyed entries (a forged entry)',
        );
      }
      const recomputed = hashRow(prevHash, contentOf(row), row.chainVersion, key);
      if (!sameHex(recomputed, row.hash)) {
        return broken(
          row.seq,
          row.chainVersion >= 2
            ? 'its content does not match its hash, an HMAC under the audit key (the row was changed, or forged without the key)'
            : 'its content does not match its hash (the row was changed)',
        );
      }
      prevHash = row.hash;
      lastSeq = row.seq;
      expectedSeq = row.seq + 1;
      const atCheckpoint = passCheckpoints(row.seq, row.hash, row.seq);
      if (atCheckpoint) return atCheckpoint;
    }
  }
  const beyond = checkpoints[checkpoints.length - 1];
  if (beyond && nextCheckpoint < checkpoints.length && beyond.seq > lastSeq) {
    return broken(
      beyond.seq,
      `the checkpoint of ${beyond.at} saw ${beyond.count} entries up to ${beyond.seq}; the log now ends at ${lastSeq || 'nothing'} (entries were deleted from the end)`,
    );
  }
  if (keyedSeen && options.checkpoints && checkpoints.length === 0) {
    return broken(lastSeq, 'no checkpoint holds the keyed chain (the checkpoint file is missing or empty)');
  }
  return { ok: true, rows: count, head: prevHash, checkpoints: checkpoints.length };
}
