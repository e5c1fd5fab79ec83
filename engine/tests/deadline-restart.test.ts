import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, responses, sessionResults } from '../delivery/tables.ts';
import { buildOrganisationTree } from './support/factories.ts';
import {
  buildQtiItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
} from './support/delivery-fixtures.ts';
import { createPersistentStore } from './support/persistent-engine.ts';

let store: Awaited<ReturnType<typeof createPersistentStore>>;
beforeAll(async () => {
  store = await createPersistentStore();
});
afterAll(() => store.remove());

describe('deadlines survive a restart', () => {
  it('a session whose deadline passed while the engine was down is submitted by the server after it starts again, keeping its answers; a paused one stays paused', async () => {
    const first = await store.open({ sweepIntervalMs: 60_000 });
    const port = await first.listen(0, '127.0.0.1');
    const tree = await buildOrganisationTree(first.deps.db);
    const items = await buildQtiItems(first, tree, 2);
    const sitting = await buildSitting(first, tree, items, { students: 2, graceSeconds: 0 });
    const running = await checkInCandidate(first, sitting.accessCode, sitting.candidates[0]!);
    const paused = await checkInCandidate(first, sitting.accessCode, sitting.candidates[1]!);
    for (const [i, s] of [running, paused].entries()) {
      const socket = await connectCandidate(port, s.sessionToken, { deviceId: `r${i}` });
      await request(socket, 'session:start', {});
      expect(
        await request(socket, 'response:save', { itemRef: 'Q1', seq: 1, responses: { RESPONSE: 'B' } }),
      ).toMatchObject({ ok: true });
      socket.disconnect();
    }
    const proctor = await first.deps.tokens.issueAccessToken(tree.proctorA);
    const pause = await first.app.request(`/api/sessions/${paused.sessionId}/pause`, {
      method: 'POST',
      headers: { authorization: `Bearer ${proctor}` },
    });
    expect(pause.status).toBe(200);
    await first.close();

    // While the engine is down, the running session's time runs out.
    const second = await store.open({ sweepIntervalMs: 200 });
    await second.deps.db
      .update(candidateSessions)
      .set({ deadlineAt: new Date(Date.now() - 5000) })
      .where(eq(candidateSessions.id, running.sessionId));
    await second.deps.db
      .update(candidateSessions)
      .set({ deadlineAt: new Date(Date.now() - 5000) })
      .where(eq(candidateSessions.id, paused.sessionId));
    await second.listen(0, '127.0.0.1');
    try {
      await expect
        .poll(
          async () =>
            (
              await second.deps.db
                .select()
                .from(candidateSessions)
                .where(eq(candidateSessions.id, running.sessionId))
            )[0]!.state,
          { timeout: 5000 },
        )
        .toMatch(/^(submitted|scored)$/);
      const [pausedRow] = await second.deps.db
        .select()
        .from(candidateSessions)
        .where(eq(candidateSessions.id, paused.sessionId));
      expect(pausedRow!.state).toBe('paused');
      const [row] = await second.deps.db
        .select()
        .from(candidateSessions)
        .where(eq(candidateSessions.id, running.sessionId));
      expect(row!.submittedBy).toBe('server');
      // Scored with the answer saved before the restart: Q1 right (B), Q2 unanswered.
      await expect
        .poll(
          async () =>
            (
              await second.deps.db
                .select({ rawScore: sessionResults.rawScore, maxScore: sessionResults.maxScore })
                .from(sessionResults)
                .where(eq(sessionResults.sessionId, running.sessionId))
            )[0],
          { timeout: 5000 },
        )
        .toEqual({ rawScore: 1, maxScore: 3 });
      const kept = await second.deps.db
        .select()
        .from(responses)
        .where(eq(responses.sessionId, running.sessionId));
      expect(kept.map((r) => [r.itemRef, r.clientSeq, r.value])).toEqual([['Q1', 1, { RESPONSE: 'B' }]]);
    } finally {
      await second.close();
    }
  }, 60_000);
});
