/**
 * Issue 25: the exam board schedules a practice sitting (luyện tập: scores are feedback, not grades,
 * nothing goes to e-records) from the scheduling form; the stored sitting is practice, and a sitting
 * scheduled without the box is graded. The overview marks the practice row ("Luyện tập" / "Practice"),
 * and the practice sitting's grade book and OneRoster downloads are refused on the page in the UI's
 * language, at 1280 and 390 px.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sittings } from '../../engine/sittings/tables.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import path from 'node:path';
import { screenshotDir, startE2e, stopE2e } from './browser.ts';
import { createSchoolBank, expectAccessible, shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let bankId: string;
let testId: string;

/** What the screen shows now (a phone's full page is too tall to read). */
const viewShot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

/** Published Aiken questions tagged with a topic and level, in the bank. */
async function publishedQuestions(count: number) {
  const teacher = await tokenFor(engine, tree.teacherA);
  const board = await tokenFor(engine, tree.examBoard);
  const text = Array.from(
    { length: count },
    (_, i) =>
      `Câu ${i + 1}: ${i + 2} + ${i + 3} bằng bao nhiêu?\nA. ${2 * i + 5}\nB. ${2 * i + 6}\nANSWER: A\n`,
  ).join('\n');
  const form = new FormData();
  form.set('file', new File([text], 'cau-hoi.txt'));
  form.set('metadata', JSON.stringify({ topic: 'Số tự nhiên', cognitiveLevel: 'nhan_biet', grade: 6 }));
  const saved = await api(engine).call('POST', `/api/item-banks/${bankId}/imports/confirm`, {
    token: teacher,
    body: form,
  });
  expect(saved.status).toBe(200);
  for (const item of saved.data.items as Array<{ itemId: string }>) {
    expect((await api(engine).post(`/api/items/${item.itemId}/submit`, {}, teacher)).status).toBe(200);
    expect((await api(engine).post(`/api/items/${item.itemId}/publish`, {}, board)).status).toBe(200);
  }
}

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  bankId = await createSchoolBank(engine, tree, 'Toán 6 – Trường A');
  await publishedQuestions(3);
  const stored = await api(engine).post(
    '/api/tests',
    {
      bankId,
      formCount: 1,
      blueprint: {
        title: 'Kiểm tra 15 phút Toán 6',
        topics: ['Số tự nhiên'],
        cells: [{ topic: 'Số tự nhiên', level: 'nhan_biet', count: 3, points: 10 }],
      },
    },
    await tokenFor(engine, tree.teacherA),
  );
  expect(stored.status).toBe(201);
  testId = stored.data.tests[0].id;
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

