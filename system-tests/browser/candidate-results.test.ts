/**
 * A candidate reads their result in the candidate app (`/candidate/#ket-qua`) with the session
 * token kept since check-in: before release the page says the results are not released; after the
 * exam board releases them it shows the score and rating, and downloads the PDF score report. A
 * candidate of a sitting with parallel forms also sees their form (mã đề); one of a single-form
 * sitting does not. Screenshots: candidate-results-*.png. Uses the test scorer (the engine test fixtures' items).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProjection, testScorer } from '../../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import { buildScoredSitting } from '../../engine/tests/support/results-fixtures.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { buildTwoFormSitting } from '../../engine/tests/support/two-form-sitting.ts';
import { ensureClientBuilt, launchChromium, stopE2e } from './browser.ts';
import { expectAccessible, shot } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  // startE2e's engine scores with the QTI scorer; these sittings are built from the fixtures' items.
  await ensureClientBuilt();
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  baseUrl = `http://127.0.0.1:${await engine.listen(0, '127.0.0.1')}`;
  browser = await launchChromium();
}, 120_000);
afterAll(() => stopE2e({ engine, browser }));

async function openResults(page: Page, session: { sessionId: string; sessionToken: string }) {
  await page.goto(`${baseUrl}/candidate/`);
  await page.evaluate((s) => {
    localStorage.setItem(
      'exam.session',
      JSON.stringify({ token: s.sessionToken, sessionId: s.sessionId, checkIn: {} }),
    );
  }, session);
  // A new load: the app reads the stored session when it starts.
  await page.goto(`${baseUrl}/candidate/#ket-qua`);
  await page.reload();
}

describe('candidate results page', () => {
  it('says the results are not released, then shows them with the PDF report', async () => {
    const tree = await buildOrganisationTree(engine.deps.db);
    const scored = await buildScoredSitting(engine, tree, {
      students: 3,
      organisationId: tree.schoolA.id,
      sitting: { releasePolicy: 'after_review', subject: 'Toán' },
    });
    const session = scored.sessions[2]!;
    const context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 900, height: 700 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await openResults(page, session);
    await page.getByRole('heading', { name: 'Kết quả bài thi' }).waitFor();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Kết quả của kỳ thi này chưa được công bố');
    await expect(page.getByRole('button', { name: 'Tải phiếu báo điểm (PDF)' }).count()).resolves.toBe(0);
    await shot(page, 'candidate-results-not-released');

    const release = await api(engine).post(
      `/api/results/sittings/${scored.sittingId}/release`,
      {},
      await tokenFor(engine, tree.examBoard),
    );
    expect(release.status).toBe(200);
    await page.reload();
    const download = page.getByRole('button', { name: 'Tải phiếu báo điểm (PDF)' });
    await download.waitFor();
    const scores = await page.locator('dl.result-scores').innerText();
    // Candidate 3 answered two of three items right: 6,7 on the 10-point scale.
    expect(scores).toContain('6,7');
    expect(scores).toContain('2 / 3');
    expect(scores).toContain('Khá');
    expect(scores).not.toContain('Mã đề');
    await expectAccessible(page, 'results');
    await shot(page, 'candidate-results-released');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe(`phieu-bao-diem-${session.candidateNumber}.pdf`);
    const pdf = readFileSync((await file.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  }, 180_000);

  it('shows the parallel form (mã đề) the candidate sat', async () => {
    const tree = await buildOrganisationTree(engine.deps.db);
    const twoForms = await buildTwoFormSitting(engine, tree, {
      students: 2,
      sitting: { releasePolicy: 'immediately', subject: 'Toán' },
    });
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 900, height: 700 } });
    const page = await context.newPage();
    // The second seat of the room sits form B.
    await openResults(page, twoForms.sessions[1]!);
    await page.getByRole('button', { name: 'Tải phiếu báo điểm (PDF)' }).waitFor();
    const scores = await page.locator('dl.result-scores').innerText();
    expect(scores).toMatch(/Mã đề\s+B\b/);
    await expectAccessible(page, 'results-form');
    await shot(page, 'candidate-results-form');
    await context.close();
  }, 180_000);
});
