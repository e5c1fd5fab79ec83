/**
 * The school's checklist (issue 18): one exam, from a fresh install to the candidate's score report,
 * done in Chromium by the people who do it, on the demo data the README's first command seeds. Each
 * step below is one line of the checklist and runs after the one before it:
 *
 *  1. the teacher creates a bank and writes a choice, a short-answer and an essay question, trying
 *     the scoring of each;
 *  2. the teacher imports a Word (.docx) test;
 *  3. the teacher sends every question for review and the exam board approves them;
 *  4. the teacher builds the test from a blueprint (ma trận đề);
 *  5. the exam board schedules a camera-proctored sitting of it: a room with its proctor, a class
 *     roster file, the class enrolled, the access slips printed;
 *  6. the candidate checks in, passes the camera check and answers everything right, losing the line
 *     for several questions, while the proctor watches the room live and sends a message the
 *     candidate sees; the candidate submits;
 *  7. the teacher marks the essay with the rubric on the page, across the end of the sign-in (the
 *     clock is moved, not waited for): nothing is lost;
 *  8. the exam board releases the results; the candidate reads full marks and downloads the report.
 *
 * Every step's page is photographed at 1280 and at 390 px: journey-NN-*.png and journey-NN-*-390.png.
 * CI runs it on PGlite and on PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVietnameseTestDocx } from '../../item-bank/importers/fixtures/vietnamese-test-docx.ts';
import { DEMO_PASSWORD, seedDemo } from '../../engine/demo/seed-demo.ts';
import { candidateSessions, sessionResults } from '../../engine/delivery/tables.ts';
import type { StaffActor } from '../../engine/people/actor.ts';
import { organisations, users } from '../../engine/people/tables.ts';
import { sittings } from '../../engine/sittings/tables.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchWithFakeCamera, screenshotDir } from './browser.ts';
import {
  checkIn,
  cuttableLine,
  expectAccessible,
  expectSaveOutcome,
  openNewEditor,
  signInToAuthor,
} from './helpers.ts';
import { pickCorpusImage, writeFakeCamera } from './proctor-fake-camera.ts';

const TEACHER = { username: 'giaovien', password: DEMO_PASSWORD };
const BOARD = { username: 'khaothi', password: DEMO_PASSWORD };
const PROCTOR = { username: 'giamthi', password: DEMO_PASSWORD };
const SCHOOL = 'Trường THCS Lê Quý Đôn';
const BANK = 'Toán 12 – Lê Quý Đôn';
const TEST = 'Kiểm tra giữa kì I Toán 12';
const SITTING = 'Giữa kì I Toán 12 – có giám sát';
const CANDIDATE = { name: 'Võ Thị Thu Trang', dateOfBirth: '2011-03-15' };
const ESSAY_TITLE = 'Trình bày cách tìm giá trị lớn nhất';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
const tmp = mkdtempSync(path.join(tmpdir(), 'school-journey-'));
const camera = path.join(tmp, 'camera.y4m');
/** What the steps hand on to the next ones. */
const journey: {
  accessCode?: string;
  candidateNumber?: string;
  candidate?: BrowserContext;
  candidatePage?: Page;
} = {};

