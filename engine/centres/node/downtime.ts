/**
 * A centre node's liveness and the exam board's downtime rule. While it runs, the node writes the
 * time to `DATA_DIR/centre-heartbeat.json` every few seconds (written whole and synced, then renamed
 * over the last one, so a power loss leaves the previous beat, never half a file). When it starts
 * again, the gap from the last beat is the downtime: candidates could not work then. Each session
 * in progress gets its sitting's rule, read from its package's signed header (readable before any
 * key, so it is applied before the node reopens packages or its deadline sweep can reach a session):
 * - `pause` (the default): the clock stood still for the downtime, through delivery's own pause and
 *   resume: paused at the last beat, resumed now, so the deadline moves by the downtime and the
 *   active clock of section and item time limits excludes it (session events `paused` with reason
 *   `centre_downtime` and `resumed` with `pausedMs`);
 * - `continue`: the clock ran on; a session whose deadline passed meanwhile is submitted by the
 *   deadline sweep as on any engine.
 * Either way a `centre_downtime` event on the session records the gap and the rule. A candidate may
 * gain up to one heartbeat interval under `pause` (the time between the last beat and the cut).
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { pauseSession, resumeSession } from '../../delivery/session-commands.ts';
import { candidateSessions, sessionEvents } from '../../delivery/tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { PackageHeader, type DowntimeRule } from '../package-file.ts';
import { centreHeldPackages } from '../tables.ts';

export const HEARTBEAT_FILE = 'centre-heartbeat.json';
/** A gap shorter than this is a restart, not downtime worth a rule. */
export const MIN_DOWNTIME_MS = 1000;

export function writeHeartbeat(dataDir: string, at = new Date()): void {
  const file = path.join(dataDir, HEARTBEAT_FILE);
  const next = `${file}.next`;
  const fd = openSync(next, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify({ at: at.toISOString() }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(next, file);
}

/** The last beat written (none: the node never ran here, or the file is unreadable). */
export function lastHeartbeat(dataDir: string): Date | undefined {
  try {
    const { at } = JSON.parse(readFileSync(path.join(dataDir, HEARTBEAT_FILE), 'utf8')) as { at?: unknown };
    const time = typeof at === 'string' ? new Date(at) : undefined;
    return time && !Number.isNaN(time.getTime()) ? time : undefined;
  } catch {
    return undefined;
  }
}

export interface DowntimeOutcome {
  downtimeMs: number;
  from: Date;
  to: Date;
  /** Sessions whose clock stood still (`pause`), and those whose clock ran on (`continue`). */
  paused: string[];
  continued: string[];
}

/** Each sitting's rule, from the signed headers of the packages this node holds. */
async function rulesBySitting(db: Database): Promise<Map<string, DowntimeRule>> {
  const rules = new Map<string, DowntimeRule>();
  for (const { header } of await db.select({ header: centreHeldPackages.header }).from(centreHeldPackages)) {
    const parsed = PackageHeader.safeParse(header);
    if (parsed.success) rules.set(parsed.data.sittingId, parsed.data.downtime ?? 'pause');
  }
  return rules;
}

/** Applies the rule of each in-progress session's sitting to the downtime since `lastBeat`. */
export async function applyDowntime(
  db: Database,
  lastBeat: Date | undefined,
  now = new Date(),
): Promise<DowntimeOutcome | undefined> {
  if (!lastBeat || now.getTime() - lastBeat.getTime() < MIN_DOWNTIME_MS) return undefined;
  const downtimeMs = now.getTime() - lastBeat.getTime();
  const outcome: DowntimeOutcome = { downtimeMs, from: lastBeat, to: now, paused: [], continued: [] };
  const sessions = await db
    .select({
      id: candidateSessions.id,
      sittingId: candidateSessions.sittingId,
      startedAt: candidateSessions.startedAt,
    })
    .from(candidateSessions)
    .where(eq(candidateSessions.state, 'in_progress'));
  if (!sessions.length) return outcome;
  const rules = await rulesBySitting(db);
  const system = { type: 'system' as const, id: 'centre' };
  for (const s of sessions) {
    const rule = rules.get(s.sittingId) ?? 'pause';
    if (rule === 'pause') {
      // The candidate's clock stopped when the node did: delivery's pause at the last beat (or the
      // start, if it came after), resumed now.
      const stoppedAt = new Date(Math.max(lastBeat.getTime(), s.startedAt?.getTime() ?? 0));
      await pauseSession(db, s.id, system, 'centre_downtime', stoppedAt);
      await resumeSession(db, s.id, system, now);
      outcome.paused.push(s.id);
    } else outcome.continued.push(s.id);
  }
  const ids = sessions.map((s) => s.id);
  const data = (id: string) => ({
    from: lastBeat.toISOString(),
    to: now.toISOString(),
    downtimeMs,
    rule: outcome.paused.includes(id) ? 'pause' : 'continue',
  });
  await db.insert(sessionEvents).values(
    ids.map((sessionId) => ({
      sessionId,
      type: 'centre_downtime',
      actorType: 'system',
      actorId: 'centre',
      data: data(sessionId),
    })),
  );
  return outcome;
}
