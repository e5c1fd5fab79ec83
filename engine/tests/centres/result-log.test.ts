/**
 * The signed result log from a centre node to the central engine, on two real databases: each
 * refusal (tampered entry, forged signature, broken chain, a different entry at a used seq, a log
 * from another centre, a gap) has its own error and writes nothing; a replay imports nothing twice;
 * a sync cut halfway and run again ends with every entry exactly once.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations } from '../../people/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { importResultLog } from '../../centres/commands/import-result-log.ts';
import { registerCentre } from '../../centres/commands/register-centre.ts';
import { generateSigningKeyPair, privateKeyOf } from '../../centres/ed25519.ts';
import { LOG_GENESIS_HASH, nextLogEntry, signLogEntry, type LogEntry } from '../../centres/result-log.ts';
import { appendLogEntry, chainHead, readLogEntries } from '../../centres/result-log-store.ts';
import { resultLogEntries } from '../../centres/tables.ts';

let central: TestEngine;
let node: TestEngine;
let centreA: string;
let centreB: string;
let keyA: KeyObject;
let keyB: KeyObject;

async function refusalOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A save the centre acknowledged, as the log holds it. */
const save = (n: number) => ({
  kind: 'save' as const,
  payload: { sessionId: `s-${n % 7}`, itemRef: `Q${n % 11}`, clientSeq: n, value: { RESPONSE: `A${n}` } },
});

/** Appends `count` entries to the centre's chain for a sitting, on the centre node's database. */
async function centreLog(sittingId: string, count: number, centreId = centreA, key = keyA) {
  for (let n = 1; n <= count; n++)
    await appendLogEntry(node.deps.db, { ...save(n), centreId, sittingId }, key);
  return readLogEntries(node.deps.db, { centreId, sittingId, limit: 10_000 });
}

const held = (sittingId: string, centreId = centreA) =>
  central.deps.db
    .select({ seq: resultLogEntries.seq, hash: resultLogEntries.hash })
    .from(resultLogEntries)
    .where(and(eq(resultLogEntries.centreId, centreId), eq(resultLogEntries.sittingId, sittingId)))
    .orderBy(asc(resultLogEntries.seq));

const push = (sittingId: string, entries: readonly unknown[], centreId = centreA) =>
  importResultLog(central.deps.db, { centreId, sittingId, entries });

beforeAll(async () => {
  [central, node] = await Promise.all([createTestEngine(), createTestEngine()]);
  const tree = await buildOrganisationTree(central.deps.db);
  const [school] = await central.deps.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, tree.schoolA.id));
  const secrets = { keySecret: central.config.auditKey };
  const pairA = generateSigningKeyPair();
  const pairB = generateSigningKeyPair();
  keyA = privateKeyOf(pairA.privateKeyDer);
  keyB = privateKeyOf(pairB.privateKeyDer);
  centreA = (
    await registerCentre(
      central.deps.db,
      null,
      { organisationId: school!.id, name: 'A', publicKey: pairA.publicKey },
      secrets,
    )
  ).centreId;
  centreB = (
    await registerCentre(
      central.deps.db,
      null,
      { organisationId: school!.id, name: 'B', publicKey: pairB.publicKey },
      secrets,
    )
  ).centreId;
});
afterAll(async () => {
  await Promise.all([central?.dispose(), node?.dispose()]);
});

