/**
 * Keeps candidates' clocks honest: every few seconds it reads the deadlines of the sessions
 * connected to this process in one query, re-syncs time now and then, and pushes the 15, 5
 * and 1 minute warnings once each. Deadlines come from the database, so pauses and
 * extensions made on any engine process are seen here.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { candidateSessions } from './tables.ts';
import { sittingCandidates, sittings } from '../sittings/tables.ts';
import { enforceTimeLimits, timeLimitDue } from './route-commands.ts';
import { activeMs, progressOf, scopeTimes } from './route-state.ts';
import { sessionRoom } from './socket.ts';
import { timeState } from './session-clock.ts';
import type { Logger } from '../platform/logger.ts';
import type { CandidateNamespace } from './socket.ts';

export const WARNING_MINUTES = [15, 5, 1] as const;
const SYNC_EVERY_MS = 30_000;

export function startTimeKeeper(nsp: CandidateNamespace, db: Database, logger: Logger, intervalMs = 5000) {
  const lastSync = new WeakMap<object, number>();
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const sockets = [...nsp.sockets.values()];
      const ids = [...new Set(sockets.map((s) => s.data.sessionId).filter(Boolean))];
      if (!ids.length) return;
      const now = Date.now();
      const rows = await db
        .select({
          id: candidateSessions.id,
          state: candidateSessions.state,
          deadlineAt: candidateSessions.deadlineAt,
          pausedRemainingMs: candidateSessions.pausedRemainingMs,
          position: candidateSessions.position,
          startedAt: candidateSessions.startedAt,
          pausedAt: candidateSessions.pausedAt,
          progress: candidateSessions.progress,
          extraTimePercent: sittingCandidates.extraTimePercent,
          durationSeconds: sittings.durationSeconds,
        })
        .from(candidateSessions)
        .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
        .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
        .where(inArray(candidateSessions.id, ids));
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const socket of sockets) {
        const row = byId.get(socket.data.sessionId);
        if (!row || row.state !== 'in_progress') continue;
        const form = socket.data.form;
        const timed = (form.scopes ?? []).some((s) => s.maxMs !== undefined);
        if (timed && timeLimitDue({ ...row, form }, row.extraTimePercent, now)) {
          // A part's (or linear section's or item's) time ran out: the server moves the candidate on.
          const moved = await enforceTimeLimits(db, row.id, now);
          if (moved) {
            nsp.to(sessionRoom(row.id)).emit('route:moved', {
              position: moved.position,
              reason: 'time_limit',
              level: moved.level,
              identifier: moved.identifier,
            });
            lastSync.delete(socket);
            continue;
          }
        }
        const time = timed
          ? {
              ...timeState(row, now),
              levels: scopeTimes(
                form,
                progressOf(row),
                row.position,
                activeMs(row, now),
                row.extraTimePercent,
              ),
            }
          : timeState(row, now);
        if (now - (lastSync.get(socket) ?? 0) >= SYNC_EVERY_MS) {
          socket.emit('time:sync', time);
          lastSync.set(socket, now);
        }
        // A threshold as long as the whole exam is no warning: a 15-minute sitting does not open with "15 minutes left".
        const allowedMinutes = (row.durationSeconds / 60) * (1 + row.extraTimePercent / 100);
        for (const minutes of WARNING_MINUTES) {
          // Warn once when the time left first drops to the threshold (not for thresholds long past at connect).
          if (
            allowedMinutes > minutes &&
            time.remainingMs !== null &&
            time.remainingMs <= minutes * 60_000 &&
            time.remainingMs > (minutes - 1) * 60_000 &&
            !socket.data.warned.includes(minutes)
          ) {
            socket.data.warned.push(minutes);
            socket.emit('time:warning', { minutesLeft: minutes });
          }
        }
      }
    } catch (error) {
      logger.warn({ err: error }, 'time keeper tick failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
