/**
 * Delivering a stored QTI assessmentTest: parts with their own modes, individual submission with
 * attempts, validateResponses, feedback and solution only after the attempt, branchRules and
 * preConditions, time limits per part and item (late submission), minTime, pause and extension.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, sessionEvents } from '../delivery/tables.ts';
import { buildClass, buildOrganisationTree, buildStudent } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import {
  checkInCandidate,
  connectCandidate,
  nextEvent,
  request,
  type CandidateClient,
} from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';
import { saveItems, saveTest } from './stored-test-sitting.ts';
import { extendSession, pauseSession, resumeSession } from '../delivery/session-commands.ts';
import { sessionSnapshot } from '../delivery/session-snapshot.ts';

const choiceItem = (
  id: string,
  opts: { multiple?: boolean; feedback?: boolean } = {},
) => `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="${id}" title="Item ${id}" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="${opts.multiple ? 'multiple' : 'single'}" baseType="identifier">
    <correctResponse><value>A</value>${opts.multiple ? '<value>C</value>' : ''}</correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>
  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="${opts.multiple ? 3 : 1}" minChoices="${opts.multiple ? 2 : 0}">
      <prompt>Question ${id}</prompt>
      <simpleChoice identifier="A">Alpha</simpleChoice>
      <simpleChoice identifier="B">Beta</simpleChoice>
      <simpleChoice identifier="C">Gamma</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing>
    <responseCondition>
      <responseIf>
        <match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
        <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">RIGHT</baseValue></setOutcomeValue>
      </responseIf>
      <responseElse>
        <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">WRONG</baseValue></setOutcomeValue>
      </responseElse>
    </responseCondition>
  </responseProcessing>
  ${
    opts.feedback
      ? `<modalFeedback outcomeIdentifier="FEEDBACK" identifier="RIGHT" showHide="show">FEEDBACK-RIGHT-TEXT</modalFeedback>
  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="WRONG" showHide="show">FEEDBACK-WRONG-TEXT</modalFeedback>`
      : ''
  }
</assessmentItem>`;

const ref = (id: string, extra = '', inner = '') =>
  `<assessmentItemRef identifier="${id}" href="${id}.xml"${extra}>${inner}</assessmentItemRef>`;

const TEST_XML = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="T1" title="Route test">
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <testPart identifier="P1" navigationMode="linear" submissionMode="individual">
    <itemSessionControl maxAttempts="2" showFeedback="true" showSolution="true" validateResponses="true"/>
    <assessmentSection identifier="S1" title="Part one" visible="true">
      ${ref(
        'Q1',
        ' category="algebra"',
        `<branchRule target="Q3"><gte><variable identifier="Q1.SCORE"/><baseValue baseType="float">1</baseValue></gte></branchRule><weight identifier="W" value="2"/>`,
      )}
      ${ref('Q2')}
      ${ref('Q3')}
    </assessmentSection>
    <assessmentSection identifier="S2" title="Only after a wrong Q1" visible="true">
      <preCondition><lt><variable identifier="Q1.SCORE"/><baseValue baseType="float">1</baseValue></lt></preCondition>
      ${ref('Q4')}
    </assessmentSection>
  </testPart>
  <testPart identifier="P2" navigationMode="nonlinear" submissionMode="simultaneous">
    <timeLimits maxTime="4" allowLateSubmission="false"/>
    <assessmentSection identifier="S3" title="Timed" visible="true">
      ${ref('Q5', '', '<timeLimits maxTime="1" allowLateSubmission="false"/>')}
      ${ref('Q6', '', '<timeLimits maxTime="1" allowLateSubmission="true"/>')}
    </assessmentSection>
  </testPart>
  <testPart identifier="P3" navigationMode="linear" submissionMode="simultaneous">
    <timeLimits maxTime="5" allowLateSubmission="false"/>
    <assessmentSection identifier="S4" title="Slow" visible="true">
      ${ref('Q7', '', '<timeLimits minTime="2" allowLateSubmission="true"/>')}
      ${ref('Q8')}
    </assessmentSection>
  </testPart>
  <outcomeProcessing>
    <setOutcomeValue identifier="SCORE"><sum><testVariables variableIdentifier="SCORE"/></sum></setOutcomeValue>
  </outcomeProcessing>
</assessmentTest>`;

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let accessCode: string;
let candidates: Array<{ candidateNumber: string; dateOfBirth: string }>;
let board: string;
let testId: string;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  engine = await createTestEngine({}, { sweepIntervalMs: 500 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const items = Object.fromEntries(
    ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8'].map((id) => [
      id,
      choiceItem(id, { multiple: id === 'Q3', feedback: id === 'Q1' }),
    ]),
  );
  const { bankId, versionIds } = await saveItems(engine, tree, items);
  testId = await saveTest(engine, bankId, TEST_XML, versionIds);

  board = await tokenFor(engine, tree.examBoard);
  const sitting = await api(engine).post(
    '/api/sittings',
    {
      organisationId: tree.office.id,
      name: 'Bài kiểm tra theo QTI',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      durationMinutes: 45,
      test: { testId },
    },
    board,
  );
  if (sitting.status !== 201) throw new Error(`sitting: ${JSON.stringify(sitting.data)}`);
  expect(sitting.data.itemCount).toBe(8);
  const room = await api(engine).post(
    `/api/sittings/${sitting.data.id}/rooms`,
    { name: 'Phòng 01', proctorIds: [tree.proctorA.userId] },
    board,
  );
  accessCode = room.data.accessCode;
  const cls = await buildClass(engine.deps.db, tree.schoolA);
  const students: Array<Awaited<ReturnType<typeof buildStudent>>> = [];
  for (let i = 0; i < 3; i++)
    students.push(await buildStudent(engine.deps.db, tree.schoolA, cls.id, `Học Sinh ${i + 1}`));
  const enrolled = await api(engine).post(
    `/api/sittings/${sitting.data.id}/candidates`,
    { roomId: room.data.id, classId: cls.id },
    board,
  );
  candidates = (enrolled.data.candidates as Array<{ studentId: string; candidateNumber: string }>).map(
    (c) => ({
      ...c,
      dateOfBirth: students.find((s) => s.id === c.studentId)!.dateOfBirth,
    }),
  );
}, 120_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine?.dispose();
});

async function begin(index: number) {
  const { sessionToken, sessionId } = await checkInCandidate(engine, accessCode, candidates[index]!);
  const socket = await connectCandidate(port, sessionToken);
  sockets.push(socket);
  const started = await request(socket, 'session:start', {});
  if (!started.ok) throw new Error(JSON.stringify(started));
  return { socket, sessionId, snapshot: started.snapshot };
}

const save = (socket: CandidateClient, itemRef: string, seq: number, value: unknown) =>
  request(socket, 'response:save', { itemRef, seq, responses: { RESPONSE: value as never } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a stored assessmentTest delivered part by part', () => {
  it('refuses a sitting with both a form and a test, or a test it cannot see', async () => {
    const both = await api(engine).post(
      '/api/sittings',
      {
        organisationId: tree.office.id,
        name: 'Sai',
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        durationMinutes: 45,
        test: { testId },
        form: { sections: [{ identifier: 'S', items: [{ itemId: randomUUID() }] }] },
      },
      board,
    );
    expect(both.status).toBe(400);
    const missing = await api(engine).post(
      '/api/sittings',
      {
        organisationId: tree.office.id,
        name: 'Sai',
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        durationMinutes: 45,
        test: { testId: randomUUID() },
      },
      board,
    );
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.data)).toContain('does not exist');
  });

  it('runs attempts, validation, feedback and solution after the attempt, branch rules, preconditions, time limits and minTime', async () => {
    const { socket, sessionId, snapshot } = await begin(0);
    expect(
      snapshot.route?.parts.map((p) => [p.identifier, p.navigationMode, p.submissionMode, p.start, p.end]),
    ).toEqual([
      ['P1', 'linear', 'individual', 0, 4],
      ['P2', 'nonlinear', 'simultaneous', 4, 6],
      ['P3', 'linear', 'simultaneous', 6, 8],
    ]);
    expect(snapshot.form[0]).toMatchObject({ itemRef: 'Q1', submitIndividually: true, maxAttempts: 2 });
    expect(snapshot.sitting.navigationMode).toBe('linear');
    const captured: string[] = [];
    socket.onAny((event, payload) => captured.push(`${event} ${JSON.stringify(payload)}`));

    const item = await request(socket, 'item:fetch', { position: 0 });
    const itemJson = JSON.stringify(item);
    expect(itemJson).not.toContain('FEEDBACK-RIGHT-TEXT');
    expect(itemJson).not.toContain('correctResponse');

    // Attempt 1, wrong: feedback (showFeedback) but no solution while an attempt is left.
    expect(await save(socket, 'Q1', 1, 'B')).toMatchObject({ ok: true });
    const first = await request(socket, 'item:submit', { itemRef: 'Q1' });
    expect(first).toMatchObject({ ok: true, attempt: 1, attemptsLeft: 1, closed: false });
    expect(JSON.stringify(first)).toContain('FEEDBACK-WRONG-TEXT');
    expect(first.ok && first.solution).toBeFalsy();
    // Attempt 2, right: the item closes and only now the correct response comes back.
    expect(await save(socket, 'Q1', 2, 'A')).toMatchObject({ ok: true });
    const second = await request(socket, 'item:submit', { itemRef: 'Q1' });
    expect(second).toMatchObject({
      ok: true,
      attempt: 2,
      attemptsLeft: 0,
      closed: true,
      solution: { RESPONSE: 'A' },
    });
    expect(JSON.stringify(second)).toContain('FEEDBACK-RIGHT-TEXT');
    expect(await request(socket, 'item:submit', { itemRef: 'Q1' })).toMatchObject({
      ok: false,
      error: { id: 'attempts_exhausted' },
    });
    expect(await save(socket, 'Q1', 3, 'C')).toMatchObject({
      ok: false,
      error: { id: 'attempts_exhausted' },
    });

    // Q1 right: its branch rule jumps over Q2 to Q3.
    const branched = await request(socket, 'navigate', { position: 1 });
    expect(branched).toMatchObject({ ok: true, position: 2, skipped: ['Q2'] });
    // validateResponses: Q3 needs two choices.
    await save(socket, 'Q3', 1, ['A']);
    expect(await request(socket, 'item:submit', { itemRef: 'Q3' })).toMatchObject({
      ok: false,
      error: { id: 'invalid_response' },
    });
    await save(socket, 'Q3', 2, ['A', 'C']);
    expect(await request(socket, 'item:submit', { itemRef: 'Q3' })).toMatchObject({ ok: true, attempt: 1 });
    // S2's precondition (Q1 wrong) is false: Q4 is skipped and the candidate enters P2.
    const entered = await request(socket, 'navigate', { position: 3 });
    expect(entered).toMatchObject({ ok: true, position: 4, skipped: ['Q4'] });
    expect(await request(socket, 'item:submit', { itemRef: 'Q5' })).toMatchObject({
      ok: false,
      error: { id: 'not_individual_submission' },
    });
    expect(await request(socket, 'navigate', { position: 2 })).toMatchObject({
      ok: false,
      error: { id: 'part_closed' },
    });

    // P2: remaining time per level in the snapshot; Q5's own second runs out (no late submission).
    const inP2 = await request(socket, 'session:resume', {});
    if (!inP2.ok) throw new Error('resume');
    const levels = inP2.snapshot.route!.times.map((t) => [t.level, t.identifier]);
    expect(levels).toEqual([
      ['part', 'P2'],
      ['item', 'Q5'],
    ]);
    expect(inP2.snapshot.route!.times[0]!.remainingMs).toBeLessThanOrEqual(4000);
    expect(inP2.snapshot.route!.skipped).toEqual(['Q2', 'Q4']);
    expect(await save(socket, 'Q5', 1, 'A')).toMatchObject({ ok: true });
    await sleep(1200);
    expect(await save(socket, 'Q5', 2, 'B')).toMatchObject({
      ok: false,
      error: { id: 'time_limit_reached' },
    });
    expect(await request(socket, 'navigate', { position: 5 })).toMatchObject({ ok: true, position: 5 });
    await sleep(1100);
    // Q6 allows late submission.
    expect(await save(socket, 'Q6', 1, 'A')).toMatchObject({ ok: true });

    // P2's 4 seconds end: the server moves the candidate to P3 (the time keeper ticks every 5 s).
    const moved = await nextEvent(socket, 'route:moved', 12_000);
    expect(moved).toMatchObject({ position: 6, reason: 'time_limit', level: 'part', identifier: 'P2' });
    expect(await save(socket, 'Q6', 2, 'B')).toMatchObject({ ok: false, error: { id: 'item_closed' } });

    // P3: Q7 has a minTime of 2 s in a linear part.
    const tooSoon = await request(socket, 'navigate', { position: 7 });
    expect(tooSoon).toMatchObject({ ok: false, error: { id: 'min_time_not_reached' } });
    await sleep(2100);
    expect(await request(socket, 'navigate', { position: 7 })).toMatchObject({ ok: true, position: 7 });

    // Nothing the server sent before Q1's attempts ended held its correct response.
    const beforeClose = captured.slice(0, captured.findIndex((c) => c.includes('FEEDBACK-RIGHT-TEXT')) + 0);
    expect(beforeClose.join('\n')).not.toContain('"solution"');

    const events = await engine.deps.db
      .select({ type: sessionEvents.type, data: sessionEvents.data })
      .from(sessionEvents)
      .where(eq(sessionEvents.sessionId, sessionId));
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'item_submitted')).toHaveLength(3);
    expect(types).toContain('time_limit_move');
    const branchEvent = events.find((e) => (e.data as { skipped?: string[] }).skipped?.includes('Q2'));
    expect(branchEvent?.data).toMatchObject({
      from: 0,
      to: 2,
      decisions: [{ kind: 'branch', scope: 'item:Q1', target: 'Q3', result: true }],
    });
    expect(await request(socket, 'submit', { confirm: true })).toMatchObject({
      ok: true,
      state: 'submitted',
    });

    // Outcome processing of the test over the presented item sessions (Q2 and Q4 were skipped).
    type Scored = {
      test?: { outcomes: Record<string, unknown>; totals: { categories: Record<string, unknown> } };
    };
    let scored: Scored = {};
    for (let i = 0; i < 100 && !scored.test; i++) {
      const [row] = await engine.deps.db
        .select({ data: sessionEvents.data })
        .from(sessionEvents)
        .where(and(eq(sessionEvents.sessionId, sessionId), eq(sessionEvents.type, 'scored')));
      if (row) scored = row.data as Scored;
      else await sleep(100);
    }
    expect(scored.test?.outcomes).toEqual({ SCORE: 4 });
    expect(scored.test?.totals.categories).toEqual({ algebra: { score: 1, maxScore: 1, items: 1 } });
  }, 90_000);

  it('a pause freezes the time of every level and an extension adds to the levels the candidate is in', async () => {
    const { socket, sessionId } = await begin(1);
    await save(socket, 'Q1', 1, 'B');
    await request(socket, 'item:submit', { itemRef: 'Q1' });
    await request(socket, 'item:submit', { itemRef: 'Q1' });
    // Q1 wrong: no branch, Q2 next; then Q3, then S2 (precondition true) holds Q4; then P2.
    expect(await request(socket, 'navigate', { position: 1 })).toMatchObject({ ok: true, position: 1 });
    expect(await request(socket, 'navigate', { position: 2 })).toMatchObject({ ok: true, position: 2 });
    expect(await request(socket, 'navigate', { position: 3 })).toMatchObject({ ok: true, position: 3 });
    expect(await request(socket, 'navigate', { position: 4 })).toMatchObject({ ok: true, position: 4 });
    const db = engine.deps.db;
    await pauseSession(db, sessionId, { type: 'staff' }, 'test');
    const a = await sessionSnapshot(db, sessionId);
    await sleep(1500);
    const b = await sessionSnapshot(db, sessionId);
    expect(b.route!.times).toEqual(a.route!.times);
    await extendSession(db, sessionId, 60, { type: 'staff' });
    await resumeSession(db, sessionId, { type: 'staff' });
    const c = await sessionSnapshot(db, sessionId);
    const part = c.route!.times.find((t) => t.level === 'part')!;
    expect(part.remainingMs).toBeGreaterThan(60_000);
    expect(part.remainingMs).toBeLessThanOrEqual(64_000);
    // The paused 1.5 s did not count: Q5's second (plus 60) is nearly whole.
    const q5 = c.route!.times.find((t) => t.level === 'item')!;
    expect(q5.elapsedMs).toBeLessThan(1000);
    const [row] = await db
      .select()
      .from(candidateSessions)
      .where(and(eq(candidateSessions.id, sessionId)));
    expect((row!.progress as { pausedTotalMs?: number }).pausedTotalMs).toBeGreaterThanOrEqual(1400);
    expect(await save(socket, 'Q5', 1, 'A')).toMatchObject({ ok: true });
  }, 60_000);

  it('when the time of the last part runs out the server submits the session, even without the candidate', async () => {
    const { socket, sessionId } = await begin(2);
    await save(socket, 'Q1', 1, 'B');
    await request(socket, 'item:submit', { itemRef: 'Q1' });
    await request(socket, 'item:submit', { itemRef: 'Q1' });
    for (const position of [1, 2, 3, 4])
      expect(await request(socket, 'navigate', { position })).toMatchObject({ ok: true, position });
    // From anywhere in the nonlinear P2 the candidate may go on to P3's first item.
    expect(await request(socket, 'navigate', { position: 6 })).toMatchObject({ ok: true, position: 6 });
    // Entering the last part, its end became the session's deadline: the sweeper submits (after the grace).
    socket.disconnect();
    let state = '';
    for (let i = 0; i < 250 && state !== 'submitted' && state !== 'scored'; i++) {
      const [row] = await engine.deps.db
        .select({ state: candidateSessions.state })
        .from(candidateSessions)
        .where(eq(candidateSessions.id, sessionId));
      state = row!.state;
      if (state !== 'submitted' && state !== 'scored') await sleep(100);
    }
    expect(['submitted', 'scored']).toContain(state);
    const events = await engine.deps.db
      .select({ type: sessionEvents.type, data: sessionEvents.data })
      .from(sessionEvents)
      .where(eq(sessionEvents.sessionId, sessionId));
    expect(events.find((e) => e.type === 'submitted')?.data).toMatchObject({ by: 'server' });
  }, 60_000);
});
