/**
 * Pretest items and the calibration store (issue 23): an item with category `pretest` on the
 * sitting's form is delivered, answered and scored, but counts in neither the raw nor the maximum
 * score; its scores reach the calibration matrix like any other item's; calibrated parameters are
 * saved as parameter versions of the item without touching its content versions.
 * PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibration } from '../../../grading/index.ts';
import {
  currentItemParameters,
  itemBankTables,
  itemParameterHistory,
  saveItemParameters,
} from '../../../item-bank/index.ts';
import { scoreSession, type SessionResult } from '../../results/score-session.ts';
import { loadItemHistory } from '../../results/routes/items-statistics/load-item-history.ts';
import { sittings } from '../../sittings/tables.ts';
import type { FormSpec } from '../../sittings/form.ts';
import { startSession, submitSession } from '../../delivery/session-commands.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  testProjection,
  testScorer,
} from '../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

let engine: TestEngine;
let itemIds: string[];
let bankId: string;
const results: SessionResult[] = [];
const right = (q: number) => `SECRET-KEY-${q}`;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  const tree = await buildOrganisationTree(engine.deps.db);
  itemIds = await buildItems(engine, tree, 3);
  const [item] = await engine.deps.db
    .select()
    .from(itemBankTables.items)
    .where(eq(itemBankTables.items.id, itemIds[0]!));
  bankId = item!.bankId;
  const sitting = await buildSitting(engine, tree, itemIds, { students: 3 });
  const { db } = engine.deps;
  // Q3 becomes a pretest item: the form item's category, as the API or a QTI itemRef sets it.
  const [row] = await db
    .select({ formSpec: sittings.formSpec })
    .from(sittings)
    .where(eq(sittings.id, sitting.sittingId));
  const spec = row!.formSpec as FormSpec & { sections: { items: { categories: string[] }[] }[] };
  spec.sections[0]!.items[2]!.categories = ['pretest'];
  await db.update(sittings).set({ formSpec: spec }).where(eq(sittings.id, sitting.sittingId));
  const answers = [
    [right(1), 'wrong', right(3)],
    [right(1), right(2), 'wrong'],
    ['wrong', 'wrong', right(3)],
  ];
  for (const [i, candidate] of sitting.candidates.entries()) {
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
    await startSession(db, sessionId);
    for (const [q, response] of answers[i]!.entries()) {
      const saved = await engine.writer.save({
        sessionId,
        itemRef: `Q${q + 1}`,
        seq: 1,
        responses: { RESPONSE: response },
      });
      if (!saved.ok) throw saved.error;
    }
    await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
    results.push(await scoreSession(db, testScorer, sessionId));
  }
}, 120_000);
afterAll(() => engine.dispose());

describe('pretest items', () => {
  it('are scored and kept, but outside the raw and maximum scores', () => {
    expect(results.map((r) => [r.rawScore, r.maxScore])).toEqual([
      [1, 2],
      [2, 2],
      [0, 2],
    ]);
    expect(results.map((r) => r.items.Q3)).toEqual([
      expect.objectContaining({ score: 1, pretest: true }),
      expect.objectContaining({ score: 0, pretest: true }),
      expect.objectContaining({ score: 1, pretest: true }),
    ]);
    expect(results[0]!.items.Q1!.pretest).toBeUndefined();
  });

  it('reach the calibration matrix with the operational items', async () => {
    const history = await loadItemHistory(engine.deps.db, { bankId }, '');
    const matrix = calibration.matrixFromHistory(history, itemIds);
    expect(matrix.items.map((i) => [i.model, i.categories])).toEqual([
      ['2pl', 2],
      ['2pl', 2],
      ['2pl', 2],
    ]);
    expect(matrix.rows.map((r) => r.join('')).sort()).toEqual(['001', '101', '110'].map((s) => s).sort());
    expect(matrix.versions.every((v) => typeof v === 'string')).toBe(true);
  });
});

describe('calibrated parameters as item metadata versions', () => {
  it('adds versions per item, refreshes the current IRT columns and leaves the content versions alone', async () => {
    const { db } = engine.deps;
    const before = await db
      .select()
      .from(itemBankTables.itemVersions)
      .where(eq(itemBankTables.itemVersions.itemId, itemIds[2]!));
    const first = await saveItemParameters(
      db,
      [
        {
          itemId: itemIds[2]!,
          model: '2pl',
          parameters: { model: '2pl', a: 1.1, b: -0.3 },
          sampleSize: 640,
          flags: [],
        },
        {
          itemId: itemIds[1]!,
          model: 'gpcm',
          parameters: { model: 'gpcm', a: 0.8, b: [-1, 0.5] },
          sampleSize: 500,
        },
      ],
      { source: 'file:responses.csv', linking: { method: 'fixed', anchors: 12 } },
    );
    expect(first.map((w) => w.version)).toEqual([1, 1]);
    const second = await saveItemParameters(
      db,
      [
        {
          itemId: itemIds[2]!,
          model: '3pl',
          parameters: { model: '3pl', a: 1.3, b: -0.1, c: 0.18 },
          sampleSize: 2100,
        },
      ],
      { source: 'database' },
    );
    expect(second).toEqual([{ itemId: itemIds[2], version: 2 }]);
    const history = await itemParameterHistory(db, itemIds[2]!);
    expect(history.map((h) => [h.version, h.model, h.source])).toEqual([
      [2, '3pl', 'database'],
      [1, '2pl', 'file:responses.csv'],
    ]);
    expect(history[1]!.linking).toEqual({ method: 'fixed', anchors: 12 });
    const current = await currentItemParameters(db, itemIds);
    expect(current.get(itemIds[2]!)!.parameters).toEqual({ model: '3pl', a: 1.3, b: -0.1, c: 0.18 });
    expect(current.get(itemIds[1]!)!.parameters).toEqual({ model: 'gpcm', a: 0.8, b: [-1, 0.5] });
    expect(current.has(itemIds[0]!)).toBe(false);
    const [item] = await db
      .select()
      .from(itemBankTables.items)
      .where(eq(itemBankTables.items.id, itemIds[2]!));
    expect(item).toMatchObject({ irtModel: '3pl', irtSampleSize: 2100, currentVersion: 1 });
    expect(item!.irtA).toBeCloseTo(1.3, 5);
    expect(item!.irtC).toBeCloseTo(0.18, 5);
    const after = await db
      .select()
      .from(itemBankTables.itemVersions)
      .where(eq(itemBankTables.itemVersions.itemId, itemIds[2]!));
    expect(after).toEqual(before);
    await expect(
      saveItemParameters(
        db,
        [
          {
            itemId: itemIds[0]!,
            model: '2pl',
            parameters: { model: '2pl', a: 1, b: [0] } as never,
            sampleSize: 1,
          },
        ],
        {
          source: 'database',
        },
      ),
    ).rejects.toThrow();
  });
});
