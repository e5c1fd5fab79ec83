import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradingTables } from '../../grading/index.ts';
import { itemBankTables, parseItemXml, plainText, saveItemVersion } from '../../item-bank/index.ts';
import { buildEssaySitting } from '../../engine/tests/support/essay-sitting.ts';
import { sessionResults } from '../../engine/delivery/tables.ts';
import { buildOrganisationTree, buildStaff } from '../../engine/tests/support/factories.ts';
import { QTI_ITEM_KINDS } from '../../engine/tests/support/delivery-fixtures.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { screenshotDir, startE2e, stopE2e } from './browser.ts';
import { expectAccessible, shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let essay: Awaited<ReturnType<typeof buildEssaySitting>>;
let secondTeacher: Awaited<ReturnType<typeof buildStaff>>;

const RUBRIC = {
  name: 'Đoạn văn',
  criteria: [
    {
      id: 'noi-dung',
      name: 'Nội dung',
      levels: [
        { label: 'Chưa đạt', points: 0 },
        { label: 'Đạt', points: 1 },
        { label: 'Tốt', points: 2 },
      ],
    },
    {
      id: 'dien-dat',
      name: 'Diễn đạt',
      levels: [
        { label: 'Chưa đạt', points: 0 },
        { label: 'Đạt', points: 1 },
        { label: 'Tốt', points: 2 },
      ],
    },
  ],
};

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  // Two candidates took a sitting with an essay; the engine's real QTI scorer left it pending.
  essay = await buildEssaySitting(engine, tree, { students: 2 });
  secondTeacher = await buildStaff(engine.deps.db, 'teacher', tree.schoolA);
  const configured = await api(engine).call('PUT', `/api/marking/sittings/${essay.sittingId}/items/Q2`, {
    json: { rubric: RUBRIC, doubleMarking: true, discrepancyThreshold: 1 },
    token: await tokenFor(engine, tree.examBoard),
  });
  expect(configured.status).toBe(200);
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

/** Signs in to the authoring app and opens the marking page. */
async function signIn(who: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInToAuthor(page, baseUrl, who);
  await page.getByRole('button', { name: 'Chấm bài' }).click();
  await page.getByRole('heading', { name: 'Chấm bài tự luận' }).waitFor();
  return page;
}

/** From the marking home to the essay's marking view. */
async function openEssay(page: Page) {
  await page.getByRole('link', { name: 'Mở Kiểm tra giữa kỳ Toán 9' }).click();
  await page.getByRole('button', { name: 'Chấm Bài luận: người bạn thân' }).click();
  await page.getByRole('heading', { name: 'Đề bài' }).waitFor();
  // The item's scorer guidance is on the screen beside the prompt (issue 18 #6).
  await page.getByRole('heading', { name: 'Hướng dẫn chấm (trong câu hỏi)' }).waitFor();
  await page.getByText('2 điểm: câu văn rõ ràng, đúng chính tả.').waitFor();
}

/** Chooses a level of each rubric criterion with the keyboard-reachable radios, then saves. */
async function markWith(page: Page, content: string, expression: string, comment: string) {
  await page
    .getByRole('group', { name: 'Nội dung' })
    .getByRole('radio', { name: new RegExp(`^${content} `) })
    .check();
  await page
    .getByRole('group', { name: 'Diễn đạt' })
    .getByRole('radio', { name: new RegExp(`^${expression} `) })
    .check();
  await page.getByLabel('Nhận xét (không bắt buộc)').fill(comment);
  await page.getByRole('button', { name: 'Lưu và chấm bài tiếp' }).click();
}

const latestResult = async (sessionId: string) =>
  (
    await engine.deps.db
      .select()
      .from(sessionResults)
      .where(eq(sessionResults.sessionId, sessionId))
      .orderBy(desc(sessionResults.version))
      .limit(1)
  )[0]!;

describe('teachers mark an essay in Chromium, double marked and moderated', () => {
  it('two teachers mark blind, a moderator settles the disagreement, the results are re-scored; the board downloads and re-scores after a key correction', async () => {
    // 1. The first teacher: sittings → items with counts → one response at a time.
    const first = await signIn(tree.teacherA);
    await first.getByRole('link', { name: 'Mở Kiểm tra giữa kỳ Toán 9' }).waitFor();
    await expectAccessible(first, 'marking home');
    await first.getByRole('link', { name: 'Mở Kiểm tra giữa kỳ Toán 9' }).click();
    const row = first.getByRole('row', { name: /Bài luận: người bạn thân/ });
    await row.waitFor();
    // Total 2, not marked 2, marked once 0, second 0, moderation 0, done 0, you can mark 2.
    expect(await row.locator('td').allInnerTexts()).toEqual([
      '4',
      '2',
      '2',
      '0',
      '0',
      '0',
      '0',
      '2',
      expect.any(String),
    ]);
    await expectAccessible(first, 'marking items');
    await shot(first, 'author-marking-items');
    await first.getByRole('button', { name: 'Chấm Bài luận: người bạn thân' }).click();
    await first.getByText('Em hãy viết một đoạn văn ngắn (5–7 câu) kể về người bạn thân của em.').waitFor();
    await first.getByText('Bài 1 / 2').waitFor();
    await first.getByText('Vai trò của bạn: Giám khảo 1').waitFor();
    await first.getByText(/^Chấm ẩn danh: #[0-9a-f]{8}$/).waitFor();
    // The essay keeps its line breaks, and no candidate name is on the page.
    const response = first.locator('section.card', {
      has: first.getByRole('heading', { name: 'Bài làm của thí sinh' }),
    });
    expect(await response.locator('.marking-text').innerText()).toBe(
      'Bạn thân của em tên là Lan 1.\nBạn ấy học cùng lớp với em.\n\nChúng em thường cùng nhau đọc sách.',
    );
    expect(await first.locator('main').innerText()).not.toContain('Học Sinh');
    await first.getByRole('group', { name: 'Nội dung' }).getByRole('radio', { name: /^Tốt / }).check();
    await first.getByText('Tổng: 2 / 4 điểm').waitFor();
    await expectAccessible(first, 'marking view');
    await markWith(first, 'Tốt', 'Tốt', 'Bài viết mạch lạc, đủ ý.');
    await first.getByText('Đã lưu điểm 4 – Giám khảo 1.').waitFor();
    await first.getByText('Bài này chờ giám khảo thứ hai.').waitFor();
    await first.getByText('Bài 1 / 1').waitFor();
    await markWith(first, 'Đạt', 'Đạt', 'Còn thiếu ý.');
    await first.getByText('Đã lưu điểm 2 – Giám khảo 1.').waitFor();
    await first.getByText('Không còn bài nào bạn có thể chấm ở câu này.').waitFor();

    // 2. The second teacher marks the same responses without seeing the first marks.
    const second = await signIn(secondTeacher);
    await openEssay(second);
    await second.getByText('Vai trò của bạn: Giám khảo 2 (chấm vòng hai)').waitFor();
    expect(await second.locator('main').innerText()).not.toContain('mạch lạc');
    await markWith(second, 'Chưa đạt', 'Đạt', 'Lạc đề một phần.');
    await second.getByText('Hai điểm chênh lệch quá ngưỡng: bài chuyển sang thẩm định.').waitFor();
    // The next response by keyboard alone: focus moved to the heading; arrows pick levels; Enter saves.
    await second.getByText('Bài 1 / 1').waitFor();
    expect(await second.evaluate(() => document.activeElement?.id)).toBe('marking-item-title');
    await second.keyboard.press('Tab');
    await second.keyboard.press('ArrowRight');
    await second.keyboard.press('Tab');
    await second.keyboard.press('ArrowRight');
    await second.keyboard.press('ArrowRight');
    await second.getByText('Tổng: 3 / 4 điểm').waitFor();
    await second.keyboard.press('Tab');
    await second.keyboard.type('Đủ ý.');
    await second.keyboard.press('Tab');
    expect(await second.evaluate(() => document.activeElement?.textContent)).toBe('Lưu và chấm bài tiếp');
    await second.keyboard.press('Enter');
    // Candidate 2's marks (2 and 3) are within 1 point: averaged, and the result is final at once.
    await second.getByText(/kết quả được tính lại \(phiên bản 2, 5 điểm, Đạt\)/).waitFor();
    const candidate2 = await latestResult(essay.sessions[1]!.sessionId);
    expect(candidate2).toMatchObject({ version: 2, status: 'final', scaledScore: 5, rating: 'Đạt' });
    expect((candidate2.outcomes as Record<string, { score: number }>).Q2!.score).toBe(2.5);

    // 3. The moderator (exam board) sees both marks and the discrepancy, and sets the final mark.
    const moderator = await signIn(tree.examBoard);
    await openEssay(moderator);
    await moderator.getByText('Vai trò của bạn: Thẩm định (quyết định điểm cuối cùng)').waitFor();
    await moderator.getByText('Giám khảo 1: 4 điểm').waitFor();
    await moderator.getByText('Giám khảo 2 (chấm vòng hai): 1 điểm').waitFor();
    await moderator.getByText('Chênh lệch: 3 điểm (ngưỡng 1 điểm).').waitFor();
    await moderator.getByText('Nhận xét: Lạc đề một phần.').waitFor();
    await moderator.getByRole('group', { name: 'Nội dung' }).getByRole('radio', { name: /^Tốt / }).check();
    await moderator.getByRole('group', { name: 'Diễn đạt' }).getByRole('radio', { name: /^Đạt / }).check();
    await moderator.getByText('Tổng: 3 / 4 điểm').waitFor();
    await expectAccessible(moderator, 'moderation view');
    await shot(moderator, 'author-marking-moderation');
    await moderator.getByRole('button', { name: 'Lưu và chấm bài tiếp' }).click();
    // Q1 right (1 point) + 3 of 4 for the essay: 4 of 5 points, 8.0, Tốt.
    await moderator.getByText(/kết quả được tính lại \(phiên bản 2, 8 điểm, Tốt\)/).waitFor();
    await moderator.getByText('Không còn bài nào bạn có thể chấm ở câu này.').waitFor();
    await shot(moderator, 'author-marking-done');
    const candidate1 = await latestResult(essay.sessions[0]!.sessionId);
    expect(candidate1).toMatchObject({
      version: 2,
      status: 'final',
      scaledScore: 8,
      rating: 'Tốt',
      reason: 'marked',
    });
    expect((candidate1.outcomes as Record<string, { score: number; pending: boolean }>).Q2).toMatchObject({
      score: 3,
      pending: false,
    });
    const marks = await engine.deps.db
      .select()
      .from(gradingTables.marks)
      .where(eq(gradingTables.marks.sessionId, essay.sessions[0]!.sessionId));
    expect(marks.map((m) => [m.role, m.score, m.levels]).sort()).toEqual([
      ['first', 4, { 'noi-dung': 2, 'dien-dat': 2 }],
      ['moderator', 3, { 'noi-dung': 2, 'dien-dat': 1 }],
      ['second', 1, { 'noi-dung': 0, 'dien-dat': 1 }],
    ]);

    // 4. Back on the item list, every response is done.
    await moderator.getByRole('button', { name: '← Danh sách câu hỏi' }).click();
    const done = moderator.getByRole('row', { name: /Bài luận: người bạn thân/ });
    await done.waitFor();
    // The list may show its counts from before the moderation until its own request returns.
    await expect
      .poll(async () => (await done.locator('td').allInnerTexts()).slice(0, 8), { timeout: 10_000 })
      .toEqual(['4', '2', '0', '0', '0', '0', '2', '0']);
    // The same list in English.
    await moderator.getByRole('button', { name: 'English' }).click();
    await moderator.getByRole('heading', { name: 'Items to mark – Kiểm tra giữa kỳ Toán 9' }).waitFor();
    await moderator.getByRole('columnheader', { name: 'Awaiting moderation' }).waitFor();
    await expectAccessible(moderator, 'marking items in English');
    await moderator.getByRole('button', { name: 'Tiếng Việt' }).click();

    // 5. The exam board's sitting panel: downloads, a re-score after a key correction, the link to marking.
    await storeCorrectedQ1();
    await moderator.getByRole('button', { name: 'Tổ chức thi' }).click();
    await moderator.getByRole('button', { name: 'Quản lí Kiểm tra giữa kỳ Toán 9' }).click();
    const panel = moderator.locator('section.card', {
      has: moderator.getByRole('heading', { name: 'Quản lí Kiểm tra giữa kỳ Toán 9' }),
    });
    for (const [button, suffix] of [
      ['Tải phiếu điểm (ZIP)', 'phieu-diem.zip'],
      ['Tải kết quả OneRoster (ZIP)', 'oneroster.zip'],
    ] as const) {
      const download = moderator.waitForEvent('download');
      await panel.getByRole('button', { name: button }).click();
      expect((await download).suggestedFilename()).toMatch(new RegExp(`-${suffix}$`));
    }
    await panel.getByRole('button', { name: 'Chấm lại sau sửa đáp án' }).click();
    await panel.getByLabel('Câu đã sửa đáp án').selectOption({ label: 'Q1 – Chọn một (phiên bản 1 → 2)' });
    await panel.getByLabel('Lý do chấm lại').fill('Đáp án câu 1 sửa từ B thành A');
    await panel.getByRole('button', { name: 'Chấm lại sau sửa đáp án' }).click();
    await panel
      .getByRole('alertdialog')
      .getByText(/Chấm lại toàn bộ bài của kỳ thi/)
      .waitFor();
    await expectAccessible(moderator, 'rescore confirmation');
    await panel.screenshot({ path: path.join(screenshotDir, 'author-marking-rescore-confirm.png') });
    await panel.getByRole('button', { name: 'Xác nhận chấm lại' }).click();
    await panel.getByText('Đã chấm lại: 2 bài thay đổi điểm, 0 bài giữ nguyên.').waitFor();
    // Candidate 1 (answered B) loses Q1: 0 + 3 of 5 = 6.0; candidate 2 (answered A) gains it: 1 + 2.5 = 7.0.
    // The teachers' marks stay in place.
    expect(await latestResult(essay.sessions[0]!.sessionId)).toMatchObject({ version: 3, scaledScore: 6 });
    expect(await latestResult(essay.sessions[1]!.sessionId)).toMatchObject({ version: 3, scaledScore: 7 });
    await panel.getByRole('link', { name: 'Chấm bài' }).click();
    await moderator.getByRole('heading', { name: 'Các câu cần chấm – Kiểm tra giữa kỳ Toán 9' }).waitFor();
    for (const page of [first, second, moderator]) await page.context().close();
  }, 240_000);
});

describe('the marking list', () => {
  it('shows a sitting whose answers arrived after the page was opened, when the teacher refreshes it', async () => {
    const page = await signIn(tree.teacherA);
    const links = page.getByRole('link', { name: 'Mở Kiểm tra giữa kỳ Toán 9' });
    await links.first().waitFor();
    const before = await links.count();
    // Another class's essays are submitted and scored while the list is on screen.
    await buildEssaySitting(engine, tree, { students: 1 });
    expect(await links.count()).toBe(before);
    await page.getByRole('button', { name: 'Làm mới danh sách' }).click();
    await expect.poll(() => links.count()).toBe(before + 1);
    await page.context().close();
  });

  it('tells a teacher left out of the assigned marking team why a linked sitting does not open', async () => {
    const teamed = await buildEssaySitting(engine, tree, { students: 1 });
    const assigned = await api(engine).call('PUT', `/api/sittings/${teamed.sittingId}/markers`, {
      json: { markers: [{ userId: secondTeacher.userId, role: 'marker' }] },
      token: await tokenFor(engine, tree.examBoard),
    });
    expect(assigned.status).toBe(200);
    const page = await signIn(tree.teacherA);
    await page.goto(`${baseUrl}/author/#/marking/${teamed.sittingId}`);
    await page
      .getByRole('alert')
      .getByText('Kì thi này đã có danh sách giám khảo được phân công, và bạn không có trong danh sách.', {
        exact: false,
      })
      .waitFor();
    await page.context().close();
  });
});

/** A new version of Q1 whose key is A instead of B (a key correction). */
async function storeCorrectedQ1() {
  const board = await tokenFor(engine, tree.examBoard);
  const delivered = await api(engine).get(`/api/marking/sittings/${essay.sittingId}/item-versions`, board);
  const q1 = delivered.data.items.find((i: { itemRefs: string[] }) => i.itemRefs.includes('Q1'));
  const [item] = await engine.deps.db
    .select()
    .from(itemBankTables.items)
    .where(eq(itemBankTables.items.id, q1.itemId));
  const xml = QTI_ITEM_KINDS[0]!
    .xml('Q1')
    .replace(
      '<qti-correct-response><qti-value>B</qti-value>',
      '<qti-correct-response><qti-value>A</qti-value>',
    );
  const model = parseItemXml(xml).item!;
  await engine.deps.db.transaction((tx) =>
    saveItemVersion(tx, item!.bankId, {
      identifier: 'Q1',
      title: model.title,
      sourceFormat: 'qti3.0',
      qtiXml: xml,
      model,
      text: plainText([model.body]),
      interactionTypes: ['choiceInteraction'],
    }),
  );
}
