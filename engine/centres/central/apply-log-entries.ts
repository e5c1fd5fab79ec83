/**
 * On the central engine, inside a result-log import's transaction: the new entries become the
 * sessions, answers and submits the central engine holds, exactly as if the candidates had sat
 * centrally. A `session_open` event makes the session under the centre's id, its form assembled
 * again from the central form spec with the centre's seed and parallel form (so weights and test
 * outcome processing, which never left, apply) and checked against the form the centre delivered;
 * a save is an answer row (kept once: the key is session, item and client sequence); a submit
 * closes the session, and the sessions submitted are scored once the import has committed.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { candidateSessions, responses } from '../../delivery/tables.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { FormSpec, type AssembledForm } from '../../sittings/form.ts';
import { assembleCandidateForm } from '../../sittings/parallel-forms.ts';
import { sittingCandidates, sittings } from '../../sittings/tables.ts';
import type { LogEntry } from '../result-log.ts';

const refuse = (seq: number, message: string) =>
  new AppError(422, 'log_entry_refused', `Log entry ${seq} cannot be applied: ${message}`, { seq });

const sameDelivery = (a: AssembledForm, b: AssembledForm) =>
  a.entries.length === b.entries.length &&
  a.entries.every(
    (e, i) => e.itemRef === b.entries[i]!.itemRef && e.itemVersionId === b.entries[i]!.itemVersionId,
  );

/** Applies entries; returns the ids of sessions submitted by them (to score after commit). */
export async function applyLogEntries(tx: Executor, fresh: LogEntry[]): Promise<string[]> {
  const submitted: string[] = [];
  const sittingId = fresh[0]?.sittingId;
  if (!sittingId) return submitted;
  const [sitting] = await tx.select().from(sittings).where(eq(sittings.id, sittingId));
  if (!sitting) throw refuse(fresh[0]!.seq, `sitting ${sittingId} is not on this engine.`);
  const spec = FormSpec.parse(sitting.formSpec);
  for (const entry of fresh) {
    const p = entry.payload as Record<string, unknown>;
    const sessionId = String(p.sessionId ?? '');
    if (entry.kind === 'event' && p.type === 'session_open') {
      const centreForm = p.form as unknown as AssembledForm;
      const [candidate] = await tx
        .select({ id: sittingCandidates.id })
        .from(sittingCandidates)
        .where(
          and(
            eq(sittingCandidates.id, String(p.sittingCandidateId)),
            eq(sittingCandidates.sittingId, sittingId),
          ),
        );
      if (!candidate)
        throw refuse(entry.seq, `candidate ${String(p.sittingCandidateId)} is not enrolled in the sitting.`);
      const form = assembleCandidateForm(spec, Number(p.seed), centreForm.parallelForm?.index ?? 0);
      if (!sameDelivery(form, centreForm))
        throw refuse(
          entry.seq,
          `the form the centre delivered differs from the sitting's form for seed ${String(p.seed)}.`,
        );
      const inserted = await tx
        .insert(candidateSessions)
        .values({
          id: sessionId,
          sittingCandidateId: candidate.id,
          sittingId,
          seed: Number(p.seed),
          form,
          state: 'in_progress',
          startedAt: new Date(entry.at),
        })
        .onConflictDoNothing()
        .returning({ id: candidateSessions.id });
      if (!inserted.length) {
        const [held] = await tx
          .select({ id: candidateSessions.id })
          .from(candidateSessions)
          .where(eq(candidateSessions.sittingCandidateId, candidate.id));
        if (held?.id !== sessionId)
          throw refuse(
            entry.seq,
            `candidate ${candidate.id} already has session ${held?.id ?? '?'} on this engine.`,
          );
      }
    } else if (entry.kind === 'save') {
      await tx
        .insert(responses)
        .values({
          sessionId,
          itemRef: String(p.itemRef),
          clientSeq: Number(p.seq),
          value: p.value,
          clientTime: typeof p.clientTime === 'string' ? new Date(p.clientTime) : null,
          savedAt: new Date(String(p.savedAt ?? entry.at)),
        })
        .onConflictDoNothing();
    } else if (entry.kind === 'submit') {
      const closed = await tx
        .update(candidateSessions)
        .set({
          state: 'submitted',
          submittedAt: new Date(String(p.submittedAt ?? entry.at)),
          submittedBy: typeof p.submittedBy === 'string' ? p.submittedBy : 'centre',
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(candidateSessions.id, sessionId),
            inArray(candidateSessions.state, ['checked_in', 'in_progress', 'paused']),
          ),
        )
        .returning({ id: candidateSessions.id });
      submitted.push(...closed.map((c) => c.id));
    }
  }
  return submitted;
}
