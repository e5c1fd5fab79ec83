/**
 * The session's start (and any resume that finds it so) at an adaptive place not chosen yet:
 * the CAT makes its decision and the place is filled, in one transaction under the session's
 * lock, so two sockets or nodes racing here decide once.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { sittingFormSpec } from '../form-spec-cache.ts';
import { progressOf } from '../route-state.ts';
import { lockSession, update } from '../session-commands.ts';
import { candidateSessions } from '../tables.ts';
import { isOpenSlot } from './adaptive-form.ts';
import { adaptiveMove } from './adaptive-step.ts';

/** Fills the adaptive place the session stands at, if it is open; true when something was decided. */
export async function ensureAdaptiveItem(db: Database, sessionId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { session, sitting } = await lockSession(tx, sessionId);
    const form = session.form as AssembledForm;
    if (session.state !== 'in_progress' || !isOpenSlot(form.entries[session.position])) return false;
    const progress = progressOf(session);
    const moved = await adaptiveMove(tx, {
      session,
      spec: await sittingFormSpec(tx, sitting.id),
      form,
      progress,
      from: session.position - 1,
      to: session.position,
    });
    if (!moved) return false;
    // A CAT that stops before its first item (an empty blueprint cell set): only submitting remains.
    const over = session.position >= moved.form.entries.length;
    await update(tx, sessionId, {
      progress: over ? { ...moved.progress, ended: true } : moved.progress,
      ...(over ? { position: Math.max(0, moved.form.entries.length - 1) } : {}),
    });
    return true;
  });
}

/** The session's form as stored now (adaptive forms change as the CAT chooses). */
export async function storedForm(db: Database, sessionId: string): Promise<AssembledForm> {
  const [row] = await db
    .select({ form: candidateSessions.form })
    .from(candidateSessions)
    .where(eq(candidateSessions.id, sessionId));
  return (row?.form ?? { entries: [] }) as AssembledForm;
}
