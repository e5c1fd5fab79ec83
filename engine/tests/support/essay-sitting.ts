/**
 * Test data for teacher marking (API and browser tests): a school sitting of two real QTI items, a
 * multiple-choice question and an essay (extended text, no response processing), taken by
 * candidates over the real delivery commands and scored by the engine's real QTI scorer, which
 * leaves the essay pending for a marker.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { itemBankTables, parseItemXml, plainText, saveItemVersion } from '../../../item-bank/index.ts';
import type { Engine } from '../../engine.ts';
import { createQtiScorer } from '../../results/qti-scorer.ts';
import { scoreSession } from '../../results/score-session.ts';
import { startSession, submitSession } from '../../delivery/session-commands.ts';
import { sittings } from '../../sittings/tables.ts';
import { buildSitting, checkInCandidate, QTI_ITEM_KINDS } from './delivery-fixtures.ts';
import type { buildOrganisationTree } from './factories.ts';

type Tree = Awaited<ReturnType<typeof buildOrganisationTree>>;

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';

/** The essay: worth 4 points (MAXSCORE), marked by a teacher. */
export const ESSAY_XML = `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="${QTI_NS}" identifier="Q2" title="Bài luận: người bạn thân" adaptive="false" time-dependent="false" xml:lang="vi">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>
  <qti-outcome-declaration identifier="MAXSCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>4</qti-value></qti-default-value></qti-outcome-declaration>
  <qti-item-body>
    <p>Em hãy viết một đoạn văn ngắn (5–7 câu) kể về người bạn thân của em.</p>
    <qti-extended-text-interaction response-identifier="RESPONSE" expected-lines="6"><qti-prompt>Viết bài của em vào ô dưới đây.</qti-prompt></qti-extended-text-interaction>
    <qti-rubric-block view="scorer" use="scoring"><qti-content-body><p>2 điểm: kể đúng về người bạn, đủ 5–7 câu.</p><p>2 điểm: câu văn rõ ràng, đúng chính tả.</p></qti-content-body></qti-rubric-block>
  </qti-item-body>
</qti-assessment-item>`;

/** The essay candidate `i` writes (line breaks kept, so markers should see them). */
export const essayOf = (i: number) =>
  `Bạn thân của em tên là Lan ${i + 1}.\nBạn ấy học cùng lớp với em.\n\nChúng em thường cùng nhau đọc sách.`;

async function storeItems(engine: Engine, tree: Tree) {
  const [bank] = await engine.deps.db
    .insert(itemBankTables.itemBanks)
    .values({ name: `Ngữ văn ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
    .returning();
  const ids: string[] = [];
  for (const xml of [QTI_ITEM_KINDS[0]!.xml('Q1'), ESSAY_XML]) {
    const { item } = parseItemXml(xml);
    if (!item) throw new Error('essay sitting: an item did not parse');
    const saved = await engine.deps.db.transaction((tx) =>
      saveItemVersion(tx, bank!.id, {
        identifier: item.identifier,
        title: item.title,
        sourceFormat: 'qti3.0',
        qtiXml: xml,
        model: item,
        text: plainText([item.body]),
        interactionTypes: [...new Set(item.interactions.map((x) => x.type))],
      }),
    );
    ids.push(saved.itemId);
  }
  return ids;
}

/**
 * Schedules the sitting in `tree.schoolA`, and has `students` candidates take it: candidate `i`
 * answers Q1 right when `i` is even, and writes `essayOf(i)`.
 */
export async function buildEssaySitting(engine: Engine, tree: Tree, options: { students?: number } = {}) {
  const sitting = await buildSitting(engine, tree, await storeItems(engine, tree), {
    students: options.students ?? 2,
  });
  const { db } = engine.deps;
  await db
    .update(sittings)
    .set({ organisationId: tree.schoolA.id })
    .where(eq(sittings.id, sitting.sittingId));
  const scorer = engine.deps.scorer ?? createQtiScorer();
  const sessions = [];
  for (const [i, candidate] of sitting.candidates.entries()) {
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
    await startSession(db, sessionId);
    const answers = { Q1: i % 2 === 0 ? 'B' : 'A', Q2: essayOf(i) };
    for (const [itemRef, value] of Object.entries(answers)) {
      const saved = await engine.writer.save({ sessionId, itemRef, seq: 1, responses: { RESPONSE: value } });
      if (!saved.ok) throw saved.error;
    }
    await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
    await scoreSession(db, scorer, sessionId);
    sessions.push({ sessionId, candidateNumber: candidate.candidateNumber, studentId: candidate.studentId });
  }
  return { ...sitting, sessions };
}
