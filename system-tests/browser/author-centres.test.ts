/**
 * Issue 22: the exam board's test centres page. The board seals a sitting for a registered centre and
 * downloads the package from the page; a real centre node (in this process, its own database) imports
 * that very file, fetches its key from this engine and runs the sitting for 4 candidates (two submit,
 * one answers without submitting, one is absent) and exports its log (`export-log`, the USB fallback).
 * The page shows the key released, issues a room code (large, with its check symbol), imports the
 * log file (entries new / already held, and a second upload imports nothing), and the reconciliation
 * report's numbers and what is missing. The header stays under 175 px at 1280 px with the new tab; a
 * teacher has no tab; at 390 px the page does not scroll sideways.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRoomCode } from '../../engine/centres/room-code.ts';
import {
  registerTestCentre,
  runSittingAtCentre,
  type CentreRun,
} from '../../engine/tests/centres/support/centre-run.ts';
import { buildQtiItems, buildSitting } from '../../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { shot, signInToAuthor } from './helpers.ts';

const PLAN = ['submits', 'answers', 'absent', 'submits'] as const;
let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sitting: Awaited<ReturnType<typeof buildSitting>>;
let centre: Awaited<ReturnType<typeof registerTestCentre>>;
let run: CentreRun | undefined;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  sitting = await buildSitting(engine, tree, await buildQtiItems(engine, tree, 5), { students: PLAN.length });
  centre = await registerTestCentre(engine, tree.schoolA.id, 'Điểm thi THCS Láng Thượng');
}, 600_000);
afterAll(async () => {
  await run?.close();
  await stopE2e({ engine, browser });
});

describe('the test centres page', () => {
  it('seals and downloads, shows the status, issues a room code, imports the USB log and reconciles', async () => {
    const context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signInToAuthor(page, baseUrl, tree.examBoard);
    await page.getByRole('button', { name: 'Tổ chức thi', exact: true }).click();
    await page.getByRole('heading', { name: 'Điểm thi THCS Láng Thượng' }).waitFor();
    expect((await page.locator('header.topbar').boundingBox())!.height).toBeLessThan(175);
    await page.getByText('Chưa có gói đề nào cho điểm thi này.').waitFor();

    // Seal and download the package from the page.
    await page.getByRole('combobox', { name: 'Kỳ thi' }).selectOption(sitting.sittingId);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Niêm phong và tải gói đề' }).click(),
    ]);
    const packageFile = readFileSync((await download.path())!);
    expect(download.suggestedFilename()).toMatch(/\.examcentre$/);
    await page.getByText(/Đã niêm phong gói [0-9a-f]{8} và tải về/).waitFor();
    await page.getByText(/Niêm phong .* · Phòng 01/).waitFor();

    // The centre runs the sitting from that very file and exports its log.
    run = await runSittingAtCentre({
      centralUrl: baseUrl,
      credentialFile: centre.credentialFile,
      packageFile,
      accessCode: sitting.accessCode,
      candidates: sitting.candidates,
      plan: [...PLAN],
    });
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await page.getByText(/Đã nhận khóa qua mạng lúc/).waitFor();
    await page.getByText('Chưa nhận được').waitFor();

    // A room code, large, with its check symbol.
    await page.getByRole('button', { name: 'Cấp mã phòng' }).click();
    const code = (await page.locator('.room-code-value').innerText()).replace(/\s+/g, '');
    expect(() => parseRoomCode(code)).not.toThrow();
    expect(await page.locator('.room-code-check').innerText()).toBe(code.slice(-1));
    expect(
      await page.locator('.room-code-value').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
    ).toBeGreaterThan(28);
    await page.getByText('Mã phòng đã cấp: Phòng 01').waitFor();

    // The USB log file, then the same file again.
    await page.getByLabel('Tệp nhật ký kết quả (USB)').setInputFiles(run.logFile);
    await page.getByRole('button', { name: 'Nhập tệp nhật ký' }).click();
    await page
      .getByText(`Đã nhập tệp: ${run.entries} mục trong tệp, ${run.entries} mục mới, 0 mục đã có từ trước.`)
      .waitFor();
    await page.getByText(`${run.entries} mục, đến số ${run.entries}`, { exact: false }).waitFor();
    await page.getByText('Đủ chuỗi, đã kiểm chữ ký').waitFor();
    await page.getByRole('button', { name: 'Nhập tệp nhật ký' }).click();
    await page
      .getByText(`Đã nhập tệp: ${run.entries} mục trong tệp, 0 mục mới, ${run.entries} mục đã có từ trước.`)
      .waitFor();

    // The reconciliation: scoring runs after the import, so ask until both submissions are scored.
    const saves = [...run.outcome.values()].reduce((n, o) => n + o.saves, 0);
    const totals = `4 thí sinh trong gói · 3 đã mở bài · 2 đã nộp · 2 đã chấm · ${saves} lần lưu nhận được · 0 mục đang chờ`;
    for (let tries = 0; ; tries++) {
      await page.getByRole('button', { name: 'Xem đối soát' }).click();
      await page.locator('.report-totals').waitFor();
      if ((await page.locator('.report-totals').innerText()) === totals) break;
      if (tries > 60) expect(await page.locator('.report-totals').innerText()).toBe(totals);
      await page.waitForTimeout(500);
    }
    const numbers = sitting.candidates.map((c) => c.candidateNumber);
    await page.getByText(`Có trong danh sách nhưng chưa mở bài: ${numbers[2]}`).waitFor();
    await page.getByText(`Đã mở bài nhưng chưa có mục nộp bài: ${numbers[1]}`).waitFor();
    const row = (n: string) =>
      page.locator('table.reconciliation tbody tr').filter({ has: page.getByRole('rowheader', { name: n }) });
    const first = run.outcome.get(numbers[0]!)!;
    expect(await row(numbers[0]!).locator('td').nth(3).innerText()).toBe(String(first.saves));
    expect(await row(numbers[0]!).locator('td').nth(5).innerText()).toMatch(new RegExp(`^${first.score} / `));
    expect(await row(numbers[2]!).getAttribute('class')).toBe('missing');
    await shot(page, 'author-centres');

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'author-centres-390');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Test centres', level: 2 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();

    // A teacher has no such tab.
    const teacherContext = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1280, height: 900 },
    });
    const teacherPage = await teacherContext.newPage();
    await signInToAuthor(teacherPage, baseUrl, tree.teacherA);
    await teacherPage.getByRole('button', { name: 'Ngân hàng câu hỏi', exact: false }).first().waitFor();
    expect(await teacherPage.getByRole('button', { name: 'Tổ chức thi', exact: true }).count()).toBe(0);
    await teacherContext.close();
  }, 600_000);
});
