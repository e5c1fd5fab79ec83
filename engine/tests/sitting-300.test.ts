import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../audit/audit-log.ts';
import { buildOrganisationTree } from '../test/factories.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  testProjection,
  type CandidateClient,
} from '../test/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../test/test-engine.ts';

const CANDIDATES = 300;
const ITEMS = 10;

let engine: TestEngine;
let port: number;
let sitting: Awaited<ReturnType<typeof buildSitting>>;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  const tree = await buildOrganisationTree(engine.deps.db);
  const items = await buildItems(engine, tree, ITEMS);
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

describe(`a sitting of ${CANDIDATES} virtual candidates`, () => {
  it('checks in, answers every item, drops and resumes, submits; the database holds every acknowledged answer', async () => {
    const acknowledged = new Map<string, Map<string, { seq: number; value: string }>>();
    await pool(sitting.candidates, 50, async (candidate, index) => {
      const { sessionToken, sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
      const mine = new Map<string, { seq: number; value: string }>();
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
        for (let seq = 1; seq <= 2; seq++) {
          // Some last answers are the item's key, so the scores differ between candidates.
          const value =
            seq === 2 && (index + entry.position) % 3 === 0
              ? `SECRET-KEY-${entry.itemRef.slice(1)}`
              : `choice_${(index + entry.position + seq) % 4}`;
          const ack = await request(socket, 'response:save', {
            itemRef: entry.itemRef,
            seq,
            responses: { RESPONSE: value },
          });
          if (ack.ok) mine.set(entry.itemRef, { seq, value });
        }
        if (entry.position === Math.floor(ITEMS / 2)) {
          // The network drops mid-exam; the candidate comes back and resumes from the database.
          socket.disconnect();
          socket = await connectCandidate(port, sessionToken, { deviceId: `d${index}`, tabId: 't' });
          const resumed = await request(socket, 'session:resume', {});
          if (!resumed.ok) throw new Error('resume failed');
          for (const [ref, saved] of mine)
            expect(resumed.snapshot.responses[ref]).toEqual({
              seq: saved.seq,
              responses: { RESPONSE: saved.value },
            });
        }
      }
      const submitted = await request(socket, 'submit', { confirm: true });
      expect(submitted).toMatchObject({ ok: true, state: 'submitted' });
      socket.disconnect();
    });

    const latest = rowsOf<{
      session_id: string;
      item_ref: string;
      client_seq: number;
      value: { RESPONSE: string };
    }>(
      await engine.deps.db.execute(sql`
        select distinct on (session_id, item_ref) session_id, item_ref, client_seq, value
        from responses order by session_id, item_ref, client_seq desc`),
    );
    const total = rowsOf<{ n: number }>(
      await engine.deps.db.execute(sql`select count(*)::int as n from responses`),
    )[0]!.n;
    expect(total).toBe(CANDIDATES * ITEMS * 2);
    expect(latest).toHaveLength(CANDIDATES * ITEMS);
    let checked = 0;
    for (const row of latest) {
      const expected = acknowledged.get(row.session_id)!.get(row.item_ref)!;
      const value = typeof row.value === 'string' ? JSON.parse(row.value) : row.value;
      expect({ seq: Number(row.client_seq), value: value.RESPONSE }).toEqual(expected);
      checked++;
    }
    expect(checked).toBe(CANDIDATES * ITEMS);
    await engine.scoring.idle();
    const statesAfter = rowsOf<{ state: string; n: number }>(
      await engine.deps.db.execute(
        sql`select state::text, count(*)::int as n from candidate_sessions group by state`,
      ),
    );
    expect(statesAfter).toEqual([{ state: 'scored', n: CANDIDATES }]);
    // Each stored result equals scoring the stored (acknowledged) answers again.
    const results = rowsOf<{ session_id: string; raw_score: number; max_score: number }>(
      await engine.deps.db.execute(
        sql`select session_id, raw_score, max_score from session_results where version = 1`,
      ),
    );
    expect(results).toHaveLength(CANDIDATES);
    for (const r of results) {
      const expected = [...acknowledged.get(r.session_id)!].filter(
        ([ref, a]) => a.value === `SECRET-KEY-${ref.slice(1)}`,
      ).length;
      expect(Number(r.raw_score)).toBe(expected);
      expect(Number(r.max_score)).toBe(ITEMS);
    }
    const stats = engine.writer.stats;
    console.log(`saves ${stats.saves} in ${stats.batches} group commits (largest ${stats.largestBatch})`);
  }, 240_000);
});
