/**
 * Two parallel forms that use the same refs (Q1..Q3) for different items: the item analysis, the
 * sitting summary and the calibration (POST .../calibration, stored) keep each item apart (keyed by item version, not by ref),
 * and each e-records payload says which form (mã đề) the candidate sat.
 * Needs poppler-utils (pdftotext). PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables } from '../../../../../item-bank/index.ts';
import { erecordsOutbox } from '../../../../results/tables.ts';
import { testProjection, testScorer } from '../../../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';
import { buildTwoFormSitting } from '../../../support/two-form-sitting.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sitting: Awaited<ReturnType<typeof buildTwoFormSitting>>;
const dir = mkdtempSync(path.join(tmpdir(), 'two-forms-'));

// Candidates in number order sit A, B, A, B; candidate i answers the first i items right. So on
// form A (candidates 0 and 2) Q1 is right once in two; on form B (1 and 3) twice in two.
beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  tree = await buildOrganisationTree(engine.deps.db);
  sitting = await buildTwoFormSitting(engine, tree, { students: 4, distinctItems: true });
}, 180_000);

afterAll(async () => {
  await engine?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('a ref that names different items on two forms', () => {
  it('is analysed as two items, each over its own form’s candidates', async () => {
    const teacher = await tokenFor(engine, tree.teacherA);
    const res = await api(engine).get(`/api/reports/sittings/${sitting.sittingId}/analysis`, teacher);
    expect(res.status).toBe(200);
    const titles = res.data.itemTitles as Record<string, string>;
    const items = res.data.items as Array<{ item: string; n: number; p: number }>;
    expect(items).toHaveLength(6);
    const byTitle = Object.fromEntries(items.map((i) => [titles[i.item], i]));
    expect(byTitle['Câu 1 (đề A)']).toMatchObject({ n: 2, p: 0.5 });
    expect(byTitle['Câu 1 (đề B)']).toMatchObject({ n: 2, p: 1 });

    const response = await engine.app.request(`/api/reports/sittings/${sitting.sittingId}/summary.pdf`, {
      headers: { authorization: `Bearer ${teacher}` },
    });
    const file = path.join(dir, 'summary.pdf');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Câu 1 (đề A)');
    expect(text).toContain('Câu 1 (đề B)');
  });

  it('is calibrated as two items, each written back to its own item', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const res = await api(engine).post(
      `/api/results/sittings/${sitting.sittingId}/calibration`,
      { model: 'rasch', store: true, includeFlagged: true },
      board,
    );
    expect(res.status).toBe(200);
    const written = res.data.items as Array<{ identifier: string; itemId: string; n: number }>;
    expect(written).toHaveLength(6);
    expect(new Set(written.map((i) => i.itemId)).size).toBe(6);
    // Each item over its own form's two candidates.
    expect(written.map((i) => i.n)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(res.data.stored).toBe(6);
    const rows = await engine.deps.db
      .select({
        identifier: itemBankTables.items.identifier,
        sampleSize: itemBankTables.items.irtSampleSize,
        facility: itemBankTables.items.difficulty,
      })
      .from(itemBankTables.items)
      .where(
        inArray(
          itemBankTables.items.id,
          written.map((i) => i.itemId),
        ),
      );
    expect(rows.map((r) => r.sampleSize)).toEqual([2, 2, 2, 2, 2, 2]);
    const q1 = rows.filter((r) => r.identifier === 'Q1').map((r) => r.facility);
    expect(q1.sort()).toEqual([0.5, 1]);
  }, 120_000);

  it('each e-records payload names the form sat', async () => {
    const forms = [];
    for (const s of sitting.sessions) {
      const [row] = await engine.deps.db
        .select()
        .from(erecordsOutbox)
        .where(eq(erecordsOutbox.sessionId, s.sessionId));
      forms.push((row!.payload as { form?: string }).form);
    }
    expect(forms).toEqual(['A', 'B', 'A', 'B']);
  });
});
