/**
 * A Vietnamese teacher imports a Moodle course export (item-bank/importers/fixtures/moodle-on-thi-lop-10.xml:
 * categories, tags, a listening question with sound, pictures, cloze, numerical, matching, short
 * answer) through the authoring page in Chromium: the preview shows what each question means
 * (gaps, tolerances, pairs, partial credit, media, category and tags), on a desktop and on a 390 px
 * phone, and everything saves in one go.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchChromium } from './browser.ts';
import { expectAccessible, shot, signInToAuthor } from './helpers.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, '../../item-bank/importers/fixtures/moodle-on-thi-lop-10.xml');
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
    { name: 'Ôn thi vào 10 – Trường A', organisationId: tree.schoolA.id },
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

describe('a teacher imports a Vietnamese Moodle course export in Chromium', () => {
  it.each([
    { width: 1280, height: 900, name: 'desktop' },
    { width: 390, height: 844, name: 'phone' },
  ])(
    'the preview of every kind is readable ($name, $width px) and all seven questions save',
    async ({ width, height, name }) => {
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height } });
      const page = await context.newPage();
      await signInToAuthor(page, baseUrl, tree.teacherA);

      await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
      await page.getByLabel('Chọn tệp').setInputFiles(fixture);
      await page.getByRole('button', { name: 'Xem trước' }).click();
      await page.getByText('7 câu, 0 câu có lỗi, 0 câu bỏ qua.').waitFor();
      const question = (label: RegExp) =>
        page.locator('li.question').filter({ has: page.getByRole('heading', { name: label }) });

      // Listening: the sound file and the partial credit are visible; category and tags too.
      const listening = question(/Nghe hội thoại/);
      await listening.getByText('hoi-thoai.wav').waitFor();
      expect(await listening.getByText('Ngữ văn 9 › Nghe hiểu').count()).toBe(1);
      expect(await listening.getByText('nghe hiểu', { exact: true }).count()).toBe(1);
      expect(await listening.getByText('50%').count()).toBe(1);
      // Cloze: each gap with its kind, weight and accepted answers.
      const cloze = question(/Điền từ/);
      expect(await cloze.locator('p .gap-mark').count()).toBe(3);
      await cloze.getByRole('row', { name: /Chỗ trống 1.*Hà Nội.*Ha Noi.*50%/ }).waitFor();
      await cloze.getByRole('row', { name: /Chỗ trống 3.*1945/ }).waitFor();
      // Numerical: the answer, its tolerance and partial credit, written the Vietnamese way.
      const numeric = question(/Tính nhanh/);
      await numeric.getByRole('row', { name: /3.*± 0,01.*100%/ }).waitFor();
      await numeric.getByRole('row', { name: /30.*50%/ }).waitFor();
      // Matching: pairs and the extra answer.
      const matching = question(/Nối tác giả/);
      await matching.getByRole('row', { name: /Nguyễn Du.*Truyện Kiều/ }).waitFor();
      await matching.getByText(/Tắt đèn/).waitFor();

      await expectAccessible(page, `moodle import preview ${name}`);
      // No part of the page is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot(page, `author-import-moodle-${name}`);

      if (name === 'desktop') {
        await page.getByRole('button', { name: 'Lưu tất cả' }).click();
        await page.getByText('Đã lưu 7 câu hỏi vào ngân hàng (7 câu mới).').waitFor();
      }
      await context.close();
    },
    120_000,
  );
});
