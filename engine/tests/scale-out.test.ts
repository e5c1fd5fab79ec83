/**
 * Scale-out acceptance: two engine processes on one PostgreSQL and one Redis, candidates behind a
 * small TCP proxy standing in for the load balancer (to A while it lives, then to B). A proctor
 * on B sees the candidates on A (progress, connection, device incidents) and reaches them
 * (message, pause); after `kill -9` of A the candidates' own socket.io reconnection brings them
 * to B within 5 s, at the same item with the same deadline, and no acknowledged answer is lost.
 */
import net from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine.ts';
import type { ItemResponses, SessionSnapshot as Snapshot } from '../protocol/candidate.ts';
import type {
  CandidateStatus,
  CandidateStatusPatch,
  IncidentRecord,
  ProctorClientToServerEvents,
  ProctorServerToClientEvents,
} from '../protocol/proctor.ts';
import { responses } from '../delivery/tables.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { tokenFor } from './support/http.ts';
import {
  buildQtiItems,
  buildSitting,
  nextEvent,
  qtiAnswersOf,
  request,
  type CandidateClient,
} from './support/delivery-fixtures.ts';
import { startEngineProcess, type EngineProcess } from './support/engine-process.ts';
import { createPersistentStore } from './support/persistent-engine.ts';

// Several engine processes need the shared PostgreSQL and Redis; the embedded run has neither.
const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const CANDIDATES = 20;
const ITEMS = 10;

type ProctorClient = Socket<ProctorServerToClientEvents, ProctorClientToServerEvents>;

/**
 * The load balancer: each TCP connection goes to the first backend that accepts it (A, then B
 * once A refuses), and dies with its backend, as a connection through a real balancer does.
 */
function startBalancer(backends: () => number[]) {
  const routed: number[] = [];
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryBackend = (candidates: number[]) => {
      const [port, ...rest] = candidates;
      if (port === undefined) {
        client.destroy();
        return;
      }
      let routedHere = false;
      const upstream = net.connect(port, '127.0.0.1');
      // Refused before connecting: that backend is down, try the next one.
      upstream.once('error', () => (routedHere ? client.destroy() : tryBackend(rest)));
      upstream.once('connect', () => {
        routedHere = true;
        routed.push(port);
        upstream.on('error', () => client.destroy());
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryBackend(backends());
  });
  return new Promise<{ port: number; routed: number[]; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        routed,
        close: () =>
          new Promise((done) => {
            open.forEach((s) => s.destroy());
            server.close(() => done());
          }),
      }),
    ),
  );
}

