/**
 * On the central engine, inside a result-log import's transaction: the new entries become the
 * sessions, answers and submits the central engine holds, exactly as if the candidates had sat
 * centrally. A `session_open` event makes the session under the centre's id, its form assembled
 * again from the central form spec with the centre's seed and parallel form (so weights and test
 * outcome processing, which never left, apply) and checked against the form the centre delivered;
 * a save is an answer row (kept once: the key is session, item and client sequence); a submit
 * closes the session, and the sessions submitted are scored once the import has committed.
 *
 * A save or submit whose session has no open yet (a node that lost the open) is not refused, which
 * would block every later entry of the chain for good: it is kept in centre_deferred_log_entries with
 * its reason, the rest of the batch goes on, and the sync answer names the sessions waiting so the
 * node logs their open again; when it arrives, the waiting entries are applied in log order.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { candidateSessions, responses } from '../../delivery/tables.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { FormSpec, type AssembledForm } from '../../sittings/form.ts';
import { assembleCandidateForm } from '../../sittings/parallel-forms.ts';
import { sittingCandidates, sittings } from '../../sittings/tables.ts';
import type { LogEntry } from '../result-log.ts';
import { deferredLogEntries, resultLogEntries } from '../tables.ts';

const refuse = (seq: number, message: string) =>
  new AppError(422, 'log_entry_refused', `Log entry ${seq} cannot be applied: ${message}`, { seq });

const sameDelivery = (a: AssembledForm, b: AssembledForm) =>
  a.entries.length === b.entries.length &&
  a.entries.every(
    (e, i) => e.itemRef === b.entries[i]!.itemRef && e.itemVersionId === b.entries[i]!.itemVersionId,
  );

/** What an import applied beyond its answers: the sessions to score and the entries kept waiting. */
export interface AppliedEntries {
  /** Sessions submitted by the entries (to score after commit). */
  submitted: string[];
  /** Entries kept waiting for their session's open (centre_deferred_log_entries). */
  deferred: number;
  /** Entries that had waited and were applied now that their session's open arrived. */
  recovered: number;
}

type Applicable = Pick<LogEntry, 'seq' | 'kind' | 'payload' | 'at'>;

const Uuid = z.uuid();

const carriesSession = (entry: LogEntry) =>
  entry.kind !== 'event' || (entry.payload as Record<string, unknown>).type === 'session_open';

/** Applies entries in the import's transaction. */
export async function applyLogEntries(tx: Executor, fresh: LogEntry[]): Promise<AppliedEntries> {
  const applied: AppliedEntries = { submitted: [], deferred: 0, recovered: 0 };
  const first = fresh[0];
  if (!first) return applied;
  const { sittingId, centreId } = first;
  const [sitting] = await tx.select().from(sittings).where(eq(sittings.id, sittingId));
  if (!sitting) throw refuse(first.seq, `sitting ${sittingId} is not on this engine.`);
  const spec = FormSpec.parse(sitting.formSpec);
  const chain = and(eq(deferredLogEntries.centreId, centreId), eq(deferredLogEntries.sittingId, sittingId));
  const sessionOf = (entry: Applicable) => {
    const id = Uuid.safeParse((entry.payload as Record<string, unknown>).sessionId);
    if (!id.success) throw refuse(entry.seq, 'its sessionId is not a session id.');
    return id.data;
  };

  // Sessions the batch names that exist here already, and those of this chain waiting for their open.
  const named = [...new Set(fresh.filter(carriesSession).map(sessionOf))];
  const existing = new Set(
    (named.length === 0
      ? []
      : await tx
          .select({ id: candidateSessions.id })
          .from(candidateSessions)
          .where(and(inArray(candidateSessions.id, named), eq(candidateSessions.sittingId, sittingId)))
    ).map((r) => r.id),
  );
  const waiting = new Set(
    (
      await tx
        .selectDistinct({ sessionId: deferredLogEntries.sessionId })
        .from(deferredLogEntries)
        .where(and(chain, isNull(deferredLogEntries.appliedAt)))
    ).map((r) => r.sessionId),
  );

  const applyAnswer = async (entry: Applicable, sessionId: string) => {
    const p = entry.payload as Record<string, unknown>;
    if (entry.kind === 'save') {
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
      applied.submitted.push(...closed.map((c) => c.id));
    }
  };

  /** The session's open has arrived: its waiting entries are applied in log order. */
  const applyWaiting = async (sessionId: string) => {
    const rows = await tx
      .select({
        seq: resultLogEntries.seq,
        kind: resultLogEntries.kind,
        payload: resultLogEntries.payload,
        at: resultLogEntries.at,
      })
      .from(deferredLogEntries)
      .innerJoin(
        resultLogEntries,
        and(
          eq(resultLogEntries.centreId, deferredLogEntries.centreId),
          eq(resultLogEntries.sittingId, deferredLogEntries.sittingId),
          eq(resultLogEntries.seq, deferredLogEntries.seq),
        ),
      )
      .where(and(chain, eq(deferredLogEntries.sessionId, sessionId), isNull(deferredLogEntries.appliedAt)))
      .orderBy(asc(deferredLogEntries.seq));
    for (const row of rows)
      await applyAnswer(
        { ...row, payload: row.payload as LogEntry['payload'], at: row.at.toISOString() },
        sessionId,
      );
    await tx
      .update(deferredLogEntries)
      .set({ appliedAt: new Date() })
      .where(and(chain, eq(deferredLogEntries.sessionId, sessionId), isNull(deferredLogEntries.appliedAt)));
    applied.recovered += rows.length;
    waiting.delete(sessionId);
  };

  for (const entry of fresh) {
    if (!carriesSession(entry)) continue;
    const p = entry.payload as Record<string, unknown>;
    const sessionId = sessionOf(entry);
    if (entry.kind === 'event' && p.type === 'session_open') {
      await openSession(tx, entry, spec, sessionId);
      existing.add(sessionId);
      if (waiting.has(sessionId)) await applyWaiting(sessionId);
    } else if (entry.kind === 'save' || entry.kind === 'submit') {
      if (existing.has(sessionId)) {
        await applyAnswer(entry, sessionId);
        continue;
      }
      // No open for this session before it: kept, with the reason, until the open comes (never refused,
      // which would block every later entry of the chain).
      await tx
        .insert(deferredLogEntries)
        .values({ centreId, sittingId, seq: entry.seq, sessionId, reason: 'session_not_opened' })
        .onConflictDoNothing();
      waiting.add(sessionId);
      applied.deferred++;
    }
  }
  return applied;
}

/** A `session_open` event: the session under the centre's id, its form assembled again centrally. */
async function openSession(tx: Executor, entry: LogEntry, spec: FormSpec, sessionId: string) {
  const p = entry.payload as Record<string, unknown>;
  const sittingId = entry.sittingId;
  const centreForm = p.form as unknown as AssembledForm;
  const [candidate] = await tx
    .select({ id: sittingCandidates.id })
    .from(sittingCandidates)
    .where(
      and(eq(sittingCandidates.id, String(p.sittingCandidateId)), eq(sittingCandidates.sittingId, sittingId)),
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
}
