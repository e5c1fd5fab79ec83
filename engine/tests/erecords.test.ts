import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreSession } from '../delivery/score-session.ts';
import {
  createErecordsDeliverer,
  replayDeadLetters,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../records/erecords-deliverer.ts';
import { erecordsOutbox } from '../schema.ts';
import { createLogger } from '../logger.ts';
import { buildOrganisationTree } from '../test/factories.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  testProjection,
  testScorer,
} from '../test/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../test/test-engine.ts';

const SECRET = 'e-records shared secret for tests';

/** A real HTTP receiver that checks signatures and stores each idempotency key once. */
function startReceiver() {
  const state = {
    mode: 'up' as 'up' | 'down',
    failKeys: new Set<string>(),
    received: [] as Array<{ key: string; studentNationalId: string; resultVersion: number }>,
    duplicates: 0,
    badSignatures: 0,
    attempts: 0,
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      state.attempts++;
      const timestamp = String(req.headers[TIMESTAMP_HEADER]);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
      if (req.headers[SIGNATURE_HEADER] !== expected) {
        state.badSignatures++;
        res.writeHead(401).end();
        return;
      }
      const key = String(req.headers['idempotency-key']);
      if (state.mode === 'down' || state.failKeys.has(key)) {
        res.writeHead(503).end();
        return;
      }
      if (state.received.some((r) => r.key === key)) {
        state.duplicates++;
        res.writeHead(409).end();
        return;
      }
      const payload = JSON.parse(body) as { student: { nationalId: string }; resultVersion: number };
      state.received.push({
        key,
        studentNationalId: payload.student.nationalId,
        resultVersion: payload.resultVersion,
      });
      res.writeHead(201).end();
    });
  });
  return new Promise<{ url: string; state: typeof state; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/results`,
        state,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

let engine: TestEngine;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const sessionIds: string[] = [];

beforeAll(async () => {
  engine = await createTestEngine(
    {},
    { candidateProjection: testProjection, scorer: testScorer, sweepIntervalMs: 60_000 },
  );
  const port = await engine.listen(0, '127.0.0.1');
  receiver = await startReceiver();
  const tree = await buildOrganisationTree(engine.deps.db);
  const sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 3), { students: 4 });
  for (const [i, candidate] of sitting.candidates.entries()) {
    const { sessionToken, sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
    const socket = await connectCandidate(port, sessionToken, { deviceId: `e${i}` });
    await request(socket, 'session:start', {});
    // Candidate i answers i of the three items with the key.
    for (let q = 1; q <= 3; q++) {
      await request(socket, 'response:save', {
        itemRef: `Q${q}`,
        seq: 1,
        responses: { RESPONSE: q <= i ? `SECRET-KEY-${q}` : 'wrong' },
      });
    }
    await request(socket, 'submit', { confirm: true });
    socket.disconnect();
    sessionIds.push(sessionId);
  }
  await engine.scoring!.idle();
});
afterAll(async () => {
  await receiver.close();
  await engine.dispose();
});

describe('results and the e-records feed', () => {
  it('scores each submitted session and writes one outbox row with it', async () => {
    const rows = await engine.deps.db.select().from(erecordsOutbox);
    expect(rows).toHaveLength(4);
    const scores = rows
      .map((r) => r.payload as { scores: { raw: number; tenPoint: number }; rating: string })
      .sort((a, b) => a.scores.raw - b.scores.raw);
    expect(scores.map((s) => s.scores.raw)).toEqual([0, 1, 2, 3]);
    expect(scores.map((s) => s.scores.tenPoint)).toEqual([0, 3.3, 6.7, 10]);
    expect(scores.map((s) => s.rating)).toEqual(['Chưa đạt', 'Chưa đạt', 'Khá', 'Tốt']);
  });

  it('delivers every result exactly once, in order per student, across an outage, with valid signatures', async () => {
    // A key correction re-scores two sessions: version 2 of their results must arrive after version 1.
    await scoreSession(engine.deps.db, testScorer, sessionIds[0]!, 'key correction');
    await scoreSession(engine.deps.db, testScorer, sessionIds[1]!, 'key correction');
    const deliverer = createErecordsDeliverer(engine.deps.db, createLogger('silent'), {
      url: receiver.url,
      secret: SECRET,
      baseDelayMs: 5,
      maxDelayMs: 20,
      maxAttempts: 50,
    });
    receiver.state.mode = 'down';
    for (let i = 0; i < 5; i++) {
      await deliverer.deliverDue();
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(receiver.state.received).toHaveLength(0);
    expect(receiver.state.attempts).toBeGreaterThan(0);
    receiver.state.mode = 'up';
    for (let i = 0; i < 20 && receiver.state.received.length < 6; i++) {
      await deliverer.deliverDue();
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(receiver.state.received).toHaveLength(6);
    expect(new Set(receiver.state.received.map((r) => r.key)).size).toBe(6);
    expect(receiver.state.badSignatures).toBe(0);
    for (const student of new Set(receiver.state.received.map((r) => r.studentNationalId))) {
      const versions = receiver.state.received
        .filter((r) => r.studentNationalId === student)
        .map((r) => r.resultVersion);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
    }
    const pending = await engine.deps.db
      .select()
      .from(erecordsOutbox)
      .where(eq(erecordsOutbox.status, 'pending'));
    expect(pending).toHaveLength(0);
    // Nothing is sent twice afterwards.
    await deliverer.deliverDue();
    expect(receiver.state.received).toHaveLength(6);
  });

  it('moves a result that keeps failing to dead-letter, and a replay delivers it', async () => {
    await scoreSession(engine.deps.db, testScorer, sessionIds[2]!, 'moderation');
    const [row] = await engine.deps.db
      .select()
      .from(erecordsOutbox)
      .where(eq(erecordsOutbox.status, 'pending'));
    receiver.state.failKeys.add(row!.idempotencyKey);
    const deliverer = createErecordsDeliverer(engine.deps.db, createLogger('silent'), {
      url: receiver.url,
      secret: SECRET,
      baseDelayMs: 1,
      maxDelayMs: 2,
      maxAttempts: 3,
    });
    for (let i = 0; i < 10; i++) {
      await deliverer.deliverDue();
      await new Promise((r) => setTimeout(r, 5));
    }
    const [dead] = await engine.deps.db.select().from(erecordsOutbox).where(eq(erecordsOutbox.id, row!.id));
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastError: 'HTTP 503' });
    receiver.state.failKeys.clear();
    expect(await replayDeadLetters(engine.deps.db)).toBe(1);
    await deliverer.deliverDue();
    const [delivered] = await engine.deps.db
      .select()
      .from(erecordsOutbox)
      .where(eq(erecordsOutbox.id, row!.id));
    expect(delivered!.status).toBe('delivered');
    expect(receiver.state.received.filter((r) => r.key === row!.idempotencyKey)).toHaveLength(1);
  });
});