describe('the signed result log', () => {
  it('the centre chains and signs its entries; the central engine imports a verified batch once, and a replay imports nothing', async () => {
    const sittingId = randomUUID();
    const log = await centreLog(sittingId, 12);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(log[0]!.prevHash).toBe(LOG_GENESIS_HASH);
    for (let i = 1; i < log.length; i++) expect(log[i]!.prevHash).toBe(log[i - 1]!.hash);

    expect(await push(sittingId, log)).toMatchObject({ imported: 12, skipped: 0, head: { seq: 12 } });
    // Replayed whole, or in part with new entries after it: identical entries are skipped, never doubled.
    expect(await push(sittingId, log)).toMatchObject({ imported: 0, skipped: 12, head: { seq: 12 } });
    const more = await centreLog(sittingId, 3);
    const tail = (await readLogEntries(node.deps.db, { centreId: centreA, sittingId, afterSeq: 10 })).slice(
      0,
      5,
    );
    expect(more).toHaveLength(15);
    expect(await push(sittingId, tail)).toMatchObject({ imported: 3, skipped: 2, head: { seq: 15 } });
    expect((await held(sittingId)).map((r) => r.hash)).toEqual(more.map((e) => e.hash));
  });

  describe('refusals: each its own error, and nothing of the batch is written', () => {
    let sittingId: string;
    let log: LogEntry[];
    let next: LogEntry[];
    beforeAll(async () => {
      sittingId = randomUUID();
      log = await centreLog(sittingId, 8);
      await push(sittingId, log.slice(0, 5));
      next = log.slice(5);
    });
    const expectRefused = async (entries: unknown[], id: string, centreId = centreA) => {
      const before = await held(sittingId);
      const refused = await refusalOf(() => push(sittingId, entries, centreId));
      expect(refused.id).toBe(id);
      expect(await held(sittingId)).toEqual(before);
      return refused;
    };

    it('a tampered entry (content changed, hash kept) is refused as tampered', async () => {
      const tampered = { ...next[0]!, payload: { ...next[0]!.payload, value: { RESPONSE: 'Z' } } };
      const refused = await expectRefused([tampered, ...next.slice(1)], 'log_entry_tampered');
      expect(refused.details).toEqual({ seq: 6 });
    });

    it('an entry re-hashed by someone without the centre key is refused for its signature', async () => {
      const forged = { ...next[0]!, payload: { ...next[0]!.payload, value: { RESPONSE: 'Z' } } };
      const rehashed = { ...signLogEntry(forged, keyB), signature: next[0]!.signature };
      await expectRefused([rehashed], 'log_bad_signature');
    });

    it('a broken chain (an entry that does not follow the one before) is refused', async () => {
      // Properly signed by the centre's key, but chained onto something else.
      const stray = signLogEntry({ ...next[0]!, prevHash: 'a'.repeat(64) }, keyA);
      await expectRefused([stray], 'log_chain_broken');
      // Or an entry dropped from the middle of a batch and the rest renumbered... the chain shows it too.
      const renumbered = signLogEntry({ ...next[1]!, seq: 6 }, keyA);
      await expectRefused([renumbered], 'log_chain_broken');
    });

    it('a different entry at a seq already imported is refused (an identical one would be skipped)', async () => {
      const rewritten = signLogEntry(
        { ...log[2]!, payload: { ...log[2]!.payload, value: { RESPONSE: 'rewritten' } } },
        keyA,
      );
      const refused = await expectRefused([rewritten], 'log_seq_conflict');
      expect(refused.details).toEqual({ seq: 3 });
      expect(await push(sittingId, [log[2]!])).toMatchObject({ imported: 0, skipped: 1 });
    });

    it('a log from another centre is refused: entries naming it, or entries claiming this centre under its key', async () => {
      const theirs = nextLogEntry(undefined, { ...save(1), centreId: centreB, sittingId }, keyB);
      const foreign = await expectRefused([theirs], 'log_foreign_centre');
      expect(foreign.details).toMatchObject({ claimed: centreB, expected: centreA });
      // Centre B relabels its entries as centre A's: the signature is B's, not A's.
      const relabelled = signLogEntry({ ...next[0]!, centreId: centreA }, keyB);
      await expectRefused([relabelled, ...next.slice(1)], 'log_bad_signature');
      // Nor may entries of one sitting be filed under another.
      const otherSitting = await refusalOf(() => push(randomUUID(), next));
      expect(otherSitting.id).toBe('log_other_sitting');
    });

    it('a gap (the batch does not start right after what the central engine holds) is refused', async () => {
      const refused = await expectRefused(next.slice(1), 'log_gap');
      expect(refused.details).toEqual({ expected: 6, got: 7 });
      await expectRefused([next[0]!, next[2]!], 'log_gap');
    });

    it('a malformed entry is refused as such', async () => {
      await expectRefused([{ ...next[0]!, signature: 'not base64!' }], 'log_malformed');
      await expectRefused([{ ...next[0]!, extra: 1 }], 'log_malformed');
    });

    it('after all those refusals the right batch still imports, and each refusal was audited', async () => {
      expect(await push(sittingId, next)).toMatchObject({ imported: 3, head: { seq: 8 } });
      const refusals = await central.deps.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.action, 'centre.log_refused'));
      const ids = refusals.map((r) => (r.details as { error: string }).error);
      expect(new Set(ids)).toEqual(
        new Set([
          'log_entry_tampered',
          'log_bad_signature',
          'log_chain_broken',
          'log_seq_conflict',
          'log_foreign_centre',
          'log_other_sitting',
          'log_gap',
          'log_malformed',
        ]),
      );
    });
  });

  it('a sync cut halfway, with a batch lost in flight, then run again ends in the same state: every entry exactly once', async () => {
    const sittingId = randomUUID();
    const log = await centreLog(sittingId, 50);
    // The sync: ask the central head, send what follows, `size` at a time; `cutAfter` batches then the line drops.
    const sync = async (size: number, cutAfter = Infinity) => {
      for (let batch = 0; batch < cutAfter; batch++) {
        const head = await chainHead(central.deps.db, { centreId: centreA, sittingId });
        const entries = await readLogEntries(node.deps.db, {
          centreId: centreA,
          sittingId,
          afterSeq: head?.seq ?? 0,
          limit: size,
        });
        if (!entries.length) return;
        await push(sittingId, entries);
      }
    };
    await sync(10, 2);
    expect((await held(sittingId)).length).toBe(20);
    // A batch that reached the central engine but whose answer was lost: the centre sends it again.
    expect(await push(sittingId, log.slice(10, 20))).toMatchObject({ imported: 0, skipped: 10 });
    // A batch cut inside (its last entry arrived damaged): refused whole, nothing of it kept.
    const damaged = [
      ...log.slice(20, 29),
      { ...log[29]!, hash: log[29]!.hash.replace(/.$/, (c) => (c === '0' ? '1' : '0')) },
    ];
    expect((await refusalOf(() => push(sittingId, damaged))).id).toBe('log_entry_tampered');
    expect((await held(sittingId)).length).toBe(20);
    // Run again, with other batch sizes and from the start: the same end state as one clean sync.
    await push(sittingId, log.slice(0, 25));
    await sync(7);
    await sync(7);
    const rows = await held(sittingId);
    expect(rows.map((r) => r.seq)).toEqual(log.map((e) => e.seq));
    expect(rows.map((r) => r.hash)).toEqual(log.map((e) => e.hash));
    const cleanSitting = randomUUID();
    const clean = await centreLog(cleanSitting, 50);
    await push(cleanSitting, clean);
    expect((await held(cleanSitting)).length).toBe(50);
  });

  it('the centre writes its chain one entry at a time even when saves arrive together', async () => {
    const sittingId = randomUUID();
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        appendLogEntry(node.deps.db, { ...save(n + 1), centreId: centreA, sittingId }, keyA),
      ),
    );
    const log = await readLogEntries(node.deps.db, { centreId: centreA, sittingId });
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await push(sittingId, log)).toMatchObject({ imported: 20 });
  });
});
