import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CandidateStatusPatch,
  ProctorClientToServerEvents,
  ProctorServerToClientEvents,
} from '../protocol/proctor.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import { buildItems, buildSitting, checkInCandidate, testProjection } from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

type ProctorClient = Socket<ProctorServerToClientEvents, ProctorClientToServerEvents>;

let engine: TestEngine;
let port: number;
const sockets: ProctorClient[] = [];

async function proctorOfRoom(token: string, sittingId: string, roomId: string) {
  const socket: ProctorClient = connect(`http://127.0.0.1:${port}/proctor`, {
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const joined = await socket.timeout(5000).emitWithAck('room:join', { sittingId, roomId });
  if (!joined.ok) throw new Error(JSON.stringify(joined));
  const heard: CandidateStatusPatch[] = [];
  socket.on('candidates:update', (patches) => heard.push(...patches));
  return heard;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

describe('invalidating what a process remembers about a sitting', () => {
  it("a candidate moved to another room reaches the new room's proctor once staff change it", async () => {
    const tree = await buildOrganisationTree(engine.deps.db);
    const sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 2), { students: 1 });
    const roomB = await api(engine).post(
      `/api/sittings/${sitting.sittingId}/rooms`,
      { name: 'Phòng 02', proctorIds: [tree.proctorA.userId] },
      sitting.board,
    );
    expect(roomB.status).toBe(201);
    const proctorToken = await tokenFor(engine, tree.proctorA);
    const inRoomA = await proctorOfRoom(proctorToken, sitting.sittingId, sitting.roomId);
    const inRoomB = await proctorOfRoom(proctorToken, sitting.sittingId, roomB.data.id as string);
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[0]!);

    // The engine looks the session's room up once and remembers it.
    engine.deps.notifier.status({ sessionId, answered: 1 });
    await expect.poll(() => inRoomA.some((p) => p.sessionId === sessionId && p.answered === 1)).toBe(true);

    // The exam board moves the candidate, who has not started, to room B.
    const moved = await api(engine).patch(
      `/api/sittings/${sitting.sittingId}/candidates/${sitting.candidates[0]!.candidateNumber}`,
      { roomId: roomB.data.id },
      sitting.board,
    );
    expect(moved.status).toBe(200);

    engine.deps.notifier.status({ sessionId, answered: 2 });
    await expect.poll(() => inRoomB.some((p) => p.sessionId === sessionId && p.answered === 2)).toBe(true);
    await settle(400);
    expect(inRoomA.some((p) => p.answered === 2)).toBe(false);
  });
});
