/**
 * Delivery rules that had no test of their own: a section's maxTime (answers refused after it;
 * in a linear part the server moves the candidate on), the test's maxTime capping the sitting's
 * duration, allowReview="false", the late-start cut-off, extra time as an accommodation, and a
 * proctor's termination reaching the candidate.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, sessionEvents } from '../delivery/tables.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import {
  checkInCandidate,
  connectCandidate,
  nextEvent,
  request,
  type CandidateClient,
} from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';
import {
  buildRulesSitting,
  choiceItemXml,
  eventsOf,
  itemRefXml as ref,
  saveAnswer,
  saveItems,
  saveTest,
  sleep,
  startCandidate,
  testXml,
} from './stored-test-sitting.ts';

const section = (id: string, refs: string, inner = '') =>
  `<assessmentSection identifier="${id}" title="${id}" visible="true">${inner}${refs}</assessmentSection>`;

const PARTS = `
  <testPart identifier="P1" navigationMode="nonlinear" submissionMode="simultaneous">
    <itemSessionControl allowReview="false"/>
    ${section('S1', ref('Q1') + ref('Q2'))}
  </testPart>
  <testPart identifier="P2" navigationMode="nonlinear" submissionMode="simultaneous">
    ${section('S2', ref('Q3') + ref('Q4'), '<timeLimits maxTime="2" allowLateSubmission="false"/>')}
    ${section('S2B', ref('Q5'))}
  </testPart>
  <testPart identifier="P3" navigationMode="linear" submissionMode="simultaneous">
    ${section('S4', ref('Q6') + ref('Q7'), '<timeLimits maxTime="2" allowLateSubmission="false"/>')}
    ${section('S5', ref('Q8'))}
  </testPart>`;

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let items: Awaited<ReturnType<typeof saveItems>>;
let timed: Awaited<ReturnType<typeof buildRulesSitting>>;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  engine = await createTestEngine({}, { sweepIntervalMs: 500 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const ids = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8'];
  items = await saveItems(engine, tree, Object.fromEntries(ids.map((id) => [id, choiceItemXml(id)])));
  // The test's own maxTime (120 s) is shorter than the sitting's 45 minutes.
  const testId = await saveTest(
    engine,
    items.bankId,
    testXml(PARTS, '<timeLimits maxTime="120" allowLateSubmission="false"/>'),
    items.versionIds,
  );
  timed = await buildRulesSitting(engine, tree, { test: testId, students: 2, durationMinutes: 45 });
}, 120_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine?.dispose();
});

const inlineForm = () => ({
  sections: [{ identifier: 'S', items: [{ itemId: items.itemIds.Q1 }, { itemId: items.itemIds.Q2 }] }],
});

describe('time limits, review and accommodations', () => {
  it("the test's maxTime caps the sitting's duration and the candidate's deadline", async () => {
    expect(timed.durationMinutes).toBe(2);
    const { snapshot } = await startCandidate(engine, port, timed.accessCode, timed.candidates[0]!, sockets);
    expect(snapshot.time.remainingMs).toBeGreaterThan(100_000);
    expect(snapshot.time.remainingMs).toBeLessThanOrEqual(120_000);
  });

  it('extra time (%) gives an accommodated candidate a longer deadline', async () => {
    const extra = await buildRulesSitting(engine, tree, {
      form: inlineForm(),
      durationMinutes: 10,
      students: 1,
      extraTimePercent: 50,
    });
    const plain = await buildRulesSitting(engine, tree, {
      form: inlineForm(),
      durationMinutes: 10,
      students: 1,
    });
    const a = await startCandidate(engine, port, extra.accessCode, extra.candidates[0]!, sockets);
    const b = await startCandidate(engine, port, plain.accessCode, plain.candidates[0]!, sockets);
    // 10 minutes + 50 % = 15 minutes; the other candidate keeps 10.
    expect(a.snapshot.time.remainingMs).toBeGreaterThan(14 * 60_000);
    expect(a.snapshot.time.remainingMs).toBeLessThanOrEqual(15 * 60_000);
    expect(b.snapshot.time.remainingMs).toBeLessThanOrEqual(10 * 60_000);
  });

  it('allowReview="false" refuses going back to a visited item', async () => {
    const { socket } = await startCandidate(engine, port, timed.accessCode, timed.candidates[0]!, sockets);
    expect(await request(socket, 'navigate', { position: 1 })).toMatchObject({ ok: true, position: 1 });
    expect(await request(socket, 'navigate', { position: 0 })).toMatchObject({
      ok: false,
      error: { id: 'review_not_allowed' },
    });
  });

  it("a section's maxTime refuses its answers, and in a linear part the server moves the candidate on", async () => {
    const { socket, sessionId } = await startCandidate(
      engine,
      port,
      timed.accessCode,
      timed.candidates[0]!,
      sockets,
    );
    // Into P2 (nonlinear): S2 has 2 seconds; S2B has no limit.
    expect(await request(socket, 'navigate', { position: 2 })).toMatchObject({ ok: true, position: 2 });
    expect(await saveAnswer(socket, 'Q3', 1, 'A')).toMatchObject({ ok: true });
    await sleep(2_200);
    const late = await saveAnswer(socket, 'Q3', 2, 'B');
    expect(late).toMatchObject({ ok: false, error: { id: 'time_limit_reached' } });
    expect(!late.ok && late.error.message).toContain('section');
    expect(await saveAnswer(socket, 'Q5', 1, 'A')).toMatchObject({ ok: true });
    // Into P3 (linear): when S4's 2 seconds run out the server moves the candidate to S5.
    expect(await request(socket, 'navigate', { position: 5 })).toMatchObject({ ok: true, position: 5 });
    const moved = await nextEvent(socket, 'route:moved', 12_000);
    expect(moved).toMatchObject({ position: 7, reason: 'time_limit', level: 'section', identifier: 'S4' });
    expect(await saveAnswer(socket, 'Q6', 1, 'A')).toMatchObject({ ok: false });
    const events = await eventsOf(engine, sessionId);
    expect(events.find((e) => e.type === 'time_limit_move')).toMatchObject({
      actorType: 'system',
      data: { level: 'section', identifier: 'S4', to: 7 },
    });
  }, 40_000);
});

describe('the late-start cut-off', () => {
  it('refuses to start a session after lateStartMinutes, and starts one within it', async () => {
    const closed = await buildRulesSitting(engine, tree, {
      form: inlineForm(),
      opensAt: new Date(Date.now() - 5 * 60_000),
      lateStartMinutes: 2,
      students: 1,
    });
    const { sessionToken } = await checkInCandidate(engine, closed.accessCode, closed.candidates[0]!);
    const socket = await connectCandidate(port, sessionToken);
    sockets.push(socket);
    expect(await request(socket, 'session:start', {})).toMatchObject({
      ok: false,
      error: { id: 'late_start_closed' },
    });
    const open = await buildRulesSitting(engine, tree, {
      form: inlineForm(),
      opensAt: new Date(Date.now() - 60_000),
      lateStartMinutes: 10,
      students: 1,
    });
    const started = await startCandidate(engine, port, open.accessCode, open.candidates[0]!, sockets);
    expect(started.snapshot.state).toBe('in_progress');
  });
});

describe('termination', () => {
  it("a proctor's termination reaches the candidate, submits the session and is recorded", async () => {
    const sitting = await buildRulesSitting(engine, tree, { form: inlineForm(), students: 1 });
    const { socket, sessionId } = await startCandidate(
      engine,
      port,
      sitting.accessCode,
      sitting.candidates[0]!,
      sockets,
    );
    expect(await saveAnswer(socket, 'Q1', 1, 'A')).toMatchObject({ ok: true });
    const proctor = await tokenFor(engine, tree.proctorA);
    const pushed = nextEvent(socket, 'session:terminated', 5_000);
    const res = await api(engine).post(
      `/api/sessions/${sessionId}/terminate`,
      { reason: 'Sử dụng tài liệu' },
      proctor,
    );
    expect(res.status).toBe(200);
    expect(res.data.state).toBe('submitted');
    expect(await pushed).toEqual({ reason: 'Sử dụng tài liệu' });
    const [row] = await engine.deps.db
      .select({
        state: candidateSessions.state,
        by: candidateSessions.submittedBy,
        reason: candidateSessions.terminatedReason,
      })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId));
    expect(['submitted', 'scored']).toContain(row!.state);
    expect(row).toMatchObject({ by: 'proctor', reason: 'Sử dụng tài liệu' });
    const events = await eventsOf(engine, sessionId);
    expect(events.find((e) => e.type === 'terminated')).toMatchObject({
      actorType: 'staff',
      data: { by: 'proctor', reason: 'Sử dụng tài liệu' },
    });
    expect(await saveAnswer(socket, 'Q1', 2, 'B')).toMatchObject({ ok: false });
  });

  it('the exam board may terminate too; the candidate hears it and the event names the staff member', async () => {
    const sitting = await buildRulesSitting(engine, tree, { form: inlineForm(), students: 1 });
    const { socket, sessionId } = await startCandidate(
      engine,
      port,
      sitting.accessCode,
      sitting.candidates[0]!,
      sockets,
    );
    const pushed = nextEvent(socket, 'session:terminated', 5_000);
    const res = await api(engine).post(
      `/api/sessions/${sessionId}/terminate`,
      { reason: 'Thi hộ' },
      sitting.board,
    );
    expect(res.status).toBe(200);
    expect(await pushed).toEqual({ reason: 'Thi hộ' });
    const events = await eventsOf(engine, sessionId);
    const terminated = await engine.deps.db
      .select({ actorId: sessionEvents.actorId })
      .from(sessionEvents)
      .where(and(eq(sessionEvents.sessionId, sessionId), eq(sessionEvents.type, 'terminated')));
    expect(events.filter((e) => e.type === 'terminated')).toHaveLength(1);
    expect(terminated[0]!.actorId).toBe(tree.examBoard.userId);
    // A second termination changes nothing and pushes nothing new.
    const again = await api(engine).post(
      `/api/sessions/${sessionId}/terminate`,
      { reason: 'Lần nữa' },
      sitting.board,
    );
    expect(again.status).toBe(200);
    expect((await eventsOf(engine, sessionId)).filter((e) => e.type === 'terminated')).toHaveLength(1);
  });
});
