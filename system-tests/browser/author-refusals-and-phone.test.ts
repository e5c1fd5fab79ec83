/**
 * Author pages on the demo data (issue 18): real refusals come out in Vietnamese with what to do next
 * (an import file of unknown format, an item that no longer exists), the draft editor fits a 390 px phone
 * without scrolling sideways, the bank list names question types in Vietnamese, and the share dialog
 * searches organisations by name. Screenshots at 1280 and 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../engine/demo/seed-demo.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  await seedDemo(engine.deps.db);
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

async function teacher(width: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInToAuthor(page, baseUrl, { username: 'giaovien', password: DEMO_PASSWORD });
  await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
  return page;
}

/** How far the page scrolls sideways, and the elements sticking out on the right. */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { overflow: document.documentElement.scrollWidth - width, out };
  });

describe('author pages: refusals in Vietnamese, phone width', () => {
  it('words an import of an unknown file format and a missing item in Vietnamese', async () => {
    const page = await teacher(1280);
    await page.getByRole('button', { name: 'Nhập từ tệp', exact: true }).click();
    await page
      .getByLabel('Chọn tệp')
      .setInputFiles({ name: 'ghi-chu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 x') });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const refusal = page.getByText('Không nhận ra định dạng của tệp. Hãy chọn ở ô “Định dạng”');
    await refusal.waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/Say the format|Có lỗi xảy ra/);
    await shot(page, 'author-refusal-import-format-1280');

    await page.goto(`${baseUrl}/author/#/items/00000000-0000-4000-8000-000000000000/edit`);
    await page.getByText('Không tìm thấy mục này nữa').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/was not found/);
    await shot(page, 'author-refusal-missing-item-1280');
    await page.context().close();
  });

  it('names question types in Vietnamese in the bank list', async () => {
    const page = await teacher(1280);
    // The demo items are in the department's sample bank (read-only for the teacher).
    const select = page.locator('.bank-select select');
    const sample = await select.locator('option', { hasText: 'Ngân hàng câu hỏi mẫu' }).getAttribute('value');
    await select.selectOption(sample!);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.locator('table.items tbody tr').first().waitFor();
    const types = await page.locator('table.items tbody tr td:nth-child(2)').allInnerTexts();
    expect(types.join(' ')).not.toMatch(/Interaction/);
    expect(types).toContain('Trắc nghiệm lựa chọn');
    await shot(page, 'author-bank-types-1280');
    await page.context().close();
  });

  it('fits the draft editor and the share dialog search into 390 px', async () => {
    const page = await teacher(390);
    await page.getByRole('button', { name: 'Soạn câu hỏi', exact: true }).click();
    await page.getByLabel('Nội dung câu hỏi').fill('Thủ đô của Việt Nam là thành phố nào?');
    for (const [i, text] of ['Hà Nội', 'Huế', 'Đà Nẵng', 'Thành phố Hồ Chí Minh'].entries())
      await page.getByLabel(`Phương án ${'ABCD'[i]}`, { exact: true }).fill(text);
    await page.getByLabel('Đáp án đúng A').check();
    expect(await sideways(page)).toEqual({ overflow: 0, out: [] });
    await shot(page, 'author-draft-editor-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, 'author-draft-editor-1280');
    await page.setViewportSize({ width: 390, height: 900 });

    await page.getByRole('button', { name: 'Chia sẻ', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tìm đơn vị theo tên').fill('ban co');
    await dialog.getByText(/1 đơn vị khớp “ban co”/).waitFor();
    expect(await dialog.getByLabel('Chia sẻ với đơn vị').locator('option:checked').innerText()).toBe(
      'Trường THCS Bàn Cờ',
    );
    expect(await sideways(page)).toEqual({ overflow: 0, out: [] });
    await shot(page, 'author-share-search-390');
    await dialog.getByLabel('Tìm đơn vị theo tên').fill('khong co don vi nay');
    await dialog.getByText('Không có đơn vị nào có tên khớp').waitFor();
    await page.context().close();
  });
});
