/**
 * Issue 25: a candidate of a practice sitting (luyện tập) is told, in Vietnamese first and English
 * second, that the sitting is practice and does not count: on the lobby, in the exam header and on
 * the result page. The flag comes from the engine (`sittings.practice`, carried by check-in and the
 * session snapshot); the same lobby says nothing of practice while the sitting is graded.
 * Screenshots: candidate-practice-*.png at 1280 and 390 px.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sittings } from '../../engine/sittings/tables.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { buildE2eSitting, loadE2eItems } from './e2e-sitting.ts';
import { checkIn, expectAccessible, shot } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let sitting: Awaited<ReturnType<typeof buildE2eSitting>>;

const LOBBY_VI =
  'Đây là buổi luyện tập: bài làm được chấm để em tự kiểm tra, điểm không tính vào kết quả học tập.';
const LOBBY_EN =
  'This is a practice sitting: your answers are scored so you can check yourself; the score does not count towards your grades.';
const RESULTS_VI =
  'Đây là kết quả buổi luyện tập: điểm chỉ để em tự đánh giá, không tính vào kết quả học tập và không gửi vào hồ sơ.';
const RESULTS_EN =
  'This is the result of a practice sitting: the score is for your own feedback; it does not count towards your grades and is not sent to your records.';

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  // Two items the engine scores at once, so the result is final on submit.
  const items = loadE2eItems().filter((i) => ['01-choice.xml', '07-text-entry.xml'].includes(i.file));
  expect(items).toHaveLength(2);
  sitting = await buildE2eSitting(engine, items, { students: 1 });
  await engine.deps.db
    .update(sittings)
    .set({ releasePolicy: 'immediately' })
    .where(eq(sittings.id, sitting.sittingId));
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

/** At 390 px the page never scrolls sideways. */
async function fitsPhone(page: Page, where: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, where).toBeLessThanOrEqual(390);
}

describe('a candidate of a practice sitting is told it does not count', () => {
  it('says so on the lobby, in the exam header and on the result page, in Vietnamese and English', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    await page.getByRole('heading', { name: 'Kiểm tra máy' }).waitFor();
    // Graded so far: nothing on the lobby speaks of practice.
    expect(await page.getByRole('note').count()).toBe(0);
    expect(await page.getByText('Luyện tập', { exact: false }).count()).toBe(0);

    // The exam board makes it a practice sitting; the engine's snapshot says so on the next load.
    await engine.deps.db.update(sittings).set({ practice: true }).where(eq(sittings.id, sitting.sittingId));
    await page.reload();
    const lobbyNote = page.getByRole('note');
    await lobbyNote.waitFor();
    expect(await lobbyNote.innerText()).toBe(LOBBY_VI);
    await page.getByText('Luyện tập - không tính điểm', { exact: true }).waitFor();
    await expectAccessible(page, 'practice lobby');
    await shot(page, 'candidate-practice-lobby');
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsPhone(page, 'practice lobby');
    await shot(page, 'candidate-practice-lobby-390');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(LOBBY_EN, { exact: true }).waitFor();
    await page.getByText('Practice - not graded', { exact: true }).waitFor();
    await shot(page, 'candidate-practice-lobby-en-390');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    // In the exam, the header keeps saying it beside the sitting's name.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    const header = page.locator('.exam header');
    await header.getByText('Luyện tập - không tính điểm', { exact: true }).waitFor();
    expect(await header.locator('strong').innerText()).toMatch(
      /^Kiểm tra giữa kỳ Toán 9\s+Luyện tập - không tính điểm$/,
    );
    await expectAccessible(page, 'practice exam');
    await shot(page, 'candidate-practice-exam');
    await page.setViewportSize({ width: 390, height: 844 });
    await header.getByText('Luyện tập - không tính điểm', { exact: true }).waitFor();
    await fitsPhone(page, 'practice exam');
    await shot(page, 'candidate-practice-exam-390');

    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    await page.getByRole('heading', { name: 'Xem lại trước khi nộp' }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();

    // The result page (released at once) says the score is practice, once the result is scored.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/candidate/#ket-qua`);
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { name: 'Kết quả bài thi' }).waitFor();
          await page
            .getByRole('note')
            .or(page.getByRole('status'))
            .first()
            .waitFor({ timeout: 10_000 })
            .catch(() => {});
          return page.getByRole('note').count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    expect(await page.getByRole('note').innerText()).toBe(RESULTS_VI);
    await page.getByRole('button', { name: 'Tải phiếu báo điểm (PDF)' }).waitFor();
    await expectAccessible(page, 'practice result');
    await shot(page, 'candidate-practice-results');
    await page.setViewportSize({ width: 390, height: 844 });
    await fitsPhone(page, 'practice result');
    await shot(page, 'candidate-practice-results-390');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(RESULTS_EN, { exact: true }).waitFor();
    await shot(page, 'candidate-practice-results-en-390');
    await context.close();
  }, 240_000);
});
