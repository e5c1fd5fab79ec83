/**
 * Issue 26, the standing security suite's socket half: every event of both namespaces, by who asks.
 * - /candidate: only a candidate session token opens it (no token, a staff token, or a candidate token
 *   signed with another key is refused at the handshake, so no event is reachable); a candidate's
 *   every event with a payload outside its schema gets the error ack, never a crash, and the socket
 *   goes on working.
 * - /proctor: a candidate token, no token and a teacher are refused at the handshake; a proctor not
 *   assigned to the room, and an exam board of another department, are refused every event that
 *   names the sitting or one of its sessions.
 * The event lists are checked against the protocol's interfaces by the compiler, so an event added
 * there and not here fails `tsc`.
 */
import { SignJWT } from 'jose';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateClientToServerEvents } from '../../protocol/candidate.ts';
import type { ProctorClientToServerEvents } from '../../protocol/proctor.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  testProjection,
} from '../support/delivery-fixtures.ts';
import { buildOrganisationTree, buildStaff } from '../support/factories.ts';
import { tokenFor } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

const CANDIDATE_EVENTS = [
  'session:resume',
  'session:start',
  'item:fetch',
  'response:save',
  'navigate',
  'flag',
  'submit',
  'item:submit',
  'code:run',
  'security:event',
  'proctor:events',
] as const satisfies ReadonlyArray<keyof CandidateClientToServerEvents>;
const PROCTOR_EVENTS = [
  'rooms:list',
  'room:join',
  'session:action',
  'incidents:list',
] as const satisfies ReadonlyArray<keyof ProctorClientToServerEvents>;
// Every event of the protocol is in the lists above (a compile error names the one left out).
const everyCandidateEvent: Exclude<
  keyof CandidateClientToServerEvents,
  (typeof CANDIDATE_EVENTS)[number]
> extends never
  ? true
  : never = true;
const everyProctorEvent: Exclude<
  keyof ProctorClientToServerEvents,
  (typeof PROCTOR_EVENTS)[number]
> extends never
  ? true
  : never = true;

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sitting: Awaited<ReturnType<typeof buildSitting>>;
let session: { sessionToken: string; sessionId: string };
const sockets: Socket[] = [];

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 2), { students: 1 });
  session = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[0]!);
}, 120_000);
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

/** Connects to a namespace; resolves with the socket, or with the handshake's refusal. */
function handshake(namespace: '/candidate' | '/proctor', auth: Record<string, unknown>) {
  const socket = connect(`http://127.0.0.1:${port}${namespace}`, {
    transports: ['websocket'],
    auth,
    reconnection: false,
    forceNew: true,
    timeout: 60_000,
  });
  sockets.push(socket);
  return new Promise<{ socket?: Socket; refused?: { message: string; data?: { id?: string } } }>(
    (resolve) => {
      socket.once('connect', () => resolve({ socket }));
      socket.once('connect_error', (error) =>
        resolve({ refused: { message: error.message, data: (error as { data?: { id?: string } }).data } }),
      );
    },
  );
}

