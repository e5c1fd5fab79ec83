import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionEvents } from '../../delivery/tables.ts';
import { sittings } from '../../sittings/tables.ts';
import type {
  CandidateStatusPatch,
  IncidentRecord,
  ProctorClientToServerEvents,
  ProctorServerToClientEvents,
  RiskSummary,
} from '../../protocol/proctor.ts';
import { DeviceEventsAck } from '../../protocol/candidate.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { tokenFor } from '../support/http.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  testProjection,
} from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { createIncidentService, DEVICE_EVENTS, INCIDENT } from '../../proctoring/incidents.ts';

type ProctorClient = Socket<ProctorServerToClientEvents, ProctorClientToServerEvents>;

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let watched: Awaited<ReturnType<typeof buildSitting>>;
let unwatched: Awaited<ReturnType<typeof buildSitting>>;
const sockets: Socket[] = [];

function connectProctor(token: string): Promise<ProctorClient> {
  const socket: ProctorClient = connect(`http://127.0.0.1:${port}/proctor`, {
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket as unknown as Socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const items = await buildItems(engine, tree, 2);
  watched = await buildSitting(engine, tree, items, { students: 2, securityPolicy: { proctoring: true } });
  unwatched = await buildSitting(engine, tree, items, { students: 1 });
  // Thresholds per sitting: the API stores the security policy; the rules' delays sit under `proctoringRules`.
  const [row] = await engine.deps.db.select().from(sittings).where(eq(sittings.id, watched.sittingId));
  await engine.deps.db
    .update(sittings)
    .set({ securityPolicy: { ...(row!.securityPolicy as object), proctoringRules: { noFaceSeconds: 2 } } })
    .where(eq(sittings.id, watched.sittingId));
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

const T0 = Date.now();

describe('proctoring events on the candidate socket', () => {
  it('stores device events, raises incidents under the sitting policy and pushes them with the risk to the room proctors', async () => {
    const proctor = await connectProctor(await tokenFor(engine, tree.proctorA));
    const joined = await proctor
      .timeout(5000)
      .emitWithAck('room:join', { sittingId: watched.sittingId, roomId: watched.roomId });
    expect(joined.ok).toBe(true);
    const pushed: { incidents: IncidentRecord[]; risks: RiskSummary[] }[] = [];
    const updates: CandidateStatusPatch[] = [];
    proctor.on('incidents:new', (batch) => pushed.push(batch));
    proctor.on('candidates:update', (patches) => updates.push(...patches));

    const { sessionToken, sessionId } = await checkInCandidate(
      engine,
      watched.accessCode,
      watched.candidates[0]!,
    );
    const candidate = await connectCandidate(port, sessionToken, { deviceId: 'cam' });
    sockets.push(candidate as unknown as Socket);

    const emit = (payload: unknown) =>
      (
        candidate.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }
      ).emitWithAck('proctor:events', payload);
    // The first ack also tells the device which parts the sitting asks for (none beyond the monitors here).
    const settings = { identityCheck: false, identityMinSimilarity: 0.5, snapshots: false };
    expect(await emit({ sentAt: T0, events: [] })).toEqual({
      ok: true,
      proctoring: true,
      incidents: 0,
      ...settings,
    });
    expect(
      await emit({
        sentAt: T0 + 1500,
        events: [
          { kind: 'faces', at: T0, count: 1 },
          { kind: 'faces', at: T0 + 1000, count: 0 },
        ],
      }),
    ).toEqual({ ok: true, proctoring: true, incidents: 0, ...settings });
    // The face stays away: the next batch's sentAt is past the sitting's 2 s delay.
    const raised = await emit({ sentAt: T0 + 3500, events: [{ kind: 'monitor', at: T0 + 3400, fps: 5 }] });
    expect(raised).toEqual({ ok: true, proctoring: true, incidents: 1, ...settings });
    // The protocol's schema lists exactly what the server sends: the device reads the settings through it.
    expect(DeviceEventsAck.parse(raised)).toEqual(raised);
    expect(DeviceEventsAck.safeParse({ ok: true, proctoring: true, incidents: 1 }).success).toBe(false);
    expect(
      await emit({ sentAt: T0 + 4000, events: [{ kind: 'faces', at: T0 + 3800, count: 3 }] }),
    ).toMatchObject({ ok: false, error: { id: 'invalid_payload' } });

    await expect
      .poll(() => pushed.flatMap((b) => b.incidents).map((i) => i.kind), { timeout: 3000 })
      .toEqual(['no_face']);
    const incident = pushed[0]!.incidents[0]!;
    expect(incident).toMatchObject({ sessionId, severity: 'medium', startedAt: T0 + 1000, at: T0 + 3000 });
    expect(pushed[0]!.risks).toEqual([
      {
        sessionId,
        score: 10,
        level: 'low',
        reasons: [{ kind: 'no_face', severity: 'medium', count: 1, points: 10 }],
      },
    ]);
    await expect
      .poll(() => Object.assign({}, ...updates.filter((u) => u.sessionId === sessionId)), { timeout: 3000 })
      .toMatchObject({ incidents: 1, risk: 10 });

    const listed = await proctor
      .timeout(5000)
      .emitWithAck('incidents:list', { sittingId: watched.sittingId, roomId: watched.roomId });
    if (!listed.ok) throw new Error(JSON.stringify(listed));
    expect(listed.incidents.map((i: IncidentRecord) => [i.sessionId, i.kind])).toEqual([
      [sessionId, 'no_face'],
    ]);
    expect(listed.risks[0]).toMatchObject({ sessionId, score: 10 });

    const stored = await engine.deps.db
      .select()
      .from(sessionEvents)
      .where(eq(sessionEvents.sessionId, sessionId));
    expect(stored.filter((r) => r.type === DEVICE_EVENTS)).toHaveLength(2);
    expect(stored.filter((r) => r.type === INCIDENT)).toHaveLength(1);
  });

  it('refuses the incident list to a socket that has not joined the sitting', async () => {
    const proctor = await connectProctor(await tokenFor(engine, tree.proctorA));
    const listed = await proctor
      .timeout(5000)
      .emitWithAck('incidents:list', { sittingId: watched.sittingId });
    expect(listed).toMatchObject({ ok: false, error: { id: 'forbidden' } });
  });

  it('tells the device to stop when the sitting does not watch candidates, storing nothing', async () => {
    const { sessionToken, sessionId } = await checkInCandidate(
      engine,
      unwatched.accessCode,
      unwatched.candidates[0]!,
    );
    const candidate = await connectCandidate(port, sessionToken, { deviceId: 'nocam' });
    sockets.push(candidate as unknown as Socket);
    const ack = await request(candidate, 'proctor:events', {
      sentAt: T0,
      events: [{ kind: 'faces', at: T0, count: 2 }],
    });
    expect(ack).toEqual({ ok: true, proctoring: false, incidents: 0 });
    expect(DeviceEventsAck.safeParse(ack).success).toBe(true);
    const stored = await engine.deps.db
      .select()
      .from(sessionEvents)
      .where(eq(sessionEvents.sessionId, sessionId));
    expect(stored.filter((r) => r.type === DEVICE_EVENTS)).toHaveLength(0);
  });

  it('rebuilds a session tracker from stored events on another engine process', async () => {
    const { sessionId } = await checkInCandidate(engine, watched.accessCode, watched.candidates[1]!);
    const place = { sessionId, sittingId: watched.sittingId, roomId: watched.roomId };
    const deps = { db: engine.deps.db, io: engine.io!, logger: engine.deps.logger };
    const first = createIncidentService(deps);
    const second = createIncidentService(deps);
    try {
      expect(
        (await first.ingest(place, { sentAt: T0 + 500, events: [{ kind: 'faces', at: T0, count: 0 }] }))
          .incidents,
      ).toEqual([]);
      // The candidate reconnects to another process: the episode that began at T0 still counts.
      const raised = await second.ingest(place, { sentAt: T0 + 2500, events: [] });
      expect(raised.incidents.map((i) => [i.kind, i.startedAt])).toEqual([['no_face', T0]]);
    } finally {
      first.stop();
      second.stop();
    }
  });
});
