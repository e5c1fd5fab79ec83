/**
 * Test setup shared by the delivery-rule tests: real QTI choice items and a stored QTI
 * assessmentTest in a bank, a sitting of that test (or of an inline form) with one room and a
 * class of candidates, and small helpers to start and drive a candidate over a real socket.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { itemBankTables, parseItemXml, parseTestXml, saveItemVersion } from '../../item-bank/index.ts';
import { sessionEvents } from '../delivery/tables.ts';
import { buildClass, buildStudent, type buildOrganisationTree } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import {
  checkInCandidate,
  connectCandidate,
  request,
  type CandidateClient,
} from './support/delivery-fixtures.ts';
import type { TestEngine } from './support/test-engine.ts';

type Tree = Awaited<ReturnType<typeof buildOrganisationTree>>;

/** A one-interaction choice item whose key is A (SCORE 1 when right). */
export const choiceItemXml = (id: string, shuffle = false) => `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="${id}" title="Item ${id}" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>A</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="${shuffle}" maxChoices="1">
      <prompt>Question ${id}</prompt>
      <simpleChoice identifier="A">Alpha</simpleChoice>
      <simpleChoice identifier="B">Beta</simpleChoice>
      <simpleChoice identifier="C">Gamma</simpleChoice>
      <simpleChoice identifier="D">Delta</simpleChoice>
      <simpleChoice identifier="E">Epsilon</simpleChoice>
      <simpleChoice identifier="F">Zeta</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/match_correct"/>
</assessmentItem>`;

export const itemRefXml = (id: string, inner = '') =>
  `<assessmentItemRef identifier="${id}" href="${id}.xml">${inner}</assessmentItemRef>`;

/** Wraps parts in an assessmentTest whose SCORE is the sum of the item SCOREs. */
export const testXml = (parts: string, testInner = '') => `<?xml version="1.0" encoding="UTF-8"?>
<assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="T" title="Rules test">
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  ${testInner}
  ${parts}
  <outcomeProcessing>
    <setOutcomeValue identifier="SCORE"><sum><testVariables variableIdentifier="SCORE"/></sum></setOutcomeValue>
  </outcomeProcessing>
</assessmentTest>`;

