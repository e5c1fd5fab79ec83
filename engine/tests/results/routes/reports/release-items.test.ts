/**
 * The `with_items` release policy: a sitting can be scheduled with it, its results are released
 * by staff like `after_review`, and only its score reports carry the item-by-item table.
 * Needs poppler-utils (pdftotext). PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCandidateReport } from '../../../../../grading/index.ts';
import { itemBankTables } from '../../../../../item-bank/index.ts';
import { sittings } from '../../../../sittings/tables.ts';
import { testProjection, testScorer } from '../../../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { buildScoredSitting } from '../../../support/results-fixtures.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';
import { resultsReleased } from '../../../../results/routes/results/results.ts';
import { loadSittingReports } from '../../../../results/routes/reports/load-reports.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
const dir = mkdtempSync(path.join(tmpdir(), 'release-items-'));

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  tree = await buildOrganisationTree(engine.deps.db);
});
afterAll(() => engine.dispose());

async function reportText(policy: string): Promise<{ items: unknown; text: string }> {
  const scored = await buildScoredSitting(engine, tree, {
    students: 2,
    organisationId: tree.schoolA.id,
    sitting: { releasePolicy: policy },
  });
  const { candidates } = await loadSittingReports(engine.deps.db, scored.sittingId, {
    secret: 'test',
    baseUrl: 'http://localhost',
  });
  const file = path.join(dir, `${policy}.pdf`);
  writeFileSync(file, await renderCandidateReport(candidates[1]!));
  return {
    items: candidates[1]!.items,
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  };
}

describe('release policy with_items', () => {
  it('is accepted when a sitting is scheduled, and an unknown policy is refused', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    await buildScoredSitting(engine, tree, { students: 1, organisationId: tree.schoolA.id });
    const [item] = await engine.deps.db.select().from(itemBankTables.items).limit(1);
    const body = (releasePolicy: string) => ({
      organisationId: tree.schoolA.id,
      name: 'Kiểm tra cuối kỳ',
      opensAt: new Date(Date.now() + 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 7200_000).toISOString(),
      durationMinutes: 45,
      releasePolicy,
      form: { sections: [{ identifier: 'S1', items: [{ itemId: item!.id }] }] },
    });
    const good = await api(engine).post('/api/sittings', body('with_items'), board);
    expect(good.status).toBe(201);
    const [row] = await engine.deps.db.select().from(sittings).where(eq(sittings.id, good.data.id));
    expect(row!.releasePolicy).toBe('with_items');
    const bad = await api(engine).post('/api/sittings', body('whenever'), board);
    expect(bad.status).toBe(400);
    expect(bad.data.error.message).toContain('releasePolicy');
  });

  it('releases results only once staff release them, like after_review', () => {
    const closesAt = new Date(Date.now() - 60_000);
    expect(resultsReleased({ releasePolicy: 'with_items', closesAt, resultsReleasedAt: null })).toBe(false);
    expect(resultsReleased({ releasePolicy: 'with_items', closesAt, resultsReleasedAt: new Date() })).toBe(
      true,
    );
  });

  it('prints the item-by-item table only under with_items', async () => {
    const withItems = await reportText('with_items');
    expect(withItems.items).toHaveLength(3);
    expect(withItems.text).toMatch(/Câu\s+Nội dung\s+Trả lời\s+Điểm/);
    expect(withItems.text).toContain('Câu 3');
    for (const policy of ['after_review', 'immediately', 'after_close']) {
      const other = await reportText(policy);
      expect(other.items, policy).toBeUndefined();
      expect(other.text, policy).not.toMatch(/Câu\s+Nội dung/);
      expect(other.text, policy).toContain('Chi tiết từng câu chưa được công bố');
    }
  });
});