describe('the scheduling form sets a practice sitting', () => {
  it('schedules a practice sitting when the box is ticked, says so, and a graded one otherwise', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToAuthor(page, baseUrl, tree.examBoard);
    await page.getByRole('combobox', { name: /^Ngân hàng/ }).selectOption(bankId);
    await page.getByRole('button', { name: 'Tổ chức thi' }).click();
    const schedule = async (name: string, practice: boolean) => {
      await page.getByLabel('Đề thi').selectOption(testId);
      await page.getByLabel('Tên buổi thi').fill(name);
      await page.getByLabel('Đơn vị tổ chức').selectOption({ label: tree.schoolA.name });
      const box = page.getByRole('checkbox', { name: 'Buổi luyện tập (không tính điểm)' });
      await box.setChecked(practice);
      await page.getByRole('button', { name: 'Lên lịch', exact: true }).click();
    };

    await schedule('Luyện tập Toán 6', true);
    await page
      .getByText('Đã lên lịch buổi luyện tập "Luyện tập Toán 6": điểm chỉ để học sinh tham khảo.')
      .waitFor();
    await page
      .getByText('Điểm chỉ để học sinh tham khảo: không gửi sang hồ sơ điện tử.', { exact: false })
      .waitFor();
    await expectAccessible(page, 'scheduling form with the practice box');
    await shot(page, 'author-board-practice');
    const [practiceRow] = await engine.deps.db
      .select()
      .from(sittings)
      .where(eq(sittings.name, 'Luyện tập Toán 6'));
    expect(practiceRow!.practice).toBe(true);
    const read = await api(engine).get(
      `/api/sittings/${practiceRow!.id}`,
      await tokenFor(engine, tree.examBoard),
    );
    expect(read.data.practice).toBe(true);

    await schedule('Kiểm tra 15 phút Toán 6', false);
    await page.getByText('Đã lên lịch buổi thi "Kiểm tra 15 phút Toán 6".').waitFor();
    const [gradedRow] = await engine.deps.db
      .select()
      .from(sittings)
      .where(eq(sittings.name, 'Kiểm tra 15 phút Toán 6'));
    expect(gradedRow!.practice).toBe(false);

    // At 390 px the box and its help stay readable.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('checkbox', { name: 'Buổi luyện tập (không tính điểm)' }).scrollIntoViewIfNeeded();
    await shot(page, 'author-board-practice-390');
    await context.close();
  }, 180_000);

  it('marks practice rows on the overview and refuses their grade book and OneRoster on the page, in both languages', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToAuthor(page, baseUrl, tree.examBoard);
    await page.getByRole('combobox', { name: /^Ngân hàng/ }).selectOption(bankId);
    await page.getByRole('button', { name: 'Tổ chức thi' }).click();
    const overview = page.locator('table.overview');
    const rowOf = (name: string) => overview.locator('tbody tr').filter({ hasText: name });
    await rowOf('Luyện tập Toán 6').waitFor();
    // The practice row carries the tag, the graded row does not.
    const practiceTag = rowOf('Luyện tập Toán 6').locator('th .practice-tag');
    expect(await practiceTag.innerText()).toBe('Luyện tập');
    expect(await practiceTag.isVisible()).toBe(true);
    expect(await rowOf('Kiểm tra 15 phút Toán 6').locator('.practice-tag').count()).toBe(0);
    await overview.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'overview with a practice row');
    await shot(page, 'author-board-practice-overview');

    // The practice sitting's panel says it has no grade book; asking for one shows the refusal.
    await rowOf('Luyện tập Toán 6').getByRole('button', { name: 'Quản lí Luyện tập Toán 6' }).click();
    const panel = page.locator('section[aria-labelledby="sitting-title"]');
    await panel.getByRole('heading', { name: /Quản lí Luyện tập Toán 6\s+Luyện tập/ }).waitFor();
    await panel
      .getByText(
        'Buổi luyện tập: điểm chỉ để học sinh tự đánh giá. Không gửi sang hồ sơ điện tử, không có sổ điểm hay kết quả OneRoster.',
      )
      .waitFor();
    const refusalVi =
      'Đây là buổi luyện tập: điểm chỉ để học sinh tự đánh giá, nên không có sổ điểm hay kết quả OneRoster. Hãy dùng “Tải báo cáo tổng hợp (PDF)” hoặc “Tải phiếu điểm (ZIP)”.';
    await panel.getByRole('button', { name: 'Tải sổ điểm (XLSX)' }).click();
    await panel.locator('p.error').getByText(refusalVi, { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Tải kết quả OneRoster (ZIP)' }).click();
    await panel.locator('p.error').getByText(refusalVi, { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Tải kết quả OneRoster (ZIP)' }).scrollIntoViewIfNeeded();
    await shot(page, 'author-board-practice-refused');

    // At 390 px the tag stays on the row and the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await overview.scrollIntoViewIfNeeded();
    expect(await practiceTag.isVisible()).toBe(true);
    const box = await practiceTag.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'author-board-practice-overview-390');
    await viewShot(page, 'author-board-practice-overview-390-view');

    // In English: the tag, the note and the refusal.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await practiceTag.innerText()).toBe('Practice');
    await panel
      .getByText(
        'Practice sitting: scores are the students’ own feedback. Nothing goes to e-records, and there is no grade book or OneRoster results.',
      )
      .waitFor();
    await panel.getByRole('button', { name: 'Download the grade book (XLSX)' }).click();
    await panel
      .locator('p.error')
      .getByText(
        'This is a practice sitting: its scores are the students’ own feedback, so it has no grade book and no OneRoster results. Use “Download the summary report (PDF)” or “Download score reports (ZIP)”.',
        { exact: true },
      )
      .waitFor();
    await panel.locator('p.error').scrollIntoViewIfNeeded();
    await shot(page, 'author-board-practice-refused-en-390');
    await panel.getByRole('heading', { name: /Manage Luyện tập Toán 6/ }).scrollIntoViewIfNeeded();
    await viewShot(page, 'author-board-practice-refused-en-390-view');
    await context.close();
  }, 180_000);
});
