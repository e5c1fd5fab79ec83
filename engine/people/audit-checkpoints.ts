/**
 * Checkpoints of the audit chain kept outside the database: DATA_DIR/audit-checkpoints.jsonl,
 * one line per checkpoint with the head (last seq, its hash, the row count) and the time, signed
 * twice: an HMAC under a key derived from the audit key, and an Ed25519 signature whose public key
 * anyone may hold (audit-checkpoint-signature.ts). The engine writes one when it opens, every few
 * seconds while the chain grows, and when it closes, and hands each to `publish` (the e-records
 * feed, wired by engine.ts), so a copy lives where whoever holds the database and DATA_DIR cannot
 * reach it. `npm run audit:verify` holds the chain to every one of them (and, given `--feed`, to
 * the copies the e-records service received), so rows cut off the end, or a chain rewritten and
 * recomputed, no longer match what was seen before. (Rows appended after the newest checkpoint are
 * protected by the keyed chain only: deleting those within the interval is not detectable.)
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { count, desc, gt, and, lte } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import { GENESIS_HASH, type AuditCheckpoint } from './audit-log.ts';
import {
  checkpointPublicKey,
  checkpointSignatureHolds,
  checkpointSigner,
  type CheckpointSigner,
} from './audit-checkpoint-signature.ts';
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

/** A checkpoint with its Ed25519 signature (base64) and the id of the key that made it. */
export interface SignedAuditCheckpoint extends AuditCheckpoint {
  keyId: string;
  sig: string;
}

export function signedCheckpoint(
  signer: CheckpointSigner,
  checkpoint: AuditCheckpoint,
): SignedAuditCheckpoint {
  const { seq, count, head, at } = checkpoint;
  return { seq, count, head, at, keyId: signer.keyId, sig: signer.sign(checkpoint) };
}

/** One line of the checkpoint file: the checkpoint, its Ed25519 signature and its HMAC. */
export function signCheckpoint(key: string, checkpoint: AuditCheckpoint): string {
  return JSON.stringify({
    ...signedCheckpoint(checkpointSigner(key), checkpoint),
    mac: macOf(key, checkpoint),
  });
}

/** What the e-records feed carries for one checkpoint (`kind` tells it from an exam result). */
export interface PublishedCheckpoint {
  kind: 'audit_checkpoint';
  checkpoint: AuditCheckpoint;
  keyId: string;
  /** Ed25519, base64, over audit-checkpoint-signature.ts's checkpointSignedBytes. */
  signature: string;
}

export const publishedCheckpoint = (signed: SignedAuditCheckpoint): PublishedCheckpoint => ({
  kind: 'audit_checkpoint',
  checkpoint: { seq: signed.seq, count: signed.count, head: signed.head, at: signed.at },
  keyId: signed.keyId,
  signature: signed.sig,
});

/** The checkpoint a parsed record holds, when its fields are all there and of their types. */
function checkpointFields(record: Record<string, unknown>): AuditCheckpoint | undefined {
  const { seq, count: rows, head, at } = record;
  const wellFormed =
    Number.isSafeInteger(seq) &&
    Number.isSafeInteger(rows) &&
    typeof head === 'string' &&
    /^[0-9a-f]{64}$/.test(head) &&
    typeof at === 'string';
  return wellFormed ? { seq: seq as number, count: rows as number, head, at } : undefined;
}

export type PublishedRead =
  { ok: true; checkpoints: AuditCheckpoint[] } | { ok: false; entry: number; reason: string };

/**
 * Reads checkpoints as the e-records service received them (a JSON array of feed payloads, or one
 * per line), each checked by its Ed25519 signature with the public key alone: no audit key needed.
 */
export function readPublishedCheckpoints(text: string, publicKey: KeyObject): PublishedRead {
  let records: unknown[];
  const trimmed = text.trim();
  try {
    records = trimmed.startsWith('[')
      ? (JSON.parse(trimmed) as unknown[])
      : trimmed
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => JSON.parse(line) as unknown);
  } catch {
    return { ok: false, entry: 0, reason: 'it is neither a JSON array nor JSON lines' };
  }
  const checkpoints: AuditCheckpoint[] = [];
  for (const [index, record] of records.entries()) {
    const entry = index + 1;
    const payload = (record ?? {}) as Partial<PublishedCheckpoint>;
    const checkpoint =
      payload.kind === 'audit_checkpoint' && payload.checkpoint
        ? checkpointFields(payload.checkpoint as unknown as Record<string, unknown>)
        : undefined;
    if (!checkpoint || typeof payload.signature !== 'string')
      return { ok: false, entry, reason: 'it is not an audit checkpoint' };
    if (!checkpointSignatureHolds(checkpoint, payload.signature, publicKey))
      return { ok: false, entry, reason: 'its signature is not the engine’s checkpoint key’s' };
    checkpoints.push(checkpoint);
  }
  return { ok: true, checkpoints };
}

const publicKeyOf = (key: string): KeyObject => checkpointPublicKey(checkpointSigner(key).publicKey);

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
    let parsed: AuditCheckpoint & { mac?: unknown; sig?: unknown };
    try {
      parsed = JSON.parse(text) as AuditCheckpoint & { mac?: unknown; sig?: unknown };
    } catch {
      // A line cut short by a crash mid-write is only tolerated at the very end.
      if (lines.slice(i + 1).every((l) => !l.trim())) break;
      return { ok: false, line: i + 1, reason: 'it is not JSON', file };
    }
    const { mac, sig } = parsed;
    const checkpoint = checkpointFields(parsed as unknown as Record<string, unknown>);
    if (!checkpoint || typeof mac !== 'string' || (sig !== undefined && typeof sig !== 'string'))
      return { ok: false, line: i + 1, reason: 'it is not a checkpoint', file };
    const expected = macOf(key, checkpoint);
    if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected)))
      return { ok: false, line: i + 1, reason: 'its signature is not the audit key’s', file };
    // Lines written before checkpoints were signed with Ed25519 carry the HMAC only.
    if (sig !== undefined && !checkpointSignatureHolds(checkpoint, sig, publicKeyOf(key)))
      return { ok: false, line: i + 1, reason: 'its Ed25519 signature is not the checkpoint key’s', file };
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
  options: {
    dataDir: string;
    key: string;
    logger?: Logger;
    intervalMs?: number;
    /** Called with each checkpoint once it is in the file (the e-records feed). */
    publish?: (checkpoint: SignedAuditCheckpoint) => void;
  },
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
    options.publish?.(signedCheckpoint(checkpointSigner(options.key), checkpoint));
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
