/**
 * Issue 18 #5: the exam board sets a sitting's proctoring (snapshots, identity check), full screen,
 * Safe Exam Browser and tools from the scheduling form, not only through POST /api/sittings; the
 * stored policy is what the form said, and the sitting panel shows it.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sittings } from '../../engine/sittings/tables.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { createSchoolBank, expectAccessible, shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let bankId: string;
let testId: string;

/** Published Aiken questions tagged with a topic and level, in the bank. */
async function publishedQuestions(count: number) {
  const teacher = await tokenFor(engine, tree.teacherA);
  const board = await tokenFor(engine, tree.examBoard);
  const text = Array.from(
    { length: count },
    (_, i) =>
      `Câu ${i + 1}: ${i + 2} + ${i + 3} bằng bao nhiêu?\nA. ${2 * i + 5}\nB. ${2 * i + 6}\nANSWER: A\n`,
  ).join('\n');
  const form = new FormData();
  form.set('file', new File([text], 'cau-hoi.txt'));
  form.set('metadata', JSON.stringify({ topic: 'Số tự nhiên', cognitiveLevel: 'nhan_biet', grade: 6 }));
  const saved = await api(engine).call('POST', `/api/item-banks/${bankId}/imports/confirm`, {
    token: teacher,
    body: form,
  });
  expect(saved.status).toBe(200);
  for (const item of saved.data.items as Array<{ itemId: string }>) {
    expect((await api(engine).post(`/api/items/${item.itemId}/submit`, {}, teacher)).status).toBe(200);
    expect((await api(engine).post(`/api/items/${item.itemId}/publish`, {}, board)).status).toBe(200);
  }
}

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  bankId = await createSchoolBank(engine, tree, 'Toán 6 – Trường A');
  await publishedQuestions(3);
  const stored = await api(engine).post(
    '/api/tests',
    {
      bankId,
      formCount: 1,
      blueprint: {
        title: 'Kiểm tra 15 phút Toán 6',
        topics: ['Số tự nhiên'],
        cells: [{ topic: 'Số tự nhiên', level: 'nhan_biet', count: 3, points: 10 }],
      },
    },
    await tokenFor(engine, tree.teacherA),
  );
  expect(stored.status).toBe(201);
  testId = stored.data.tests[0].id;
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

describe('the scheduling form sets the security policy', () => {
  it('schedules a proctored sitting with snapshots, the identity check and a calculator; the stored policy and the panel say so', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToAuthor(page, baseUrl, tree.examBoard);
    await page.getByRole('combobox', { name: /^Ngân hàng/ }).selectOption(bankId);
    await page.getByRole('button', { name: 'Tổ chức thi' }).click();
    await page.getByLabel('Đề thi').selectOption(testId);
    await page.getByLabel('Tên buổi thi').fill('Kiểm tra 15 phút có giám sát');
    await page.getByLabel('Đơn vị tổ chức').selectOption({ label: tree.schoolA.name });

    // Snapshots and the identity check need camera proctoring: they are off until it is on.
    const snapshots = page.getByRole('checkbox', { name: 'Chụp ảnh khi có sự việc' });
    const identity = page.getByRole('checkbox', { name: 'Đối chiếu khuôn mặt khi vào phòng thi' });
    expect(await snapshots.isDisabled()).toBe(true);
    expect(await identity.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Giám sát bằng camera', exact: true }).check();
    await snapshots.check();
    await page.getByLabel('Lưu ảnh (ngày)').fill('14');
    await identity.check();
    await page.getByRole('checkbox', { name: 'Máy tính cầm tay' }).check();
    await page.getByRole('checkbox', { name: 'Bắt buộc dùng Safe Exam Browser' }).check();
    await page.getByLabel(/Mật khẩu thoát SEB/).fill('thoat2026');
    await expectAccessible(page, 'scheduling form with security');
    await shot(page, 'author-board-security-form');
    await page.getByRole('button', { name: 'Lên lịch', exact: true }).click();
    await page.getByText('Đã lên lịch buổi thi "Kiểm tra 15 phút có giám sát".').waitFor();

    const [row] = await engine.deps.db
      .select()
      .from(sittings)
      .where(eq(sittings.name, 'Kiểm tra 15 phút có giám sát'));
    expect(row!.securityPolicy).toMatchObject({
      proctoring: true,
      fullscreen: true,
      safeExamBrowser: true,
      sebQuitPassword: 'thoat2026',
      tools: ['calculator'],
      proctoringRules: { snapshots: true, identityCheck: true, snapshotRetentionDays: 14 },
    });
    const read = await api(engine).get(`/api/sittings/${row!.id}`, await tokenFor(engine, tree.examBoard));
    expect(read.data.securityPolicy).toEqual({
      proctoring: true,
      fullscreen: true,
      safeExamBrowser: true,
      sebQuitPassword: true,
      browserExamKeys: 0,
      tools: ['calculator'],
      proctoringRules: { snapshots: true, identityCheck: true, snapshotRetentionDays: 14 },
    });

    const panel = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'Quản lí Kiểm tra 15 phút có giám sát' }),
    });
    const summary = panel.locator('section', {
      has: page.getByRole('heading', { name: 'Bảo mật và giám sát' }),
    });
    await summary
      .getByText(
        'Giám sát bằng camera: có; chụp ảnh khi có sự việc (lưu 14 ngày); đối chiếu khuôn mặt khi vào phòng thi',
      )
      .waitFor();
    await summary.getByText('Bắt buộc Safe Exam Browser (có mật khẩu thoát)').waitFor();
    await summary.getByText('Công cụ: Máy tính cầm tay').waitFor();
    await shot(page, 'author-board-security-panel');

    // At 390 px the groups stack and stay readable.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Lên lịch buổi thi' }).scrollIntoViewIfNeeded();
    await shot(page, 'author-board-security-form-390');
    await context.close();
  }, 180_000);
});
