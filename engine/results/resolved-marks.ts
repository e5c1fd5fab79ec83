/**
 * The teachers' resolved marks of one session (single, agreed double, or moderated marks), by
 * item ref: what a re-score keeps in place of the automatic score. Items whose marking is still
 * open are left out, so they stay pending.
 */
import { eq } from 'drizzle-orm';
import { gradingTables, resolveMarks, type MarkRole } from '../../grading/index.ts';
import type { Database } from '../platform/db/database.ts';
import { DEFAULT_RULE, rulesOf } from './sitting-marking.ts';

export async function resolvedMarks(
  db: Database,
  sittingId: string,
  sessionId: string,
): Promise<Record<string, number>> {
  const { marks } = gradingTables;
  // One after the other: `db` may be a transaction (a sitting re-score), which runs one query at a time.
  const rows = await db.select().from(marks).where(eq(marks.sessionId, sessionId));
  const rules = rows.length ? await rulesOf(db, sittingId) : new Map();
  const resolved: Record<string, number> = {};
  for (const ref of new Set(rows.map((m) => m.itemRef))) {
    const resolution = resolveMarks(
      rules.get(ref) ?? DEFAULT_RULE,
      rows.filter((m) => m.itemRef === ref).map((m) => ({ role: m.role as MarkRole, score: m.score })),
    );
    if (resolution.state === 'resolved') resolved[ref] = resolution.score;
  }
  return resolved;
}
