/**
 * The two transports agree about who may act on a live candidate: every staff action that exists over
 * HTTP (`POST /api/sessions/{id}/<action>`) and over the `/proctor` socket (`session:action`) is tried
 * by every role and scope, and both must give the decision the proctoring policy states.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { StaffActor } from '../../people/actor.ts';
import { candidateSessions } from '../../delivery/tables.ts';
import { roomProctors } from '../../sittings/tables.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  testProjection,
} from '../support/delivery-fixtures.ts';
import { buildOrganisationTree, buildStaff } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

type Decision = 'allowed' | 'forbidden';

/** Every staff action on a session, in an order that lets each take effect (terminate last). */
const ACTIONS = [
  { action: 'message', path: 'message', body: { text: 'Em hãy ngồi thẳng.' } },
  { action: 'pause', path: 'pause', body: { reason: 'Kiểm tra giấy tờ' } },
  { action: 'resume', path: 'resume', body: {} },
  { action: 'extend', path: 'extend', body: { minutes: 5 } },
  { action: 'allow_device_change', path: 'allow-device-change', body: {} },
  { action: 'terminate', path: 'terminate', body: { reason: 'Vi phạm quy chế' } },
] as const;

let engine: TestEngine;
let port: number;
let sitting: Awaited<ReturnType<typeof buildSitting>>;
let nextCandidate = 0;
const sockets: Socket[] = [];
const actors: Array<{ who: string; actor: StaffActor; expected: Decision }> = [];

/** A fresh checked-in session of the sitting (room 1), one per actor and transport. */
async function freshSession(): Promise<string> {
  const candidate = sitting.candidates[nextCandidate++];
  if (!candidate) throw new Error('the sitting ran out of candidates');
  return (await checkInCandidate(engine, sitting.accessCode, candidate)).sessionId;
}

/** Policy refusals are what this test compares; a state conflict (409) means the policy let the action through. */
const decisionOf = (status: number | 'ok', id?: string): Decision =>
  status === 403 || id === 'forbidden' || status === 401 || id === 'unauthenticated'
    ? 'forbidden'
    : 'allowed';

async function overHttp(actor: StaffActor, sessionId: string): Promise<Decision[]> {
  const token = await tokenFor(engine, actor);
  const decisions: Decision[] = [];
  for (const { path, body } of ACTIONS) {
    const res = await api(engine).post(`/api/sessions/${sessionId}/${path}`, body, token);
    expect(res.status, `${path}: ${JSON.stringify(res.data)}`).not.toBe(500);
    decisions.push(decisionOf(res.status === 200 ? 'ok' : res.status, res.data?.error?.id));
  }
  return decisions;
}

async function overSocket(actor: StaffActor, sessionId: string): Promise<Decision[]> {
  const socket = connect(`http://127.0.0.1:${port}/proctor`, {
    transports: ['websocket'],
    auth: { token: await tokenFor(engine, actor) },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  const connected = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
  // A role that may not proctor is refused at the handshake: every action is refused.
  if (!connected) return ACTIONS.map(() => 'forbidden');
  const decisions: Decision[] = [];
  for (const { action, body } of ACTIONS) {
    const ack = (await socket
      .timeout(10_000)
      .emitWithAck('session:action', { action, sessionId, ...body })) as {
      ok: boolean;
      error?: { id: string };
    };
    expect(ack.error?.id, `${action}: ${JSON.stringify(ack)}`).not.toBe('internal_error');
    decisions.push(decisionOf(ack.ok ? 'ok' : 0, ack.error?.id));
  }
  socket.disconnect();
  return decisions;
}

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  const db = engine.deps.db;
  const tree = await buildOrganisationTree(db);
  const officeProctorAssigned = await buildStaff(db, 'proctor', tree.office);
  const schoolAProctorOtherRoom = await buildStaff(db, 'proctor', tree.schoolA);
  sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 2), { students: 40 });
  // Room 01 (every candidate) gets a second proctor from the office; room 02 a proctor of school A.
  const added = await api(engine).post(
    `/api/sittings/${sitting.sittingId}/rooms`,
    { name: 'Phòng 02', proctorIds: [schoolAProctorOtherRoom.userId] },
    sitting.board,
  );
  expect(added.status).toBe(201);
  await db.insert(roomProctors).values({ roomId: sitting.roomId, userId: officeProctorAssigned.userId });

  actors.push(
    { who: 'admin of the department', actor: tree.admin, expected: 'allowed' },
    { who: 'exam board of the office that runs the sitting', actor: tree.examBoard, expected: 'allowed' },
    { who: 'proctor of school A assigned to the room', actor: tree.proctorA, expected: 'allowed' },
    { who: 'office proctor assigned to the room', actor: officeProctorAssigned, expected: 'allowed' },
    { who: 'teacher of school A', actor: tree.teacherA, expected: 'forbidden' },
    {
      who: 'proctor of another room of the same school',
      actor: schoolAProctorOtherRoom,
      expected: 'forbidden',
    },
    {
      who: 'proctor of another school',
      actor: await buildStaff(db, 'proctor', tree.schoolB),
      expected: 'forbidden',
    },
    {
      who: 'office proctor not assigned',
      actor: await buildStaff(db, 'proctor', tree.office),
      expected: 'forbidden',
    },
    {
      who: 'exam board of a school below the sitting',
      actor: await buildStaff(db, 'exam_board', tree.schoolA),
      expected: 'forbidden',
    },
    {
      who: 'admin of another department',
      actor: await buildStaff(db, 'admin', (await buildOrganisationTree(db)).department),
      expected: 'forbidden',
    },
  );
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

