/**
 * Issue 23: the calibration page. The exam board picks the bank, estimates (preview: nothing stored),
 * reads each item's model, a, b, fit and flags in Vietnamese (anchors marked), stores the flagged
 * estimates too as new parameter versions, and calibrates one sitting (its pretest items included);
 * the page reads in English, and at 1280 and 390 px the page does not scroll sideways (the table
 * scrolls in its own box). Data: pretest-calibration-fixture.ts with 40 candidates.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemParameterHistory } from '../../item-bank/index.ts';
import {
  buildPretestCalibrationSitting,
  PRETEST,
} from '../../engine/tests/results/pretest-calibration-fixture.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { expectAccessible, shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let fixture: Awaited<ReturnType<typeof buildPretestCalibrationSitting>>;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  fixture = await buildPretestCalibrationSitting(engine, 40);
}, 600_000);
afterAll(() => stopE2e({ engine, browser }));

describe('the calibration page', () => {
  it('previews, shows fit and flags, stores new parameter versions, in both languages and on a phone', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToAuthor(page, baseUrl, fixture.tree.examBoard);
    await page.getByRole('combobox', { name: /^Ngân hàng/ }).selectOption(fixture.saved.bankId);
    await page.getByRole('button', { name: 'Tham số IRT' }).click();
    await page.getByRole('heading', { name: 'Hiệu chỉnh tham số câu hỏi (IRT)' }).waitFor();
    await page.getByRole('button', { name: 'Ước lượng (xem trước)' }).click();
    const table = page.locator('section.calibration table');
    const row = (id: string) =>
      table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: id }) });
    await row('P0').waitFor();
    await page.getByText('40 bài làm; 4 câu được ước lượng, 8 câu neo', { exact: false }).waitFor();
    expect(await row('O0').locator('td').first().innerText()).toBe('2PL (neo)');
    expect(await row('P0').locator('td').nth(7).innerText()).toContain('Ít bài làm');
    // A preview stores nothing.
    expect(await itemParameterHistory(engine.deps.db, fixture.saved.itemIds.P0!)).toHaveLength(0);
    await expectAccessible(page, 'calibration preview');
    await shot(page, 'author-calibration');

    await page.getByRole('checkbox', { name: 'Lưu cả câu có cảnh báo' }).check();
    await page.getByRole('button', { name: 'Lưu thành phiên bản tham số mới' }).click();
    await page.getByText('Đã lưu 4 phiên bản tham số mới.').waitFor();
    for (let k = 0; k < PRETEST.length; k++)
      expect(await itemParameterHistory(engine.deps.db, fixture.saved.itemIds[`P${k}`]!)).toHaveLength(1);
    expect(await row('P0').locator('td').last().innerText()).toBe('1');

    // One sitting: the stored pretest items are anchors now, so nothing is left to estimate with fixed anchors.
    await page.getByRole('radio', { name: 'Một buổi thi' }).check();
    await page.getByRole('combobox', { name: 'Buổi thi' }).selectOption(fixture.sitting.sittingId);
    await page.getByRole('button', { name: 'Ước lượng (xem trước)' }).click();
    await page.getByText('40 bài làm; 0 câu được ước lượng, 12 câu neo', { exact: false }).waitFor();

    // At 390 px: no sideways scroll of the page.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'author-calibration-390');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Item calibration (IRT)' }).waitFor();
    await page.getByText('40 responses; 0 items estimated, 12 anchors', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'author-calibration-en-390');
    await context.close();
  }, 300_000);
});
