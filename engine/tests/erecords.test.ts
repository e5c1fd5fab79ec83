import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.ts';
import { scoreSession } from '../results/score-session.ts';
import { runErecordsCommand } from '../records/erecords-command.ts';
import {
  createErecordsDeliverer,
  type ErecordsOptions,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../records/erecords-deliverer.ts';
import { outboxStatus } from '../records/outbox-status.ts';
import { erecordsOutbox } from '../results/tables.ts';
import { createLogger } from '../platform/logger.ts';
import { buildOrganisationTree } from './support/factories.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  testProjection,
  testScorer,
} from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

const SECRET = 'e-records shared secret for tests';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Stored {
  key: string;
  studentNationalId: string;
  resultVersion: number;
}

/**
 * A real HTTP receiver that checks signatures and stores each idempotency key once. It can
 * answer 503 (`unavailable`), be really down (`stop()`: connection refused) and come back on the
 * same port (`restart()`), and lose its answer after storing (`loseResponse`: the socket is
 * destroyed, so the deliverer cannot know the result arrived and must try again).
 */
async function startReceiver(options: { responseDelayMs?: number } = {}) {
  const state = {
    mode: 'up' as 'up' | 'unavailable',
    failKeys: new Set<string>(),
    loseResponse: new Set<string>(),
    stored: [] as Stored[],
    /** Every POST with a valid signature, per idempotency key, stored or not. */
    posts: new Map<string, number>(),
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
      state.posts.set(key, (state.posts.get(key) ?? 0) + 1);
      if (state.mode === 'unavailable' || state.failKeys.has(key)) {
        res.writeHead(503).end();
        return;
      }
      if (state.stored.some((r) => r.key === key)) {
        state.duplicates++;
        res.writeHead(409).end();
        return;
      }
      const payload = JSON.parse(body) as { student: { nationalId: string }; resultVersion: number };
      state.stored.push({
        key,
        studentNationalId: payload.student.nationalId,
        resultVersion: payload.resultVersion,
      });
      if (state.loseResponse.delete(key)) {
        req.socket.destroy();
        return;
      }
      const answer = () => res.writeHead(201).end();
      if (options.responseDelayMs) setTimeout(answer, options.responseDelayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: `http://127.0.0.1:${port}/results`,
    state,
    stop,
    restart: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => (server.listening ? stop() : Promise.resolve()),
    /** Versions stored for one student, in arrival order. */
    versionsOf: (nationalId: string) =>
      state.stored.filter((r) => r.studentNationalId === nationalId).map((r) => r.resultVersion),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

function expectInOrderPerStudent(receiver: Receiver) {
  for (const student of new Set(receiver.state.stored.map((r) => r.studentNationalId))) {
    const versions = receiver.versionsOf(student);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  }
}

const deliverer = (engine: TestEngine, receiver: Receiver, options: Partial<ErecordsOptions> = {}) =>
  createErecordsDeliverer(engine.deps.db, createLogger('silent'), {
    url: receiver.url,
    secret: SECRET,
    baseDelayMs: 5,
    maxDelayMs: 20,
    maxAttempts: 50,
    timeoutMs: 2000,
    ...options,
  });

let engine: TestEngine;
let receiver: Receiver;
const sessionIds: string[] = [];
const nationalIds: string[] = [];

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
  const rows = await engine.deps.db.select().from(erecordsOutbox);
  for (const id of sessionIds) {
    const row = rows.find((r) => r.sessionId === id);
    nationalIds.push((row!.payload as { student: { nationalId: string } }).student.nationalId);
  }
});
afterAll(async () => {
  await receiver?.close();
  await engine?.dispose();
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

  it('delivers every result exactly once, in order per student, across 503s, a real outage and a lost answer', async () => {
    // A key correction re-scores two sessions: version 2 of their results must arrive after version 1.
    await scoreSession(engine.deps.db, testScorer, sessionIds[0]!, 'key correction');
    await scoreSession(engine.deps.db, testScorer, sessionIds[1]!, 'key correction');
    const outbox = await engine.deps.db.select().from(erecordsOutbox);
    expect(outbox).toHaveLength(6);
    const feed = deliverer(engine, receiver);

    // Phase 1: the receiver answers 503.
    receiver.state.mode = 'unavailable';
    for (let i = 0; i < 4; i++) {
      await feed.deliverDue();
      await sleep(25);
    }
    expect(receiver.state.stored).toHaveLength(0);
    expect(receiver.state.attempts).toBeGreaterThan(0);

    // Phase 2: the receiver is really down: its port refuses connections.
    await receiver.stop();
    const attemptsBefore = receiver.state.attempts;
    for (let i = 0; i < 4; i++) {
      await feed.deliverDue();
      await sleep(25);
    }
    expect(receiver.state.attempts).toBe(attemptsBefore);
    const refused = await engine.deps.db.select().from(erecordsOutbox);
    expect(refused.some((r) => r.lastError?.includes('ECONNREFUSED'))).toBe(true);
    expect(refused.every((r) => r.status === 'pending')).toBe(true);

    // Phase 3: back up on the same port, but the answer to student 0's first version is lost
    // after it was stored, so the deliverer must try again and the receiver must drop the copy.
    const lostKey = outbox.find(
      (r) => r.sessionId === sessionIds[0] && r.resultVersion === 1,
    )!.idempotencyKey;
    receiver.state.loseResponse.add(lostKey);
    receiver.state.mode = 'up';
    await receiver.restart();
    for (let i = 0; i < 30 && (await outboxStatus(engine.deps.db)).counts.pending > 0; i++) {
      await feed.deliverDue();
      await sleep(25);
    }
    expect(receiver.state.loseResponse.size).toBe(0);
    expect(receiver.state.posts.get(lostKey)).toBeGreaterThanOrEqual(2);
    expect(receiver.state.duplicates).toBeGreaterThanOrEqual(1);

    // Exactly one stored per idempotency key, every row, valid signatures, in order per student.
    expect(receiver.state.stored.map((r) => r.key).sort()).toEqual(
      outbox.map((r) => r.idempotencyKey).sort(),
    );
    expect(receiver.state.badSignatures).toBe(0);
    expectInOrderPerStudent(receiver);
    expect(receiver.versionsOf(nationalIds[0]!)).toEqual([1, 2]);
    expect(receiver.versionsOf(nationalIds[1]!)).toEqual([1, 2]);
    expect((await outboxStatus(engine.deps.db)).counts).toEqual({
      pending: 0,
      blocked: 0,
      delivered: 6,
      dead: 0,
    });
    // Nothing is sent again afterwards.
    const posts = receiver.state.attempts;
    await feed.deliverDue();
    expect(receiver.state.attempts).toBe(posts);
  });

  it("holds a student's later results behind a dead letter, and a replay releases them in order", async () => {
    const student = nationalIds[2]!;
    expect(receiver.versionsOf(student)).toEqual([1]);
    await scoreSession(engine.deps.db, testScorer, sessionIds[2]!, 'moderation');
    const [v2] = await engine.deps.db
      .select()
      .from(erecordsOutbox)
      .where(eq(erecordsOutbox.status, 'pending'));
    receiver.state.failKeys.add(v2!.idempotencyKey);
    const feed = deliverer(engine, receiver, { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 });
    for (let i = 0; i < 10; i++) {
      await feed.deliverDue();
      await sleep(5);
    }
    const [dead] = await engine.deps.db.select().from(erecordsOutbox).where(eq(erecordsOutbox.id, v2!.id));
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastError: 'HTTP 503' });

    // A later version of the same student waits: it is not posted while version 2 is dead.
    await scoreSession(engine.deps.db, testScorer, sessionIds[2]!, 'second moderation');
    const [v3] = await engine.deps.db
      .select()
      .from(erecordsOutbox)
      .where(eq(erecordsOutbox.idempotencyKey, `result:${sessionIds[2]}:v3`));
    receiver.state.failKeys.clear();
    for (let i = 0; i < 3; i++) await feed.deliverDue();
    expect(receiver.state.posts.get(v3!.idempotencyKey)).toBeUndefined();
    expect(receiver.versionsOf(student)).toEqual([1]);

    const status = await runErecordsCommand(engine.deps.db, ['status']);
    expect(status.exitCode).toBe(0);
    expect(status.output).toContain('pending 0, blocked 1, delivered 6, dead 1');
    expect(status.output).toContain(`dead    #${v2!.id} ${v2!.idempotencyKey} after 3 tries: HTTP 503`);
    expect(status.output).toContain(
      `blocked #${v3!.id} ${v3!.idempotencyKey} waits for dead letter #${v2!.id}`,
    );

    // Replay: version 2, then version 3, each once.
    const replay = await runErecordsCommand(engine.deps.db, ['replay', String(v2!.id)]);
    expect(replay).toEqual({ exitCode: 0, output: `Queued 1 dead letter(s) again: #${v2!.id}.` });
    for (let i = 0; i < 5 && (await outboxStatus(engine.deps.db)).counts.pending > 0; i++)
      await feed.deliverDue();
    expect(receiver.versionsOf(student)).toEqual([1, 2, 3]);
    expect(receiver.state.posts.get(v3!.idempotencyKey)).toBe(1);
    expect((await outboxStatus(engine.deps.db)).counts).toEqual({
      pending: 0,
      blocked: 0,
      delivered: 8,
      dead: 0,
    });
  });

  it('the erecords command: bad input is refused with a reason, replay names rows that are not dead', async () => {
    expect(await runErecordsCommand(engine.deps.db, ['replay', '1', 'abc'])).toMatchObject({
      exitCode: 1,
      output: expect.stringContaining('Not an outbox id: abc') as string,
    });
    expect(await runErecordsCommand(engine.deps.db, ['resend'])).toMatchObject({
      exitCode: 1,
      output: expect.stringContaining('Unknown command "resend"') as string,
    });
    const [delivered] = await engine.deps.db.select().from(erecordsOutbox).limit(1);
    expect(await runErecordsCommand(engine.deps.db, ['replay', String(delivered!.id)])).toEqual({
      exitCode: 1,
      output: `No dead letters to queue.\nNot dead letters, left as they are: #${delivered!.id}.`,
    });
    const json = await runErecordsCommand(engine.deps.db, ['status', '--json']);
    expect(JSON.parse(json.output)).toMatchObject({
      counts: { pending: 0, blocked: 0, delivered: 8, dead: 0 },
    });
  });

  it('npm run erecords runs as a process: usage at once, and status on a database', async () => {
    const run = promisify(execFile);
    const script = path.resolve(import.meta.dirname, '../../scripts/erecords.ts');
    const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'erecords-cli-'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    // On PostgreSQL the process reads this file's database; on PGlite a fresh one in DATA_DIR.
    if (engine.databaseUrl) env.DATABASE_URL = engine.databaseUrl;
    try {
      const help = await run(tsx, [script, '--help'], { env });
      expect(help.stdout).toContain('Usage: npm run erecords -- status');
      const status = await run(tsx, [script, 'status'], { env });
      expect(status.stdout).toContain(
        engine.databaseUrl
          ? 'pending 0, blocked 0, delivered 8, dead 0'
          : 'pending 0, blocked 0, delivered 0, dead 0',
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('several deliverers on one outbox', () => {
  let own: TestEngine;
  let sink: Receiver;
  beforeAll(async () => {
    own = await createTestEngine();
    sink = await startReceiver({ responseDelayMs: 15 });
  });
  afterAll(async () => {
    await sink?.close();
    await own?.dispose();
  });

  it('posts every row exactly once (counted at the receiver) and in order per student', async () => {
    const students = Array.from({ length: 10 }, (_, i) => ({ id: randomUUID(), nationalId: `0790${i}` }));
    const rows = [1, 2, 3].flatMap((version) =>
      students.map((s) => ({
        studentId: s.id,
        sessionId: randomUUID(),
        resultVersion: version,
        idempotencyKey: `result:${s.nationalId}:v${version}`,
        payload: { kind: 'exam_result', resultVersion: version, student: { nationalId: s.nationalId } },
      })),
    );
    await own.deps.db.insert(erecordsOutbox).values(rows);
    // On PostgreSQL the second deliverer has its own connection pool, like another engine process.
    const second = own.databaseUrl ? await openDatabase({ url: own.databaseUrl }) : undefined;
    const options = { url: sink.url, secret: SECRET, batchSize: 4, baseDelayMs: 5, maxDelayMs: 20 };
    const deliverers = [
      createErecordsDeliverer(own.deps.db, createLogger('silent'), options),
      createErecordsDeliverer(second?.db ?? own.deps.db, createLogger('silent'), options),
    ];
    const rounds = [0, 0];
    try {
      await Promise.all(
        deliverers.map(async (d, i) => {
          for (let n = 0; n < 200 && sink.state.stored.length < rows.length; n++) {
            const round = await d.deliverDue();
            if (round.delivered) rounds[i]!++;
            else await sleep(5);
          }
        }),
      );
    } finally {
      await second?.close();
    }
    expect(sink.state.stored).toHaveLength(rows.length);
    for (const row of rows) expect(sink.state.posts.get(row.idempotencyKey), row.idempotencyKey).toBe(1);
    expect(sink.state.duplicates).toBe(0);
    expect(sink.state.attempts).toBe(rows.length);
    for (const s of students) expect(sink.versionsOf(s.nationalId)).toEqual([1, 2, 3]);
    // Both did part of the work.
    expect(rounds.every((n) => n > 0)).toBe(true);
  });
});
