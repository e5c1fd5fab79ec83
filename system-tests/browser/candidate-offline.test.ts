/**
 * Issue 18 #4: a candidate whose line drops goes on working. Once the exam starts, the items of the
 * (nonlinear) form are fetched in the background and kept on the device, so with the line down the
 * candidate moves to items never opened before, answers them and sees the timer; when the line is
 * back the answers are sent, the engine is told where the candidate is, and a submission scores
 * full marks. The line is cut for real: Playwright routes the page's WebSocket through the test,
 * which closes it and refuses new ones while "offline" (context.setOffline alone does not close an
 * open WebSocket in Chromium). Midway the page is reloaded with the line still down: the service
 * worker serves the page and the exam opens from the device. Screenshot: candidate-offline-item.png.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, sessionResults } from '../../engine/delivery/tables.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { buildE2eSitting, loadE2eItems } from './e2e-sitting.ts';
import { checkIn, cuttableLine, shot, storedAnswers } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
}, 120_000);
afterAll(() => stopE2e({ engine, browser }));

/** Item payloads the page keeps in IndexedDB for its session. */
const keptItems = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('exam-answers');
        open.onerror = () => reject(new Error('indexedDB'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('items')) return resolve(-1);
          const count = db.transaction('items').objectStore('items').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
  );

