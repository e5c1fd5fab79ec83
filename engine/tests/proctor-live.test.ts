import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CandidateStatusPatch,
  ProctorClientToServerEvents,
  ProctorServerToClientEvents,
} from '../protocol/proctor.ts';
import { buildOrganisationTree, buildStaff } from './support/factories.ts';
import { tokenFor } from './support/http.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  nextEvent,
  request,
  testProjection,
} from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

type ProctorClient = Socket<ProctorServerToClientEvents, ProctorClientToServerEvents>;

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sitting: Awaited<ReturnType<typeof buildSitting>>;
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
    socket.once('connect_error', (e) => reject(Object.assign(e, { data: (e as { data?: unknown }).data })));
  });
}

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 4), { students: 3 });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

describe('live proctoring namespace', () => {
  it('a room proctor sees the roster, live connection and progress, and pauses a candidate who hears it at once', async () => {
    const proctor = await connectProctor(await tokenFor(engine, tree.proctorA));
    const joined = await proctor
      .timeout(5000)
      .emitWithAck('room:join', { sittingId: sitting.sittingId, roomId: sitting.roomId });
    if (!joined.ok) throw new Error(JSON.stringify(joined));
    expect(joined.candidates).toHaveLength(3);
    expect(
      joined.candidates.every(
        (c: { state: string; connected: boolean }) => c.state === 'scheduled' && !c.connected,
      ),
    ).toBe(true);

    const updates: CandidateStatusPatch[] = [];
    proctor.on('candidates:update', (patches) => updates.push(...patches));
    const { sessionToken, sessionId } = await checkInCandidate(
      engine,
      sitting.accessCode,
      sitting.candidates[0]!,
    );
    const candidate = await connectCandidate(port, sessionToken, { deviceId: 'live' });
    sockets.push(candidate as unknown as Socket);
    await request(candidate, 'session:start', {});
    await request(candidate, 'response:save', { itemRef: 'Q1', seq: 1, responses: { RESPONSE: 'A' } });
    await request(candidate, 'response:save', { itemRef: 'Q2', seq: 1, responses: { RESPONSE: 'B' } });
    await expect
      .poll(
        () => {
          const merged = Object.assign({}, ...updates.filter((u) => u.sessionId === sessionId));
          return merged;
        },
        { timeout: 3000 },
      )
      .toMatchObject({ connected: true, state: 'in_progress', answered: 2 });
    await request(candidate, 'navigate', { position: 1 });
    await expect
      .poll(() => Object.assign({}, ...updates.filter((u) => u.sessionId === sessionId)).position, {
        timeout: 3000,
      })
      .toBe(1);

    const paused = nextEvent(candidate, 'session:paused', 1000);
    const ack = await proctor
      .timeout(5000)
      .emitWithAck('session:action', { action: 'pause', sessionId, reason: 'Thiết bị lạ' });
    expect(ack).toEqual({ ok: true, state: 'paused' });
    expect((await paused).reason).toBe('Thiết bị lạ');
    const message = nextEvent(candidate, 'message', 1000);
    expect(
      await proctor
        .timeout(5000)
        .emitWithAck('session:action', { action: 'message', sessionId, text: 'Em hãy ngồi ngay ngắn.' }),
    ).toMatchObject({ ok: true });
    expect((await message).text).toBe('Em hãy ngồi ngay ngắn.');
    const bad = await proctor
      .timeout(5000)
      .emitWithAck('session:action', { action: 'extend', sessionId, minutes: 9999 } as never);
    expect(bad).toMatchObject({ ok: false, error: { id: 'invalid_payload' } });

    candidate.disconnect();
    await expect
      .poll(() => Object.assign({}, ...updates.filter((u) => u.sessionId === sessionId)).connected, {
        timeout: 3000,
      })
      .toBe(false);
  });

  it('refuses teachers, and proctors of other schools who are not assigned to the room', async () => {
    await expect(connectProctor(await tokenFor(engine, tree.teacherA))).rejects.toMatchObject({
      data: { id: 'forbidden' },
    });
    await expect(connectProctor('garbage')).rejects.toMatchObject({ data: { id: 'invalid_token' } });
    const stranger = await buildStaff(engine.deps.db, 'proctor', tree.schoolB);
    const socket = await connectProctor(await tokenFor(engine, stranger));
    const joined = await socket
      .timeout(5000)
      .emitWithAck('room:join', { sittingId: sitting.sittingId, roomId: sitting.roomId });
    expect(joined).toMatchObject({ ok: false, error: { id: 'forbidden' } });
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[1]!);
    const action = await socket
      .timeout(5000)
      .emitWithAck('session:action', { action: 'terminate', sessionId, reason: 'không hợp lệ' });
    expect(action).toMatchObject({ ok: false, error: { id: 'forbidden' } });
  });
});
