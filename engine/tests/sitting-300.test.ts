/**
 * The delivery acceptance run: 300 virtual candidates (socket.io-client) take a sitting of real
 * QTI items (choice single and multiple, text entry with a mapping, order, match) stored through
 * the item bank and delivered by the real engine: check in, answer every item twice, drop and
 * resume mid-exam, submit. Afterwards the database holds every acknowledged response, and each
 * stored result equals scoring the stored latest responses again with the grading engine.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileItem, type CompiledItem } from '../../grading/index.ts';
import { rowsOf } from '../platform/db/rows.ts';
import type { ItemResponses } from '../protocol/candidate.ts';
import { buildOrganisationTree } from './support/factories.ts';
import {
  QTI_ITEM_KINDS,
  buildQtiItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  qtiAnswersOf,
  request,
  type CandidateClient,
} from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

const CANDIDATES = 300;
const ITEMS = 2 * QTI_ITEM_KINDS.length;

let engine: TestEngine;
let port: number;
let sitting: Awaited<ReturnType<typeof buildSitting>>;

beforeAll(async () => {
  // The engine's own candidate projection and QTI scorer: no stand-ins.
  engine = await createTestEngine({}, { sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  const tree = await buildOrganisationTree(engine.deps.db);
  const items = await buildQtiItems(engine, tree, ITEMS);
  sitting = await buildSitting(engine, tree, items, { students: CANDIDATES });
}, 120_000);
afterAll(() => engine.dispose());

/** Runs `task` over `list` with at most `limit` at a time. */
async function pool<T>(list: T[], limit: number, task: (value: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < list.length) {
        const i = next++;
        await task(list[i]!, i);
      }
    }),
  );
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

interface StoredResult {
  session_id: string;
  raw_score: number;
  outcomes: Record<string, { score: number; weight: number; outcomes: Record<string, unknown> }> | string;
}

/** Scores every submitted session again from the database alone: its form, seed, latest responses and item models. */
async function rescoreStoredResponses() {
  const db = engine.deps.db;
  const sessions = rowsOf<{
    id: string;
    seed: number;
    form: { entries: Array<{ itemRef: string; itemVersionId: string; weight: number }> } | string;
  }>(await db.execute(sql`select id, seed, form from candidate_sessions`));
  const latest = new Map<string, ItemResponses>();
  for (const row of rowsOf<{ session_id: string; item_ref: string; value: ItemResponses | string }>(
    await db.execute(sql`
      select distinct on (session_id, item_ref) session_id, item_ref, value
      from responses order by session_id, item_ref, client_seq desc`),
  ))
    latest.set(`${row.session_id}/${row.item_ref}`, parsed(row.value));
  const compiled = new Map<string, CompiledItem>();
  for (const row of rowsOf<{ id: string; model: unknown }>(
    await db.execute(sql`select id, model from item_versions`),
  ))
    compiled.set(row.id, compileItem(parsed(row.model) as Parameters<typeof compileItem>[0]));
  const rescored = new Map<string, { raw: number; items: Record<string, Record<string, unknown>> }>();
  for (const session of sessions) {
    const items: Record<string, Record<string, unknown>> = {};
    let raw = 0;
    for (const entry of parsed(session.form).entries) {
      const outcomes = compiled
        .get(entry.itemVersionId)!
        .scoreJson(latest.get(`${session.id}/${entry.itemRef}`) ?? {}, Number(session.seed));
      items[entry.itemRef] = outcomes;
      raw += (outcomes.SCORE as number) * entry.weight;
    }
    rescored.set(session.id, { raw, items });
  }
  return rescored;
}

