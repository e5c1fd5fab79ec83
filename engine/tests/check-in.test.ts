/** Check-in creates one session per candidate, records every check-in, and honours the sitting's close. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, sessionEvents } from '../delivery/tables.ts';
import { sittings } from '../sittings/tables.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { api } from './support/http.ts';
import { buildItems, buildSitting, checkInCandidate, testProjection } from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let sitting: Awaited<ReturnType<typeof buildSitting>>;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  const tree = await buildOrganisationTree(engine.deps.db);
  const items = await buildItems(engine, tree, 3);
  sitting = await buildSitting(engine, tree, items, { students: 3 });
});
afterAll(() => engine.dispose());

const eventsOf = async (sessionId: string) =>
  (
    await engine.deps.db
      .select({ type: sessionEvents.type, data: sessionEvents.data })
      .from(sessionEvents)
      .where(eq(sessionEvents.sessionId, sessionId))
      .orderBy(sessionEvents.seq)
  ).map((e) => e.type);

describe('check-in', () => {
  it('creates one session with its seed, and records each later check-in', async () => {
    const candidate = sitting.candidates[0]!;
    const first = await checkInCandidate(engine, sitting.accessCode, candidate);
    const again = await checkInCandidate(engine, sitting.accessCode, candidate);
    expect(again.sessionId).toBe(first.sessionId);
    expect(await eventsOf(first.sessionId)).toEqual(['checked_in', 'checked_in_again']);
    const [row] = await engine.deps.db
      .select({ seed: candidateSessions.seed, form: candidateSessions.form })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, first.sessionId));
    const [created] = await engine.deps.db
      .select({ data: sessionEvents.data })
      .from(sessionEvents)
      .where(eq(sessionEvents.sessionId, first.sessionId))
      .orderBy(sessionEvents.seq)
      .limit(1);
    expect(created!.data).toEqual({ seed: row!.seed });
    expect((row!.form as { entries: unknown[] }).entries).toHaveLength(3);
  });

  it('creates a single session when the same candidate checks in many times at once', async () => {
    const candidate = sitting.candidates[1]!;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => checkInCandidate(engine, sitting.accessCode, candidate)),
    );
    const ids = new Set(results.map((r) => r.sessionId));
    expect(ids.size).toBe(1);
    const sessions = await engine.deps.db
      .select({ id: candidateSessions.id })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, results[0]!.sessionId));
    expect(sessions).toHaveLength(1);
    const events = await eventsOf(results[0]!.sessionId);
    expect(events.filter((t) => t === 'checked_in')).toHaveLength(1);
  });

  it('after the sitting closes, resumes an existing session but creates no new one', async () => {
    const before = sitting.candidates[0]!;
    const late = sitting.candidates[2]!;
    await engine.deps.db
      .update(sittings)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(sittings.id, sitting.sittingId));
    const resumed = await checkInCandidate(engine, sitting.accessCode, before);
    expect(resumed.sessionToken).toBeTruthy();
    const [y, m, d] = late.dateOfBirth.split('-');
    const refused = await api(engine).post('/api/candidate/check-in', {
      accessCode: sitting.accessCode,
      candidateNumber: late.candidateNumber,
      dateOfBirth: `${d}/${m}/${y}`,
    });
    expect(refused.status).toBe(403);
    expect(refused.data.error.id).toBe('sitting_closed');
  });
});
