/**
 * The item editor when the engine answers late and out of order (a slow line, a busy database): a reply
 * the editor no longer waits for must not replace what the teacher typed since.
 * - the preview: an earlier preview request answering after a later one showed the old text, and kept
 *   showing it (nothing else changed to ask again);
 * - reopening an item: a second load of the same item (React runs the effect twice in development, as the
 *   test bundle is) landing after the teacher's first edit replaced it, so the save said "no changes".
 * Both were seen in CI on PostgreSQL; here the engine's replies are held back on purpose, so the order is
 * the bad one every run.
 */
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { createSchoolBank, expectSaveOutcome, signInToAuthor, openNewEditor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  await createSchoolBank(engine, tree, 'Toán – Trường A');
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the item editor with late replies', () => {
  it('shows the newest preview when an older preview request answers last, and saves the reopened item with the edit made while a load was still answering', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await signInToAuthor(page, baseUrl, tree.teacherA);
    await openNewEditor(page);
    const preview = page.getByTestId('item-preview');

    await page.getByLabel('Dạng tương tác').selectOption('choice');
    await page.getByRole('textbox', { name: 'Nội dung câu hỏi' }).click();
    await page.keyboard.type('Số nào là số nguyên tố?');
    for (const [i, text] of ['4', '6', '7', '9'].entries())
      await page.getByLabel(`Nội dung lựa chọn ${'ABCD'[i]}`).fill(text);
    await page.getByLabel('C (7) là đáp án đúng').check();
    await preview.getByRole('radio', { name: 'C. 7' }).waitFor();

    // 1. The preview of "Mười một" is held back 4 s; the teacher corrects it to "11" meanwhile.
    let heldPreviews = 0;
    await page.route('**/api/items/authoring/preview', async (route: Route) => {
      if (route.request().postData()?.includes('Mười một')) {
        heldPreviews++;
        await sleep(4_000);
      }
      await route.continue();
    });
    await page.getByLabel('Nội dung lựa chọn D').fill('Mười một');
    await sleep(600); // past the preview's 400 ms pause, so that request leaves
    await page.getByLabel('Nội dung lựa chọn D').fill('11');
    await preview.getByRole('radio', { name: 'D. 11' }).waitFor();
    await sleep(5_000); // the held request has answered by now
    expect(heldPreviews).toBeGreaterThan(0);
    expect(await preview.getByRole('radio', { name: 'D. Mười một' }).count()).toBe(0);
    expect(await preview.getByRole('radio', { name: 'D. 11' }).count()).toBe(1);
    await page.unroute('**/api/items/authoring/preview');

    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, /\(phiên bản 1\)/);
    const itemId = /#\/items\/([0-9a-f-]{36})\/edit$/.exec(page.url())?.[1];
    expect(itemId).toBeTruthy();

    // 2. Reopen it with the first load of the item held back 4 s: any later load shows the form, the
    //    teacher edits, then the held reply arrives. The edit stays and is what is saved.
    let loads = 0;
    await page.route(`**/api/items/${itemId}/authoring`, async (route: Route) => {
      loads++;
      if (loads === 1) await sleep(4_000);
      await route.continue();
    });
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/author/#/items/${itemId}/edit`);
    await page.getByRole('heading', { name: 'Sửa câu hỏi' }).waitFor();
    await page.getByLabel('Nội dung lựa chọn B').fill('13');
    await sleep(5_000); // every held load has answered
    expect(await page.getByLabel('Nội dung lựa chọn B').inputValue()).toBe('13');
    await preview.getByRole('radio', { name: 'B. 13' }).waitFor();
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, /\(phiên bản 2\)/);
    const stored = await api(engine).get(
      `/api/items/${itemId}/authoring`,
      await tokenFor(engine, tree.teacherA),
    );
    expect(JSON.stringify(stored.data.item)).toContain('"13"');
    console.log(`[late replies] ${heldPreviews} preview(s) and 1 of ${loads} item load(s) held back 4 s`);
    expect(failures).toEqual([]);
    await context.close();
  }, 180_000);
});