describe('HTTP and the /proctor socket decide alike on every staff action', () => {
  it('gives every role and scope the same decision on both transports, and the one the policy states', async () => {
    const table: string[] = [];
    for (const { who, actor, expected } of actors) {
      const http = await overHttp(actor, await freshSession());
      const socket = await overSocket(actor, await freshSession());
      ACTIONS.forEach(({ action }, i) =>
        table.push(`${who} | ${action} | http ${http[i]} | socket ${socket[i]}`),
      );
      expect({ who, http }).toEqual({ who, http: ACTIONS.map(() => expected) });
      expect({ who, socket }).toEqual({ who, socket: ACTIONS.map(() => expected) });
    }
    expect(table).toHaveLength(actors.length * ACTIONS.length);
  });

  it('refuses an unassigned office proctor over HTTP: terminate leaves the session running (regression)', async () => {
    const db = engine.deps.db;
    const unassigned = actors.find((a) => a.who === 'office proctor not assigned')!.actor;
    const sessionId = await freshSession();
    const token = await tokenFor(engine, unassigned);
    const terminate = await api(engine).post(
      `/api/sessions/${sessionId}/terminate`,
      { reason: 'Vi phạm quy chế' },
      token,
    );
    expect(terminate.status).toBe(403);
    const message = await api(engine).post(`/api/sessions/${sessionId}/message`, { text: 'Xin chào' }, token);
    expect(message.status).toBe(403);
    const [row] = await db
      .select({ state: candidateSessions.state })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId));
    expect(row?.state).toBe('checked_in');
  });
});

describe('one socket error shape on every namespace', () => {
  it('answers a malformed payload with invalid_payload on /candidate and /proctor alike', async () => {
    const tree = actors.find((a) => a.who.startsWith('exam board of the office'))!.actor;
    const proctor = connect(`http://127.0.0.1:${port}/proctor`, {
      transports: ['websocket'],
      auth: { token: await tokenFor(engine, tree) },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(proctor);
    await new Promise((resolve, reject) => {
      proctor.once('connect', () => resolve(null));
      proctor.once('connect_error', reject);
    });
    const { sessionToken } = await checkInCandidate(
      engine,
      sitting.accessCode,
      sitting.candidates[nextCandidate++]!,
    );
    const candidate = await connectCandidate(port, sessionToken);
    sockets.push(candidate as unknown as Socket);
    const shape = { ok: false, error: { id: 'invalid_payload', message: expect.any(String) } };
    for (const [event, payload] of [
      ['session:action', { action: 'extend', sessionId: 'not-a-uuid', minutes: 9999 }],
      ['room:join', { sittingId: 42 }],
      ['incidents:list', { sittingId: sitting.sittingId, extra: true }],
    ] as const) {
      expect(await proctor.timeout(5000).emitWithAck(event, payload), event).toMatchObject(shape);
    }
    for (const [event, payload] of [
      ['item:fetch', { position: 'first' }],
      ['response:save', { itemRef: 42 }],
      ['proctor:events', { events: 'many' }],
      ['proctor:snapshot', { at: 'now' }],
    ] as const) {
      expect(await request(candidate, event as never, payload as never), event).toMatchObject(shape);
    }
  });
});
