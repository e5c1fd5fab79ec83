import { AxeBuilder } from '@axe-core/playwright';
import { eq, sql } from 'drizzle-orm';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../engine/platform/db/rows.ts';
import { seedDemo, type DemoSitting } from '../../engine/demo/seed-demo.ts';
import { loadDemoBank } from '../../item-bank/index.ts';
import { candidateSessions } from '../../engine/delivery/tables.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchChromium, screenshotDir } from './browser.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let demo: DemoSitting;
// The demo form is in bank order (file names); positions are looked up so new demo items do not break the test.
const bank = loadDemoBank().map((d) => d.item.identifier);
const total = bank.length;
const at = (identifier: string) => bank.indexOf(identifier) + 1;

beforeAll(async () => {
  await ensureClientBuilt();
  engine = await createTestEngine();
  demo = (await seedDemo(engine.deps.db)).sitting!;
  const port = await engine.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
});

async function expectAccessible(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

describe('a candidate takes the demo sitting in Chromium', () => {
  it('checks in, answers, keeps answering offline, resumes after a reload, reviews and submits; the stored answers are what was entered', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/candidate/`);
    await expect(page.getByRole('heading', { name: 'Vào phòng thi' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'check-in');
    await shot(page, 'check-in');

    await page.getByLabel('Mã phòng thi').fill(demo.accessCode);
    await page.getByLabel('Số báo danh').fill(demo.candidate.candidateNumber);
    await page.getByLabel('Ngày sinh (ngày/tháng/năm)').fill(demo.candidate.dateOfBirth);
    await page.getByRole('button', { name: 'Vào phòng thi' }).click();
    await page.getByRole('heading', { name: 'Xác nhận thông tin thí sinh' }).waitFor();
    expect(await page.getByText(demo.candidate.fullName).isVisible()).toBe(true);
    await page.getByText('Kỳ thi này không dùng camera hay micro.').waitFor();
    const started = Date.now();
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();

    // Item 1 is the match item DIA-7-MATCH-01 (the form is in bank order).
    await page.getByRole('heading', { name: `Câu 1 / ${total}` }).waitFor();
    await page
      .locator('.item-body table, .item-body .choices, .item-body select, .item-body input')
      .first()
      .waitFor();
    console.log(`first item visible ${Date.now() - started} ms after pressing start`);
    await expectAccessible(page, 'item');
    await shot(page, 'item-match');

    // Match: Việt Nam - Hà Nội, Thái Lan - Băng Cốc, Lào - Viêng Chăn.
    await page.getByLabel('Việt Nam – Hà Nội').check();
    await page.getByLabel('Thái Lan – Băng Cốc').check();
    await page.getByLabel('Lào – Viêng Chăn').check();
    await page.getByText('Đã lưu').waitFor();

    // Go to the text entry item TIN-8-PY-01 with the navigation panel.
    const textEntry = at('TIN-8-PY-01');
    const choice = at('TOAN-9-DT-01');
    await page.getByRole('button', { name: new RegExp(`^Câu ${textEntry}( |$)`) }).click();
    await page.getByRole('heading', { name: `Câu ${textEntry} / ${total}` }).waitFor();
    const entry = page.getByLabel('Nhập câu trả lời');
    // The item is on screen (fetched) before the network goes; an item never fetched cannot show offline.
    await entry.waitFor();

    // The network drops: answering goes on, the banner shows, and the answer syncs on reconnect.
    await context.setOffline(true);
    await page.getByText(/Mất kết nối/).waitFor({ timeout: 15_000 });
    await entry.fill('print');
    await page.getByText(/1 thay đổi chờ gửi/).waitFor();
    await shot(page, 'offline-banner');
    await context.setOffline(false);
    await page.getByText('Đã lưu').waitFor({ timeout: 20_000 });

    // Choice item TOAN-9-DT-01: choose 28,26 cm².
    await page.getByRole('button', { name: new RegExp(`^Câu ${choice}( |$)`) }).click();
    await page.getByLabel(/28,26 cm²/).check();
    await page.getByRole('button', { name: 'Đánh dấu xem lại' }).click();
    await page.getByText('Đã lưu').waitFor();

    // A reload resumes at the same item with the same answers.
    await page.reload();
    await page.getByRole('heading', { name: `Câu ${choice} / ${total}` }).waitFor();
    expect(await page.getByLabel(/28,26 cm²/).isChecked()).toBe(true);
    await page.getByRole('button', { name: new RegExp(`^Câu ${textEntry}( |$)`) }).click();
    expect(await page.getByLabel('Nhập câu trả lời').inputValue()).toBe('print');

    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    await page.getByRole('heading', { name: 'Xem lại trước khi nộp' }).waitFor();
    await expectAccessible(page, 'review');
    await shot(page, 'review');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();
    await expectAccessible(page, 'submitted');
    await shot(page, 'submitted');

    const [session] = await engine.deps.db
      .select()
      .from(candidateSessions)
      .where(eq(candidateSessions.state, 'submitted'));
    const sessionId = session?.id ?? (await engine.deps.db.select().from(candidateSessions))[0]!.id;
    const latest = rowsOf<{ item_ref: string; value: Record<string, unknown> }>(
      await engine.deps.db.execute(
        sql`select distinct on (item_ref) item_ref, value from responses where session_id = ${sessionId} order by item_ref, client_seq desc`,
      ),
    );
    const answers = Object.fromEntries(
      latest.map((r) => [r.item_ref, typeof r.value === 'string' ? JSON.parse(r.value) : r.value]),
    );
    expect(answers['DIA-7-MATCH-01']).toEqual({ RESPONSE: ['VN HN', 'TH BK', 'LA VC'] });
    expect(answers['TIN-8-PY-01']).toEqual({ RESPONSE: 'print' });
    expect(answers['TOAN-9-DT-01']).toEqual({ RESPONSE: 'A' });
    await context.close();
  }, 120_000);

  it('a second tab of the same session cannot answer', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const first = await context.newPage();
    await first.goto(`${baseUrl}/candidate/`);
    await first.getByLabel('Mã phòng thi').fill(demo.accessCode);
    await first.getByLabel('Số báo danh').fill('P010002');
    const [row] = rowsOf<{ date_of_birth: string }>(
      await engine.deps.db.execute(
        sql`select s.date_of_birth::text from sitting_candidates c join students s on s.id = c.student_id where c.candidate_number = 'P010002'`,
      ),
    );
    const [y, m, d] = row!.date_of_birth.split('-');
    await first.getByLabel('Ngày sinh (ngày/tháng/năm)').fill(`${d}/${m}/${y}`);
    await first.getByRole('button', { name: 'Vào phòng thi' }).click();
    await first.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await first.getByRole('heading', { name: `Câu 1 / ${total}` }).waitFor();
    const second = await context.newPage();
    await second.goto(`${baseUrl}/candidate/`);
    await second.getByText(/Bài thi đang mở ở thiết bị hoặc thẻ khác/).waitFor({ timeout: 15_000 });
    expect(await second.getByRole('checkbox').count()).toBe(0);
    await context.close();
  }, 60_000);
});
