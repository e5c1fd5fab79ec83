import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVietnameseTestDocx } from '../../item-bank/importers/fixtures/vietnamese-test-docx.ts';
import { itemBankTables, parseItemXml, saveItemVersion } from '../../item-bank/index.ts';
import { candidateSessions, sessionResults } from '../../engine/delivery/tables.ts';
import { sittingCandidates } from '../../engine/sittings/tables.ts';
import { buildOrganisationTree, nextNationalId } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { screenshotDir, startE2e, stopE2e } from './browser.ts';
import { checkIn, createSchoolBank, expectAccessible, shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let bankId: string;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  bankId = await createSchoolBank(engine, tree, 'Toán 12 – Trường A');
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

async function signIn(page: Page, who: { username: string; password: string }) {
  await signInToAuthor(page, baseUrl, who);
  await page.getByRole('button', { name: 'Ma trận đề' }).waitFor();
}

describe('from a Word test to a sitting a candidate takes, in Chromium', () => {
  it('a teacher imports and fixes a .docx, builds two parallel forms from a blueprint; the exam board schedules both; two neighbours sit different forms; the bank browser shows item statistics', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'author-blueprint-'));
    const file = path.join(folder, 'de-giua-ki-toan-12.docx');
    writeFileSync(file, await buildVietnameseTestDocx({ broken: true }));

    // 1. The teacher imports the Word test, tagged Hàm số / Nhận biết, and fixes the flagged question.
    const teacher = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await teacher.newPage();
    await signIn(page, tree.teacherA);
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    await page.getByLabel('Chọn tệp').setInputFiles(file);
    await page.getByLabel('Khối').selectOption('12');
    await page.getByLabel('Chủ đề').fill('Hàm số');
    await page.getByLabel('Mức độ').selectOption('nhan_biet');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText('8 câu, 1 câu có lỗi, 0 câu bỏ qua.').waitFor();
    await expectAccessible(page, 'import preview');
    await shot(page, 'author-blueprint-import-preview');
    const flagged = page.locator('li.question.invalid');
    await flagged.getByRole('button', { name: 'Sửa câu này' }).click();
    await flagged.getByLabel('Đáp án đúng C').check();
    await expectAccessible(page, 'editor');
    await flagged.screenshot({ path: path.join(screenshotDir, 'author-blueprint-editor.png') });
    await flagged.getByRole('button', { name: 'Dùng bản sửa này' }).click();
    await page.getByText('8 câu, 0 câu có lỗi, 0 câu bỏ qua.').waitFor();
    await page.getByRole('button', { name: 'Lưu tất cả' }).click();
    await page.getByText('Đã lưu 8 câu hỏi vào ngân hàng (8 câu mới).').waitFor();

    // Review is another workflow (tested with the bank browser): the teacher submits, the board approves.
    const { items } = itemBankTables;
    const saved = await engine.deps.db.select().from(items).where(eq(items.bankId, bankId));
    expect(saved.map((i) => [i.topic, i.cognitiveLevel, i.grade])).toEqual(
      Array.from({ length: 8 }, () => ['Hàm số', 'nhan_biet', 12]),
    );
    const teacherToken = await tokenFor(engine, tree.teacherA);
    const boardToken = await tokenFor(engine, tree.examBoard);
    for (const item of saved) {
      expect((await api(engine).post(`/api/items/${item.id}/submit`, {}, teacherToken)).status).toBe(200);
      expect((await api(engine).post(`/api/items/${item.id}/publish`, {}, boardToken)).status).toBe(200);
    }

    // 2. The blueprint: one topic row; 5 items a form is more than the bank has for two forms.
    await page.getByRole('button', { name: 'Ma trận đề' }).click();
    await page.getByLabel('Tên đề').fill('Kiểm tra giữa kì Toán 12');
    await page.getByLabel('Tên chủ đề mới').fill('Hàm số');
    await page.getByRole('button', { name: 'Thêm chủ đề' }).click();
    await page.getByLabel('Số đề song song').fill('2');
    const count = page.getByLabel('Hàm số – Nhận biết: số câu');
    await count.fill('5');
    await page.getByLabel('Hàm số – Nhận biết: điểm').fill('10');
    await page.getByRole('button', { name: 'Tạo đề' }).click();
    await page.getByText('Ô Hàm số – Nhận biết thiếu 2 câu (cần 10, ngân hàng có 8 câu đã duyệt).').waitFor();
    expect(await page.locator('td.short').getByText('Thiếu 2 câu').isVisible()).toBe(true);
    await count.fill('4');
    await page.getByRole('button', { name: 'Tạo đề' }).click();
    await page.getByRole('heading', { name: 'Đề A: 4 câu, 10 điểm' }).waitFor();
    await page.getByRole('heading', { name: 'Đề B: 4 câu, 10 điểm' }).waitFor();
    await expectAccessible(page, 'blueprint builder');
    await shot(page, 'author-blueprint-builder');
    await page.getByRole('button', { name: 'Lưu các đề vào ngân hàng' }).click();
    await page.getByText('Đã lưu 2 đề vào ngân hàng.').waitFor();
    // The two stored forms share no item.
    const stored = await api(engine).get(`/api/tests?bankId=${bankId}`, teacherToken);
    const forms = await Promise.all(
      stored.data.items.map(
        async (t: { id: string }) => (await api(engine).get(`/api/tests/${t.id}`, teacherToken)).data,
      ),
    );
    const [a, b] = forms.map((f) => new Set(f.items.map((i: { itemId: string }) => i.itemId)));
    expect(a!.size).toBe(4);
    expect([...a!].filter((id) => b!.has(id))).toEqual([]);

    // Preview form A as a candidate sees it, with the candidate renderer.
    await page.getByRole('button', { name: 'Xem như thí sinh: Kiểm tra giữa kì Toán 12 – A' }).click();
    await page.getByRole('heading', { name: /Xem trước như thí sinh/ }).waitFor();
    await page.locator('.form-preview .item-body').first().waitFor();
    expect(await page.locator('.form-preview .item-body').count()).toBe(4);
    await expectAccessible(page, 'candidate preview');
    await page
      .locator('.form-preview')
      .screenshot({ path: path.join(screenshotDir, 'author-blueprint-preview.png') });
    await teacher.close();

    // 3. The exam board schedules the stored form set (forms A and B) at school A, adds a room with its
    //    proctor and enrols class A.
    const board = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const boardPage = await board.newPage();
    await signIn(boardPage, tree.examBoard);
    await boardPage.getByRole('combobox', { name: /^Ngân hàng/ }).selectOption(bankId);
    await boardPage.getByRole('button', { name: 'Tổ chức thi' }).click();
    await boardPage
      .getByLabel('Đề thi')
      .selectOption({ label: 'Kiểm tra giữa kì Toán 12: 2 mã đề A, B (4 câu)' });
    await boardPage.getByLabel('Tên buổi thi').fill('Giữa kì Toán 12 – hai mã đề');
    await boardPage.getByLabel('Đơn vị tổ chức').selectOption({ label: tree.schoolA.name });
    await boardPage.getByRole('button', { name: 'Lên lịch', exact: true }).click();
    await boardPage.getByText('Đã lên lịch buổi thi "Giữa kì Toán 12 – hai mã đề".').waitFor();
    const panel = boardPage.locator('section.card', {
      has: boardPage.getByRole('heading', { name: 'Quản lí Giữa kì Toán 12 – hai mã đề' }),
    });
    await panel.getByText('Mã đề: A, B. Thí sinh ngồi cạnh nhau trong phòng làm mã đề khác nhau.').waitFor();
    await panel.getByLabel('Tên phòng').fill('P.101');
    await panel.getByLabel('Cán bộ coi thi').selectOption(tree.proctorA.userId);
    await panel.getByRole('button', { name: 'Thêm phòng' }).click();
    await panel.getByRole('rowheader', { name: 'P.101' }).waitFor();
    await panel.getByRole('combobox', { name: /^Lớp/ }).selectOption(tree.classA.id);
    // A roster file adds a student to the class before it is enrolled.
    const roster = path.join(folder, 'danh-sach-lop.csv');
    writeFileSync(
      roster,
      `Mã định danh,Họ và tên,Ngày sinh\n${nextNationalId()},Phạm Minh Châu,03/09/2011\n`,
    );
    await panel.getByLabel('Nhập danh sách lớp (CSV hoặc XLSX)').setInputFiles(roster);
    await panel.getByRole('button', { name: 'Nhập danh sách', exact: true }).click();
    await panel.getByText('Đã nhập 1 học sinh vào lớp.').waitFor();
    await panel.getByLabel('Cộng thêm thời gian (%)').fill('25');
    await panel.getByRole('button', { name: 'Xếp lớp vào phòng' }).click();
    await panel.getByText('Đã xếp 2 thí sinh.').waitFor();
    const candidateRow = panel.getByRole('row', { name: /Trần Thị Bích/ });
    await candidateRow.waitFor();
    const candidateNumber = (await candidateRow.locator('td').first().textContent())!.trim();
    const neighbourNumber = (await panel
      .getByRole('row', { name: /Phạm Minh Châu/ })
      .locator('td')
      .first()
      .textContent())!.trim();
    const accessCode = (await panel
      .getByRole('row', { name: /P\.101/ })
      .locator('code')
      .textContent())!.trim();
    expect(await candidateRow.getByText('+25 %').isVisible()).toBe(true);
    // The access-code slips download as a PDF.
    const slip = boardPage.waitForEvent('download');
    await panel.getByRole('button', { name: 'In phiếu mã dự thi (PDF)' }).click();
    expect((await slip).suggestedFilename()).toMatch(/phieu-du-thi\.pdf$/);
    const overviewRow = boardPage
      .locator('table.overview')
      .getByRole('row', { name: /Giữa kì Toán 12 – hai mã đề/ });
    expect(await overviewRow.locator('td').nth(1).textContent()).toBe('2'); // not checked in yet
    expect(
      await boardPage.getByRole('link', { name: 'Mở bảng giám sát cho cán bộ coi thi' }).getAttribute('href'),
    ).toBe('/proctor/');
    await expectAccessible(boardPage, 'exam board');
    await shot(boardPage, 'author-board-overview');

    // 4. The two candidates (neighbours in P.101) check in with their slips' details, answer the first
    //    question and submit; each sees the first question of their own form.
    const firstQuestions: string[] = [];
    for (const who of [
      { candidateNumber, dateOfBirth: tree.studentA.dateOfBirth },
      { candidateNumber: neighbourNumber, dateOfBirth: '2011-09-03' },
    ]) {
      const candidate = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
      const exam = await candidate.newPage();
      await checkIn(exam, baseUrl, accessCode, who);
      await exam.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
      await exam.getByRole('heading', { name: 'Câu 1 / 4' }).waitFor();
      const firstChoice = exam.locator('.item-body input').first();
      await firstChoice.waitFor();
      firstQuestions.push((await exam.locator('.item-body').first().innerText()).trim());
      if (
        (await firstChoice.getAttribute('type')) === 'radio' ||
        (await firstChoice.getAttribute('type')) === 'checkbox'
      )
        await firstChoice.check();
      else await firstChoice.fill('4');
      await exam.getByText('Đã lưu').waitFor();
      await exam.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
      exam.once('dialog', (d) => void d.accept());
      await exam.getByRole('button', { name: 'Nộp bài' }).click();
      await exam.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();
      await candidate.close();
    }
    expect(firstQuestions[0]).not.toBe(firstQuestions[1]);

    // The board's overview now counts both submissions.
    await boardPage.getByRole('button', { name: 'Làm mới' }).click();
    await expect
      .poll(async () => overviewRow.locator('td').nth(4).textContent(), { timeout: 10_000 })
      .toBe('2');
    // Neighbours sat different forms, by seat (candidate-number order): Phạm Minh Châu A, Trần Thị Bích B.
    const sessions = await engine.deps.db.select().from(candidateSessions);
    expect(sessions.map((s) => s.state)).toEqual([
      expect.stringMatching(/submitted|scored/),
      expect.stringMatching(/submitted|scored/),
    ]);
    const enrolled = await engine.deps.db.select().from(sittingCandidates);
    const formOf = (number: string) =>
      sessions.find((s) => s.sittingCandidateId === enrolled.find((c) => c.candidateNumber === number)!.id)!
        .form as { parallelForm?: { label: string } };
    expect([
      formOf(neighbourNumber).parallelForm?.label,
      formOf(candidateNumber).parallelForm?.label,
    ]).toEqual(['A', 'B']);
    await board.close();

    // Both sessions are scored (the scoring queue runs after each submission).
    await expect
      .poll(async () => (await engine.deps.db.select().from(sessionResults)).length, { timeout: 30_000 })
      .toBe(2);

    // The board, back on the page, sees which form each candidate sat and the results form by form.
    const boardAgain = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const boardAgainPage = await boardAgain.newPage();
    await signIn(boardAgainPage, tree.examBoard);
    await boardAgainPage.getByRole('combobox', { name: /^Ngân hàng/ }).selectOption(bankId);
    await boardAgainPage.getByRole('button', { name: 'Tổ chức thi' }).click();
    await boardAgainPage.getByRole('button', { name: 'Quản lí Giữa kì Toán 12 – hai mã đề' }).click();
    const managed = boardAgainPage.locator('section.card', {
      has: boardAgainPage.getByRole('heading', { name: 'Quản lí Giữa kì Toán 12 – hai mã đề' }),
    });
    const formCell = (who: RegExp) => managed.getByRole('row', { name: who }).locator('td').last();
    await expect.poll(() => formCell(/Phạm Minh Châu/).textContent()).toBe('A');
    expect(await formCell(/Trần Thị Bích/).textContent()).toBe('B');
    const resultsByForm = managed.locator('table', {
      has: boardAgainPage.getByRole('columnheader', { name: 'Điểm trung bình (thang 10)' }),
    });
    // The results-by-form table loads with its own request, after the roster.
    await expect.poll(() => resultsByForm.getByRole('rowheader').allTextContents()).toEqual(['A', 'B']);
    expect(await resultsByForm.locator('tbody td:nth-child(2)').allTextContents()).toEqual(['1', '1']);
    await expectAccessible(boardAgainPage, 'exam board with parallel forms');
    await managed.screenshot({ path: path.join(screenshotDir, 'author-board-parallel-forms.png') });
    await boardAgain.close();

    // 5. A stored item is changed (its key C becomes D) and saved as version 2 through the item store
    //    (editing stored items in the browser is not built yet); the bank browser shows the diff.
    const [cube] = saved.filter((i) => i.title.startsWith('Hàm số y = x³'));
    const [v1] = await engine.deps.db
      .select()
      .from(itemBankTables.itemVersions)
      .where(eq(itemBankTables.itemVersions.itemId, cube!.id));
    const changedXml = v1!.qtiXml.replace(/(<qti-correct-response>\s*<qti-value>)C(<\/qti-value>)/, '$1D$2');
    expect(changedXml).not.toBe(v1!.qtiXml);
    const v2 = await engine.deps.db.transaction((tx) =>
      saveItemVersion(
        tx,
        bankId,
        {
          identifier: cube!.identifier,
          title: cube!.title,
          sourceFormat: 'authoring',
          qtiXml: changedXml,
          model: parseItemXml(changedXml).item,
          text: cube!.searchText,
          interactionTypes: cube!.interactionTypes,
        },
        tree.teacherA.userId,
      ),
    );
    expect(v2).toMatchObject({ version: 2, created: true });
    const history = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const historyPage = await history.newPage();
    await signIn(historyPage, tree.teacherA);
    await historyPage.getByRole('button', { name: 'Ngân hàng câu hỏi' }).click();
    await historyPage
      .getByRole('button', { name: 'Lịch sử phiên bản: Hàm số y = x³ đồng biến trên khoảng nào?' })
      .click();
    const diff = historyPage.getByLabel('Khác biệt giữa phiên bản 1 và 2');
    await diff.waitFor();
    expect(await diff.locator('del').first().textContent()).toBe('<qti-value>C</qti-value>\n');
    expect(await diff.locator('ins').first().textContent()).toBe('<qti-value>D</qti-value>\n');
    await expectAccessible(historyPage, 'version history');
    await shot(historyPage, 'author-version-history');
    await historyPage.getByRole('button', { name: 'Đóng lịch sử' }).click();

    // 6. Item statistics from the sitting: each of the 8 items was seen by one candidate, who
    //    answered only their first question, so the others are omitted, too hard and flagged.
    await historyPage.getByRole('button', { name: 'Tìm', exact: true }).click();
    const usedCells = historyPage.locator('table.items tbody tr').getByText('1 buổi, 1 TS');
    await expect.poll(() => usedCells.count()).toBe(8);
    await historyPage.getByLabel('Chỉ hiện câu cần xem lại (p < 0,2 hoặc độ phân biệt < 0,2)').check();
    expect(await historyPage.locator('table.items tbody tr').count()).toBe(8);
    await historyPage.getByRole('button', { name: 'Sắp xếp theo Độ khó (p)' }).click();
    await historyPage.getByRole('button', { name: 'Sắp xếp theo Độ khó (p)' }).click();
    expect(
      await historyPage.locator('table.items thead th', { hasText: 'Độ khó (p)' }).getAttribute('aria-sort'),
    ).toBe('descending');
    const omitted = await historyPage.locator('table.items tbody tr td:nth-child(8)').allTextContents();
    expect(omitted.filter((x) => x === '100%').length).toBeGreaterThanOrEqual(6);
    expect(
      await historyPage
        .getByRole('link', { name: 'Sửa: Hàm số y = x³ đồng biến trên khoảng nào?' })
        .getAttribute('href'),
    ).toBe(`#/items/${cube!.id}/edit`);
    await historyPage
      .getByRole('button', { name: 'Thống kê: Hàm số y = x³ đồng biến trên khoảng nào?' })
      .click();
    const statsPanel = historyPage.locator('section.card', {
      has: historyPage.getByRole('heading', { name: /^Thống kê từ các buổi thi/ }),
    });
    await statsPanel.getByText('Tổng hợp: 1 thí sinh trong 1 buổi thi.').waitFor();
    await statsPanel.getByRole('rowheader', { name: 'Giữa kì Toán 12 – hai mã đề' }).waitFor();
    await expectAccessible(historyPage, 'bank browser with item statistics');
    await shot(historyPage, 'author-item-statistics');
    await history.close();
  }, 420_000);
});