beforeAll(async () => {
  await ensureClientBuilt();
  engine = await createTestEngine();
  // A fresh install: the demo data of `npm start`, nothing else.
  await seedDemo(engine.deps.db);
  baseUrl = `http://127.0.0.1:${await engine.listen(0, '127.0.0.1')}`;
  browser = await launchWithFakeCamera(camera);
  // The candidate's camera shows one face, all through the sitting.
  await writeFakeCamera(browser, camera, [
    { image: pickCorpusImage(1, ['video_man_frontal.png']), seconds: 600 },
  ]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

/** The page as it is, at 1280 px and again at 390 px (a phone), then back. */
async function photograph(page: Page, name: string) {
  const size = page.viewportSize()!;
  await page.screenshot({ path: path.join(screenshotDir, `journey-${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screenshotDir, `journey-${name}-390.png`), fullPage: true });
  // Nothing on a phone runs off the side of the page.
  const overflowing = await page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth + 1) return [];
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`,
      );
  });
  expect(overflowing, `${name} at 390 px runs off the side`).toEqual([]);
  await page.setViewportSize(size);
}

async function staffPage(who: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInToAuthor(page, baseUrl, who);
  await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
  return page;
}

const selectBank = (page: Page) =>
  page.locator('.bank-select select').selectOption({ label: `${BANK} — ${SCHOOL}` });

async function describeItem(page: Page, level: string) {
  await page.getByLabel('Môn học').fill('Toán');
  await page.getByLabel('Lớp').fill('12');
  await page.getByLabel('Chủ đề').fill('Hàm số');
  await page.getByLabel('Mức độ nhận thức').selectOption(level);
}

async function typeStem(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Nội dung câu hỏi' }).click();
  await page.keyboard.type(text);
}

const tryScore = async (page: Page, expected: string) => {
  await page.getByRole('button', { name: 'Chấm thử' }).click();
  await page.getByTestId('try-score').getByText(expected).waitFor();
};

describe("the school's checklist, from a fresh install to the score report", () => {
  it('1. the teacher creates a bank and writes a choice, a short-answer and an essay question, trying each', async () => {
    const page = await staffPage(TEACHER);
    await page.getByRole('button', { name: 'Tạo ngân hàng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo ngân hàng câu hỏi' });
    await dialog.getByLabel('Tên ngân hàng').fill(BANK);
    await dialog.getByLabel('Môn học').fill('Toán');
    await dialog.getByRole('button', { name: 'Tạo ngân hàng' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.bank-select select option:checked').innerText()).toBe(`${BANK} — ${SCHOOL}`);
    const preview = page.getByTestId('item-preview');

    // A choice question.
    await openNewEditor(page);
    await page.getByLabel('Dạng tương tác').selectOption('choice');
    await typeStem(page, 'Hàm số y = x⁴ − 2x² có bao nhiêu điểm cực trị?');
    for (const [i, text] of ['0', '1', '2', '3'].entries())
      await page.getByLabel(`Nội dung lựa chọn ${'ABCD'[i]}`).fill(text);
    await page.getByLabel('D (3) là đáp án đúng').check();
    await describeItem(page, 'nhan_biet');
    await preview.getByRole('radio', { name: 'B. 1' }).check();
    await tryScore(page, 'Điểm: 0 / 1');
    await preview.getByRole('radio', { name: 'D. 3' }).check();
    await tryScore(page, 'Điểm: 1 / 1');
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, /\(phiên bản 1\)/);
    await photograph(page, '01-choice');

    // A short answer typed into a blank.
    await openNewEditor(page);
    await page.getByLabel('Dạng tương tác').selectOption('textEntry');
    await page
      .getByLabel('Câu có chỗ trống (đánh dấu chỗ trống bằng ___ )')
      .fill('Đạo hàm của y = x³ là y′ = ___ .');
    await page.getByLabel('Đáp án 1', { exact: true }).fill('3x²');
    await describeItem(page, 'thong_hieu');
    await preview.getByRole('textbox').fill('3x');
    await tryScore(page, 'Điểm: 0 / 1');
    await preview.getByRole('textbox').fill('3x²');
    await tryScore(page, 'Điểm: 1 / 1');
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, /\(phiên bản 1\)/);
    await photograph(page, '01-short-answer');

    // An essay, marked by a teacher (2 points).
    await openNewEditor(page);
    await page.getByLabel('Dạng tương tác').selectOption('extendedText');
    await typeStem(page, 'Trình bày cách tìm giá trị lớn nhất của hàm số y = −x² + 4x trên ℝ.');
    await page.getByLabel('Tiêu đề (để trống: lấy từ nội dung)').fill(ESSAY_TITLE);
    await page.getByLabel('Điểm tối đa').fill('2');
    await describeItem(page, 'van_dung');
    await page.getByText('Câu này do giáo viên chấm.').first().waitFor();
    await page.getByRole('button', { name: 'Lưu vào ngân hàng' }).click();
    await expectSaveOutcome(page, /\(phiên bản 1\)/);
    await expectAccessible(page, 'item editor (essay)');
    await photograph(page, '01-essay');
    await page.context().close();
  }, 240_000);

  it('2. the teacher imports a Word test', async () => {
    const file = path.join(tmp, 'de-giua-ki-toan-12.docx');
    writeFileSync(file, await buildVietnameseTestDocx());
    const page = await staffPage(TEACHER);
    await selectBank(page);
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    await page.getByLabel('Chọn tệp').setInputFiles(file);
    await page.getByLabel('Khối').selectOption('12');
    await page.getByLabel('Chủ đề').fill('Hàm số');
    await page.getByLabel('Mức độ').selectOption('nhan_biet');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText('8 câu, 0 câu có lỗi, 0 câu bỏ qua.').waitFor();
    await photograph(page, '02-import-preview');
    await page.getByRole('button', { name: 'Lưu tất cả' }).click();
    await page.getByText('Đã lưu 8 câu hỏi vào ngân hàng (8 câu mới).').waitFor();
    await photograph(page, '02-import-saved');
    await page.context().close();
  }, 180_000);

  it('3. the teacher sends every question for review; the exam board approves them', async () => {
    const page = await staffPage(TEACHER);
    await selectBank(page);
    await page.getByRole('button', { name: 'Ngân hàng câu hỏi' }).click();
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('11 câu hỏi', { exact: true }).waitFor();
    // The short answer, written without a title, is named by its sentence (not by its identifier).
    await page.getByRole('button', { name: /^Gửi duyệt: Đạo hàm của y = x³ là y′ =/ }).waitFor();
    for (let sent = 0; sent < 11; sent++) {
      await page
        .getByRole('button', { name: /^Gửi duyệt: / })
        .first()
        .click();
      await expect.poll(() => page.getByRole('button', { name: /^Gửi duyệt: / }).count()).toBe(10 - sent);
    }
    await photograph(page, '03-sent-for-review');
    await page.context().close();

    const board = await staffPage(BOARD);
    await selectBank(board);
    await board.getByRole('button', { name: 'Ngân hàng câu hỏi' }).click();
    await board.getByLabel('Trạng thái').selectOption({ label: 'Chờ duyệt' });
    await board.getByRole('button', { name: 'Tìm', exact: true }).click();
    await board.getByText('11 câu hỏi', { exact: true }).waitFor();
    await photograph(board, '03-review-queue');
    for (let approved = 0; approved < 11; approved++) {
      await board
        .getByRole('button', { name: /^Duyệt: / })
        .first()
        .click();
      await expect.poll(() => board.getByRole('button', { name: /^Duyệt: / }).count()).toBe(10 - approved);
    }
    await board.getByLabel('Trạng thái').selectOption({ label: 'Đã duyệt' });
    await board.getByRole('button', { name: 'Tìm', exact: true }).click();
    await board.getByText('11 câu hỏi', { exact: true }).waitFor();
    await board.context().close();
  }, 240_000);

  it('4. the teacher builds the test from a blueprint', async () => {
    const page = await staffPage(TEACHER);
    await selectBank(page);
    await page.getByRole('button', { name: 'Ma trận đề' }).click();
    await page.getByLabel('Tên đề').fill(TEST);
    await page.getByLabel('Tên chủ đề mới').fill('Hàm số');
    await page.getByRole('button', { name: 'Thêm chủ đề' }).click();
    await page.getByLabel('Số đề song song').fill('1');
    for (const [level, count, points] of [
      ['Nhận biết', '9', '6'],
      ['Thông hiểu', '1', '2'],
      ['Vận dụng', '1', '2'],
    ] as const) {
      await page.getByLabel(`Hàm số – ${level}: số câu`).fill(count);
      await page.getByLabel(`Hàm số – ${level}: điểm`).fill(points);
    }
    await page.getByRole('button', { name: 'Tạo đề' }).click();
    await page.getByRole('heading', { name: /: 11 câu, 10 điểm$/ }).waitFor();
    await expectAccessible(page, 'blueprint');
    await photograph(page, '04-blueprint');
    await page.getByRole('button', { name: 'Lưu các đề vào ngân hàng' }).click();
    await page.getByText(/Đã lưu 1 đề vào ngân hàng/).waitFor();
    await page.context().close();
  }, 180_000);

  it('5. the exam board schedules a proctored sitting: room and proctor, roster, enrolment, slips', async () => {
    const page = await staffPage(BOARD);
    await selectBank(page);
    await page.getByRole('button', { name: 'Tổ chức thi' }).click();
    const testSelect = page.getByLabel('Đề thi');
    // The stored tests load with their own request: wait for ours.
    const testOption = testSelect.locator('option', { hasText: TEST }).first();
    await testOption.waitFor({ state: 'attached' });
    await testSelect.selectOption((await testOption.getAttribute('value'))!);
    await page.getByLabel('Tên buổi thi').fill(SITTING);
    await page.getByLabel('Đơn vị tổ chức').selectOption({ label: SCHOOL });
    await page.getByRole('checkbox', { name: 'Giám sát bằng camera', exact: true }).check();
    await photograph(page, '05-schedule-form');
    await page.getByRole('button', { name: 'Lên lịch', exact: true }).click();
    await page.getByText(`Đã lên lịch buổi thi "${SITTING}".`).waitFor();

    const panel = page.locator('section.card', {
      has: page.getByRole('heading', { name: `Quản lí ${SITTING}` }),
    });
    const [proctor] = await engine.deps.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, PROCTOR.username));
    await panel.getByLabel('Tên phòng').fill('P.101');
    await panel.getByLabel('Cán bộ coi thi').selectOption(proctor!.id);
    await panel.getByRole('button', { name: 'Thêm phòng' }).click();
    await panel.getByRole('rowheader', { name: 'P.101' }).waitFor();
    await panel.getByRole('combobox', { name: /^Lớp/ }).selectOption({ label: '9A1' });
    const roster = path.join(tmp, 'danh-sach-9a1.csv');
    writeFileSync(
      roster,
      `Mã định danh,Họ và tên,Ngày sinh\n079311000042,${CANDIDATE.name},${CANDIDATE.dateOfBirth.split('-').reverse().join('/')}\n`,
    );
    await panel.getByLabel('Nhập danh sách lớp (CSV hoặc XLSX)').setInputFiles(roster);
    await panel.getByRole('button', { name: 'Nhập danh sách', exact: true }).click();
    await panel.getByText('Đã nhập 1 học sinh vào lớp.').waitFor();
    await panel.getByRole('button', { name: 'Xếp lớp vào phòng' }).click();
    await panel.getByText(/^Đã xếp \d+ thí sinh\./).waitFor();
    const row = panel.getByRole('row', { name: new RegExp(CANDIDATE.name) });
    journey.candidateNumber = (await row.locator('td').first().textContent())!.trim();
    journey.accessCode = (await panel
      .getByRole('row', { name: /P\.101/ })
      .locator('code')
      .textContent())!.trim();
    const slips = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'In phiếu mã dự thi (PDF)' }).click();
    const slipFile = await (await slips).path();
    expect(readFileSync(slipFile!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(page, 'exam board');
    await photograph(page, '05-sitting-panel');
    await page.context().close();
  }, 180_000);

  it('6. the candidate checks in, passes the camera check, answers everything right through a dropped line; the proctor watches and messages', async () => {
    // The proctor opens the room before the candidate arrives.
    const proctorContext = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1400, height: 900 },
    });
    const dashboard = await proctorContext.newPage();
    await dashboard.goto(`${baseUrl}/proctor/`);
    await dashboard.getByLabel('Tên đăng nhập').fill(PROCTOR.username);
    await dashboard.getByLabel('Mật khẩu').fill(PROCTOR.password);
    await dashboard.getByRole('button', { name: 'Đăng nhập' }).click();
    await dashboard.getByRole('button', { name: /^Giám sát: .*P\.101$/ }).click();
    await dashboard.getByText('Đang kết nối trực tiếp').waitFor();
    const row = dashboard.getByRole('row').filter({ hasText: journey.candidateNumber! });
    await row.getByText('Chưa vào').waitFor();

    journey.candidate = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = (journey.candidatePage = await journey.candidate.newPage());
    const line = await cuttableLine(page);
    await checkIn(page, baseUrl, journey.accessCode!, {
      candidateNumber: journey.candidateNumber!,
      dateOfBirth: CANDIDATE.dateOfBirth,
    });
    await page.getByText(CANDIDATE.name).first().waitFor();
    const check = page.getByRole('region', { name: 'Kiểm tra camera' });
    await check.getByText('Đã thấy khuôn mặt của em. Em có thể bắt đầu.').waitFor({ timeout: 90_000 });
    await photograph(page, '06-lobby-camera-check');
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('heading', { name: 'Câu 1 / 11' }).waitFor();
    await row.getByText('Đang làm bài').waitFor({ timeout: 15_000 });

    // Every question answered right, whichever order the form holds them in; the line drops after
    // the third question and comes back after the seventh.
    for (let n = 1; n <= 11; n++) {
      if (n > 1) {
        await page.getByRole('button', { name: new RegExp(`^Câu ${n}( |$)`) }).click();
        await page.getByRole('heading', { name: `Câu ${n} / 11` }).waitFor();
      }
      await page.locator('.item-body > *').first().waitFor();
      await answerRight(page);
      if (n === 1) await photograph(page, '06-first-question');
      if (n === 3) {
        await page.getByText('Đã lưu', { exact: true }).waitFor({ timeout: 15_000 });
        await line.drop();
        await page.getByText(/Mất kết nối/).waitFor({ timeout: 15_000 });
        await row.getByText(/Mất kết nối|Ngoại tuyến/).waitFor({ timeout: 30_000 });
        await photograph(dashboard, '06-proctor-sees-the-drop');
      }
      if (n === 6) await photograph(page, '06-answering-offline');
      if (n === 7) {
        await line.restore();
        await page.getByText('Đã lưu', { exact: true }).waitFor({ timeout: 30_000 });
      }
    }
    await page.getByText('Đã lưu', { exact: true }).waitFor({ timeout: 15_000 });

    // The proctor acts and the candidate sees the effect.
    await row.getByText('Trực tuyến').waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: /^Chi tiết / }).click();
    await dashboard.getByLabel('Tin nhắn cho thí sinh').fill('Em kiểm tra lại bài trước khi nộp.');
    await dashboard.getByRole('button', { name: 'Gửi tin nhắn' }).click();
    await dashboard.getByText('Đã thực hiện: Gửi tin nhắn.').waitFor();
    await page
      .getByText('Tin nhắn từ giám thị: Em kiểm tra lại bài trước khi nộp.')
      .waitFor({ timeout: 10_000 });
    await photograph(dashboard, '06-proctor-dashboard');
    await photograph(page, '06-candidate-message');

    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    await page.getByText('Câu chưa trả lời').waitFor();
    await photograph(page, '06-review');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();
    await row.getByText('Đã nộp').waitFor({ timeout: 15_000 });
    await photograph(page, '06-submitted');
    await proctorContext.close();

    // Scored on submission: 8 of 10 points now, the essay's 2 wait for the teacher.
    const [session] = await engine.deps.db
      .select({ id: candidateSessions.id })
      .from(candidateSessions)
      .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
      .where(and(eq(sittings.name, SITTING)));
    await expect
      .poll(
        async () =>
          (
            await engine.deps.db
              .select({ id: sessionResults.id })
              .from(sessionResults)
              .where(eq(sessionResults.sessionId, session!.id))
          ).length,
        { timeout: 30_000 },
      )
      .toBe(1);
  }, 420_000);

  it('7. the teacher marks the essay with the rubric on the page, across the end of the sign-in', async () => {
    const [sitting] = await engine.deps.db.select().from(sittings).where(eq(sittings.name, SITTING));
    // The rubric is the exam board's (set per item of the sitting; no screen sets it yet).
    const configured = await api(engine).call(
      'PUT',
      `/api/marking/sittings/${sitting!.id}/items/${await essayRef(sitting!.id)}`,
      {
        json: {
          rubric: {
            name: 'Giá trị lớn nhất',
            criteria: [
              {
                id: 'cach-lam',
                name: 'Cách làm',
                levels: [
                  { label: 'Chưa đạt', points: 0 },
                  { label: 'Đúng', points: 1 },
                ],
              },
              {
                id: 'ket-qua',
                name: 'Kết quả',
                levels: [
                  { label: 'Sai', points: 0 },
                  { label: 'Đúng', points: 1 },
                ],
              },
            ],
          },
        },
        token: await tokenFor(engine, await demoActor(BOARD.username)),
      },
    );
    expect(configured.status).toBe(200);

    const page = await staffPage(TEACHER);
    await page.getByRole('button', { name: 'Chấm bài' }).click();
    await page.getByRole('link', { name: `Mở ${SITTING}` }).click();
    await page.getByRole('button', { name: `Chấm ${ESSAY_TITLE}` }).click();
    await page.getByText('y = −(x − 2)² + 4').waitFor();
    await page
      .getByRole('group', { name: 'Cách làm' })
      .getByRole('radio', { name: /^Đúng / })
      .check();
    await page
      .getByRole('group', { name: 'Kết quả' })
      .getByRole('radio', { name: /^Đúng / })
      .check();
    await page.getByText('Tổng: 2 / 2 điểm').waitFor();
    await page.getByLabel('Nhận xét (không bắt buộc)').fill('Lời giải đầy đủ.');
    await photograph(page, '07-marking-with-rubric');

    // The sign-in ends while the teacher marks: the access token expired an hour later than it was
    // issued, and the refresh token is no longer accepted. The save waits for the password.
    await page.evaluate(
      (t) => {
        sessionStorage.setItem('author.token', t);
        sessionStorage.setItem('author.refresh', 'spent-or-revoked');
      },
      await expiredStaffToken(TEACHER.username),
    );
    await page.getByRole('button', { name: 'Lưu và chấm bài tiếp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Phiên đăng nhập đã hết hạn' });
    await dialog.waitFor();
    await photograph(page, '07-sign-in-again');
    await dialog.getByLabel('Mật khẩu').fill(TEACHER.password);
    await dialog.getByRole('button', { name: 'Đăng nhập lại' }).click();
    await page.getByText(/Đã lưu điểm 2/).waitFor({ timeout: 30_000 });
    await page.getByText('Không còn bài nào bạn có thể chấm ở câu này.').waitFor();
    await photograph(page, '07-marked');
    await page.context().close();
  }, 180_000);

  it('8. the exam board releases the results; the candidate reads full marks and downloads the report', async () => {
    const board = await staffPage(BOARD);
    await selectBank(board);
    await board.getByRole('button', { name: 'Tổ chức thi' }).click();
    await board.getByRole('button', { name: `Quản lí ${SITTING}` }).click();
    const panel = board.locator('section.card', {
      has: board.getByRole('heading', { name: `Quản lí ${SITTING}` }),
    });
    await panel.getByRole('button', { name: 'Công bố kết quả' }).click();
    await panel.getByText('Đã công bố kết quả.').waitFor();
    await photograph(board, '08-released');
    await board.context().close();

    const page = journey.candidatePage!;
    await page.goto(`${baseUrl}/candidate/#ket-qua`);
    await page.reload();
    const download = page.getByRole('button', { name: 'Tải phiếu báo điểm (PDF)' });
    await download.waitFor();
    const scores = await page.locator('dl.result-scores').innerText();
    expect(scores).toMatch(/\b10\b/);
    expect(scores).toContain('Tốt');
    await expectAccessible(page, 'results');
    await photograph(page, '08-results');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe(`phieu-bao-diem-${journey.candidateNumber}.pdf`);
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await journey.candidate!.close();
  }, 180_000);
});

