/**
 * `drainSession` (before a submit) waits for one session's saves only: other candidates saving
 * without pause, as they do all through a sitting, must not hold it up.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from '../support/factories.ts';
import { buildItems, buildSitting, checkInCandidate, testProjection } from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { ResponseWriter } from '../../delivery/response-writer.ts';
import { candidateSessions, responses } from '../../delivery/tables.ts';

let engine: TestEngine;
let submitting: string;
let others: string[];

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  const tree = await buildOrganisationTree(engine.deps.db);
  const sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 2), { students: 4 });
  const ids: string[] = [];
  for (const c of sitting.candidates)
    ids.push((await checkInCandidate(engine, sitting.accessCode, c)).sessionId);
  await engine.deps.db
    .update(candidateSessions)
    .set({ state: 'in_progress', startedAt: new Date(), deadlineAt: new Date(Date.now() + 3600_000) })
    .where(inArray(candidateSessions.id, ids));
  [submitting, ...others] = ids as [string, ...string[]];
});
afterAll(() => engine.dispose());

describe('response writer', () => {
  it("drainSession settles one session's saves while others keep saving", async () => {
    const writer = new ResponseWriter(engine.deps.db, { maxInFlight: 1 });
    let saving = true;
    let seq = 0;
    const busy = (async () => {
      while (saving) {
        seq++;
        await Promise.all(
          others.map((sessionId) =>
            writer.save({ sessionId, itemRef: 'Q1', seq, responses: { RESPONSE: `v${seq}` } }),
          ),
        );
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const own = [1, 2, 3].map((n) =>
      writer.save({ sessionId: submitting, itemRef: 'Q2', seq: n, responses: { RESPONSE: `own${n}` } }),
    );
    // Resolves while the others are still saving (the whole writer is never idle here).
    await writer.drainSession(submitting);
    const stored = await engine.deps.db
      .select({ seq: responses.clientSeq })
      .from(responses)
      .where(eq(responses.sessionId, submitting));
    saving = false;
    await busy;
    expect(stored.map((r) => r.seq).sort()).toEqual([1, 2, 3]);
    expect((await Promise.all(own)).every((o) => o.ok)).toBe(true);
    expect(seq).toBeGreaterThan(1);
    await writer.drain();
  });
});
