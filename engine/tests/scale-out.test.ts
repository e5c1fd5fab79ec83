import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine.ts';
import { responses } from '../schema.ts';
import { buildOrganisationTree } from '../test/factories.ts';
import { tokenFor } from '../test/http.ts';
import {
  buildItems,
  buildSitting,
  connectCandidate,
  nextEvent,
  request,
  type CandidateClient,
} from '../test/delivery-fixtures.ts';
import { startEngineProcess, type EngineProcess } from '../test/engine-process.ts';
import { createPersistentStore } from '../test/persistent-engine.ts';

// Several engine processes need the shared PostgreSQL and Redis; the embedded run has neither.
const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

describe.runIf(shared)('two engine processes with PostgreSQL and Redis', () => {
  let store: Awaited<ReturnType<typeof createPersistentStore>>;
  let setup: Engine;
  let a: EngineProcess;
  let b: EngineProcess;
  const sockets: CandidateClient[] = [];

  beforeAll(async () => {
    store = await createPersistentStore();
    setup = await store.open();
    [a, b] = await Promise.all([
      startEngineProcess({ ...store.env, REDIS_URL: process.env.REDIS_URL }),
      startEngineProcess({ ...store.env, REDIS_URL: process.env.REDIS_URL }),
    ]);
  }, 120_000);
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await Promise.all([a?.kill(), b?.kill()]);
    await setup?.close();
    await store?.remove();
  });

  it('a proctor action on B reaches the candidate on A; after kill -9 of A the candidate resumes on B and no acknowledged answer is lost', async () => {
    const tree = await buildOrganisationTree(setup.deps.db);
    const items = await buildItems(setup, tree, 30);
    const sitting = await buildSitting(setup, tree, items, { students: 1 });
    const candidate = sitting.candidates[0]!;
    const [y, m, d] = candidate.dateOfBirth.split('-');
    const checkIn = await fetch(`${a.url}/api/candidate/check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accessCode: sitting.accessCode,
        candidateNumber: candidate.candidateNumber,
        dateOfBirth: `${d}/${m}/${y}`,
      }),
    });
    expect(checkIn.status).toBe(200);
    const { sessionToken, sessionId } = (await checkIn.json()) as { sessionToken: string; sessionId: string };

    const onA = await connectCandidate(a.port, sessionToken, { deviceId: 'pc', tabId: 'tab' });
    sockets.push(onA);
    const started = await request(onA, 'session:start', {});
    expect(started.ok).toBe(true);
    expect(await request(onA, 'navigate', { position: 12 })).toMatchObject({ ok: true });
    const acked: string[] = [];
    for (let i = 0; i < 30; i++) {
      const ref = `Q${i + 1}`;
      const ack = await request(onA, 'response:save', {
        itemRef: ref,
        seq: 1,
        responses: { RESPONSE: `choice_${i % 4}` },
      });
      if (ack.ok) acked.push(ref);
    }
    expect(acked).toHaveLength(30);

    // A proctor on process B pauses; the candidate connected to A hears it within a second.
    const proctorToken = await tokenFor(setup, tree.proctorA);
    const heard = nextEvent(onA, 'session:paused', 1000);
    const pausedAt = Date.now();
    const pause = await fetch(`${b.url}/api/sessions/${sessionId}/pause`, {
      method: 'POST',
      headers: { authorization: `Bearer ${proctorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Kiểm tra' }),
    });
    expect(pause.status).toBe(200);
    expect((await heard).reason).toBe('Kiểm tra');
    expect(Date.now() - pausedAt).toBeLessThan(1000);
    const resume = await fetch(`${b.url}/api/sessions/${sessionId}/resume`, {
      method: 'POST',
      headers: { authorization: `Bearer ${proctorToken}` },
    });
    expect(resume.status).toBe(200);
    const before = await request(onA, 'session:resume', {});
    if (!before.ok) throw new Error('resume failed');

    // Process A dies without a chance to clean up.
    const killedAt = Date.now();
    await a.kill('SIGKILL');
    const onB = await connectCandidate(b.port, sessionToken, { deviceId: 'pc', tabId: 'tab' });
    sockets.push(onB);
    const after = await request(onB, 'session:resume', {});
    if (!after.ok) throw new Error(JSON.stringify(after));
    expect(Date.now() - killedAt).toBeLessThan(5000);
    expect(after.snapshot.position).toBe(12);
    expect(after.snapshot.state).toBe('in_progress');
    expect(after.snapshot.time.deadline).toBe(before.snapshot.time.deadline);
    expect(Object.keys(after.snapshot.responses).sort()).toEqual([...acked].sort());
    const stored = await setup.deps.db.select().from(responses).where(eq(responses.sessionId, sessionId));
    expect(stored).toHaveLength(30);
    expect(
      await request(onB, 'response:save', { itemRef: 'Q1', seq: 2, responses: { RESPONSE: 'choice_3' } }),
    ).toMatchObject({ ok: true });
  }, 60_000);
});