describe('a candidate loses the line in a nonlinear test', () => {
  it('moves to items never opened, answers them and sees the timer offline; everything is stored and scores full marks', async () => {
    const files = [
      '01-choice.xml',
      '04-match.xml',
      '06-inline-choice.xml',
      '07-text-entry.xml',
      '10-hotspot.xml',
    ];
    const items = loadE2eItems().filter((i) => files.includes(i.file));
    const sitting = await buildE2eSitting(engine, items, {
      navigationMode: 'nonlinear',
      securityPolicy: { fullscreen: false },
    });
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    const line = await cuttableLine(page);

    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('heading', { name: 'Câu 1 / 5' }).waitFor();
    await page.getByLabel('x = 3').check();
    await page.getByText('Đã lưu').waitFor();
    // Every item of the form is on the device soon after the start, without opening it.
    await expect.poll(() => keptItems(page), { timeout: 15_000 }).toBe(5);

    await line.drop();
    await page.getByText(/Mất kết nối/).waitFor({ timeout: 15_000 });
    const timer = page.getByRole('timer');
    const before = await timer.innerText();

    // Item 2 by "Câu sau", items 3 to 5 by the panel: none of them was opened before.
    await page.getByRole('button', { name: 'Câu sau' }).click();
    await page.getByRole('heading', { name: 'Câu 2 / 5' }).waitFor();
    await page.getByLabel('Nhật Bản – Tô-ky-ô').check();
    await page.getByLabel('Hàn Quốc – Xơ-un').check();
    await page.getByRole('button', { name: /^Câu 3( |$)/ }).click();
    await page.getByRole('heading', { name: 'Câu 3 / 5' }).waitFor();
    await page.getByLabel('Chọn đáp án').selectOption({ label: 'is' });
    await page.getByRole('button', { name: /^Câu 4( |$)/ }).click();
    await page.getByRole('heading', { name: 'Câu 4 / 5' }).waitFor();
    await page.getByLabel('Nhập câu trả lời').fill('12');
    await page.getByRole('button', { name: 'Đánh dấu xem lại' }).click();
    await page.getByRole('button', { name: 'Bỏ đánh dấu' }).waitFor();
    // Item 5's picture (engine media) was fetched with the item: it shows offline.
    await page.getByRole('button', { name: /^Câu 5( |$)/ }).click();
    await page.getByRole('heading', { name: 'Câu 5 / 5' }).waitFor();
    const picture = page.locator('.graphic-stage img');
    await expect
      .poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(await picture.getAttribute('src')).toMatch(/^blob:/);
    await page.locator('svg .hotspot').nth(1).click();
    // A reload with the line still down: the page comes from its service worker's cache and the
    // exam from the device (last view, answers, items), on the item the candidate was on.
    await page.waitForTimeout(1_000); // the click's answer is written to IndexedDB before the reload
    await page.reload();
    await page.getByRole('heading', { name: 'Câu 5 / 5' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /^Câu 3( |$)/ }).click();
    expect(await page.getByLabel('Chọn đáp án').inputValue()).not.toBe('');
    await page.getByRole('button', { name: /^Câu 5( |$)/ }).click();
    await page.getByRole('heading', { name: 'Câu 5 / 5' }).waitFor();
    // Back to item 1: its answer is still there.
    await page.getByRole('button', { name: /^Câu 1( |$)/ }).click();
    expect(await page.getByLabel('x = 3').isChecked()).toBe(true);
    await page.getByRole('button', { name: /^Câu 4( |$)/ }).click();
    await page.getByText(/thay đổi chờ gửi/).waitFor();
    // The timer runs on the device's clock with the line down.
    await expect.poll(() => timer.innerText(), { timeout: 5_000 }).not.toBe(before);
    expect(await page.getByText(/Mất kết nối/).isVisible()).toBe(true);
    await shot(page, 'candidate-offline-item');
    // Nothing reached the engine meanwhile.
    const sessionId = (
      await engine.deps.db
        .select({ id: candidateSessions.id })
        .from(candidateSessions)
        .where(eq(candidateSessions.sittingId, sitting.sittingId))
    ).find(Boolean)!.id;
    expect(Object.keys(await storedAnswers(engine, sessionId))).toEqual(['E2E-01-CHOICE']);

    // The line comes back: answers are sent, the engine learns the position and the flag.
    await line.restore();
    await page.getByText('Đã lưu').waitFor({ timeout: 30_000 });
    await expect
      .poll(
        async () =>
          (
            await engine.deps.db
              .select({ position: candidateSessions.position, flags: candidateSessions.flags })
              .from(candidateSessions)
              .where(eq(candidateSessions.id, sessionId))
          )[0],
        { timeout: 10_000 },
      )
      .toMatchObject({ position: 3, flags: ['E2E-07-TEXTENTRY'] });
    expect(await page.getByRole('heading', { name: 'Câu 4 / 5' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();

    expect(await storedAnswers(engine, sessionId)).toEqual({
      'E2E-01-CHOICE': { RESPONSE: 'B' },
      'E2E-04-MATCH': { RESPONSE: ['N1 C1', 'N2 C2'] },
      'E2E-06-INLINE': { RESPONSE: 'IS' },
      'E2E-07-TEXTENTRY': { RESPONSE: '12' },
      'E2E-10-HOTSPOT': { RESPONSE: 'PARK' },
    });
    const score = () =>
      engine.deps.db
        .select({ raw: sessionResults.rawScore, max: sessionResults.maxScore })
        .from(sessionResults)
        .where(eq(sessionResults.sessionId, sessionId));
    await expect.poll(async () => (await score()).length, { timeout: 20_000 }).toBe(1);
    const [scored] = await score();
    expect(scored!.max).toBeGreaterThan(0);
    expect(scored!.raw).toBe(scored!.max);
    // Nothing of the test stays on the device after the submission.
    await expect.poll(() => keptItems(page), { timeout: 5_000 }).toBe(0);
    await context.close();
  }, 180_000);

  it('a linear test: offline the next item cannot open (the engine serves only the current one), and the page says so', async () => {
    const files = ['01-choice.xml', '06-inline-choice.xml'];
    const sitting = await buildE2eSitting(
      engine,
      loadE2eItems().filter((i) => files.includes(i.file)),
      { navigationMode: 'linear', securityPolicy: { fullscreen: false } },
    );
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const line = await cuttableLine(page);
    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('heading', { name: 'Câu 1 / 2' }).waitFor();
    // The current item itself must have arrived before the line drops (the heading comes first).
    await page.getByLabel('x = 3').waitFor();
    await line.drop();
    await page.getByText(/Mất kết nối/).waitFor({ timeout: 15_000 });
    await page.getByLabel('x = 3').check();
    await page.getByRole('button', { name: 'Câu sau' }).click();
    await page.getByText('Đang mất kết nối: câu này sẽ mở được khi có mạng lại.').waitFor();
    expect(await page.getByRole('heading', { name: 'Câu 1 / 2' }).isVisible()).toBe(true);
    await shot(page, 'candidate-offline-linear');
    await line.restore();
    await page.getByText('Đã lưu').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Câu sau' }).click();
    await page.getByRole('heading', { name: 'Câu 2 / 2' }).waitFor();
    await page.getByLabel('Chọn đáp án').waitFor();
    await context.close();
  }, 120_000);
});