const forgedCandidateToken = () =>
  new SignJWT({ sid: session.sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(session.sessionId)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('another-key-that-is-long-enough-for-hs256-signing'));

describe('socket events by who asks', () => {
  it('/candidate: refused at the handshake without a candidate session token, so no event is reachable', async () => {
    const staff = await tokenFor(engine, tree.examBoard);
    const cases: Array<[string, Record<string, unknown>]> = [
      ['no token', {}],
      ['a staff token', { token: staff, deviceId: 'd', tabId: 't' }],
      ['a token signed with another key', { token: await forgedCandidateToken(), deviceId: 'd', tabId: 't' }],
    ];
    for (const [who, auth] of cases) {
      const result = await handshake('/candidate', auth);
      expect(result.socket, who).toBeUndefined();
      expect(result.refused?.message, who).toBeTruthy();
    }
    console.log(
      `socket matrix /candidate: ${CANDIDATE_EVENTS.length} events x ${cases.length} wrong audiences, refused at the handshake`,
    );
  });

  it('/candidate: every event with a payload outside its schema gets the error ack, and the socket goes on', async () => {
    const socket = await connectCandidate(port, session.sessionToken);
    sockets.push(socket as unknown as Socket);
    for (const event of CANDIDATE_EVENTS) {
      for (const payload of [{ position: -1, nonsense: 'x'.repeat(10) }, 'not an object', [1, 2, 3]]) {
        const ack = (await (socket as unknown as Socket).timeout(20_000).emitWithAck(event, payload)) as {
          ok: boolean;
          error?: { id: string; message: string };
        };
        expect(ack.ok, `${event} ${JSON.stringify(payload)}`).toBe(false);
        expect(ack.error?.id, event).toMatch(/^[a-z_]+$/);
      }
    }
    // Still connected and served: a well-formed resume answers.
    const resume = (await (socket as unknown as Socket)
      .timeout(20_000)
      .emitWithAck('session:resume', {})) as { ok: boolean };
    expect(resume.ok).toBe(true);
    console.log(
      `socket matrix /candidate: ${CANDIDATE_EVENTS.length} events x 3 malformed payloads, error acks`,
    );
  });

  it('/proctor: refused at the handshake to no token, a candidate token and a teacher', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['no token', {}],
      ['a candidate session token', { token: session.sessionToken }],
      ['a teacher', { token: await tokenFor(engine, tree.teacherA) }],
    ];
    for (const [who, auth] of cases) {
      const result = await handshake('/proctor', auth);
      expect(result.socket, who).toBeUndefined();
      expect(result.refused?.data?.id, who).toMatch(/unauthenticated|invalid_token|forbidden/);
    }
    console.log(
      `socket matrix /proctor: ${PROCTOR_EVENTS.length} events x ${cases.length} wrong audiences, refused at the handshake`,
    );
  });

  it('/proctor: an unassigned proctor and another department’s exam board get no room, incident or action of the sitting', async () => {
    const strangers: Array<[string, Parameters<typeof tokenFor>[1]]> = [
      ['an unassigned proctor of the office', await buildStaff(engine.deps.db, 'proctor', tree.office)],
      ['an exam board of another department', (await buildOrganisationTree(engine.deps.db)).examBoard],
    ];
    let decisions = 0;
    for (const [who, actor] of strangers) {
      const { socket } = await handshake('/proctor', { token: await tokenFor(engine, actor) });
      expect(socket, who).toBeDefined();
      const ask = (event: (typeof PROCTOR_EVENTS)[number], payload: unknown) =>
        socket!.timeout(20_000).emitWithAck(event, payload) as Promise<{
          ok: boolean;
          rooms?: Array<{ sittingId: string }>;
          error?: { id: string };
        }>;
      const rooms = await ask('rooms:list', {});
      expect(rooms.ok, who).toBe(true);
      expect(
        rooms.rooms?.some((r) => r.sittingId === sitting.sittingId),
        who,
      ).toBe(false);
      const refused = [
        await ask('room:join', { sittingId: sitting.sittingId, roomId: sitting.roomId }),
        await ask('room:join', { sittingId: sitting.sittingId }),
        await ask('incidents:list', { sittingId: sitting.sittingId }),
        await ask('session:action', { action: 'pause', sessionId: session.sessionId }),
        await ask('session:action', { action: 'message', sessionId: session.sessionId, text: 'x' }),
      ];
      for (const ack of refused) {
        expect(ack, who).toMatchObject({
          ok: false,
          error: { id: expect.stringMatching(/forbidden|not_found/) },
        });
      }
      decisions += refused.length + 1;
    }
    expect(everyCandidateEvent && everyProctorEvent).toBe(true);
    console.log(`socket matrix /proctor: ${decisions} decisions by 2 outsiders, none let through`);
  });
});
