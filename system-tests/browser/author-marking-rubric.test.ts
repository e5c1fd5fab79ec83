/**
 * The exam board sets an essay's rubric on the marking page (issue 18: rubrics had no screen, only
 * `PUT /api/marking/sittings/{id}/items/{ref}`): criteria and levels typed as a teacher writes points
 * ("0,5"), a rubric worth more than the item refused on the page in Vietnamese, then saved; the teacher
 * marks with it and the mark is the sum of the chosen levels. At 390 px the dialog fits the screen.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradingTables } from '../../grading/index.ts';
import { buildEssaySitting } from '../../engine/tests/support/essay-sitting.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { shot, signInToAuthor } from './helpers.ts';

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

const ESSAY = 'Bài luận: người bạn thân';

async function openSitting(page: Page) {
  await page.getByRole('button', { name: 'Chấm bài' }).click();
  await page.getByRole('link', { name: 'Mở Kiểm tra giữa kỳ Toán 9' }).click();
}

describe('setting a rubric on the marking page', () => {
  it('the exam board writes a rubric (refused above the item maximum), and the teacher marks with it', async () => {
    const board = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const page = await board.newPage();
    await signInToAuthor(page, baseUrl, tree.examBoard);
    await openSitting(page);
    await page.getByRole('button', { name: `Thiết lập cách chấm câu ${ESSAY}` }).click();
    const dialog = page.getByRole('dialog', { name: `Cách chấm câu: ${ESSAY}` });
    await dialog.getByLabel('Chấm theo thang chấm (tiêu chí và mức điểm)').check();

    await dialog.getByLabel('Tên tiêu chí 1').fill('Nội dung');
    await dialog.getByLabel('Tiêu chí 1, mô tả mức 1').fill('Chưa đạt');
    await dialog.getByLabel('Tiêu chí 1, mô tả mức 2').fill('Đạt');
    await dialog.getByLabel('Tiêu chí 1, điểm mức 2').fill('1,5');
    await dialog.getByRole('button', { name: 'Thêm mức cho tiêu chí 1' }).click();
    await dialog.getByLabel('Tiêu chí 1, mô tả mức 3').fill('Tốt');
    await dialog.getByLabel('Tiêu chí 1, điểm mức 3').fill('3');
    await dialog.getByRole('button', { name: 'Thêm tiêu chí' }).click();
    await dialog.getByLabel('Tên tiêu chí 2').fill('Diễn đạt');
    await dialog.getByLabel('Tiêu chí 2, mô tả mức 1').fill('Còn lỗi');
    await dialog.getByLabel('Tiêu chí 2, mô tả mức 2').fill('Mạch lạc');
    await dialog.getByLabel('Tiêu chí 2, điểm mức 2').fill('2');
    await dialog.getByText('Thang chấm cho tối đa 5 điểm. Câu hỏi có điểm tối đa là 4.').waitFor();
    await dialog.getByRole('button', { name: 'Lưu cách chấm' }).click();
    // The engine refuses a rubric worth more than the item; the page says so in Vietnamese.
    await dialog
      .getByRole('alert')
      .getByText(
        'Thang chấm cho tối đa 5 điểm, nhiều hơn điểm tối đa của câu hỏi (4). Hãy giảm điểm các mức.',
      )
      .waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(page, 'author-marking-rubric-390');

    await dialog.getByLabel('Tiêu chí 1, điểm mức 3').fill('2');
    await dialog.getByText('Thang chấm cho tối đa 4 điểm.').waitFor();
    await dialog.getByRole('button', { name: 'Lưu cách chấm' }).click();
    await page.getByRole('status').getByText(`Đã lưu cách chấm câu ${ESSAY}.`).waitFor();
    await page
      .getByRole('row', { name: new RegExp(ESSAY) })
      .getByText('Thang chấm')
      .waitFor();
    // Opened again, the dialog shows the rubric as saved, points with a decimal comma.
    await page.getByRole('button', { name: `Thiết lập cách chấm câu ${ESSAY}` }).click();
    expect(await dialog.getByLabel('Tiêu chí 1, điểm mức 2').inputValue()).toBe('1,5');
    expect(await dialog.getByLabel('Tên tiêu chí 2').inputValue()).toBe('Diễn đạt');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await board.close();

    // The teacher marks with the rubric: Đạt (1,5) + Mạch lạc (2) = 3,5.
    const teacher = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const marker = await teacher.newPage();
    await signInToAuthor(marker, baseUrl, tree.teacherA);
    await openSitting(marker);
    // A teacher may mark but not change how an item is marked.
    expect(await marker.getByRole('button', { name: `Thiết lập cách chấm câu ${ESSAY}` }).count()).toBe(0);
    await marker.getByRole('button', { name: `Chấm ${ESSAY}` }).click();
    await marker.getByRole('group', { name: 'Nội dung' }).getByLabel('Đạt (1,5 điểm)').check();
    await marker.getByRole('group', { name: 'Diễn đạt' }).getByLabel('Mạch lạc (2 điểm)').check();
    await marker.getByText('Tổng: 3,5 / 4 điểm').waitFor();
    await shot(marker, 'author-marking-rubric-marker');
    await marker.getByRole('button', { name: 'Lưu và chấm bài tiếp' }).click();
    await expect
      .poll(async () =>
        (
          await engine.deps.db
            .select({ score: gradingTables.marks.score })
            .from(gradingTables.marks)
            .where(eq(gradingTables.marks.sittingId, essay.sittingId))
        ).map((m) => m.score),
      )
      .toEqual([3.5]);
    await teacher.close();
  }, 180_000);
});
