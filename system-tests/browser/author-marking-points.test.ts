/**
 * Marking with points (no rubric), as a Vietnamese teacher types them (issue 18, low): "0,75" is 0.75,
 * not 75 (a number field dropped the decimal comma), and a mark above the item's maximum is refused
 * on the page in Vietnamese before anything is sent.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradingTables } from '../../grading/index.ts';
import { buildEssaySitting } from '../../engine/tests/support/essay-sitting.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let essay: Awaited<ReturnType<typeof buildEssaySitting>>;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  essay = await buildEssaySitting(engine, tree, { students: 1 });
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

describe('points typed with a decimal comma', () => {
  it('stores "0,75" as 0.75 and refuses a mark above the maximum in Vietnamese', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToAuthor(page, baseUrl, tree.teacherA);
    await page.getByRole('button', { name: 'Chấm bài' }).click();
    await page.getByRole('link', { name: 'Mở Kiểm tra giữa kỳ Toán 9' }).click();
    await page.getByRole('button', { name: 'Chấm Bài luận: người bạn thân' }).click();
    const points = page.getByLabel('Điểm (tối đa 4)');
    await points.fill('4,5');
    await page.getByRole('button', { name: 'Lưu và chấm bài tiếp' }).click();
    await page.getByText('Hãy nhập điểm là một số từ 0 đến 4, ví dụ 0,75 hoặc 0.75.').waitFor();
    await points.fill('0,75');
    await page.getByRole('button', { name: 'Lưu và chấm bài tiếp' }).click();
    await expect
      .poll(async () =>
        (
          await engine.deps.db
            .select({ score: gradingTables.marks.score })
            .from(gradingTables.marks)
            .where(eq(gradingTables.marks.sittingId, essay.sittingId))
        ).map((m) => m.score),
      )
      .toEqual([0.75]);
    await context.close();
  });
});
