import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVietnameseTestDocx } from '../../item-bank/importers/fixtures/vietnamese-test-docx.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchChromium, screenshotDir } from './browser.ts';
import { expectAccessible, shot } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;

beforeAll(async () => {
  await ensureClientBuilt();
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  const bank = await api(engine).post(
    '/api/item-banks',
    { name: 'Toán 12 – Trường A', organisationId: tree.schoolA.id },
    await tokenFor(engine, tree.teacherA),
  );
  expect(bank.status).toBe(201);
  const port = await engine.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
});

describe('a teacher imports a Word test in Chromium', () => {
  it('signs in, previews a .docx with one flagged question, corrects it, saves all, and finds an item without diacritics', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'author-e2e-'));
    const file = path.join(folder, 'de-kiem-tra-toan-12.docx');
    writeFileSync(file, await buildVietnameseTestDocx({ broken: true }));

    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/author/`);
    await page.getByRole('heading', { name: 'Đăng nhập cho giáo viên và cán bộ khảo thí' }).waitFor();
    await expectAccessible(page, 'author login');
    await page.getByLabel('Tên đăng nhập').fill(tree.teacherA.username);
    await page.getByLabel('Mật khẩu').fill(tree.teacherA.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    await page.getByLabel('Chọn tệp').setInputFiles(file);
    await page.getByLabel('Khối').selectOption('12');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText('8 câu, 1 câu có lỗi, 0 câu bỏ qua.').waitFor();
    const flagged = page.locator('li.question.invalid');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.getByRole('heading').textContent()).toBe('Phần I – Câu 5');
    expect(await flagged.getByText(/chưa có đáp án đúng/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Lưu tất cả' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'import preview');
    await shot(page, 'author-import-preview');

    // Correct the flagged question: its key is C.
    await flagged.getByRole('button', { name: 'Sửa câu này' }).click();
    await flagged.getByLabel('Đáp án đúng C').check();
    await flagged.getByRole('button', { name: 'Chấm thử' }).click(); // nothing chosen yet: scores 0
    await flagged.getByText('Điểm: 0').waitFor();
    await flagged.locator('.preview').getByLabel(/C\. ℝ/).check();
    await flagged.getByRole('button', { name: 'Chấm thử' }).click();
    await flagged.getByText('Điểm: 1').waitFor();
    // The question card alone: the sticky summary bar would cover it in a full-page shot.
    await flagged.screenshot({ path: path.join(screenshotDir, 'author-editor-fix.png') });
    await flagged.getByRole('button', { name: 'Dùng bản sửa này' }).click();
    await page.getByText('8 câu, 0 câu có lỗi, 0 câu bỏ qua.').waitFor();
    await page.getByRole('button', { name: 'Lưu tất cả' }).click();
    await page.getByText('Đã lưu 8 câu hỏi vào ngân hàng (8 câu mới).').waitFor();

    // The bank browser finds the item typed without diacritics, and it goes for review. The list the page
    // opens with is held back 3 s, as a busy server may answer it: it must not replace the search's answer.
    const opening = (url: URL) =>
      /\/api\/item-banks\/[^/]+\/items$/.test(url.pathname) && !url.searchParams.has('q');
    let heldBack = 0;
    await page.route(opening, async (route) => {
      heldBack++;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Ngân hàng câu hỏi' }).click();
    await page.getByLabel('Tìm câu hỏi (có dấu hoặc không dấu)').fill('tap xac dinh');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('1 câu hỏi', { exact: true }).waitFor();
    await page.waitForTimeout(4_000);
    expect(heldBack).toBeGreaterThan(0);
    expect(await page.getByText('1 câu hỏi', { exact: true }).isVisible()).toBe(true);
    await page.unroute(opening);
    const row = page.getByRole('row', { name: /Tập xác định của hàm số y = 1\/x là/ });
    await row.waitFor();
    await row.getByRole('button', { name: /Gửi duyệt/ }).click();
    await page.getByText(/sang Chờ duyệt/).waitFor();
    // The row re-renders after the list is fetched again; wait for it rather than sampling once.
    await row.getByText('Chờ duyệt').waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'bank browser');
    await shot(page, 'author-bank-search');
    await context.close();
  }, 120_000);
});
