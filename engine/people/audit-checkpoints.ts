/**
 * Checkpoints of the audit chain kept outside the database: DATA_DIR/audit-checkpoints.jsonl,
 * one line per checkpoint with the head (last seq, its hash, the row count) and the time, signed
 * with an HMAC under a key derived from the audit key. The engine writes one when it opens, every
 * few seconds while the chain grows, and when it closes; `npm run audit:verify` holds the chain
 * to every one of them, so rows cut off the end, or a chain rewritten and recomputed, no longer
 * match what was seen before. (Rows appended after the newest checkpoint are protected by the
 * keyed chain only: deleting those within the interval is not detectable.)
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import canonicalize from 'canonicalize';
import { count, desc, gt, and, lte } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import { GENESIS_HASH, type AuditCheckpoint } from './audit-log.ts';
import { auditLog } from './tables.ts';

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

export const checkpointPath = (dataDir: string) => path.join(dataDir, CHECKPOINT_FILE);

const macOf = (key: string, checkpoint: AuditCheckpoint) =>
  createHmac('sha256', createHmac('sha256', key).update('exam-engine audit checkpoint v1').digest())
    .update(
      canonicalize({
        seq: checkpoint.seq,
        count: checkpoint.count,
        head: checkpoint.head,
        at: checkpoint.at,
      })!,
    )
    .digest('hex');

export function signCheckpoint(key: string, checkpoint: AuditCheckpoint): string {
  return JSON.stringify({ ...checkpoint, mac: macOf(key, checkpoint) });
}

export type CheckpointRead =
  | { ok: true; checkpoints: AuditCheckpoint[]; file: string }
  | { ok: false; line: number; reason: string; file: string };

/** Reads and checks every line of the checkpoint file (none yet: an empty list). */
export function readCheckpoints(dataDir: string, key: string): CheckpointRead {
  const file = checkpointPath(dataDir);
  if (!existsSync(file)) return { ok: true, checkpoints: [], file };
  const checkpoints: AuditCheckpoint[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (!text) continue;
    let parsed: AuditCheckpoint & { mac?: unknown };
    try {
      parsed = JSON.parse(text) as AuditCheckpoint & { mac?: unknown };
    } catch {
      // A line cut short by a crash mid-write is only tolerated at the very end.
      if (lines.slice(i + 1).every((l) => !l.trim())) break;
      return { ok: false, line: i + 1, reason: 'it is not JSON', file };
    }
    const { seq, count: rows, head, at, mac } = parsed;
    const wellFormed =
      Number.isSafeInteger(seq) &&
      Number.isSafeInteger(rows) &&
      typeof head === 'string' &&
      /^[0-9a-f]{64}$/.test(head) &&
      typeof at === 'string' &&
      typeof mac === 'string';
    if (!wellFormed) return { ok: false, line: i + 1, reason: 'it is not a checkpoint', file };
    const checkpoint = { seq, count: rows, head, at };
    const expected = macOf(key, checkpoint);
    if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected)))
      return { ok: false, line: i + 1, reason: 'its signature is not the audit key’s', file };
    checkpoints.push(checkpoint);
  }
  return { ok: true, checkpoints, file };
}

export interface AuditCheckpointer {
  /** Writes a checkpoint if the chain's head moved since the last one (or none was written yet). */
  checkpoint(): Promise<AuditCheckpoint | undefined>;
  stop(): void;
}

/**
 * Takes checkpoints of the chain: now, every `intervalMs` and on demand. Counting all rows is done
 * once; later checkpoints add the rows since the previous one.
 */
export function startAuditCheckpointer(
  db: Database,
  options: { dataDir: string; key: string; logger?: Logger; intervalMs?: number },
): AuditCheckpointer {
  const file = checkpointPath(options.dataDir);
  let last: AuditCheckpoint | undefined;
  let running: Promise<AuditCheckpoint | undefined> | undefined;

  const take = async (): Promise<AuditCheckpoint | undefined> => {
    const [head] = await db
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const seq = head?.seq ?? 0;
    if (last && last.seq === seq) return undefined;
    const since = last?.seq ?? 0;
    const [added] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(gt(auditLog.seq, since), lte(auditLog.seq, seq)));
    const checkpoint: AuditCheckpoint = {
      seq,
      count: (last?.count ?? 0) + Number(added?.n ?? 0),
      head: head?.hash ?? GENESIS_HASH,
      at: new Date().toISOString(),
    };
    mkdirSync(options.dataDir, { recursive: true });
    appendFileSync(file, `${signCheckpoint(options.key, checkpoint)}\n`, { mode: 0o600 });
    last = checkpoint;
    return checkpoint;
  };
  const checkpoint = () => {
    // One at a time: the incremental count needs the previous checkpoint settled.
    const next = (running ?? Promise.resolve(undefined)).catch(() => undefined).then(take);
    running = next;
    return next;
  };
  const timer = setInterval(() => {
    checkpoint().catch((error: unknown) => options.logger?.warn({ err: error }, 'audit checkpoint failed'));
  }, options.intervalMs ?? 10_000);
  timer.unref();
  return {
    checkpoint,
    stop: () => clearInterval(timer),
  };
}
