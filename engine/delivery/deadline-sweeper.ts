/**
 * Submits sessions whose deadline (plus grace) has passed, even if the candidate is gone.
 * Deadlines live in the database, so any engine process may run the sweep; the conditional
 * state change in `submitSession` makes each submission happen exactly once.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/rows.ts';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import { submitSession } from './session-commands.ts';

export interface DeadlineSweeper {
  /** Runs one sweep; returns the ids of sessions this call submitted. */
  sweep(): Promise<string[]>;
  stop(): Promise<void>;
}

export function startDeadlineSweeper(
  db: Database,
  logger: Logger,
  onSubmitted: (sessionId: string) => void,
  intervalMs = 1000,
  /** Extra work for each sweep, such as scoring sessions a dead process left unscored. */
  alsoEachSweep?: () => Promise<unknown> | undefined,
): DeadlineSweeper {
  let running: Promise<string[]> | undefined;
  const sweep = async () => {
    const due = rowsOf<{ id: string }>(
      await db.execute(sql`
        select s.id from candidate_sessions s join sittings t on t.id = s.sitting_id
        where s.state = 'in_progress' and s.deadline_at + make_interval(secs => t.grace_seconds) < clock_timestamp()
        order by s.deadline_at limit 500`),
    );
    const submitted: string[] = [];
    for (const { id } of due) {
      const { changed } = await submitSession(db, id, 'server', { type: 'system' }, { reason: 'deadline' });
      if (changed) {
        submitted.push(id);
        onSubmitted(id);
      }
    }
    if (submitted.length) logger.info({ count: submitted.length }, 'sessions submitted at their deadline');
    await alsoEachSweep?.();
    return submitted;
  };
  const tick = () => {
    if (running) return;
    running = sweep()
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'deadline sweep failed');
        return [];
      })
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    sweep: () => running ?? sweep(),
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
