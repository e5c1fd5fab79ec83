/**
 * Issue 18 #8 and #10 in Chromium, as a teacher meets them:
 * - the blueprint builder draws from the department's bank (read-only for the teacher) and saves into the
 *   school's bank; saving into the read-only bank is refused in Vietnamese with what to do, and the drawn
 *   forms stay on screen;
 * - "Chấm thử" on a code task runs the typed code on the task's tests and shows each verdict; an empty
 *   test list says what to add, in Vietnamese, instead of a raw JSON error.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables } from '../../item-bank/index.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { createSchoolBank, expectAccessible, shot, signInToAuthor } from './helpers.ts';

const { assessmentTests } = itemBankTables;
let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let officeBank: string;
let schoolBank: string;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  tree = await buildOrganisationTree(engine.deps.db);
  schoolBank = await createSchoolBank(engine, tree, 'Toán 6 – Trường A');
  // The office's bank, shared down to the schools (read-only there), with three published questions.
  const board = await tokenFor(engine, tree.examBoard);
  const created = await api(engine).post(
    '/api/item-banks',
    { name: 'Ngân hàng chung của Phòng', organisationId: tree.office.id },
    board,
  );
  expect(created.status).toBe(201);
  officeBank = created.data.id;
  const form = new FormData();
  form.set(
    'file',
    new File(
      [
        [1, 2, 3]
          .map((i) => `Câu ${i}: ${i} + ${i} bằng?\nA. ${2 * i}\nB. ${2 * i + 1}\nANSWER: A\n`)
          .join('\n'),
      ],
      'cau-hoi.txt',
    ),
  );
  form.set('metadata', JSON.stringify({ topic: 'Số tự nhiên', cognitiveLevel: 'nhan_biet', grade: 6 }));
  const saved = await api(engine).call('POST', `/api/item-banks/${officeBank}/imports/confirm`, {
    token: board,
    body: form,
  });
  expect(saved.status).toBe(200);
  for (const item of saved.data.items as Array<{ itemId: string }>) {
    expect((await api(engine).post(`/api/items/${item.itemId}/submit`, {}, board)).status).toBe(200);
    expect((await api(engine).post(`/api/items/${item.itemId}/publish`, {}, board)).status).toBe(200);
  }
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

async function teacherPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInToAuthor(page, baseUrl, tree.teacherA);
  await page.getByRole('button', { name: 'Ma trận đề' }).waitFor();
  return page;
}

const testsIn = async (bankId: string) =>
  (await engine.deps.db.select().from(assessmentTests).where(eq(assessmentTests.bankId, bankId))).length;

describe("the blueprint builder saves into the teacher's own bank", () => {
  it("draws from the department's bank, is refused in Vietnamese when saving there with the forms kept, then saves into the school bank", async () => {
    const page = await teacherPage();
    await page.getByRole('combobox', { name: /^Ngân hàng/ }).selectOption(officeBank);
    await page.getByRole('button', { name: 'Ma trận đề' }).click();
    await page.getByLabel('Tên đề').fill('Kiểm tra 15 phút Toán 6');
    await page.getByLabel('Tên chủ đề mới').fill('Số tự nhiên');
    await page.getByRole('button', { name: 'Thêm chủ đề' }).click();
    await page.getByLabel('Số đề song song').fill('1');
    await page.getByLabel('Số tự nhiên – Nhận biết: số câu').fill('2');
    await page.getByLabel('Số tự nhiên – Nhận biết: điểm').fill('10');
    await page.getByRole('button', { name: 'Tạo đề' }).click();
    await page.getByRole('heading', { name: 'Đề A: 2 câu, 10 điểm' }).waitFor();

    // The save bank defaults to the teacher's writable school bank; the department's is marked read-only.
    const saveBank = page.getByLabel('Lưu vào ngân hàng');
    expect(await saveBank.inputValue()).toBe(schoolBank);
    await page
      .getByText('Câu hỏi được lấy từ "Ngân hàng chung của Phòng" (bạn chỉ được xem ngân hàng này)')
      .waitFor();

    // Saving into the read-only bank is refused on the page, in Vietnamese, and the forms stay.
    await saveBank.selectOption({ label: 'Ngân hàng chung của Phòng (chỉ xem, không lưu được)' });
    await page.getByRole('button', { name: 'Lưu các đề vào ngân hàng' }).click();
    await page
      .getByText(
        'Không lưu được đề vào ngân hàng "Ngân hàng chung của Phòng": bạn chỉ được xem ngân hàng này. Hãy chọn một ngân hàng của trường mình ở ô "Lưu vào ngân hàng" rồi bấm "Lưu các đề vào ngân hàng" lại. Các đề vừa tạo vẫn còn bên dưới.',
      )
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Đề A: 2 câu, 10 điểm' }).isVisible()).toBe(true);
    expect(await testsIn(officeBank)).toBe(0);
    await expectAccessible(page, 'blueprint save refused');
    await shot(page, 'author-blueprint-save-refused');

    // Into the school's bank it is saved, and listed there.
    await saveBank.selectOption(schoolBank);
    await page.getByRole('button', { name: 'Lưu các đề vào ngân hàng' }).click();
    await page.getByText('Đã lưu 1 đề vào ngân hàng.').waitFor();
    expect(await testsIn(schoolBank)).toBe(1);
    expect(await testsIn(officeBank)).toBe(0);
    await page.getByRole('heading', { name: 'Các đề đã lưu trong "Toán 6 – Trường A"' }).waitFor();
    await page.getByRole('button', { name: /^Xem như thí sinh: Kiểm tra 15 phút Toán 6/ }).waitFor();
    await shot(page, 'author-blueprint-saved-school-bank');
    await page.context().close();
  }, 180_000);
});

describe('trying a code task in the item editor', () => {
  it('shows what to add for an empty test list, then runs the typed code on every test and shows each verdict', async () => {
    const page = await teacherPage();
    await page.getByRole('combobox', { name: /^Ngân hàng/ }).selectOption(schoolBank);
    await page.getByRole('button', { name: 'Ngân hàng câu hỏi' }).click();
    await page.getByRole('button', { name: 'Soạn câu hỏi (mọi dạng)' }).click();
    await page.getByRole('heading', { name: 'Soạn câu hỏi theo chuẩn QTI' }).waitFor();
    await page.getByLabel('Dạng tương tác').selectOption('codeTask');
    await page.getByLabel('Yêu cầu').fill('Viết hàm tong_chan(ds) trả về tổng các số chẵn trong ds.');
    await page.getByLabel('Tên hàm được kiểm tra').fill('tong_chan');

    // No test yet: the preview says what to add, in Vietnamese, not zod's JSON.
    await page.getByLabel('Các bộ kiểm thử (JSON)').fill('[]');
    const problems = page.locator('.problems[role="alert"]');
    await problems.getByText(/^Thêm ít nhất một bài kiểm tra vào ô "Các bộ kiểm thử \(JSON\)"/).waitFor();
    expect(await problems.innerText()).not.toMatch(/"code"|too_small|invalid|custom/);
    await shot(page, 'author-code-task-no-tests');

    await page.getByLabel('Các bộ kiểm thử (JSON)').fill(
      JSON.stringify([
        { name: 'Ví dụ 1', kind: 'function', args: [[1, 2, 3, 4]], expected: 6, visible: true },
        { name: 'Danh sách rỗng', kind: 'function', args: [[]], expected: 0, visible: true },
        { name: 'Số âm', kind: 'function', args: [[-2, 3, -4]], expected: -6 },
      ]),
    );
    await expect.poll(() => problems.count()).toBe(0);
    // The item's points are the task's maximum: the grader scales the three tests' weights to them.
    await page.getByLabel('Điểm tối đa').fill('6');
    await page.getByText(/Gõ lời giải thử vào ô viết mã/).waitFor();
    const preview = page.getByTestId('item-preview');
    await preview.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    await preview.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // Only positive even numbers: the hidden negative case fails.
    // Inserted as typed text in one go (Monaco would auto-close the brackets of key-by-key typing).
    await page.keyboard.insertText('def tong_chan(ds): return sum(x for x in ds if x > 0 and x % 2 == 0)');
    const tryButton = page.getByRole('button', { name: 'Chấm thử' });
    expect(await tryButton.isDisabled()).toBe(false);
    await tryButton.click();
    const result = page.getByTestId('try-score');
    // The sandbox may take a while on a loaded machine; if the run ends otherwise, say what the page said.
    await result.locator('table.code-tests').or(problems).first().waitFor({ timeout: 90_000 });
    await shot(page, 'author-code-task-try');
    expect((await problems.count()) ? await problems.innerText() : '').toBe('');
    expect(await result.innerText()).toContain('Điểm: 4 / 6');
    await result.getByRole('row', { name: /Ví dụ 1 Đạt/ }).waitFor();
    await result.getByRole('row', { name: /Danh sách rỗng Đạt/ }).waitFor();
    await result.getByRole('row', { name: /Số âm \(ẩn với thí sinh\) Sai kết quả/ }).waitFor();
    await expectAccessible(page, 'code task trial run');
    await page.context().close();
  }, 240_000);
});
