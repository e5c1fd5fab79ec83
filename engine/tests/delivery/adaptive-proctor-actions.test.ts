/**
 * A proctor's pause and a time extension on an adaptive session (issue 23): the candidate answers
 * part of the CAT over real Socket.IO, the proctor pauses through the HTTP action; while paused the
 * session can neither move nor fetch nor save, and the CAT decides nothing (no new decision, the
 * same form and state); an extension while paused and one after the resume lengthen the deadline
 * by exactly their minutes; after the resume the candidate is on the same item and the CAT goes
 * on from the same state to its full length, and `replayAdaptiveSession` reproduces every choice.
 * PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveItemParameters } from '../../../item-bank/index.ts';
import { replayAdaptiveSession, type AdaptiveProgress } from '../../delivery/adaptive/index.ts';
import { candidateSessions } from '../../delivery/tables.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import { nextEvent, request, type CandidateClient } from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import {
  buildRulesSitting,
  choiceItemXml,
  eventsOf,
  saveAnswer,
  saveItems,
  scoredEvent,
  startCandidate,
} from '../stored-test-sitting.ts';

const POOL = 16;
const LENGTH = 8;
let engine: TestEngine;
let port: number;
const sockets: CandidateClient[] = [];

const session = async (sessionId: string) => {
  const [row] = await engine.deps.db
    .select()
    .from(candidateSessions)
    .where(eq(candidateSessions.id, sessionId));
  return row!;
};
const steps = async (sessionId: string) =>
  (await eventsOf(engine, sessionId)).filter((e) => e.type === 'adaptive_step').length;

beforeAll(async () => {
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

describe('pause and extension on an adaptive session', () => {
  it('a paused session cannot move, the resume continues the same CAT, extensions lengthen the deadline, the replay matches', async () => {
    const db = engine.deps.db;
    const tree = await buildOrganisationTree(db);
    const xml = Object.fromEntries(Array.from({ length: POOL }, (_, k) => [`P${k}`, choiceItemXml(`P${k}`)]));
    const { itemIds } = await saveItems(engine, tree, xml);
    await saveItemParameters(
      db,
      Array.from({ length: POOL }, (_, k) => ({
        itemId: itemIds[`P${k}`]!,
        model: '2pl',
        parameters: { model: '2pl', a: 0.9 + (k % 3) * 0.3, b: -2.5 + (5 * k) / (POOL - 1) },
        sampleSize: 600,
      })),
      { source: 'database' },
    );
    const sitting = await buildRulesSitting(engine, tree, {
      students: 1,
      form: {
        navigationMode: 'linear',
        sections: [
          {
            identifier: 'CAT',
            adaptive: {
              stop: { minItems: LENGTH, maxItems: LENGTH },
              exposure: { kind: 'randomesque', k: 3 },
              seed: 9,
            },
            items: Object.values(itemIds).map((itemId) => ({ itemId })),
          },
        ],
      },
    });
    const { socket, sessionId, snapshot } = await startCandidate(
      engine,
      port,
      sitting.accessCode,
      sitting.candidates[0]!,
      sockets,
    );
    const proctor = await tokenFor(engine, tree.proctorA);
    const answerAndMove = async (position: number, answer: string) => {
      const fetched = await request(socket, 'item:fetch', { position });
      if (!fetched.ok) throw new Error(JSON.stringify(fetched));
      expect((await saveAnswer(socket, fetched.itemRef, 1, answer)).ok).toBe(true);
      return request(socket, 'navigate', { position: position + 1 });
    };

    // Three items answered: the CAT has chosen four.
    let position = snapshot.position;
    for (const answer of ['A', 'B', 'A']) {
      const moved = await answerAndMove(position, answer);
      if (!moved.ok) throw new Error(JSON.stringify(moved));
      position = moved.position;
    }
    const before = await session(sessionId);
    const stepsBefore = await steps(sessionId);
    expect(stepsBefore).toBe(4);
    expect((before.progress as AdaptiveProgress).adaptive!.CAT!.responses).toHaveLength(3);

    // The proctor pauses: nothing moves, nothing is fetched or saved, the CAT decides nothing.
    const pausedPush = nextEvent(socket, 'session:paused');
    const paused = await api(engine).post(
      `/api/sessions/${sessionId}/pause`,
      { reason: 'Mất điện' },
      proctor,
    );
    expect(paused.status).toBe(200);
    await pausedPush;
    const fetchedCurrent = await request(socket, 'item:fetch', { position });
    expect(fetchedCurrent).toMatchObject({ ok: false, error: { id: 'session_paused' } });
    expect(await saveAnswer(socket, `CAT-${position + 1}`, 1, 'A')).toMatchObject({
      ok: false,
      error: { id: 'session_paused' },
    });
    expect(await request(socket, 'navigate', { position: position + 1 })).toMatchObject({ ok: false });
    expect(await request(socket, 'session:resume', {})).toMatchObject({
      ok: true,
      snapshot: { state: 'paused' },
    });
    const whilePaused = await session(sessionId);
    expect(whilePaused.state).toBe('paused');
    expect(whilePaused.position).toBe(position);
    expect(whilePaused.form).toEqual(before.form);
    expect((whilePaused.progress as AdaptiveProgress).adaptive).toEqual(
      (before.progress as AdaptiveProgress).adaptive,
    );
    expect(await steps(sessionId)).toBe(stepsBefore);

    // Ten minutes more while paused, then the resume: the deadline moves by the time paused plus
    // the ten minutes.
    const extendedPaused = await api(engine).post(
      `/api/sessions/${sessionId}/extend`,
      { minutes: 10 },
      proctor,
    );
    expect(extendedPaused.status).toBe(200);
    expect((await session(sessionId)).pausedRemainingMs).toBe(whilePaused.pausedRemainingMs! + 600_000);
    const resumed = await api(engine).post(`/api/sessions/${sessionId}/resume`, {}, proctor);
    expect(resumed.status).toBe(200);
    const afterResume = await session(sessionId);
    expect(afterResume.state).toBe('in_progress');
    const resumedEvent = (await eventsOf(engine, sessionId)).filter((e) => e.type === 'resumed').at(-1)!;
    const pausedMs = (resumedEvent.data as { pausedMs: number }).pausedMs;
    expect(pausedMs).toBeGreaterThan(0);
    expect(afterResume.deadlineAt!.getTime() - before.deadlineAt!.getTime()).toBe(pausedMs + 600_000);
    // And five minutes while in progress: exactly five minutes later.
    const extended = await api(engine).post(`/api/sessions/${sessionId}/extend`, { minutes: 5 }, proctor);
    expect(extended.status).toBe(200);
    expect((await session(sessionId)).deadlineAt!.getTime() - afterResume.deadlineAt!.getTime()).toBe(
      300_000,
    );
    expect((await session(sessionId)).extensionSeconds).toBe(900);

    // The resume continues the same CAT: the same place and item, the state as it was, and on to the end.
    const again = await request(socket, 'session:resume', {});
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(again.snapshot.position).toBe(position);
    expect((await session(sessionId)).form).toEqual(before.form);
    for (let guard = 0; guard < LENGTH; guard++) {
      const moved = await answerAndMove(position, guard % 2 ? 'A' : 'B');
      if (!moved.ok || moved.ended) break;
      position = moved.position;
    }
    expect(await request(socket, 'submit', { confirm: true })).toMatchObject({ ok: true });
    const final = await session(sessionId);
    const form = final.form as AssembledForm;
    expect(form.entries).toHaveLength(LENGTH);
    const served = form.entries.map((e) => e.adaptive!.poolRef!);
    expect(new Set(served).size).toBe(LENGTH);
    // The first four choices are the ones made before the pause.
    expect(served.slice(0, 4)).toEqual(
      (before.form as AssembledForm).entries.slice(0, 4).map((e) => e.adaptive!.poolRef!),
    );
    const [replayed] = await replayAdaptiveSession(db, sessionId);
    expect(replayed!.mismatches).toEqual([]);
    expect(replayed!.ok).toBe(true);
    expect(replayed!.served).toEqual(served);
    const scored = (await scoredEvent(engine, sessionId)) as unknown as {
      adaptive: { items: number; se: number };
    };
    expect(scored.adaptive.items).toBe(LENGTH);
    expect(scored.adaptive.se).toBeGreaterThan(0);
  }, 240_000);
});
