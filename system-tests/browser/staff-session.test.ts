/**
 * A staff member working across the end of a token (issue 18 #1): an expired access token is renewed
 * silently (no error, no sign-in page), and when the session has really ended the page asks for the
 * password again in place and then finishes what was asked: the item being written is saved, nothing
 * typed is lost. Expiry is simulated in the tab (an expired access token, a refused refresh token)
 * rather than by waiting 15 minutes.
 */
import { SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { createSchoolBank, shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  await createSchoolBank(engine, tree, 'Tin học – Trường A');
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

/** An access token of the teacher that expired half an hour ago, signed by the engine. */
const expiredToken = () =>
  new SignJWT({
    role: 'teacher',
    org: tree.schoolA.id,
    scope: tree.schoolA.path,
    name: tree.teacherA.username,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(tree.teacherA.userId)
    .setIssuer('exam-engine')
    .setAudience('staff')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
    .sign(new TextEncoder().encode(engine.config.jwtSecret));

const setTokens = (page: Page, tokens: { access?: string; refresh?: string }) =>
  page.evaluate((t) => {
    if (t.access) sessionStorage.setItem('author.token', t.access);
    if (t.refresh) sessionStorage.setItem('author.refresh', t.refresh);
  }, tokens);

async function signedInPage(width: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInToAuthor(page, baseUrl, tree.teacherA);
  await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
  return page;
}

describe('a staff session across token expiry', () => {
  it('renews an expired access token silently: the next page loads with no error and no sign-in', async () => {
    const page = await signedInPage(1280);
    // The header keeps bank, language and sign-out together on the row under the tabs (they used
    // to wrap sign-out onto a row of its own at 1280 px). Since the calibration tab, the tabs take a
    // row of their own under the title: three rows (~160 px); a fourth would pass 190.
    const header = await page.locator('header.topbar').boundingBox();
    const signOut = await page.getByRole('button', { name: /Đăng xuất/ }).boundingBox();
    const english = await page.getByRole('button', { name: 'English' }).boundingBox();
    expect(header!.height).toBeLessThan(175);
    expect(Math.abs(signOut!.y - english!.y)).toBeLessThan(5);
    expect(header!.x + header!.width - (signOut!.x + signOut!.width)).toBeLessThan(40);
    const expired = await expiredToken();
    await setTokens(page, { access: expired });
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    await page.getByRole('button', { name: 'Ngân hàng câu hỏi' }).click();
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page
      .getByText(/\d+ câu hỏi|Không có câu hỏi phù hợp/)
      .first()
      .waitFor();
    expect(await page.getByText('Có lỗi xảy ra').count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    const now = await page.evaluate(() => sessionStorage.getItem('author.token'));
    expect(now).toBeTruthy();
    expect(now).not.toBe(expired);
    await page.context().close();
  });

  for (const width of [1280, 390]) {
    it(`asks for the password in place when the session has ended, then saves the unsaved item (${width} px)`, async () => {
      const page = await signedInPage(width);
      await page.getByRole('button', { name: 'Soạn câu hỏi', exact: true }).click();
      const stem = `Câu lệnh nào in ra màn hình trong Python? (${width})`;
      await page.getByLabel('Nội dung câu hỏi').fill(stem);
      for (const [i, text] of ['print', 'input', 'len', 'range'].entries())
        await page.getByLabel(`Phương án ${'ABCD'[i]}`, { exact: true }).fill(text);
      await page.getByLabel('Đáp án đúng A').check();

      // The session ends while the teacher writes: the access token expires and the refresh token is refused.
      await setTokens(page, { access: await expiredToken(), refresh: 'spent-or-revoked' });
      await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
      const dialog = page.getByRole('dialog', { name: 'Phiên đăng nhập đã hết hạn' });
      await dialog.waitFor();
      await dialog.getByText('vẫn được giữ nguyên').waitFor();
      expect(await dialog.getByLabel('Tên đăng nhập').inputValue()).toBe(tree.teacherA.username);
      await shot(page, `staff-session-sign-in-again-${width}`);

      await dialog.getByLabel('Mật khẩu').fill('not the password');
      await dialog.getByRole('button', { name: 'Đăng nhập lại' }).click();
      await dialog.getByText('Mật khẩu không đúng').waitFor();
      await dialog.getByLabel('Mật khẩu').fill(tree.teacherA.password);
      await dialog.getByRole('button', { name: 'Đăng nhập lại' }).click();

      // The save that was waiting goes through; what was typed is still there.
      await page.getByText(/Đã lưu câu hỏi \(phiên bản 1\)/).waitFor({ timeout: 20_000 });
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await page.getByLabel('Nội dung câu hỏi').inputValue()).toBe(stem);
      await shot(page, `staff-session-saved-after-sign-in-${width}`);
      await page.context().close();
    });
  }
});
