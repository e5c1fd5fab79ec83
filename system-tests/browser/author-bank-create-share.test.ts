/**
 * A teacher's own item bank, from the author pages (issue 18 #2), on the demo data: the demo teacher of
 * Trường THCS Lê Quý Đôn creates a bank (the refusals of an empty and a taken name are shown in
 * Vietnamese first), writes an item into it, and shares it read-only with Trường THCS Bàn Cờ. A teacher
 * of Bàn Cờ then finds it in the bank select marked "(chỉ xem)", reads its item, sees why the save
 * button is off, and gets the engine's refusal in Vietnamese when saving the shared item anyway.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SCHOOL_BANK_NAME, seedDemo } from '../../engine/demo/seed-demo.ts';
import { organisations } from '../../engine/people/tables.ts';
import { buildStaff } from '../../engine/tests/support/factories.ts';
import { api } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let banCoTeacher: { username: string; password: string };

const BANK = 'Vật lí 9 – Lê Quý Đôn';
const STEM = 'Đơn vị đo cường độ dòng điện là gì?';

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  await seedDemo(engine.deps.db);
  const [banCo] = await engine.deps.db
    .select({ id: organisations.id, path: organisations.path, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.name, 'Trường THCS Bàn Cờ'));
  banCoTeacher = await buildStaff(engine.deps.db, 'teacher', banCo!);
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

async function signedIn(who: { username: string; password: string }, width: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInToAuthor(page, baseUrl, who);
  await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
  return page;
}

const bankSelect = (page: Page) => page.locator('.bank-select select');
const selectedBankLabel = (page: Page) => bankSelect(page).locator('option:checked').innerText();

describe('a teacher creates and shares an item bank from the author pages', () => {
  it('creates a bank (refusals in Vietnamese), writes an item into it and shares it read-only', async () => {
    const page = await signedIn({ username: 'giaovien', password: DEMO_PASSWORD }, 1280);
    await page.getByRole('button', { name: 'Tạo ngân hàng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo ngân hàng câu hỏi' });
    await dialog.getByRole('button', { name: 'Tạo ngân hàng' }).click();
    await dialog.getByRole('alert').getByText('Hãy nhập tên ngân hàng (ít nhất 2 ký tự)').waitFor();
    await dialog.getByLabel('Tên ngân hàng').fill(DEMO_SCHOOL_BANK_NAME);
    await dialog.getByRole('button', { name: 'Tạo ngân hàng' }).click();
    await dialog
      .getByText(`Đơn vị này đã có ngân hàng tên “${DEMO_SCHOOL_BANK_NAME}”. Hãy đặt tên khác`)
      .waitFor();
    expect(await dialog.getByLabel('Thuộc đơn vị').locator('option:checked').innerText()).toBe(
      'Trường THCS Lê Quý Đôn',
    );
    await dialog.getByLabel('Tên ngân hàng').fill(BANK);
    await dialog.getByLabel('Môn học').fill('Vật lí');
    await shot(page, 'author-bank-create-dialog-1280');
    await dialog.getByRole('button', { name: 'Tạo ngân hàng' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The new bank is in the select at once, and selected.
    expect(await selectedBankLabel(page)).toBe(`${BANK} — Trường THCS Lê Quý Đôn`);

    await page.getByRole('button', { name: 'Soạn câu hỏi', exact: true }).click();
    await page.getByLabel('Nội dung câu hỏi').fill(STEM);
    for (const [i, text] of ['Ampe (A)', 'Vôn (V)', 'Ôm (Ω)', 'Oát (W)'].entries())
      await page.getByLabel(`Phương án ${'ABCD'[i]}`, { exact: true }).fill(text);
    await page.getByLabel('Đáp án đúng A').check();
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await page.getByText(/Đã lưu câu hỏi \(phiên bản 1\)/).waitFor();

    await page.getByRole('button', { name: 'Chia sẻ', exact: true }).click();
    const share = page.getByRole('dialog', { name: `Chia sẻ ngân hàng “${BANK}”` });
    await share.getByText('Ngân hàng này chưa được chia sẻ với đơn vị nào.').waitFor();
    await share.getByRole('button', { name: 'Chia sẻ', exact: true }).click();
    await share.getByText('Hãy chọn đơn vị cần chia sẻ.').waitFor();
    await share.getByLabel('Chia sẻ với đơn vị').selectOption({ label: 'Trường THCS Bàn Cờ' });
    expect(await share.getByLabel('Chỉ xem').isChecked()).toBe(true);
    await share.getByRole('button', { name: 'Chia sẻ', exact: true }).click();
    await share.getByRole('status').getByText('Đã chia sẻ với Trường THCS Bàn Cờ (Chỉ xem).').waitFor();
    await share.getByRole('button', { name: 'Thôi chia sẻ với Trường THCS Bàn Cờ' }).waitFor();
    await shot(page, 'author-bank-share-dialog-1280');
    await share.getByRole('button', { name: 'Đóng' }).click();
    await page.context().close();
  });

  for (const width of [1280, 390]) {
    it(`shows the shared bank read-only to the sister school's teacher, with a Vietnamese refusal on save (${width} px)`, async () => {
      const page = await signedIn(banCoTeacher, width);
      const option = bankSelect(page).locator('option', { hasText: BANK });
      expect(await option.innerText()).toBe(`${BANK} — Trường THCS Lê Quý Đôn (được chia sẻ) (chỉ xem)`);
      await bankSelect(page).selectOption({ label: await option.innerText() });
      // Only the owner shares it.
      expect(await page.getByRole('button', { name: 'Chia sẻ', exact: true }).count()).toBe(0);

      // Its item can be read...
      await page.getByRole('button', { name: 'Ngân hàng câu hỏi' }).click();
      await page.getByRole('button', { name: 'Tìm' }).click();
      await page.getByText(STEM).first().waitFor();

      // ...but the save button says why it is off instead of failing.
      await page.getByRole('button', { name: 'Soạn câu hỏi', exact: true }).click();
      const note = page.getByRole('note');
      await note.getByText(`Ngân hàng “${BANK}” của Trường THCS Lê Quý Đôn chỉ cho bạn xem`).waitFor();
      const save = page.getByRole('button', { name: 'Lưu vào ngân hàng' });
      expect(await save.isDisabled()).toBe(true);
      expect(await save.getAttribute('aria-describedby')).toBe('draft-editor-read-only');
      await shot(page, `author-bank-read-only-${width}`);

      // Saving the shared item from the item editor anyway (with another bank selected) is refused by
      // the engine, and the page says so in Vietnamese with what to do.
      const owner = (
        await api(engine).post('/api/auth/login', { username: 'giaovien', password: DEMO_PASSWORD })
      ).data.accessToken as string;
      const banks = (await api(engine).get('/api/item-banks', owner)).data.items as Array<{
        id: string;
        name: string;
      }>;
      const bankId = banks.find((b) => b.name === BANK)!.id;
      const itemId = (await api(engine).get(`/api/item-banks/${bankId}/items`, owner)).data.items[0]
        .id as string;
      const other = bankSelect(page).locator('option', { hasText: 'Ngân hàng câu hỏi mẫu' });
      await bankSelect(page).selectOption({ label: await other.innerText() });
      await page.evaluate((id) => (location.hash = `#/items/${id}/edit`), itemId);
      const editorSave = page.getByRole('button', { name: 'Lưu vào ngân hàng' });
      await editorSave.waitFor();
      await page.waitForTimeout(500);
      await editorSave.click();
      await page
        .getByText(
          `Không lưu được: ngân hàng “${BANK}” của Trường THCS Lê Quý Đôn chỉ cho bạn xem. Hãy chọn ngân hàng của trường mình`,
        )
        .waitFor();
      expect(await page.getByText('outside your organisation').count()).toBe(0);
      await shot(page, `author-bank-refused-save-${width}`);

      if (width === 1280) {
        // In English the same refusal is in English.
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('button', { name: 'Save to the bank' }).click();
        await page
          .getByText(`Not saved: bank “${BANK}” of Trường THCS Lê Quý Đôn is read-only for you.`)
          .waitFor();
      }
      await page.context().close();
    });
  }
});
