import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import {
  createSchoolBank,
  expectAccessible,
  expectSaveOutcome,
  shot,
  signInToAuthor,
  openNewEditor,
} from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let bankId: string;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  bankId = await createSchoolBank(engine, tree, 'Lịch sử – Trường A');
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

/** A 300×200 map-like picture drawn in the page's canvas, saved as a PNG file to upload. */
async function pictureFile(page: Page): Promise<string> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 300;
    canvas.height = 200;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#e0f2fe';
    g.fillRect(0, 0, 300, 200);
    g.fillStyle = '#15803d';
    g.fillRect(20, 20, 80, 60);
    g.fillStyle = '#b91c1c';
    g.beginPath();
    g.arc(210, 130, 35, 0, Math.PI * 2);
    g.fill();
    return canvas.toDataURL('image/png');
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'item-editor-')), 'ban-do.png');
  writeFileSync(file, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
  return file;
}

const itemIdFromUrl = (page: Page) => /#\/items\/([0-9a-f-]{36})\/edit$/.exec(page.url())?.[1];

describe('the item editor in Chromium', () => {
  it('authors an order item with a formula and a table, a hotspot item with drawn areas, tries scoring, saves and reopens them', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await signInToAuthor(page, baseUrl, tree.teacherA);
    await openNewEditor(page);

    // 1. An order item; the stem has bold text, a LaTeX formula (stored as MathML) and a table.
    await page.getByLabel('Dạng tương tác').selectOption('order');
    const stem = page.getByRole('textbox', { name: 'Nội dung câu hỏi' });
    await stem.click();
    await page.keyboard.type('Sắp xếp các sự kiện theo thứ tự thời gian, biết ');
    await page.getByLabel('Công thức LaTeX').fill('x^2 + \\frac{1}{2}');
    await page.getByRole('button', { name: 'Chèn công thức' }).click();
    await page.getByRole('button', { name: 'Chèn bảng' }).click();
    await page.getByLabel('Chèn hình').setInputFiles(await pictureFile(page));
    await expect.poll(() => stem.locator('img').count()).toBe(1);
    await expect.poll(() => stem.locator('math').count()).toBe(1);
    await expect.poll(() => stem.locator('table td').count()).toBe(4);
    const events = [
      'Chiến thắng Bạch Đằng',
      'Cách mạng tháng Tám',
      'Chiến dịch Điện Biên Phủ',
      'Giải phóng miền Nam',
    ];
    for (const [i, text] of events.entries())
      await page.getByLabel(`Nội dung lựa chọn ${'ABCD'[i]}`).fill(text);
    // The key: A, C, B, D.
    await page.getByRole('button', { name: 'Đưa C lên' }).click();
    await page.getByLabel('Điểm tối đa').fill('2');
    await page.getByLabel('Khi trả lời đúng').fill('Chính xác!');
    await page.getByLabel('Môn học').fill('Lịch sử');
    await page.getByLabel('Lớp').fill('9');
    await page.getByLabel('Chủ đề').fill('Lịch sử Việt Nam');
    await page.getByLabel('Năng lực (cách nhau bởi dấu phẩy)').fill('tìm hiểu lịch sử, nhận thức');
    await page.getByLabel('Mức độ nhận thức').selectOption('thong_hieu');

    const preview = page.getByTestId('item-preview');
    await preview.locator('math').waitFor();
    await preview.getByText('Cách mạng tháng Tám').waitFor();
    expect(await preview.locator('table td').count()).toBe(4);
    expect(await preview.locator('img[src^="data:image/png"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Chấm thử' }).click();
    await page.getByTestId('try-score').getByText('Điểm: 0 / 2').waitFor();
    await preview.getByRole('button', { name: 'Chuyển lên: Chiến dịch Điện Biên Phủ' }).click();
    await page.getByRole('button', { name: 'Chấm thử' }).click();
    await page.getByTestId('try-score').getByText('Điểm: 2 / 2').waitFor();
    await page.getByTestId('try-score').getByText('Phản hồi: Chính xác!').waitFor();
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, /Đã lưu câu hỏi .* \(phiên bản 1\)/);
    const orderId = itemIdFromUrl(page);
    expect(orderId).toBeTruthy();
    await expectAccessible(page, 'item editor (order)');
    await shot(page, 'author-item-editor-order');

    // The first save turns the page into the saved item's editor, as a fresh load of its route shows:
    // the identifier is fixed, and the next save is a new version of the same item.
    await page.getByRole('heading', { name: 'Sửa câu hỏi' }).waitFor();
    expect(await page.getByLabel('Mã câu hỏi').isEditable()).toBe(false);
    const title = 'Thứ tự các sự kiện lịch sử Việt Nam';
    await page.getByLabel('Tiêu đề (để trống: lấy từ nội dung)').fill(title);
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, /Đã lưu câu hỏi .* \(phiên bản 2\)/);
    expect(itemIdFromUrl(page)).toBe(orderId);
    const bankItems = await api(engine).get(
      `/api/item-banks/${bankId}/items`,
      await tokenFor(engine, tree.teacherA),
    );
    expect(bankItems.data.items.filter((i: { title: string }) => i.title === title)).toHaveLength(1);
    expect(bankItems.data.total).toBe(1);

    // 2. A hotspot item: a picture, two areas drawn by dragging, the key on the second.
    await openNewEditor(page);
    await page.getByLabel('Dạng tương tác').selectOption('hotspot');
    await page.getByRole('textbox', { name: 'Nội dung câu hỏi' }).click();
    await page.keyboard.type('Trên bản đồ, vùng nào là hồ nước?');
    await page.getByLabel('Hình nền').setInputFiles(await pictureFile(page));
    const canvas = page.getByTestId('ie-hotspot-areas-canvas');
    await canvas.waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const at = (x: number, y: number) =>
      [box.x + (x / 300) * box.width, box.y + (y / 200) * box.height] as const;
    const drag = async (from: readonly [number, number], to: readonly [number, number]) => {
      await page.mouse.move(...from);
      await page.mouse.down();
      await page.mouse.move(...to, { steps: 5 });
      await page.mouse.up();
    };
    await drag(at(20, 20), at(100, 80));
    await page.getByLabel('Tròn').check();
    await drag(at(210, 130), at(245, 130));
    await page.getByPlaceholder('Tên vùng S1').fill('Rừng');
    await page.getByPlaceholder('Tên vùng S2').fill('Hồ nước');
    await page.getByLabel('S2 (Hồ nước) là đáp án đúng').check();
    await preview.getByText('2. Hồ nước').waitFor();
    await preview.getByText('1. Rừng').click();
    await page.getByRole('button', { name: 'Chấm thử' }).click();
    await page.getByTestId('try-score').getByText('Điểm: 0 / 1').waitFor();
    await preview.getByText('2. Hồ nước').click();
    await page.getByRole('button', { name: 'Chấm thử' }).click();
    await page.getByTestId('try-score').getByText('Điểm: 1 / 1').waitFor();
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, /\(phiên bản 1\)/);
    const hotspotId = itemIdFromUrl(page);
    expect(hotspotId).toBeTruthy();
    await expectAccessible(page, 'item editor (hotspot)');
    await shot(page, 'author-item-editor-hotspot');

    // 3. Reopen both: everything comes back; saving unchanged adds no version, a change adds one.
    // A fresh load of the route, as from a bookmark or the bank browser's link (the tab keeps its sign-in).
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/author/#/items/${hotspotId}/edit`);
    await page.getByRole('heading', { name: 'Sửa câu hỏi' }).waitFor();
    expect(await page.getByLabel('Dạng tương tác').inputValue()).toBe('hotspot');
    expect(await page.getByPlaceholder('Tên vùng S2').inputValue()).toBe('Hồ nước');
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, 'Không có thay đổi nào để lưu (phiên bản 1).');

    // A fresh load of the route, as from a bookmark or the bank browser's link (the tab keeps its sign-in).
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/author/#/items/${orderId}/edit`);
    await page.getByRole('heading', { name: 'Sửa câu hỏi' }).waitFor();
    expect(await page.getByLabel('Dạng tương tác').inputValue()).toBe('order');
    const reopened = page.getByRole('textbox', { name: 'Nội dung câu hỏi' });
    expect(await reopened.locator('math').count()).toBe(1);
    expect(await reopened.locator('table td').count()).toBe(4);
    expect(await reopened.locator('img[src^="data:image/png"]').count()).toBe(1);
    expect(await page.getByLabel('Môn học').inputValue()).toBe('Lịch sử');
    expect(await page.getByLabel('Mức độ nhận thức').inputValue()).toBe('thong_hieu');
    expect(await page.getByLabel('Điểm tối đa').inputValue()).toBe('2');
    // Save once the editor holds the change, as a teacher does when the preview shows it. (A second load of
    // the item landing after this edit used to replace it: author-item-editor-late-replies.test.ts.)
    const newText = 'Giải phóng miền Nam, thống nhất đất nước';
    await page.getByLabel('Nội dung lựa chọn D').fill(newText);
    await preview.getByText(newText).first().waitFor();
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, /\(phiên bản 3\)/);
    await preview.locator('math').waitFor();
    await expectAccessible(page, 'item editor (reopened)');
    await shot(page, 'author-item-editor-reopened');

    const stored = await api(engine).get(
      `/api/items/${orderId}/authoring`,
      await tokenFor(engine, tree.teacherA),
    );
    expect(stored.data.version).toBe(3);
    expect(JSON.stringify(stored.data.item)).toContain('"name":"mfrac"');
    expect(JSON.stringify(stored.data.item)).toContain('application/x-tex');
    expect(stored.data.media).toHaveLength(1);
    // A link to the route inside the app (the bank browser's "Edit") switches items in place.
    await page.evaluate((id) => (location.hash = `#/items/${id}/edit`), hotspotId);
    await expect.poll(() => page.getByLabel('Dạng tương tác').inputValue()).toBe('hotspot');
    expect(await page.getByPlaceholder('Tên vùng S1').inputValue()).toBe('Rừng');
    expect(failures).toEqual([]);
    await context.close();
  }, 180_000);

  it('shows a usable, accessible form and a preview for every interaction type', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await signInToAuthor(page, baseUrl, tree.teacherA);
    await openNewEditor(page);
    const picture = await pictureFile(page);
    const kinds = await page
      .getByLabel('Dạng tương tác')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(kinds).toHaveLength(21);
    for (const kind of kinds) {
      await page.getByLabel('Dạng tương tác').selectOption(kind);
      if (await page.getByLabel('Hình nền').count()) {
        await page.getByLabel('Hình nền').setInputFiles(picture);
        await page.locator('img.picture-thumb').first().waitFor();
        const addArea = page.getByRole('button', { name: 'Thêm vùng bằng toạ độ' });
        if (await addArea.count()) await addArea.click();
      }
      if (kind === 'positionObject') {
        await page.getByLabel('Hình của vật cần đặt').setInputFiles(picture);
        await expect.poll(() => page.locator('img.picture-thumb').count()).toBe(2);
      }
      // (The drawing interaction paints its picture on a canvas.)
      if (kind !== 'drawing' && (await page.getByLabel('Hình nền').count()))
        await page.getByTestId('item-preview').locator('img[src^="data:image/png"]').first().waitFor();
      // The preview shows the interaction, or says what is missing (an empty key, a missing picture).
      await page
        .getByTestId('item-preview')
        .locator('.item-body')
        .or(page.getByText('Chưa xem trước được:'))
        .first()
        .waitFor();
      await expectAccessible(page, `item editor (${kind})`);
      if (kind === 'selectPoint' || kind === 'gapMatch') await shot(page, `author-item-editor-${kind}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  }, 240_000);
});
