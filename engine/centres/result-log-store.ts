/**
 * The result log in the database, on both sides: the centre appends to its chains (one writer at a
 * time per chain, under a transaction-level advisory lock) and reads them out for the sync; the
 * central engine reads a chain's head and the entries it already holds before an import.
 */
import type { KeyObject } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../platform/db/database.ts';
import { nextLogEntry, type LogEntry, type LogEntryContent } from './result-log.ts';
import { resultLogEntries } from './tables.ts';

export interface ChainRef {
  centreId: string;
  sittingId: string;
}

const ofChain = (chain: ChainRef) =>
  and(eq(resultLogEntries.centreId, chain.centreId), eq(resultLogEntries.sittingId, chain.sittingId));

/** Serialises writers of one chain until the transaction ends. */
export const lockChain = (tx: Executor, chain: ChainRef) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${chain.centreId}), hashtext(${chain.sittingId}))`);

export async function chainHead(
  db: Executor,
  chain: ChainRef,
): Promise<{ seq: number; hash: string } | undefined> {
  const [row] = await db
    .select({ seq: resultLogEntries.seq, hash: resultLogEntries.hash })
    .from(resultLogEntries)
    .where(ofChain(chain))
    .orderBy(desc(resultLogEntries.seq))
    .limit(1);
  return row;
}

export async function heldHashes(
  db: Executor,
  chain: ChainRef,
  seqs: number[],
): Promise<Map<number, string>> {
  if (!seqs.length) return new Map();
  const rows = await db
    .select({ seq: resultLogEntries.seq, hash: resultLogEntries.hash })
    .from(resultLogEntries)
    .where(and(ofChain(chain), inArray(resultLogEntries.seq, seqs)));
  return new Map(rows.map((r) => [r.seq, r.hash]));
}

export const rowOf = (entry: LogEntry): typeof resultLogEntries.$inferInsert => ({
  centreId: entry.centreId,
  sittingId: entry.sittingId,
  seq: entry.seq,
  prevHash: entry.prevHash,
  hash: entry.hash,
  kind: entry.kind,
  payload: entry.payload,
  at: new Date(entry.at),
  signature: entry.signature,
});

const entryOf = (row: typeof resultLogEntries.$inferSelect): LogEntry => ({
  seq: row.seq,
  prevHash: row.prevHash,
  kind: row.kind,
  payload: row.payload as LogEntry['payload'],
  centreId: row.centreId,
  sittingId: row.sittingId,
  at: row.at.toISOString(),
  hash: row.hash,
  signature: row.signature,
});

/** A chain's entries after `afterSeq`, in order (what a sync sends, `limit` at a time). */
export async function readLogEntries(
  db: Executor,
  chain: ChainRef & { afterSeq?: number; limit?: number },
): Promise<LogEntry[]> {
  const rows = await db
    .select()
    .from(resultLogEntries)
    .where(and(ofChain(chain), gt(resultLogEntries.seq, chain.afterSeq ?? 0)))
    .orderBy(asc(resultLogEntries.seq))
    .limit(chain.limit ?? 1000);
  return rows.map(entryOf);
}

/**
 * On a centre: appends one acknowledged save, event or submit to its chain, signed with the centre's
 * key, durable when this resolves (the answer may then be acknowledged to the candidate).
 */
export async function appendLogEntry(
  db: Database,
  entry: Pick<LogEntryContent, 'kind' | 'payload' | 'centreId' | 'sittingId'> & { at?: Date },
  centreKey: KeyObject,
): Promise<LogEntry> {
  return db.transaction(async (tx) => {
    await lockChain(tx, entry);
    const signed = nextLogEntry(await chainHead(tx, entry), entry, centreKey);
    await tx.insert(resultLogEntries).values(rowOf(signed));
    return signed;
  });
}
