/**
 * The server is the clock, and its clock lives in the database: a pause and an extension given
 * before the engine restarts still hold after it (the remaining time of a paused session does not
 * run while the engine is down; an extended deadline stays extended).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, sessionEvents } from '../delivery/tables.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import {
  buildQtiItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
} from './support/delivery-fixtures.ts';
import { createPersistentStore } from './support/persistent-engine.ts';

const SECOND = 1000;
let store: Awaited<ReturnType<typeof createPersistentStore>>;
beforeAll(async () => {
  store = await createPersistentStore();
});
afterAll(() => store.remove());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pause and extension across a restart', () => {
  it('a paused session keeps its remaining time through a restart; extensions given before it (running and paused) still hold after it', async () => {
    const first = await store.open({ sweepIntervalMs: 200 });
    const firstPort = await first.listen(0, '127.0.0.1');
    const tree = await buildOrganisationTree(first.deps.db);
    const sitting = await buildSitting(first, tree, await buildQtiItems(first, tree, 3), {
      students: 3,
      durationMinutes: 30,
    });
    const [paused, extended, pausedExtended] = await Promise.all(
      sitting.candidates.map((c) => checkInCandidate(first, sitting.accessCode, c)),
    );
    const deadlines: Record<string, number> = {};
    for (const [i, s] of [paused!, extended!, pausedExtended!].entries()) {
      const socket = await connectCandidate(firstPort, s.sessionToken, { deviceId: `pc${i}` });
      const started = await request(socket, 'session:start', {});
      if (!started.ok) throw new Error(JSON.stringify(started));
      deadlines[s.sessionId] = started.snapshot.time.deadline!;
      expect(
        await request(socket, 'response:save', { itemRef: 'Q1', seq: 1, responses: { RESPONSE: 'B' } }),
      ).toMatchObject({ ok: true });
      socket.disconnect();
    }
    const proctor = await tokenFor(first, tree.proctorA);
    const action = (engine: typeof first, sessionId: string, name: string, body: unknown = {}) =>
      api(engine).post(`/api/sessions/${sessionId}/${name}`, body, proctor);

    const pause = await action(first, paused!.sessionId, 'pause', { reason: 'Mất điện' });
    expect(pause.status).toBe(200);
    const remainingAtPause = pause.data.remainingMs as number;
    expect(remainingAtPause).toBeGreaterThan(29 * 60 * SECOND);

    const extend = await action(first, extended!.sessionId, 'extend', { minutes: 10 });
    expect(extend.status).toBe(200);
    const extendedDeadline = extend.data.deadline as number;
    expect(extendedDeadline).toBe(deadlines[extended!.sessionId]! + 10 * 60 * SECOND);

    expect((await action(first, pausedExtended!.sessionId, 'pause')).status).toBe(200);
    const pausedThenExtended = await action(first, pausedExtended!.sessionId, 'extend', { minutes: 5 });
    expect(pausedThenExtended.status).toBe(200);
    const remainingPausedExtended = pausedThenExtended.data.remainingMs as number;
    await first.close();

    // The engine is down for a while; no clock of a paused session may run meanwhile.
    await sleep(2 * SECOND);
    const second = await store.open({ sweepIntervalMs: 200 });
    const port = await second.listen(0, '127.0.0.1');
    try {
      const resumeOf = async (sessionToken: string, deviceId: string) => {
        const socket = await connectCandidate(port, sessionToken, { deviceId });
        const resumed = await request(socket, 'session:resume', {});
        socket.disconnect();
        if (!resumed.ok) throw new Error(JSON.stringify(resumed));
        return resumed.snapshot;
      };

      // Paused before the restart: still paused, with the remaining time it had at the pause.
      const stillPaused = await resumeOf(paused!.sessionToken, 'pc0');
      expect(stillPaused.state).toBe('paused');
      expect(stillPaused.time.paused).toBe(true);
      expect(Math.abs(stillPaused.time.remainingMs! - remainingAtPause)).toBeLessThanOrEqual(SECOND);
      expect(stillPaused.responses.Q1).toEqual({ seq: 1, responses: { RESPONSE: 'B' } });
      const resumed = await action(second, paused!.sessionId, 'resume');
      expect(resumed.status).toBe(200);
      expect(resumed.data.state).toBe('in_progress');
      expect(Math.abs(resumed.data.remainingMs - remainingAtPause)).toBeLessThanOrEqual(SECOND);
      const running = await resumeOf(paused!.sessionToken, 'pc0');
      expect(running.state).toBe('in_progress');
      expect(Math.abs(running.time.remainingMs! - remainingAtPause)).toBeLessThanOrEqual(SECOND);
      // The new deadline is the resume time plus what was left: later than the first one by the pause.
      expect(running.time.deadline! - deadlines[paused!.sessionId]!).toBeGreaterThanOrEqual(2 * SECOND);

      // Extended before the restart: the later deadline holds, and the remaining time counts to it.
      const later = await resumeOf(extended!.sessionToken, 'pc1');
      expect(later.time.deadline).toBe(extendedDeadline);
      expect(
        Math.abs(later.time.remainingMs! - (extendedDeadline - later.time.serverNow)),
      ).toBeLessThanOrEqual(SECOND);
      expect(later.time.remainingMs!).toBeGreaterThan(39 * 60 * SECOND);

      // Extended while paused before the restart: the extension is in the remaining time when resumed.
      expect(remainingPausedExtended).toBeGreaterThan(34 * 60 * SECOND);
      expect((await action(second, pausedExtended!.sessionId, 'resume')).status).toBe(200);
      const afterExtension = await resumeOf(pausedExtended!.sessionToken, 'pc2');
      expect(Math.abs(afterExtension.time.remainingMs! - remainingPausedExtended)).toBeLessThanOrEqual(
        SECOND,
      );

      // The sweeper of the restarted engine (every 200 ms) leaves them all running.
      await sleep(SECOND);
      const granted = [0, 600, 300];
      for (const [i, s] of [paused!, extended!, pausedExtended!].entries()) {
        const [row] = await second.deps.db
          .select({ state: candidateSessions.state, extensionSeconds: candidateSessions.extensionSeconds })
          .from(candidateSessions)
          .where(eq(candidateSessions.id, s.sessionId));
        expect(row).toEqual({ state: 'in_progress', extensionSeconds: granted[i] });
      }
      const events = await second.deps.db
        .select({ type: sessionEvents.type })
        .from(sessionEvents)
        .where(eq(sessionEvents.sessionId, pausedExtended!.sessionId));
      expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['paused', 'extended', 'resumed']));
    } finally {
      await second.close();
    }
  }, 90_000);
});