/** The essay's item reference in the sitting, from the marking list. */
async function essayRef(sittingId: string): Promise<string> {
  const listed = await api(engine).get(
    `/api/marking/sittings/${sittingId}/items`,
    await tokenFor(engine, await demoActor(BOARD.username)),
  );
  expect(listed.status).toBe(200);
  const items = (listed.data.items ?? listed.data) as Array<{ itemRef: string; title: string }>;
  return items.find((i) => i.title === ESSAY_TITLE)!.itemRef;
}

/** A demo staff member as the engine's tokens name them. */
async function demoActor(username: string): Promise<StaffActor> {
  const [user] = await engine.deps.db
    .select({
      id: users.id,
      role: users.role,
      organisationId: users.organisationId,
      path: organisations.path,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.username, username));
  return {
    userId: user!.id,
    username,
    role: user!.role,
    organisationId: user!.organisationId,
    scopePath: user!.path,
  };
}

/** An access token of a demo staff member that expired half an hour ago, signed by the engine. */
async function expiredStaffToken(username: string): Promise<string> {
  const actor = await demoActor(username);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: actor.role, org: actor.organisationId, scope: actor.scopePath, name: username })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.userId)
    .setIssuer('exam-engine')
    .setAudience('staff')
    .setIssuedAt(now - 3600)
    .setExpirationTime(now - 1800)
    .sign(new TextEncoder().encode(engine.config.jwtSecret));
}