describe(`a sitting of ${CANDIDATES} virtual candidates on real QTI items`, () => {
  it('checks in, answers every item, drops and resumes, submits; every acknowledged answer is stored and every result equals scoring the stored answers again', async () => {
    const acknowledged = new Map<string, Map<string, { seq: number; responses: ItemResponses }>>();
    await pool(sitting.candidates, 50, async (candidate, index) => {
      const { sessionToken, sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
      const mine = new Map<string, { seq: number; responses: ItemResponses }>();
      acknowledged.set(sessionId, mine);
      let socket: CandidateClient = await connectCandidate(port, sessionToken, {
        deviceId: `d${index}`,
        tabId: 't',
      });
      const started = await request(socket, 'session:start', {});
      if (!started.ok) throw new Error(JSON.stringify(started));
      for (const entry of started.snapshot.form) {
        const fetched = await request(socket, 'item:fetch', { position: entry.position });
        if (!fetched.ok) throw new Error(JSON.stringify(fetched));
        expect(JSON.stringify(fetched.item)).toContain(`Câu ${entry.itemRef}`);
        const answers = qtiAnswersOf(entry.itemRef);
        for (let seq = 1; seq <= 2; seq++) {
          // The last answers differ between candidates: right, partly right (mappings) and wrong.
          const responses = { RESPONSE: answers[(index + entry.position + seq) % answers.length]! };
          const ack = await request(socket, 'response:save', { itemRef: entry.itemRef, seq, responses });
          if (ack.ok) mine.set(entry.itemRef, { seq, responses });
        }
        if (entry.position === Math.floor(ITEMS / 2)) {
          // The network drops mid-exam; the candidate comes back and resumes from the database.
          socket.disconnect();
          socket = await connectCandidate(port, sessionToken, { deviceId: `d${index}`, tabId: 't' });
          const resumed = await request(socket, 'session:resume', {});
          if (!resumed.ok) throw new Error('resume failed');
          expect(resumed.snapshot.responses).toEqual(Object.fromEntries(mine));
        }
      }
      const submitted = await request(socket, 'submit', { confirm: true });
      expect(submitted).toMatchObject({ ok: true, state: 'submitted' });
      socket.disconnect();
    });

    // Every acknowledged save is in the database, every version of it, with the content sent.
    const db = engine.deps.db;
    const total = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from responses`))[0]!
      .n;
    expect(total).toBe(CANDIDATES * ITEMS * 2);
    const latest = rowsOf<{ session_id: string; item_ref: string; client_seq: number; value: unknown }>(
      await db.execute(sql`
        select distinct on (session_id, item_ref) session_id, item_ref, client_seq, value
        from responses order by session_id, item_ref, client_seq desc`),
    );
    expect(latest).toHaveLength(CANDIDATES * ITEMS);
    for (const row of latest)
      expect({ seq: Number(row.client_seq), responses: parsed(row.value) }).toEqual(
        acknowledged.get(row.session_id)!.get(row.item_ref),
      );

    await engine.scoring.idle();
    const states = rowsOf<{ state: string; n: number }>(
      await db.execute(sql`select state::text, count(*)::int as n from candidate_sessions group by state`),
    );
    expect(states).toEqual([{ state: 'scored', n: CANDIDATES }]);

    // Each stored result equals the grading engine run again over the stored latest responses.
    const rescored = await rescoreStoredResponses();
    const results = rowsOf<StoredResult>(
      await db.execute(sql`select session_id, raw_score, outcomes from session_results where version = 1`),
    );
    expect(results).toHaveLength(CANDIDATES);
    const itemScores: number[] = [];
    for (const result of results) {
      const again = rescored.get(result.session_id)!;
      const stored = parsed(result.outcomes);
      expect(Object.keys(stored).sort()).toEqual(Object.keys(again.items).sort());
      for (const [ref, outcomes] of Object.entries(again.items)) {
        expect(stored[ref]!.outcomes, `${result.session_id} ${ref}`).toEqual(outcomes);
        expect(stored[ref]!.score).toBe(outcomes.SCORE);
        itemScores.push(outcomes.SCORE as number);
      }
      expect(Number(result.raw_score)).toBeCloseTo(again.raw, 4);
    }
    // The run exercised right, wrong and partial credit (the mappings), and the totals differ.
    expect(new Set(itemScores)).toEqual(new Set([0, 0.5, 1, 1.5, 2]));
    expect(new Set(results.map((r) => Number(r.raw_score))).size).toBeGreaterThan(3);
    const stats = engine.writer.stats;
    console.log(`saves ${stats.saves} in ${stats.batches} group commits (largest ${stats.largestBatch})`);
  }, 240_000);
});
