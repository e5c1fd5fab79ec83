/**
 * A staff action on a candidate session (pause, resume, extend, terminate, message, allow a
 * device change): the state change, its audit entry, the push to the candidate and the status
 * patch to proctors. HTTP routes and the /proctor namespace both call this; it applies the
 * proctoring policy itself, so no transport can skip or soften it.
 */
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import { timeState } from '../../delivery/session-clock.ts';
import {
  allowDeviceChange,
  extendSession,
  loadSession,
  pauseSession,
  recordSessionEvent,
  resumeSession,
  submitSession,
  type SessionRow,
} from '../../delivery/session-commands.ts';
import { deliveryErrors } from '../../delivery/delivery-errors.ts';
import type { AppDeps } from '../../platform/http/env.ts';
import type { SessionActionRequest } from '../../protocol/proctor.ts';
import { authorize } from '../policy.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export async function performSessionAction(
  deps: Pick<AppDeps, 'db' | 'notifier' | 'onSubmitted'>,
  actor: StaffActor,
  request: SessionActionRequest,
  context: CommandContext,
): Promise<SessionRow> {
  const { db, notifier } = deps;
  // Who may act is decided here, once, for every transport (proctoring policy).
  const org = await authorize(db, actor, 'session:act', { sessionId: request.sessionId });
  const by = { type: 'staff' as const, id: actor.userId };
  const id = request.sessionId;
  const { sessionId: _id, action, ...details } = request;
  // The change and its audit row commit together; the candidate and the proctors hear of it after.
  const { row, changed } = await db.transaction(async (tx) => {
    let changed = true;
    let row: SessionRow;
    switch (request.action) {
      case 'pause':
        row = await pauseSession(tx, id, by, request.reason);
        break;
      case 'resume':
        row = await resumeSession(tx, id, by);
        break;
      case 'extend':
        row = await extendSession(tx, id, request.minutes * 60, by);
        break;
      case 'terminate': {
        const result = await submitSession(tx, id, 'proctor', by, { reason: request.reason });
        row = result.session;
        changed = result.changed;
        break;
      }
      case 'message': {
        const loaded = await loadSession(tx, id);
        if (!loaded) throw deliveryErrors.sessionNotFound();
        await recordSessionEvent(tx, id, 'message', by, { text: request.text });
        row = loaded.session;
        break;
      }
      case 'allow_device_change':
        row = await allowDeviceChange(tx, id, by);
        break;
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: `session.${action}`,
      subjectType: 'session',
      subjectId: id,
      organisationId: org.id,
      ip: context.ip,
      details,
    });
    return { row, changed };
  });
  switch (request.action) {
    case 'pause':
      notifier.push(id, 'session:paused', { reason: request.reason, time: timeState(row) });
      break;
    case 'resume':
      notifier.push(id, 'session:resumed', { time: timeState(row) });
      break;
    case 'extend':
      notifier.push(id, 'time:extended', { addedSeconds: request.minutes * 60, time: timeState(row) });
      break;
    case 'terminate':
      if (changed) {
        notifier.push(id, 'session:terminated', { reason: request.reason });
        deps.onSubmitted(id);
      }
      break;
    case 'message':
      notifier.push(id, 'message', { from: actor.username, text: request.text, at: Date.now() });
      break;
    case 'allow_device_change':
      break;
  }
  const time = timeState(row);
  notifier.status({
    sessionId: id,
    state: row.state,
    remainingMs: time.remainingMs,
    deadline: time.deadline,
  });
  return row;
}