describe.runIf(shared)('two engine processes with PostgreSQL and Redis', () => {
  let store: Awaited<ReturnType<typeof createPersistentStore>>;
  let setup: Engine;
  let a: EngineProcess;
  let b: EngineProcess;
  let balancer: Awaited<ReturnType<typeof startBalancer>>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    store = await createPersistentStore();
    setup = await store.open();
    [a, b] = await Promise.all([
      startEngineProcess({ ...store.env, REDIS_URL: process.env.REDIS_URL }),
      startEngineProcess({ ...store.env, REDIS_URL: process.env.REDIS_URL }),
    ]);
    balancer = await startBalancer(() => [a.port, b.port]);
  }, 120_000);
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await balancer?.close();
    await Promise.all([a?.kill(), b?.kill()]);
    await setup?.close();
    await store?.remove();
  });

  it('a proctor on B and candidates on A see each other; after kill -9 of A they reconnect to B by themselves within 5 s, same item and deadline, no acknowledged answer lost', async () => {
    const tree = await buildOrganisationTree(setup.deps.db);
    const sitting = await buildSitting(setup, tree, await buildQtiItems(setup, tree, ITEMS), {
      students: CANDIDATES,
      securityPolicy: { proctoring: true },
    });

    // The proctor watches the room from process B.
    const proctor: ProctorClient = connect(`${b.url}/proctor`, {
      transports: ['websocket'],
      auth: { token: await tokenFor(setup, tree.proctorA) },
      forceNew: true,
    });
    sockets.push(proctor as unknown as Socket);
    const updates: CandidateStatusPatch[] = [];
    const incidents: IncidentRecord[] = [];
    proctor.on('candidates:update', (patches) => updates.push(...patches));
    proctor.on('incidents:new', (batch) => incidents.push(...batch.incidents));
    const joined = await proctor
      .timeout(10_000)
      .emitWithAck('room:join', { sittingId: sitting.sittingId, roomId: sitting.roomId });
    if (!joined.ok) throw new Error(JSON.stringify(joined));
    const statusOf = (sessionId: string) =>
      Object.assign({}, ...updates.filter((u) => u.sessionId === sessionId)) as Partial<CandidateStatusPatch>;

    // Candidates check in and connect through the balancer, as the candidate page does (automatic reconnection).
    const acknowledged = new Map<string, Map<string, { seq: number; responses: ItemResponses }>>();
    const candidates = await Promise.all(
      sitting.candidates.map(async (c, i) => {
        const [y, m, d] = c.dateOfBirth.split('-');
        const checkIn = await fetch(`http://127.0.0.1:${balancer.port}/api/candidate/check-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            accessCode: sitting.accessCode,
            candidateNumber: c.candidateNumber,
            dateOfBirth: `${d}/${m}/${y}`,
          }),
        });
        expect(checkIn.status).toBe(200);
        const { sessionToken, sessionId } = (await checkIn.json()) as {
          sessionToken: string;
          sessionId: string;
        };
        const socket: CandidateClient = connect(`http://127.0.0.1:${balancer.port}/candidate`, {
          transports: ['websocket'],
          auth: { token: sessionToken, deviceId: `pc-${i}`, tabId: 'tab' },
          reconnectionDelay: 500,
          reconnectionDelayMax: 5000,
          forceNew: true,
        });
        sockets.push(socket as unknown as Socket);
        // Every (re)connection resumes from the database snapshot, as the candidate page does.
        const resumes: Array<{ at: number; snapshot: Snapshot }> = [];
        const trouble: string[] = [];
        socket.on('connect_error', (e) =>
          trouble.push(`connect_error ${e.message} ${JSON.stringify((e as { data?: unknown }).data)}`),
        );
        socket.on('disconnect', (reason) => trouble.push(`disconnect ${reason}`));
        socket.on('connect', () => {
          request(socket, 'session:resume', {})
            .then((ack) => {
              if (ack.ok) resumes.push({ at: Date.now(), snapshot: ack.snapshot });
              else trouble.push(`resume refused ${JSON.stringify(ack)}`);
            })
            .catch((error: unknown) => trouble.push(`resume failed ${String(error)}`));
        });
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        acknowledged.set(sessionId, new Map());
        return { sessionId, socket, resumes, trouble, position: (i % (ITEMS - 1)) + 1 };
      }),
    );
    // Check-ins (HTTP connections may be reused) and the 20 sockets all went to A.
    const routedBeforeCrash = balancer.routed.length;
    expect(routedBeforeCrash).toBeGreaterThanOrEqual(CANDIDATES);
    expect(balancer.routed.every((port) => port === a.port)).toBe(true);

    /** Saves until acknowledged: unacknowledged saves are sent again (same seq: idempotent). */
    const save = async (c: (typeof candidates)[number], itemRef: string, seq: number, until: number) => {
      const answers = qtiAnswersOf(itemRef);
      const responses = { RESPONSE: answers[seq % answers.length]! };
      while (Date.now() < until) {
        const ack = await request(c.socket, 'response:save', { itemRef, seq, responses }, 1500).catch(
          () => null,
        );
        if (ack?.ok) {
          acknowledged.get(c.sessionId)!.set(itemRef, { seq, responses });
          return;
        }
        if (ack && !ack.ok) throw new Error(JSON.stringify(ack));
      }
      throw new Error(
        `${itemRef} #${seq} of ${c.sessionId} was never acknowledged (connected ${c.socket.connected}, ${c.resumes.length} resumes; ${c.trouble.join('; ')})`,
      );
    };

    const T0 = Date.now();
    await Promise.all(
      candidates.map(async (c) => {
        const started = await request(c.socket, 'session:start', {});
        if (!started.ok) throw new Error(JSON.stringify(started));
        for (let i = 1; i <= ITEMS / 2; i++) await save(c, `Q${i}`, 1, Date.now() + 10_000);
        expect(await request(c.socket, 'navigate', { position: c.position })).toMatchObject({ ok: true });
        const device = await request(c.socket, 'proctor:events', {
          sentAt: T0,
          events: [{ kind: 'clipboard', at: T0, action: 'paste' }],
        });
        expect(device).toMatchObject({ ok: true, proctoring: true });
      }),
    );

    // B's proctor sees A's candidates: connected, in progress, their answers and their incidents live,
    // and their place in the room's roster. (Navigation is not pushed live: position comes with a join.)
    for (const c of candidates)
      await expect
        .poll(() => statusOf(c.sessionId), { timeout: 5000 })
        .toMatchObject({ connected: true, state: 'in_progress', answered: ITEMS / 2 });
    const roster = await proctor
      .timeout(10_000)
      .emitWithAck('room:join', { sittingId: sitting.sittingId, roomId: sitting.roomId });
    if (!roster.ok) throw new Error(JSON.stringify(roster));
    for (const c of candidates)
      expect((roster.candidates as CandidateStatus[]).find((r) => r.sessionId === c.sessionId)).toMatchObject(
        {
          connected: true,
          answered: ITEMS / 2,
          position: c.position,
        },
      );
    await expect
      .poll(() => new Set(incidents.map((x) => x.sessionId)).size, { timeout: 5000 })
      .toBe(CANDIDATES);
    expect(incidents.every((x) => x.kind.length > 0)).toBe(true);

    // And reaches them: a message to everyone, a pause and a resume of one.
    const heard = candidates.map((c) => nextEvent(c.socket, 'message', 3000));
    for (const c of candidates)
      expect(
        await proctor
          .timeout(5000)
          .emitWithAck('session:action', { action: 'message', sessionId: c.sessionId, text: 'Còn 20 phút.' }),
      ).toMatchObject({ ok: true });
    for (const message of await Promise.all(heard)) expect(message.text).toBe('Còn 20 phút.');
    const first = candidates[0]!;
    const paused = nextEvent(first.socket, 'session:paused', 3000);
    expect(
      await proctor
        .timeout(5000)
        .emitWithAck('session:action', { action: 'pause', sessionId: first.sessionId, reason: 'Kiểm tra' }),
    ).toEqual({ ok: true, state: 'paused' });
    expect((await paused).reason).toBe('Kiểm tra');
    const resumed = nextEvent(first.socket, 'session:resumed', 3000);
    expect(
      await proctor
        .timeout(5000)
        .emitWithAck('session:action', { action: 'resume', sessionId: first.sessionId }),
    ).toEqual({ ok: true, state: 'in_progress' });
    await resumed;

    const before = new Map<string, Snapshot>();
    for (const c of candidates) {
      const ack = await request(c.socket, 'session:resume', {});
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      before.set(c.sessionId, ack.snapshot);
    }
    const resumesBefore = new Map(candidates.map((c) => [c.sessionId, c.resumes.length]));

    // Process A dies mid-sitting while every candidate is saving the rest of the test.
    const saving = Promise.all(
      candidates.map(async (c) => {
        for (let i = ITEMS / 2 + 1; i <= ITEMS; i++) await save(c, `Q${i}`, 1, Date.now() + 15_000);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const killedAt = Date.now();
    await a.kill('SIGKILL');
    await saving;

    for (const c of candidates) {
      await expect
        .poll(() => c.resumes.length, { timeout: 5000 })
        .toBeGreaterThan(resumesBefore.get(c.sessionId)!);
      const { at, snapshot } = c.resumes.at(-1)!;
      const earlier = before.get(c.sessionId)!;
      expect(at - killedAt).toBeLessThan(5000);
      expect(snapshot.state).toBe('in_progress');
      expect(snapshot.position).toBe(c.position);
      expect(snapshot.time.deadline).toBe(earlier.time.deadline);
      const expectedRemaining =
        earlier.time.remainingMs! - (snapshot.time.serverNow - earlier.time.serverNow);
      expect(Math.abs(snapshot.time.remainingMs! - expectedRemaining)).toBeLessThanOrEqual(1000);
    }
    // The reconnections went to B, and B's proctor sees every candidate connected there.
    const routedAfterCrash = balancer.routed.slice(routedBeforeCrash);
    expect(routedAfterCrash.length).toBeGreaterThanOrEqual(CANDIDATES);
    expect(routedAfterCrash.every((port) => port === b.port)).toBe(true);

    // Every acknowledged answer, before and across the crash, is in the database with its content.
    const stored = await setup.deps.db
      .select()
      .from(responses)
      .where(
        inArray(
          responses.sessionId,
          candidates.map((c) => c.sessionId),
        ),
      );
    expect(stored).toHaveLength(CANDIDATES * ITEMS);
    for (const c of candidates) {
      const mine = acknowledged.get(c.sessionId)!;
      expect(mine.size).toBe(ITEMS);
      for (const [itemRef, saved] of mine) {
        const row = stored.find((r) => r.sessionId === c.sessionId && r.itemRef === itemRef);
        expect({ seq: row?.clientSeq, responses: row?.value }).toEqual(saved);
      }
      const latest = await request(c.socket, 'session:resume', {});
      if (!latest.ok) throw new Error(JSON.stringify(latest));
      expect(latest.snapshot.responses).toEqual(Object.fromEntries(mine));
    }

    // The proctor on B still reaches them, now on B.
    const last = candidates.at(-1)!;
    const afterCrash = nextEvent(last.socket, 'message', 3000);
    expect(
      await proctor.timeout(5000).emitWithAck('session:action', {
        action: 'message',
        sessionId: last.sessionId,
        text: 'Tiếp tục làm bài.',
      }),
    ).toMatchObject({ ok: true });
    expect((await afterCrash).text).toBe('Tiếp tục làm bài.');
  }, 120_000);
});
