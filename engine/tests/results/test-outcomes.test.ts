/**
 * A delivered QTI test's own outcome processing sees the final item outcomes: a teacher's mark on
 * an extended-text item and a key correction both change the test's SCORE (the sum of the items'
 * SCOREs), and the test outcomes are stored with each result version. A result still waiting for
 * its mark is not printed as final: the sitting's reports leave it out and count it as pending.
 * Needs poppler-utils (pdftotext). Runs on PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSittingSummary } from '../../../grading/index.ts';
import { itemBankTables, parseItemXml, parseTestXml, saveItemVersion } from '../../../item-bank/index.ts';
import { loadSittingReports } from '../../results/routes/reports/load-reports.ts';
import { buildClass, buildOrganisationTree, buildStudent } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import { checkInCandidate } from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { createQtiScorer } from '../../results/qti-scorer.ts';
import { scoreSession } from '../../results/score-session.ts';
import { startSession, submitSession } from '../../delivery/session-commands.ts';
import { sessionResults } from '../../delivery/tables.ts';

const NS = 'http://www.imsglobal.org/xsd/imsqti_v2p2';
const SCORE = `<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>`;

const choiceItem = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="${NS}" identifier="Q1" title="Trắc nghiệm" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>${key}</value></correctResponse>
  </responseDeclaration>
  ${SCORE}
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
      <prompt>2 + 2 = ?</prompt>
      <simpleChoice identifier="A">4</simpleChoice>
      <simpleChoice identifier="B">5</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/match_correct"/>
</assessmentItem>`;

const essayItem = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="${NS}" identifier="Q2" title="Tự luận" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"/>
  ${SCORE}
  <outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float"><defaultValue><value>4</value></defaultValue></outcomeDeclaration>
  <itemBody>
    <extendedTextInteraction responseIdentifier="RESPONSE"><prompt>Trình bày cách giải.</prompt></extendedTextInteraction>
  </itemBody>
</assessmentItem>`;

const TEST_XML = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentTest xmlns="${NS}" identifier="T-SUM" title="Tổng điểm">
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <testPart identifier="P1" navigationMode="nonlinear" submissionMode="simultaneous">
    <assessmentSection identifier="S1" title="Phần 1" visible="true">
      <assessmentItemRef identifier="Q1" href="Q1.xml"/>
      <assessmentItemRef identifier="Q2" href="Q2.xml"/>
    </assessmentSection>
  </testPart>
  <outcomeProcessing>
    <setOutcomeValue identifier="SCORE"><sum><testVariables variableIdentifier="SCORE"/></sum></setOutcomeValue>
  </outcomeProcessing>
</assessmentTest>`;

let engine: TestEngine;
let bankId: string;
let sittingId: string;
let sessionId: string;
const scorer = createQtiScorer();

async function saveItem(xml: string) {
  const parsed = parseItemXml(xml);
  if (!parsed.item) throw new Error(JSON.stringify(parsed.problems));
  const model = parsed.item;
  return engine.deps.db.transaction((tx) =>
    saveItemVersion(tx, bankId, {
      identifier: model.identifier,
      title: model.title,
      sourceFormat: 'qti2.2',
      qtiXml: xml,
      model,
      text: model.title,
      interactionTypes: model.interactions.map((i) => i.type),
    }),
  );
}

async function storedResult() {
  const [row] = await engine.deps.db
    .select()
    .from(sessionResults)
    .where(eq(sessionResults.sessionId, sessionId))
    .orderBy(desc(sessionResults.version))
    .limit(1);
  return row!;
}

beforeAll(async () => {
  engine = await createTestEngine();
  const tree = await buildOrganisationTree(engine.deps.db);
  const { db } = engine.deps;
  const [bank] = await db
    .insert(itemBankTables.itemBanks)
    .values({ name: `Sum ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
    .returning();
  bankId = bank!.id;
  const q1 = await saveItem(choiceItem('A'));
  const q2 = await saveItem(essayItem);
  const parsedTest = parseTestXml(TEST_XML);
  if (!parsedTest.test) throw new Error(JSON.stringify(parsedTest.problems));
  const [test] = await db
    .insert(itemBankTables.assessmentTests)
    .values({ bankId, identifier: 'T-SUM', title: 'Tổng điểm', currentVersion: 1 })
    .returning();
  await db.insert(itemBankTables.assessmentTestVersions).values({
    testId: test!.id,
    version: 1,
    sourceFormat: 'qti2.2',
    qtiXml: TEST_XML,
    model: parsedTest.test,
    itemVersionIds: { Q1: q1.versionId, Q2: q2.versionId },
  });
  const board = await tokenFor(engine, tree.examBoard);
  const sitting = await api(engine).post(
    '/api/sittings',
    {
      organisationId: tree.office.id,
      name: 'Kiểm tra có tự luận',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
      durationMinutes: 45,
      test: { testId: test!.id },
    },
    board,
  );
  if (sitting.status !== 201) throw new Error(`sitting: ${JSON.stringify(sitting.data)}`);
  sittingId = sitting.data.id;
  const room = await api(engine).post(
    `/api/sittings/${sittingId}/rooms`,
    { name: 'Phòng 01', proctorIds: [tree.proctorA.userId] },
    board,
  );
  const cls = await buildClass(db, tree.schoolA);
  const student = await buildStudent(db, tree.schoolA, cls.id, 'Học Sinh Tự Luận');
  const enrolled = await api(engine).post(
    `/api/sittings/${sittingId}/candidates`,
    { roomId: room.data.id, classId: cls.id },
    board,
  );
  const candidate = (enrolled.data.candidates as Array<{ candidateNumber: string }>)[0]!;
  ({ sessionId } = await checkInCandidate(engine, room.data.accessCode, {
    candidateNumber: candidate.candidateNumber,
    dateOfBirth: student.dateOfBirth,
  }));
  await startSession(db, sessionId);
  for (const [itemRef, value] of [
    ['Q1', 'A'],
    ['Q2', 'Vì 2 + 2 = 4 nên chọn A.'],
  ] as const) {
    const saved = await engine.writer.save({ sessionId, itemRef, seq: 1, responses: { RESPONSE: value } });
    if (!saved.ok) throw saved.error;
  }
  await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
}, 120_000);

const dir = mkdtempSync(path.join(tmpdir(), 'test-outcomes-'));
afterAll(async () => {
  await engine?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const reports = () =>
  loadSittingReports(engine.deps.db, sittingId, {
    secret: engine.config.jwtSecret,
    baseUrl: 'http://localhost',
  });

describe('test-level outcome processing over the final item outcomes', () => {
  it('stores the test outcomes with a pending result, which the reports leave out', async () => {
    const result = await scoreSession(engine.deps.db, scorer, sessionId);
    expect(result.status).toBe('pending');
    expect(result.test?.outcomes.SCORE).toBe(1);
    const stored = await storedResult();
    expect(stored.testOutcomes).toMatchObject({ outcomes: { SCORE: 1 } });
    const loaded = await reports();
    expect(loaded.candidates).toHaveLength(0);
    expect(loaded.pending).toBe(1);
    expect(loaded.summary.pending).toBe(1);
    const file = path.join(dir, 'summary.pdf');
    writeFileSync(file, await renderSittingSummary(loaded.summary));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Số thí sinh: 0/);
    expect(text).toMatch(/Bài đang chấm \(chưa tính\): 1/);
  });

  it("a teacher's mark on the extended-text item reaches the test's SCORE", async () => {
    const result = await scoreSession(engine.deps.db, scorer, sessionId, 'marked', { Q2: 2.5 });
    expect(result.status).toBe('final');
    expect(result.items.Q2!.score).toBe(2.5);
    expect(result.test?.outcomes.SCORE).toBe(3.5);
    const stored = await storedResult();
    expect(stored.version).toBe(2);
    expect(stored.testOutcomes).toMatchObject({ outcomes: { SCORE: 3.5 } });
    const loaded = await reports();
    expect(loaded.pending).toBe(0);
    expect(loaded.candidates.map((c) => c.result.raw)).toEqual([3.5]);
  });

  it('a key correction reaches it too: the corrected key re-scores Q1 for the test', async () => {
    const corrected = await saveItem(choiceItem('B'));
    const result = await scoreSession(
      engine.deps.db,
      scorer,
      sessionId,
      'key correction',
      { Q2: 2.5 },
      {},
      { Q1: corrected.versionId },
    );
    expect(result.items.Q1!.score).toBe(0);
    expect(result.test?.outcomes.SCORE).toBe(2.5);
    expect((await storedResult()).testOutcomes).toMatchObject({ outcomes: { SCORE: 2.5 } });
  });
});