/** Saves items (identifier -> QTI XML) as versions in a new bank of the tree's office. */
export async function saveItems(engine: TestEngine, tree: Tree, items: Record<string, string>) {
  const db = engine.deps.db;
  const [bank] = await db
    .insert(itemBankTables.itemBanks)
    .values({ name: `Rules bank ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
    .returning();
  const versionIds: Record<string, string> = {};
  const itemIds: Record<string, string> = {};
  for (const [id, xml] of Object.entries(items)) {
    const parsed = parseItemXml(xml);
    if (!parsed.item) throw new Error(JSON.stringify(parsed.problems));
    const saved = await db.transaction((tx) =>
      saveItemVersion(tx, bank!.id, {
        identifier: id,
        title: `Câu ${id}`,
        sourceFormat: 'qti2.2',
        qtiXml: xml,
        model: parsed.item,
        text: `Question ${id}`,
        interactionTypes: ['choiceInteraction'],
      }),
    );
    versionIds[id] = saved.versionId;
    itemIds[id] = saved.itemId;
  }
  return { bankId: bank!.id, versionIds, itemIds };
}

/** Stores an assessmentTest over saved items; returns its id. */
export async function saveTest(
  engine: TestEngine,
  bankId: string,
  xml: string,
  versionIds: Record<string, string>,
) {
  const parsed = parseTestXml(xml);
  if (!parsed.test) throw new Error(JSON.stringify(parsed.problems));
  const db = engine.deps.db;
  const [test] = await db
    .insert(itemBankTables.assessmentTests)
    .values({ bankId, identifier: `T-${randomUUID().slice(0, 6)}`, title: 'Rules test', currentVersion: 1 })
    .returning();
  await db.insert(itemBankTables.assessmentTestVersions).values({
    testId: test!.id,
    version: 1,
    sourceFormat: 'qti2.2',
    qtiXml: xml,
    model: parsed.test,
    itemVersionIds: versionIds,
  });
  return test!.id;
}

export interface RulesSittingOptions {
  /** A stored test id, or an inline form body (as POST /api/sittings takes it). */
  test?: string;
  form?: Record<string, unknown>;
  durationMinutes?: number;
  lateStartMinutes?: number;
  opensAt?: Date;
  students?: number;
  extraTimePercent?: number;
}

/** A sitting of a stored test or inline form, one room, a class of candidates enrolled. */
export async function buildRulesSitting(engine: TestEngine, tree: Tree, options: RulesSittingOptions) {
  const board = await tokenFor(engine, tree.examBoard);
  const sitting = await api(engine).post(
    '/api/sittings',
    {
      organisationId: tree.office.id,
      name: 'Kiểm tra quy tắc',
      opensAt: (options.opensAt ?? new Date(Date.now() - 60_000)).toISOString(),
      closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      durationMinutes: options.durationMinutes ?? 45,
      ...(options.lateStartMinutes === undefined ? {} : { lateStartMinutes: options.lateStartMinutes }),
      ...(options.test ? { test: { testId: options.test } } : { form: options.form }),
    },
    board,
  );
  if (sitting.status !== 201) throw new Error(`sitting: ${JSON.stringify(sitting.data)}`);
  const room = await api(engine).post(
    `/api/sittings/${sitting.data.id}/rooms`,
    { name: 'Phòng 01', proctorIds: [tree.proctorA.userId] },
    board,
  );
  if (room.status !== 201) throw new Error(`room: ${JSON.stringify(room.data)}`);
  const db = engine.deps.db;
  const cls = await buildClass(db, tree.schoolA);
  const students: Array<Awaited<ReturnType<typeof buildStudent>>> = [];
  for (let i = 0; i < (options.students ?? 2); i++)
    students.push(await buildStudent(db, tree.schoolA, cls.id, `Học Sinh ${i + 1}`));
  const enrolled = await api(engine).post(
    `/api/sittings/${sitting.data.id}/candidates`,
    { roomId: room.data.id, classId: cls.id, extraTimePercent: options.extraTimePercent ?? 0 },
    board,
  );
  if (enrolled.status !== 200) throw new Error(`enrol: ${JSON.stringify(enrolled.data)}`);
  const candidates = (enrolled.data.candidates as Array<{ studentId: string; candidateNumber: string }>).map(
    (c) => ({ ...c, dateOfBirth: students.find((s) => s.id === c.studentId)!.dateOfBirth }),
  );
  return {
    sittingId: sitting.data.id as string,
    durationMinutes: sitting.data.durationMinutes as number,
    roomId: room.data.id as string,
    accessCode: room.data.accessCode as string,
    candidates,
    board,
  };
}

/** Checks a candidate in, connects a socket and starts the session. */
export async function startCandidate(
  engine: TestEngine,
  port: number,
  accessCode: string,
  candidate: { candidateNumber: string; dateOfBirth: string },
  sockets: CandidateClient[],
) {
  const { sessionToken, sessionId } = await checkInCandidate(engine, accessCode, candidate);
  const socket = await connectCandidate(port, sessionToken);
  sockets.push(socket);
  const started = await request(socket, 'session:start', {});
  if (!started.ok) throw new Error(JSON.stringify(started));
  return { socket, sessionId, sessionToken, snapshot: started.snapshot };
}

export const saveAnswer = (socket: CandidateClient, itemRef: string, seq: number, value: unknown) =>
  request(socket, 'response:save', { itemRef, seq, responses: { RESPONSE: value as never } });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The session's events in order. */
export async function eventsOf(engine: TestEngine, sessionId: string) {
  const rows = await engine.deps.db
    .select({
      type: sessionEvents.type,
      actorType: sessionEvents.actorType,
      at: sessionEvents.at,
      data: sessionEvents.data,
    })
    .from(sessionEvents)
    .where(eq(sessionEvents.sessionId, sessionId))
    .orderBy(sessionEvents.seq);
  return rows.map((r) => ({ ...r, data: r.data as Record<string, unknown> }));
}

/** Waits for the session's `scored` event and returns its data. */
export async function scoredEvent(engine: TestEngine, sessionId: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [row] = await engine.deps.db
      .select({ data: sessionEvents.data })
      .from(sessionEvents)
      .where(and(eq(sessionEvents.sessionId, sessionId), eq(sessionEvents.type, 'scored')));
    if (row) return row.data as { test?: { outcomes: Record<string, unknown> } };
    await sleep(100);
  }
  throw new Error('the session was not scored in time');
}
