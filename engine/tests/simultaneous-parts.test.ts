/**
 * submissionMode="simultaneous": leaving a part (past its end, a branch to EXIT_TESTPART, its
 * time running out) submits its item sessions together. The responses become final (later saves
 * are refused), `part_left` and `part_submitted` events are appended with actor and time, and the
 * items are still scored when the test is submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from './support/factories.ts';
import { nextEvent, request, type CandidateClient } from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';
import {
  buildRulesSitting,
  choiceItemXml,
  eventsOf,
  itemRefXml as ref,
  saveAnswer,
  saveItems,
  saveTest,
  scoredEvent,
  startCandidate,
  testXml,
} from './stored-test-sitting.ts';

const PARTS = `
  <testPart identifier="P1" navigationMode="nonlinear" submissionMode="simultaneous">
    <assessmentSection identifier="S1" title="Một" visible="true">${ref('Q1')}${ref('Q2')}</assessmentSection>
  </testPart>
  <testPart identifier="P2" navigationMode="linear" submissionMode="simultaneous">
    <assessmentSection identifier="S2" title="Hai" visible="true">
      ${ref(
        'Q3',
        '<branchRule target="EXIT_TESTPART"><gte><variable identifier="Q3.SCORE"/><baseValue baseType="float">1</baseValue></gte></branchRule>',
      )}
      ${ref('Q4')}
    </assessmentSection>
  </testPart>
  <testPart identifier="P3" navigationMode="nonlinear" submissionMode="simultaneous">
    <timeLimits maxTime="2" allowLateSubmission="false"/>
    <assessmentSection identifier="S3" title="Ba" visible="true">${ref('Q5')}${ref('Q6')}</assessmentSection>
  </testPart>
  <testPart identifier="P4" navigationMode="nonlinear" submissionMode="individual">
    <assessmentSection identifier="S4" title="Bốn" visible="true">${ref('Q7')}</assessmentSection>
  </testPart>`;

let engine: TestEngine;
let port: number;
let sitting: Awaited<ReturnType<typeof buildRulesSitting>>;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  engine = await createTestEngine({}, { sweepIntervalMs: 500 });
  port = await engine.listen(0, '127.0.0.1');
  const tree = await buildOrganisationTree(engine.deps.db);
  const ids = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7'];
  const { bankId, versionIds } = await saveItems(
    engine,
    tree,
    Object.fromEntries(ids.map((id) => [id, choiceItemXml(id)])),
  );
  const testId = await saveTest(engine, bankId, testXml(PARTS), versionIds);
  sitting = await buildRulesSitting(engine, tree, { test: testId, students: 1 });
}, 120_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine?.dispose();
});

describe('simultaneous submission of a test part', () => {
  it('submits a part when the candidate leaves it, refuses later answers to it, records it, and scores at test submit', async () => {
    const { socket, sessionId } = await startCandidate(
      engine,
      port,
      sitting.accessCode,
      sitting.candidates[0]!,
      sockets,
    );
    // P1 (nonlinear): answers can change freely while the candidate is in the part.
    expect(await saveAnswer(socket, 'Q1', 1, 'B')).toMatchObject({ ok: true });
    expect(await saveAnswer(socket, 'Q1', 2, 'A')).toMatchObject({ ok: true });
    expect(await saveAnswer(socket, 'Q2', 1, 'B')).toMatchObject({ ok: true });
    expect(await request(socket, 'navigate', { position: 1 })).toMatchObject({ ok: true, position: 1 });
    // Past its end: P1 is submitted.
    expect(await request(socket, 'navigate', { position: 2 })).toMatchObject({ ok: true, position: 2 });
    for (const [ref, seq] of [
      ['Q1', 3],
      ['Q2', 2],
    ] as const) {
      const late = await saveAnswer(socket, ref, seq, 'C');
      expect(late.ok).toBe(false);
      expect(late).toMatchObject({ ok: false, error: { id: 'item_closed' } });
      expect(!late.ok && late.error.message).toContain('submitted');
    }
    let events = await eventsOf(engine, sessionId);
    const p1 = events.find((e) => e.type === 'part_submitted' && e.data.partId === 'P1');
    expect(p1).toMatchObject({
      actorType: 'candidate',
      data: { partId: 'P1', items: ['Q1', 'Q2'], reason: 'navigated' },
    });
    expect(p1!.at).toBeInstanceOf(Date);
    expect(events.find((e) => e.type === 'part_left' && e.data.partId === 'P1')).toBeTruthy();

    // P2 (linear): Q3 right -> its branch rule leaves the part (EXIT_TESTPART), Q4 is skipped.
    expect(await saveAnswer(socket, 'Q3', 1, 'A')).toMatchObject({ ok: true });
    expect(await request(socket, 'navigate', { position: 3 })).toMatchObject({
      ok: true,
      position: 4,
      skipped: ['Q4'],
    });
    expect(await saveAnswer(socket, 'Q3', 2, 'B')).toMatchObject({ ok: false });
    events = await eventsOf(engine, sessionId);
    expect(events.find((e) => e.type === 'part_submitted' && e.data.partId === 'P2')).toMatchObject({
      actorType: 'candidate',
      data: { items: ['Q3'], reason: 'branch' },
    });

    // P3: its 2 seconds run out; the server moves the candidate on and submits the part.
    expect(await saveAnswer(socket, 'Q5', 1, 'A')).toMatchObject({ ok: true });
    const moved = await nextEvent(socket, 'route:moved', 12_000);
    expect(moved).toMatchObject({ position: 6, reason: 'time_limit', level: 'part', identifier: 'P3' });
    expect(await saveAnswer(socket, 'Q5', 2, 'B')).toMatchObject({ ok: false });
    events = await eventsOf(engine, sessionId);
    expect(events.find((e) => e.type === 'part_submitted' && e.data.partId === 'P3')).toMatchObject({
      actorType: 'system',
      data: { items: ['Q5', 'Q6'], reason: 'time_limit' },
    });
    expect(events.find((e) => e.type === 'part_left' && e.data.partId === 'P3')).toBeTruthy();
    // The individual part P4 is never "submitted together".
    expect(events.filter((e) => e.type === 'part_submitted').map((e) => e.data.partId)).toEqual([
      'P1',
      'P2',
      'P3',
    ]);

    // Scoring happens at test submit, over the final responses: Q1 A, Q2 B, Q3 A, Q5 A.
    expect(await request(socket, 'submit', { confirm: true })).toMatchObject({
      ok: true,
      state: 'submitted',
    });
    const scored = await scoredEvent(engine, sessionId);
    expect(scored.test?.outcomes).toEqual({ SCORE: 3 });
  }, 60_000);
});
