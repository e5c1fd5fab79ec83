/**
 * Incident snapshots: one small JPEG the device may send when it reports an incident-worthy event, where the
 * sitting's policy allows it. Stored with an expiry (the sitting's `snapshotRetentionDays`, or the engine's default), claimed by the
 * incident the rules raise for that moment, served only to staff who may watch the candidate's room, and deleted
 * by the sweeper once expired (or soon, when no incident claimed it).
 */
import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { proctoringPolicyOf } from '../../proctor/index.ts';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import type { PictureRules } from './image-check.ts';
import { incidentSnapshots } from './tables.ts';

export const SNAPSHOT_RULES: PictureRules = {
  types: ['image/jpeg'],
  maxBytes: 60 * 1024,
  minSide: 16,
  maxSide: 640,
};

/** Incidents a camera frame can show; the others (focus, copy/paste...) never carry a snapshot. */
export const PICTURED_INCIDENTS: ReadonlySet<string> = new Set([
  'no_face',
  'multiple_faces',
  'head_turned',
  'looking_down',
  'phone',
  'book',
  'identity_mismatch',
  'identity_no_face',
]);

/** A snapshot belongs to an incident that started this close to the moment it was taken (device clock). */
const CLAIM_WINDOW_MS = 15_000;
/** A snapshot no incident claimed is deleted after this long: pictures are kept only as part of an incident. */
export const UNCLAIMED_TTL_MS = 2 * 60_000;

export const snapshotUrl = (id: string) => `/api/proctoring/snapshots/${id}`;

/**
 * Days a sitting's snapshots are kept: its own `proctoringRules.snapshotRetentionDays` when it sets one (1-3650),
 * else the engine's default (`PROCTOR_SNAPSHOT_RETENTION_DAYS`), else proctor/policy.ts's.
 */
export function snapshotRetentionDaysOf(securityPolicy: unknown, engineDefault?: number): number {
  const rules = (securityPolicy as { proctoringRules?: unknown } | null)?.proctoringRules;
  const own = (rules && typeof rules === 'object' ? rules : {}) as { snapshotRetentionDays?: unknown };
  return own.snapshotRetentionDays !== undefined || engineDefault === undefined
    ? proctoringPolicyOf(securityPolicy).snapshotRetentionDays
    : engineDefault;
}

export async function storeSnapshot(
  db: Database,
  entry: { sessionId: string; takenAt: number; data: Uint8Array; retentionDays: number; now?: Date },
): Promise<string> {
  const now = entry.now ?? new Date();
  const [row] = await db
    .insert(incidentSnapshots)
    .values({
      sessionId: entry.sessionId,
      takenAt: Math.round(entry.takenAt),
      contentType: 'image/jpeg',
      data: Buffer.from(entry.data),
      createdAt: now,
      expiresAt: new Date(now.getTime() + entry.retentionDays * 86_400_000),
    })
    .returning({ id: incidentSnapshots.id });
  return row!.id;
}

/** Gives the incident the unclaimed snapshot taken nearest its start, if any; returns the snapshot's id. */
export async function claimSnapshot(
  db: Database,
  sessionId: string,
  incident: { seq: number; startedAt: number },
): Promise<string | null> {
  const nearest = db
    .select({ id: incidentSnapshots.id })
    .from(incidentSnapshots)
    .where(
      and(
        eq(incidentSnapshots.sessionId, sessionId),
        isNull(incidentSnapshots.incidentSeq),
        gt(incidentSnapshots.expiresAt, new Date()),
        sql`abs(${incidentSnapshots.takenAt} - ${Math.round(incident.startedAt)}) <= ${CLAIM_WINDOW_MS}`,
      ),
    )
    .orderBy(
      sql`abs(${incidentSnapshots.takenAt} - ${Math.round(incident.startedAt)})`,
      asc(incidentSnapshots.id),
    )
    .limit(1);
  const [row] = await db
    .update(incidentSnapshots)
    .set({ incidentSeq: incident.seq })
    .where(and(inArray(incidentSnapshots.id, nearest), isNull(incidentSnapshots.incidentSeq)))
    .returning({ id: incidentSnapshots.id });
  return row?.id ?? null;
}

/** Snapshot ids of incidents (by seq), only those not yet expired. */
export async function snapshotsOfIncidents(db: Database, seqs: number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db
    .select({ id: incidentSnapshots.id, seq: incidentSnapshots.incidentSeq })
    .from(incidentSnapshots)
    .where(and(inArray(incidentSnapshots.incidentSeq, seqs), gt(incidentSnapshots.expiresAt, new Date())));
  return new Map(rows.map((r) => [r.seq!, r.id]));
}

/** Deletes expired snapshots and those no incident claimed in time; returns how many were deleted. */
export async function deleteExpiredSnapshots(db: Database, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(incidentSnapshots)
    .where(
      or(
        lte(incidentSnapshots.expiresAt, now),
        and(
          isNull(incidentSnapshots.incidentSeq),
          lte(incidentSnapshots.createdAt, new Date(now.getTime() - UNCLAIMED_TTL_MS)),
        ),
      ),
    )
    .returning({ id: incidentSnapshots.id });
  return deleted.length;
}

export interface SnapshotSweeper {
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/** Runs `deleteExpiredSnapshots` every `intervalMs`; any engine process may run it (a delete is idempotent). */
export function startSnapshotSweeper(db: Database, logger: Logger, intervalMs = 60_000): SnapshotSweeper {
  let running: Promise<number> | undefined;
  const sweep = () =>
    deleteExpiredSnapshots(db).then((count) => {
      if (count) logger.info({ count }, 'proctoring snapshots deleted (expired or unclaimed)');
      return count;
    });
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'snapshot sweep failed');
        return 0;
      })
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return {
    sweep: () => running ?? sweep(),
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
