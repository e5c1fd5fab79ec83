/**
 * Abuse limits of delivery: the per-socket rate limit, the message size limit, the response size
 * limit per baseType, candidate tokens on staff routes, and a teacher (no exam-board role) on the
 * sitting routes.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responses } from '../delivery/tables.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import { connectCandidate, request, type CandidateClient } from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';
import {
  buildRulesSitting,
  choiceItemXml,
  saveAnswer,
  saveItems,
  sleep,
  startCandidate,
} from './stored-test-sitting.ts';

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sitting: Awaited<ReturnType<typeof buildRulesSitting>>;
let itemIds: Record<string, string>;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  ({ itemIds } = await saveItems(engine, tree, { Q1: choiceItemXml('Q1'), Q2: choiceItemXml('Q2') }));
  sitting = await buildRulesSitting(engine, tree, {
    form: { sections: [{ identifier: 'S', items: [{ itemId: itemIds.Q1 }, { itemId: itemIds.Q2 }] }] },
    students: 3,
  });
}, 120_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine?.dispose();
});

const storedRows = async (sessionId: string, itemRef: string) =>
  engine.deps.db
    .select({ seq: responses.clientSeq })
    .from(responses)
    .where(and(eq(responses.sessionId, sessionId), eq(responses.itemRef, itemRef)));

describe('per-socket limits', () => {
  it('refuses events beyond 20 a second (burst 60) with rate_limited, and the socket stays usable', async () => {
    const { socket } = await startCandidate(
      engine,
      port,
      sitting.accessCode,
      sitting.candidates[0]!,
      sockets,
    );
    // 90 events at once (malformed, so each costs the server nothing past the limiter).
    const acks = await Promise.all(
      Array.from({ length: 90 }, () => request(socket, 'navigate', { position: -1 } as never)),
    );
    const ids = acks.map((a) => (a.ok ? 'ok' : a.error.id));
    const limited = ids.filter((id) => id === 'rate_limited').length;
    // The burst (less the session:start already spent, plus a few refilled meanwhile) is served...
    expect(ids.slice(0, 55).every((id) => id === 'invalid_payload')).toBe(true);
    expect(ids.filter((id) => id === 'invalid_payload').length).toBeLessThanOrEqual(75);
    // ...and the rest is refused.
    expect(limited).toBeGreaterThanOrEqual(15);
    expect(limited + ids.filter((id) => id === 'invalid_payload').length).toBe(90);
    const refused = acks.find((a) => !a.ok && a.error.id === 'rate_limited');
    expect(refused && !refused.ok && refused.error.message).toMatch(/too many/i);
    // The bucket refills at 20 a second: after a pause the same socket is served again.
    await sleep(1_100);
    expect(socket.connected).toBe(true);
    expect(await request(socket, 'session:resume', {})).toMatchObject({ ok: true });
    expect(await saveAnswer(socket, 'Q1', 1, 'A')).toMatchObject({ ok: true });
  });

  it('closes a socket that sends a message over 256 KiB and stores nothing of it', async () => {
    const { socket, sessionId, sessionToken } = await startCandidate(
      engine,
      port,
      sitting.accessCode,
      sitting.candidates[1]!,
      sockets,
    );
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const raw = socket as unknown as { emit(event: string, payload: unknown): void };
    raw.emit('response:save', { itemRef: 'Q2', seq: 1, responses: { RESPONSE: 'x'.repeat(300 * 1024) } });
    expect(await closed).toMatch(/close|error/);
    expect(await storedRows(sessionId, 'Q2')).toHaveLength(0);
    // The candidate reconnects and carries on; the oversized answer is not there.
    const again = await connectCandidate(port, sessionToken);
    sockets.push(again);
    const resumed = await request(again, 'session:resume', {});
    expect(resumed.ok && resumed.snapshot.responses.Q2).toBeFalsy();
    expect(await saveAnswer(again, 'Q2', 1, 'B')).toMatchObject({ ok: true });
  });

  it('refuses a response over its baseType limit with response_too_large and stores nothing', async () => {
    const { socket, sessionId } = await startCandidate(
      engine,
      port,
      sitting.accessCode,
      sitting.candidates[2]!,
      sockets,
    );
    const tooLong = await saveAnswer(socket, 'Q1', 1, 'A'.repeat(300));
    expect(tooLong).toMatchObject({ ok: false, error: { id: 'response_too_large' } });
    expect(!tooLong.ok && tooLong.error.message).toContain('256');
    const tooMany = await saveAnswer(socket, 'Q1', 2, ['A', 'B']);
    expect(tooMany).toMatchObject({ ok: false, error: { id: 'response_too_large' } });
    expect(await storedRows(sessionId, 'Q1')).toHaveLength(0);
    expect(await saveAnswer(socket, 'Q1', 3, 'A')).toMatchObject({ ok: true });
    expect(await storedRows(sessionId, 'Q1')).toHaveLength(1);
  });
});

describe('who may call what', () => {
  it('a candidate session token opens no staff route', async () => {
    const { sessionToken } = await startCandidate(
      engine,
      port,
      sitting.accessCode,
      sitting.candidates[0]!,
      sockets,
    );
    for (const path of ['/api/sittings', `/api/sittings/${sitting.sittingId}/sessions`]) {
      const res = await api(engine).get(path, sessionToken);
      expect([401, 403]).toContain(res.status);
    }
    const create = await api(engine).post(
      `/api/sittings/${sitting.sittingId}/rooms`,
      { name: 'Phòng lạ' },
      sessionToken,
    );
    expect([401, 403]).toContain(create.status);
  });

  it('a teacher without the exam-board role may not schedule a sitting, add rooms or enrol candidates', async () => {
    const teacher = await tokenFor(engine, tree.teacherA);
    const created = await api(engine).post(
      '/api/sittings',
      {
        organisationId: tree.schoolA.id,
        name: 'Bài kiểm tra tự ý',
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        durationMinutes: 45,
        form: { sections: [{ identifier: 'S', items: [{ itemId: itemIds.Q1 }] }] },
      },
      teacher,
    );
    expect(created.status).toBe(403);
    const room = await api(engine).post(`/api/sittings/${sitting.sittingId}/rooms`, { name: 'P2' }, teacher);
    expect(room.status).toBe(403);
    const enrol = await api(engine).post(
      `/api/sittings/${sitting.sittingId}/candidates`,
      { roomId: sitting.roomId, classId: tree.classA.id },
      teacher,
    );
    expect(enrol.status).toBe(403);
    // The exam board may (the refusals above are about the role, not the request).
    const board = await api(engine).post(
      `/api/sittings/${sitting.sittingId}/rooms`,
      { name: 'P2' },
      sitting.board,
    );
    expect(board.status).toBe(201);
  });
});