/** Answers the question on the page the way its key says, recognising it by its text. */
async function answerRight(page: Page) {
  const body = page.locator('.item-body');
  const text = await body.innerText();
  // Choices read "A. text" (the letter is shown before each).
  const choose = (label: string) =>
    body
      .getByRole('radio', { name: new RegExp(`^[A-H]\\. ${label.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`) })
      .check();
  if (text.includes('Mỗi mệnh đề sau đúng hay sai')) {
    // One Đúng/Sai question per statement, each a group named by its statement.
    for (const [statement, truth] of [
      ['a', 'A. Đúng'],
      ['b', 'B. Sai'],
      ['c', 'A. Đúng'],
      ['d', 'B. Sai'],
    ] as const)
      await body
        .getByRole('group', { name: new RegExp(`^${statement}\\)`) })
        .getByRole('radio', { name: truth })
        .check();
    return;
  }
  if (text.includes('x⁴ − 2x²')) return choose('3');
  if (text.includes('Đạo hàm của y = x³')) return body.getByRole('textbox').fill('3x²');
  if (text.includes('giá trị lớn nhất của hàm số y = −x² + 4x'))
    return body
      .getByRole('textbox')
      .fill('Ta có y = −(x − 2)² + 4 ≤ 4, dấu bằng khi x = 2. Vậy giá trị lớn nhất là 4, tại x = 2.');
  if (text.includes('Tập xác định')) return choose('ℝ \\ {0}');
  if (text.includes('Đạo hàm của hàm số y = x²')) return choose('y′ = 2x');
  if (text.includes('Giá trị lớn nhất của hàm số y = −x² + 4')) return choose('4');
  if (text.includes('Số nghiệm')) return choose('2');
  if (text.includes('đồng biến')) return choose('ℝ');
  if (text.includes('2x + 3 = 11')) return body.getByRole('textbox').fill('4');
  if (text.includes('hình vuông cạnh 1,5')) return body.getByRole('textbox').fill('2,25');
  throw new Error(`A question the journey does not know: ${text.slice(0, 120)}`);
}
