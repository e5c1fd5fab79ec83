/**
 * The downtime clock rule at a centre (issue 22): the centre node runs as its own process
 * (`npm start`, CENTRE_MODE) and writes a heartbeat to its data folder; it is killed with SIGKILL
 * mid-sitting and started again some seconds later. A sitting sealed with the exam board's rule
 * `pause` (the default) has its candidate's deadline moved by the downtime (delivery's pause at the
 * last heartbeat, resumed at the restart); one sealed with `continue` keeps its deadline. The session
 * events record the gap and the rule.
 */
import { and, asc, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealSittingPackage } from '../../centres/commands/seal-sitting-package.ts';
import { sessionEvents } from '../../delivery/tables.ts';
import { createEngine } from '../../engine.ts';
import { createLogger } from '../../platform/logger.ts';
import {
  buildSitting,
  connectCandidate,
  request,
  type CandidateClient,
} from '../support/delivery-fixtures.ts';
import { startEngineProcess, type EngineProcess } from '../support/engine-process.ts';
import { createPersistentStore } from '../support/persistent-engine.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { prepareCentralSitting } from './support/centre-engines.ts';

const DOWN_MS = 8000;
let central: TestEngine;
let centreStore: Awaited<ReturnType<typeof createPersistentStore>>;
let centre: EngineProcess | undefined;
let centreEnv: NodeJS.ProcessEnv;
let prepared: Awaited<ReturnType<typeof prepareCentralSitting>>;
let runOn: Awaited<ReturnType<typeof buildSitting>>;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  central = await createTestEngine();
  const centralUrl = `http://127.0.0.1:${await central.listen(0, '127.0.0.1')}`;
  prepared = await prepareCentralSitting(central, { students: 1, items: 2 });
  runOn = await buildSitting(central, prepared.tree, prepared.items, { students: 1 });
  const sealed = await sealSittingPackage(
    central.deps.db,
    null,
    { sittingId: runOn.sittingId, centreIds: [prepared.credential.centreId], downtime: 'continue' },
    { keySecret: central.config.auditKey },
  );
  expect(prepared.header.downtime).toBe('pause');
  expect(sealed.header.downtime).toBe('continue');
  centreStore = await createPersistentStore();
  const centreConfig = { centralUrl, credentialFile: prepared.credentialFile };
  // The packages imported days ahead (kept sealed); the serving node fetches their keys itself.
  const importer = await createEngine(
    { ...centreStore.config, centre: centreConfig },
    { logger: createLogger('silent') },
  );
  await importer.centre!.start(false);
  await importer.centre!.importFile(prepared.packageFile);
  await importer.centre!.importFile(sealed.file);
  await importer.close();
  centreEnv = {
    ...centreStore.env,
    CENTRE_MODE: 'true',
    CENTRAL_URL: centralUrl,
    CENTRE_CREDENTIAL: prepared.credentialFile,
  };
}, 180_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await centre?.kill('SIGKILL');
  await central?.dispose();
  await centreStore?.remove();
});

async function checkIn(accessCode: string, c: { candidateNumber: string; dateOfBirth: string }) {
  const [y, m, d] = c.dateOfBirth.split('-');
  // The node opens the packages with the keys it fetches after it starts: check-in waits for that.
  for (const until = Date.now() + 60_000; ;) {
    const res = await fetch(`${centre!.url}/api/candidate/check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessCode, candidateNumber: c.candidateNumber, dateOfBirth: `${d}/${m}/${y}` }),
    });
    const data = (await res.json()) as { sessionToken: string; sessionId: string };
    if (res.status === 200) return data;
    if (Date.now() > until) throw new Error(`check-in: ${res.status} ${JSON.stringify(data)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function deadlineOf(token: string, event: 'session:start' | 'session:resume') {
  const socket = await connectCandidate(centre!.port, token);
  sockets.push(socket);
  const ack = await request(socket, event, {});
  if (!ack.ok) throw new Error(JSON.stringify(ack));
  return { deadline: ack.snapshot.time.deadline!, paused: ack.snapshot.time.paused };
}

describe('a centre killed mid-sitting', () => {
  it('pauses the clock for the downtime under the rule pause, and not under continue', async () => {
    centre = await startEngineProcess(centreEnv);
    const a = await checkIn(prepared.sitting.accessCode, prepared.sitting.candidates[0]!);
    const b = await checkIn(runOn.accessCode, runOn.candidates[0]!);
    const beforeA = await deadlineOf(a.sessionToken, 'session:start');
    const beforeB = await deadlineOf(b.sessionToken, 'session:start');
    // A heartbeat after the starts (every 2 s), then the power goes.
    await new Promise((r) => setTimeout(r, 2500));
    await centre.kill('SIGKILL');
    sockets.splice(0).forEach((s) => s.disconnect());
    const cut = Date.now();
    await new Promise((r) => setTimeout(r, DOWN_MS));
    centre = await startEngineProcess(centreEnv);
    const restarted = Date.now();
    const afterA = await deadlineOf(a.sessionToken, 'session:resume');
    const afterB = await deadlineOf(b.sessionToken, 'session:resume');
    expect(afterA.paused).toBe(false);
    expect(afterB.paused).toBe(false);
    // Rule pause: the deadline moved by the downtime (from the last beat, at most 2 s before the
    // cut, to the restart, which came after the process was up again).
    const moved = afterA.deadline - beforeA.deadline;
    expect(moved).toBeGreaterThanOrEqual(DOWN_MS);
    expect(moved).toBeLessThanOrEqual(restarted - cut + 2500);
    // Rule continue: the clock ran on.
    expect(afterB.deadline).toBe(beforeB.deadline);
    sockets.splice(0).forEach((s) => s.disconnect());
    await centre.kill('SIGTERM');
    centre = undefined;

    const readBack = await centreStore.open({ auditCheckpoints: false });
    try {
      const events = await readBack.deps.db
        .select()
        .from(sessionEvents)
        .where(
          and(
            inArray(sessionEvents.sessionId, [a.sessionId, b.sessionId]),
            inArray(sessionEvents.type, ['paused', 'resumed', 'centre_downtime']),
          ),
        )
        .orderBy(asc(sessionEvents.seq));
      const of = (id: string) =>
        events.filter((e) => e.sessionId === id).map((e) => ({ type: e.type, data: e.data }));
      expect(of(a.sessionId)).toEqual([
        { type: 'paused', data: expect.objectContaining({ reason: 'centre_downtime' }) },
        { type: 'resumed', data: expect.objectContaining({ pausedMs: moved }) },
        { type: 'centre_downtime', data: expect.objectContaining({ rule: 'pause' }) },
      ]);
      expect(of(b.sessionId)).toEqual([
        { type: 'centre_downtime', data: expect.objectContaining({ rule: 'continue' }) },
      ]);
      const gap = (of(b.sessionId)[0]!.data as { downtimeMs: number }).downtimeMs;
      expect(gap).toBeGreaterThanOrEqual(DOWN_MS);
    } finally {
      await readBack.close();
    }
  }, 300_000);
});
