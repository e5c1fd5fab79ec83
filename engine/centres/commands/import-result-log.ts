/**
 * Central import of a batch of a centre's result log: verified against the centre's public key and
 * the chain held so far (verify-log-batch.ts), then each new entry written exactly once, with one
 * audit row, in one transaction under the chain's lock. A replayed or resumed batch imports only
 * what is new; a refused batch writes nothing but an audit row saying why.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { centreErrors } from '../centre-errors.ts';
import { publicKeyOf } from '../ed25519.ts';
import { chainHead, heldHashes, lockChain, rowOf } from '../result-log-store.ts';
import type { LogEntry } from '../result-log.ts';
import { applyLogEntries } from '../central/apply-log-entries.ts';
import { centres, deferredLogEntries, resultLogEntries } from '../tables.ts';
import { verifyLogBatch } from '../verify-log-batch.ts';

export interface ImportResultLogInput {
  /** The centre sending the batch (authenticated by its credential). */
  centreId: string;
  sittingId: string;
  entries: readonly unknown[];
  /** How the batch came: over the line (default) or in a USB file imported by the exam board. */
  via?: 'sync' | 'file';
  /** The staff member who imported a file (its audit row names them). */
  importedBy?: string;
}

/** What applying left waiting: entries kept for their session's open, and entries applied after it. */
export interface ApplyOutcome {
  deferred: number;
  recovered: number;
}

/** Applies the new entries in the import's own transaction (the central sessions, answers and submits). */
export type ApplyLogEntries = (tx: Executor, fresh: LogEntry[]) => Promise<ApplyOutcome | void>;

/** Sessions waiting for their open named in one answer (the rest in later ones). */
const MAX_AWAITING_NAMED = 500;

export interface ImportedBatch {
  imported: number;
  skipped: number;
  /** The chain's last entry held centrally after the import. */
  head?: { seq: number; hash: string };
  /** Entries of this batch kept waiting for their session's open, and earlier ones applied now. */
  deferred: number;
  recovered: number;
  /**
   * Sessions of the chain with entries waiting for their open: the centre logs their open again
   * (so a lost open never blocks the log, and what waits is applied when it comes).
   */
  awaitingOpen: string[];
}

const viaDetails = (input: ImportResultLogInput) =>
  input.via === 'file' ? { via: 'file', importedBy: input.importedBy ?? null } : {};

export async function importResultLog(
  db: Database,
  input: ImportResultLogInput,
  context: CommandContext = {},
  apply?: ApplyLogEntries,
): Promise<ImportedBatch> {
  const chain = { centreId: input.centreId, sittingId: input.sittingId };
  const seqs = input.entries
    .map((e) => (e as { seq?: unknown } | null)?.seq)
    .filter((s): s is number => Number.isSafeInteger(s));
  let organisationId: string | undefined;
  try {
    return await db.transaction(async (tx) => {
      const [centre] = await tx
        .select({ publicKey: centres.publicKey, organisationId: centres.organisationId })
        .from(centres)
        .where(eq(centres.id, input.centreId));
      if (!centre) throw centreErrors.unknownCentre(input.centreId);
      organisationId = centre.organisationId;
      await lockChain(tx, chain);
      const head = await chainHead(tx, chain);
      const held = await heldHashes(
        tx,
        chain,
        seqs.filter((s) => head && s <= head.seq),
      );
      const { fresh, skipped } = verifyLogBatch(input.entries, {
        ...chain,
        centrePublicKey: publicKeyOf(centre.publicKey),
        head,
        held,
      });
      if (fresh.length) await tx.insert(resultLogEntries).values(fresh.map(rowOf));
      const outcome = (fresh.length && apply ? await apply(tx, fresh) : undefined) ?? {
        deferred: 0,
        recovered: 0,
      };
      const awaitingOpen = (
        await tx
          .selectDistinct({ sessionId: deferredLogEntries.sessionId })
          .from(deferredLogEntries)
          .where(
            and(
              eq(deferredLogEntries.centreId, chain.centreId),
              eq(deferredLogEntries.sittingId, chain.sittingId),
              isNull(deferredLogEntries.appliedAt),
            ),
          )
          .limit(MAX_AWAITING_NAMED)
      ).map((r) => r.sessionId);
      const last = fresh.at(-1);
      await appendAudit(tx, {
        actorRole: 'centre',
        action: 'centre.log_import',
        subjectType: 'centre',
        subjectId: input.centreId,
        organisationId,
        ip: context.ip,
        details: {
          sittingId: input.sittingId,
          ...viaDetails(input),
          imported: fresh.length,
          skipped,
          fromSeq: fresh[0]?.seq ?? null,
          toSeq: last?.seq ?? null,
          ...(outcome.deferred || outcome.recovered
            ? {
                deferred: outcome.deferred,
                recovered: outcome.recovered,
                deferredReason: 'session_not_opened',
                awaitingOpen: awaitingOpen.length,
              }
            : {}),
        },
      });
      return {
        imported: fresh.length,
        skipped,
        head: last ? { seq: last.seq, hash: last.hash } : head,
        ...outcome,
        awaitingOpen,
      };
    });
  } catch (error) {
    // A refusal is worth a record of its own (the import's transaction rolled back).
    if (error instanceof AppError && error.id.startsWith('log_'))
      await db.transaction((tx) =>
        appendAudit(tx, {
          actorRole: 'centre',
          action: 'centre.log_refused',
          subjectType: 'centre',
          subjectId: input.centreId,
          organisationId: organisationId ?? null,
          ip: context.ip,
          details: {
            sittingId: input.sittingId,
            ...viaDetails(input),
            error: error.id,
            message: error.message,
          },
        }),
      );
    throw error;
  }
}

/**
 * The one import of a centre's log on the central engine, over the line (centre-sync.ts) and from a
 * USB file (import-log-file.ts) alike: verified and imported exactly once, applied in the same
 * transaction (sessions, answers, submits), and the sessions submitted handed to scoring after commit.
 */
export async function importAndApplyResultLog(
  db: Database,
  input: ImportResultLogInput,
  context: CommandContext = {},
  onSubmitted?: (sessionId: string) => void,
): Promise<ImportedBatch> {
  const submitted: string[] = [];
  const batch = await importResultLog(db, input, context, async (tx, fresh) => {
    const applied = await applyLogEntries(tx, fresh);
    submitted.push(...applied.submitted);
    return applied;
  });
  for (const sessionId of submitted) onSubmitted?.(sessionId);
  return batch;
}
