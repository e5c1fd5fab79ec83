/**
 * The central engine's check of a batch of a centre's result log before import. A batch may start
 * anywhere: entries the central engine already holds are compared with what it holds (identical:
 * skipped, so a replayed or resumed sync is harmless; different: refused), and the new ones must
 * continue the chain from its head without a gap. Each entry must name the uploading centre and
 * the sitting, match its hash and carry that centre's signature. One bad entry refuses the batch.
 */
import type { KeyObject } from 'node:crypto';
import { centreErrors } from './centre-errors.ts';
import { LOG_GENESIS_HASH, LogEntry, hashLogEntry, logSignatureValid } from './result-log.ts';

export interface ChainState {
  centreId: string;
  sittingId: string;
  centrePublicKey: KeyObject;
  /** The last entry the central engine holds (none yet: undefined). */
  head?: { seq: number; hash: string };
  /** Hashes of held entries at the seqs the batch names (at or below the head). */
  held: ReadonlyMap<number, string>;
}

export interface VerifiedBatch {
  /** New entries, in chain order, to import. */
  fresh: LogEntry[];
  /** Entries already held, identical: not imported again. */
  skipped: number;
}

export function verifyLogBatch(batch: readonly unknown[], state: ChainState): VerifiedBatch {
  const known = new Map(state.held);
  let head = state.head ?? { seq: 0, hash: LOG_GENESIS_HASH };
  const fresh: LogEntry[] = [];
  let skipped = 0;
  batch.forEach((raw, index) => {
    const parsed = LogEntry.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw centreErrors.logMalformed(index, `${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
    const entry = parsed.data;
    if (entry.centreId !== state.centreId)
      throw centreErrors.logForeignCentre(entry.seq, entry.centreId, state.centreId);
    if (entry.sittingId !== state.sittingId)
      throw centreErrors.logOtherSitting(entry.seq, entry.sittingId, state.sittingId);
    if (hashLogEntry(entry) !== entry.hash) throw centreErrors.logEntryTampered(entry.seq);
    if (!logSignatureValid(entry, state.centrePublicKey))
      throw centreErrors.logBadSignature(entry.seq, state.centreId);
    const already = known.get(entry.seq);
    if (already !== undefined) {
      if (already !== entry.hash) throw centreErrors.logSeqConflict(entry.seq);
      skipped++;
      return;
    }
    if (entry.seq <= head.seq) throw centreErrors.logSeqConflict(entry.seq);
    if (entry.seq !== head.seq + 1) throw centreErrors.logGap(head.seq + 1, entry.seq);
    if (entry.prevHash !== head.hash) throw centreErrors.logChainBroken(entry.seq);
    fresh.push(entry);
    known.set(entry.seq, entry.hash);
    head = { seq: entry.seq, hash: entry.hash };
  });
  return { fresh, skipped };
}
