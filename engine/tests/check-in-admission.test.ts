/**
 * A check-in storm beyond what the engine admits at once gets 503 with Retry-After at once (the
 * candidate page waits and retries by itself), creates nothing for the refused requests, and the
 * retried check-in then succeeds.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions } from '../delivery/tables.ts';
import { createAdmission } from '../platform/admission.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { api } from './support/http.ts';
import { buildItems, buildSitting, connectCandidate, testProjection } from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

describe('bounded admission', () => {
  it('runs at most `concurrency` tasks, queues up to `maxQueued`, refuses the rest with a retry time', async () => {
    const admission = createAdmission({ concurrency: 2, maxQueued: 3 });
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return 'done';
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => admission.run(task)));
    expect(most).toBe(2);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason);
    expect(refused).toHaveLength(3);
    for (const error of refused) {
      expect(error).toMatchObject({ status: 503, id: 'server_busy' });
      expect(error.details.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    expect(admission.refused).toBe(3);
    expect(await admission.run(task)).toBe('done');
  });
});

describe('check-in storm beyond the admission bound', () => {
  let engine: TestEngine;
  let sitting: Awaited<ReturnType<typeof buildSitting>>;
  let port: number;
  const tokens: string[] = [];

  beforeAll(async () => {
    engine = await createTestEngine(
      {},
      {
        candidateProjection: testProjection,
        sweepIntervalMs: 60_000,
        checkInAdmission: { concurrency: 1, maxQueued: 1 },
        handshakeAdmission: { concurrency: 1, maxQueued: 0 },
      },
    );
    const tree = await buildOrganisationTree(engine.deps.db);
    const items = await buildItems(engine, tree, 2);
    sitting = await buildSitting(engine, tree, items, { students: 12 });
    port = await engine.listen(0, '127.0.0.1');
  });
  afterAll(() => engine.dispose());

  const checkIn = (c: { candidateNumber: string; dateOfBirth: string }) => {
    const [y, m, d] = c.dateOfBirth.split('-');
    return api(engine).post('/api/candidate/check-in', {
      accessCode: sitting.accessCode,
      candidateNumber: c.candidateNumber,
      dateOfBirth: `${d}/${m}/${y}`,
    });
  };

  it('answers 503 with Retry-After to the excess, creates no session for them, and admits their retry', async () => {
    const first = await Promise.all(sitting.candidates.map(checkIn));
    const admitted = first.filter((r) => r.status === 200);
    const busy = first.filter((r) => r.status === 503);
    expect(admitted.length).toBeGreaterThanOrEqual(2);
    expect(busy.length).toBeGreaterThan(0);
    expect(admitted.length + busy.length).toBe(sitting.candidates.length);
    for (const r of busy) {
      expect(r.data.error.id).toBe('server_busy');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    const sessions = await engine.deps.db.select({ id: candidateSessions.id }).from(candidateSessions);
    expect(sessions).toHaveLength(admitted.length);

    // The refused candidates come back one by one, as their pages do after Retry-After.
    for (const [i, r] of first.entries()) {
      if (r.status !== 503) continue;
      const again = await checkIn(sitting.candidates[i]!);
      expect(again.status).toBe(200);
    }
    for (const c of sitting.candidates) tokens.push((await checkIn(c)).data.sessionToken);
    const after = await engine.deps.db.select({ id: candidateSessions.id }).from(candidateSessions);
    expect(after).toHaveLength(sitting.candidates.length);
  });

  it('refuses socket handshakes beyond the bound with server_busy and a retry time; they connect when retried', async () => {
    // The sessions table is locked for a moment, as a saturated database would be: the first
    // handshake waits on its read, and the others find the (one-slot) admission full.
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = engine.deps.db.transaction(async (tx) => {
      await tx.execute(sql`lock table candidate_sessions in access exclusive mode`);
      locked();
      await new Promise((r) => setTimeout(r, 1000));
    });
    await isLocked;
    const attempts = await Promise.allSettled(
      tokens.map((token, i) => connectCandidate(port, token, { deviceId: `storm-${i}` })),
    );
    await holder;
    const connected = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const refused = attempts.flatMap((a) =>
      a.status === 'rejected'
        ? [(a.reason as { data?: { id?: string; retryAfterSeconds?: number } }).data]
        : [],
    );
    expect(connected.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThan(0);
    for (const data of refused) {
      expect(data?.id).toBe('server_busy');
      expect(data?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    for (const [i, a] of attempts.entries()) {
      if (a.status === 'fulfilled') continue;
      connected.push(await connectCandidate(port, tokens[i]!, { deviceId: `storm-${i}` }));
    }
    expect(connected.every((s) => s.connected)).toBe(true);
    connected.forEach((s) => s.disconnect());
  });
});
