import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProctorClientToServerEvents, ProctorServerToClientEvents } from '../../protocol/proctor.ts';
import { buildItems, buildSitting, checkInCandidate, testProjection } from '../support/delivery-fixtures.ts';
import { buildOrganisationTree, buildStaff } from '../support/factories.ts';
import { tokenFor } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

type ProctorClient = Socket<ProctorServerToClientEvents, ProctorClientToServerEvents>;

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sitting: Awaited<ReturnType<typeof buildSitting>>;
const sockets: Socket[] = [];

async function proctorSocket(actor: Parameters<typeof tokenFor>[1]): Promise<ProctorClient> {
  const socket: ProctorClient = connect(`http://127.0.0.1:${port}/proctor`, {
    transports: ['websocket'],
    auth: { token: await tokenFor(engine, actor) },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket as unknown as Socket);
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(null));
    socket.once('connect_error', reject);
  });
  return socket;
}

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 2), { students: 1 });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

describe('who may watch a room on /proctor', () => {
  it('lists a proctor only the rooms assigned to them, and an exam board every room of its subtree', async () => {
    const assigned = await proctorSocket(tree.proctorA);
    const mine = await assigned.timeout(5000).emitWithAck('rooms:list', {});
    expect(mine).toMatchObject({
      ok: true,
      rooms: [{ sittingId: sitting.sittingId, roomId: sitting.roomId, roomName: 'Phòng 01', assigned: true }],
    });
    const board = await proctorSocket(tree.examBoard);
    const all = await board.timeout(5000).emitWithAck('rooms:list', {});
    expect(
      all.ok && all.rooms.map((r: { roomId: string; assigned: boolean }) => [r.roomId, r.assigned]),
    ).toEqual([[sitting.roomId, false]]);
    // A proctor of the sitting's own office, in scope but not assigned, sees nothing.
    const unassigned = await proctorSocket(await buildStaff(engine.deps.db, 'proctor', tree.office));
    expect(await unassigned.timeout(5000).emitWithAck('rooms:list', {})).toEqual({ ok: true, rooms: [] });
  });

  it('refuses an in-scope proctor who is not assigned: the room, the whole sitting and actions on its candidates', async () => {
    const unassigned = await proctorSocket(await buildStaff(engine.deps.db, 'proctor', tree.office));
    const room = await unassigned
      .timeout(5000)
      .emitWithAck('room:join', { sittingId: sitting.sittingId, roomId: sitting.roomId });
    expect(room).toMatchObject({ ok: false, error: { id: 'forbidden' } });
    const whole = await unassigned.timeout(5000).emitWithAck('room:join', { sittingId: sitting.sittingId });
    expect(whole).toMatchObject({ ok: false, error: { id: 'forbidden' } });
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[0]!);
    const action = await unassigned
      .timeout(5000)
      .emitWithAck('session:action', { action: 'message', sessionId, text: 'Xin chào' });
    expect(action).toMatchObject({ ok: false, error: { id: 'forbidden' } });
    const incidents = await unassigned
      .timeout(5000)
      .emitWithAck('incidents:list', { sittingId: sitting.sittingId, roomId: sitting.roomId });
    expect(incidents).toMatchObject({ ok: false, error: { id: 'forbidden' } });

    // The assigned proctor may join the room but not the whole sitting; the exam board may join both.
    const assigned = await proctorSocket(tree.proctorA);
    expect(
      await assigned
        .timeout(5000)
        .emitWithAck('room:join', { sittingId: sitting.sittingId, roomId: sitting.roomId }),
    ).toMatchObject({ ok: true });
    expect(
      await assigned.timeout(5000).emitWithAck('room:join', { sittingId: sitting.sittingId }),
    ).toMatchObject({ ok: false, error: { id: 'forbidden' } });
    const board = await proctorSocket(tree.examBoard);
    expect(
      await board.timeout(5000).emitWithAck('room:join', { sittingId: sitting.sittingId }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await board
        .timeout(5000)
        .emitWithAck('session:action', { action: 'message', sessionId, text: 'Xin chào' }),
    ).toMatchObject({ ok: true });
  });
});
