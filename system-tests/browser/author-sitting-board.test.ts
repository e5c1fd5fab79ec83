/**
 * The exam board's sitting panel in Chromium: the sitting-wide access code, enrolment from a roster
 * CSV (line-numbered problems, all or nothing), candidates' accommodations (409s shown), and the
 * item analysis with its flag thresholds, and the marking team; each step checked in the database or the page.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables, parseItemXml, plainText, saveItemVersion } from '../../item-bank/index.ts';
import { createQtiScorer } from '../../engine/results/qti-scorer.ts';
import { scoreSession } from '../../engine/results/score-session.ts';
import { startSession, submitSession } from '../../engine/delivery/session-commands.ts';
import { sittingCandidates, sittingMarkers, sittings } from '../../engine/sittings/tables.ts';
import { students, users } from '../../engine/people/tables.ts';
import {
  buildQtiItems,
  buildSitting,
  checkInCandidate,
  QTI_ITEM_KINDS,
} from '../../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree, buildStaff } from '../../engine/tests/support/factories.ts';
import { api } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { screenshotDir, startE2e, stopE2e } from './browser.ts';
import { expectAccessible, shot, signInToAuthor } from './helpers.ts';

const ENROLMENT = 'Thi thử ghi danh Toán 9';
const ANALYSED = 'Thi thử phân tích Toán 9';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let enrolment: Awaited<ReturnType<typeof buildSitting>>;
let room2: string;

/**
 * A sitting of three real QTI single-choice items ("Câu 1" to "Câu 3", key B) taken by six
 * candidates and scored by the engine's QTI scorer: candidate i (from 0) answers the first i items
 * right and the others with a distractor, so p = 0.83, 0.67 and 0.5 and nothing is flagged by the
 * default thresholds.
 */
async function buildAnalysedSitting() {
  const { db } = engine.deps;
  const [bank] = await db
    .insert(itemBankTables.itemBanks)
    .values({ name: `Phân tích ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
    .returning();
  const ids: string[] = [];
  for (let q = 1; q <= 3; q++) {
    const xml = QTI_ITEM_KINDS[0]!.xml(`Q${q}`).replace('title="Chọn một"', `title="Câu ${q}"`);
    const item = parseItemXml(xml).item!;
    const saved = await db.transaction((tx) =>
      saveItemVersion(tx, bank!.id, {
        identifier: item.identifier,
        title: item.title,
        sourceFormat: 'qti3.0',
        qtiXml: xml,
        model: item,
        text: plainText([item.body]),
        interactionTypes: ['choiceInteraction'],
      }),
    );
    ids.push(saved.itemId);
  }
  const sitting = await buildSitting(engine, tree, ids, { students: 6 });
  await db.update(sittings).set({ name: ANALYSED }).where(eq(sittings.id, sitting.sittingId));
  const scorer = engine.deps.scorer ?? createQtiScorer();
  for (const [i, candidate] of sitting.candidates.entries()) {
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
    await startSession(db, sessionId);
    for (let q = 1; q <= 3; q++) {
      const answer = q <= i ? 'B' : ['A', 'C', 'D'][(i + q) % 3]!;
      const saved = await engine.writer.save({
        sessionId,
        itemRef: `Q${q}`,
        seq: 1,
        responses: { RESPONSE: answer },
      });
      if (!saved.ok) throw saved.error;
    }
    await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
    await scoreSession(db, scorer, sessionId);
  }
}

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  const { db } = engine.deps;
  tree = await buildOrganisationTree(db);
  // A sitting open now: three candidates in Phòng 01, an empty Phòng 02, the second candidate started.
  enrolment = await buildSitting(engine, tree, await buildQtiItems(engine, tree, 2), { students: 3 });
  await db.update(sittings).set({ name: ENROLMENT }).where(eq(sittings.id, enrolment.sittingId));
  const room = await api(engine).post(
    `/api/sittings/${enrolment.sittingId}/rooms`,
    { name: 'Phòng 02', proctorIds: [] },
    enrolment.board,
  );
  expect(room.status).toBe(201);
  room2 = room.data.id;
  const started = await checkInCandidate(engine, enrolment.accessCode, enrolment.candidates[1]!);
  await startSession(db, started.sessionId);
  await buildAnalysedSitting();
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

/** Signs in as the exam board and opens the sittings page. */
async function signIn(): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInToAuthor(page, baseUrl, tree.examBoard);
  await page.getByRole('button', { name: 'Tổ chức thi' }).click();
  return page;
}

async function openPanel(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: `Quản lí ${name}` }).click();
  const panel = page.locator('section.card', {
    has: page.getByRole('heading', { name: `Quản lí ${name}`, level: 3 }),
  });
  await panel.getByRole('heading', { name: 'Phòng thi' }).waitFor();
  return panel;
}

const storedCode = async () =>
  (
    await engine.deps.db
      .select({ accessCode: sittings.accessCode })
      .from(sittings)
      .where(eq(sittings.id, enrolment.sittingId))
  )[0]!.accessCode;

const enrolledCount = async () =>
  (
    await engine.deps.db
      .select({ n: count() })
      .from(sittingCandidates)
      .where(eq(sittingCandidates.sittingId, enrolment.sittingId))
  )[0]!.n;

const candidateRow = async (candidateNumber: string) =>
  (
    await engine.deps.db
      .select()
      .from(sittingCandidates)
      .where(
        and(
          eq(sittingCandidates.sittingId, enrolment.sittingId),
          eq(sittingCandidates.candidateNumber, candidateNumber),
        ),
      )
  )[0]!;

const csv = (rows: string[][]) =>
  Buffer.from(
    [
      'Mã định danh,Phòng thi,Số báo danh,Thời gian cộng thêm (%),Phòng riêng',
      ...rows.map((r) => r.join(',')),
    ].join('\n'),
  );

describe('the exam board manages a sitting in Chromium', () => {
  it('issues and withdraws the sitting code, enrols from a roster file, changes accommodations', async () => {
    const page = await signIn();
    const panel = await openPanel(page, ENROLMENT);
    const code = panel.getByRole('region', { name: 'Mã dự thi chung của kì thi' });

    // 1. The sitting-wide access code: issue, replace (Escape first cancels), withdraw.
    await code.getByText('Chưa cấp mã chung.').waitFor();
    await expectAccessible(page, 'sitting panel');
    await code.getByRole('button', { name: 'Cấp mã chung' }).click();
    await code.getByText(/^Đã cấp mã chung [A-Z0-9]{8}\.$/).waitFor();
    const first = await storedCode();
    expect(first).toMatch(/^[A-Z0-9]{8}$/);
    await code.locator('code', { hasText: first! }).waitFor();
    await code.getByRole('button', { name: 'Cấp mã mới thay mã cũ' }).click();
    const replace = code.getByRole('alertdialog');
    await replace.getByText(`Cấp mã mới? Mã ${first} hết hiệu lực ngay`, { exact: false }).waitFor();
    // Focus is on the confirm button; Escape cancels and gives focus back.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Xác nhận');
    await expectAccessible(page, 'code confirmation');
    await page.keyboard.press('Escape');
    await replace.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Cấp mã mới thay mã cũ');
    expect(await storedCode()).toBe(first);
    await code.getByRole('button', { name: 'Cấp mã mới thay mã cũ' }).click();
    await code.getByRole('alertdialog').getByRole('button', { name: 'Xác nhận' }).click();
    await code.getByText(/^Đã cấp mã chung [A-Z0-9]{8}\.$/).waitFor();
    await expect.poll(storedCode).not.toBe(first);
    const second = await storedCode();
    expect(second).toMatch(/^[A-Z0-9]{8}$/);
    await code.locator('code', { hasText: second! }).waitFor();
    await code.getByRole('button', { name: 'Thu hồi mã chung' }).click();
    await code.getByRole('alertdialog').getByText(`Thu hồi mã ${second}?`, { exact: false }).waitFor();
    await code.getByRole('alertdialog').getByRole('button', { name: 'Xác nhận' }).click();
    await code.getByText('Đã thu hồi mã chung.').waitFor();
    await code.getByText('Chưa cấp mã chung.').waitFor();
    expect(await storedCode()).toBeNull();

    // 2. A roster file with bad rows: every problem by its line, nobody enrolled (check and enrol alike).
    const roster = panel.getByRole('region', { name: 'Ghi danh từ danh sách dự thi (CSV)' });
    const enrolled = enrolment.candidates[0]!;
    const [enrolledStudent] = await engine.deps.db
      .select({ studentId: sittingCandidates.studentId })
      .from(sittingCandidates)
      .where(eq(sittingCandidates.candidateNumber, enrolled.candidateNumber));
    const [already] = await engine.deps.db
      .select({ nationalId: students.nationalId })
      .from(students)
      .where(eq(students.id, enrolledStudent!.studentId));
    const fileInput = roster.getByLabel('Tệp danh sách dự thi (CSV)');
    await fileInput.setInputFiles({
      name: 'danh-sach-loi.csv',
      mimeType: 'text/csv',
      buffer: csv([
        ['123', 'Phòng 01', '', '', ''],
        [tree.studentA.nationalId, 'Phòng 99', '', '', ''],
        [already!.nationalId, 'Phòng 01', '', '', ''],
        [tree.studentB.nationalId, 'Phòng 01', '', 'nhiều', ''],
      ]),
    });
    for (const button of ['Kiểm tra', 'Ghi danh']) {
      await roster.getByRole('button', { name: button, exact: true }).click();
      await roster.getByText('Tệp có 4 dòng lỗi; chưa ai được ghi danh.', { exact: false }).waitFor();
      const problems = roster.locator('ul.roster-problems li');
      await expect.poll(() => problems.allInnerTexts()).toHaveLength(4);
      const texts = await problems.allInnerTexts();
      // The engine's coded issues, worded in the page's language (Vietnamese by default).
      expect(texts[0]).toBe('Dòng 2: Mã định danh "123" phải gồm đúng 12 chữ số');
      expect(texts[1]).toBe('Dòng 3: kỳ thi không có phòng "Phòng 99" (các phòng: Phòng 01, Phòng 02)');
      expect(texts[2]).toBe(
        `Dòng 4: học sinh này đã được ghi danh với số báo danh ${enrolled.candidateNumber}`,
      );
      expect(texts[3]).toBe(
        'Dòng 5: Thời gian cộng thêm "nhiều" không phải số phần trăm nguyên từ 0 đến 200',
      );
      expect(await enrolledCount()).toBe(3);
    }
    await expectAccessible(page, 'roster problems');
    await roster.screenshot({ path: path.join(screenshotDir, 'author-sitting-roster-problems.png') });

    // 3. A good file: checked (rooms and counts, nobody enrolled yet), then enrolled.
    await fileInput.setInputFiles({
      name: 'danh-sach.csv',
      mimeType: 'text/csv',
      buffer: csv([
        [tree.studentA.nationalId, 'Phòng 01', 'TS-101', '25', 'Không'],
        [tree.studentB.nationalId, 'phong 01', '', '', ''],
      ]),
    });
    await expect.poll(() => roster.locator('ul.roster-problems li').count()).toBe(0);
    await roster.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await roster.getByText('Tệp hợp lệ: 2 dòng, sẵn sàng ghi danh. Chưa ai được ghi danh.').waitFor();
    await roster.getByText('Phòng 01: 2 thí sinh').waitFor();
    await roster.getByText('1 thí sinh được cộng thêm thời gian.').waitFor();
    expect(await enrolledCount()).toBe(3);
    await roster.getByRole('button', { name: 'Ghi danh', exact: true }).click();
    await roster.getByText('Đã ghi danh 2 thí sinh.').waitFor();
    expect(await enrolledCount()).toBe(5);
    expect(await candidateRow('TS-101')).toMatchObject({
      studentId: tree.studentA.id,
      roomId: enrolment.roomId,
      extraTimePercent: 25,
      separateRoom: false,
    });
    const candidates = panel.getByRole('region', { name: /^Thí sinh \(\d+\)$/ });
    await candidates.getByRole('heading', { name: 'Thí sinh (5)' }).waitFor();
    await candidates.getByRole('row', { name: /TS-101 Trần Thị Bích Phòng 01 Chưa vào \+25 %/ }).waitFor();

    // 4. Accommodations of a candidate who has not started: a mixing room is refused (409), then a room of their own.
    const calm = enrolment.candidates[0]!.candidateNumber;
    const edit = candidates.getByRole('button', { name: `Sửa hỗ trợ ${calm}` });
    // By keyboard: Enter opens the form with focus in it, Escape closes it and focus returns.
    await edit.focus();
    await page.keyboard.press('Enter');
    const form = candidates.getByRole('form', { name: new RegExp(`^Hỗ trợ cho thí sinh ${calm} – `) });
    await form.waitFor();
    expect(await edit.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() =>
        page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.innerText.trim()),
      )
      .toBe('Cộng thêm thời gian (%)');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(`Sửa hỗ trợ ${calm}`);
    await edit.click();
    await form.getByLabel('Cộng thêm thời gian (%)').fill('50');
    await form.getByLabel('Thi phòng riêng').check();
    await form.getByRole('button', { name: 'Lưu hỗ trợ' }).click();
    await form
      .getByText(
        'Không thay đổi được: Phòng 01 đã có 4 thí sinh không thi phòng riêng; hãy chọn một phòng riêng.',
      )
      .waitFor();
    await expectAccessible(page, 'accommodations refused');
    await candidates.screenshot({ path: path.join(screenshotDir, 'author-sitting-accommodations.png') });
    expect(await candidateRow(calm)).toMatchObject({ extraTimePercent: 0, separateRoom: false });
    await form.getByLabel('Phòng thi').selectOption({ label: 'Phòng 02' });
    await form.getByRole('button', { name: 'Lưu hỗ trợ' }).click();
    await candidates.getByText(`Đã cập nhật hỗ trợ cho thí sinh ${calm}.`).waitFor();
    expect(await candidateRow(calm)).toMatchObject({
      extraTimePercent: 50,
      separateRoom: true,
      roomId: room2,
    });
    await candidates
      .getByRole('row', { name: new RegExp(`^${calm} .* Phòng 02 Chưa vào \\+50 % Có`) })
      .waitFor();
    await panel.getByRole('row', { name: /^Phòng 02 phòng riêng/ }).waitFor();

    // 5. A candidate who has started: the engine's 409 is shown, nothing changes.
    const busy = enrolment.candidates[1]!.candidateNumber;
    await candidates.getByRole('button', { name: `Sửa hỗ trợ ${busy}` }).click();
    const busyForm = candidates.getByRole('form', { name: new RegExp(`^Hỗ trợ cho thí sinh ${busy} – `) });
    await busyForm.getByLabel('Cộng thêm thời gian (%)').fill('30');
    await busyForm.getByRole('button', { name: 'Lưu hỗ trợ' }).click();
    await busyForm
      .getByText(
        `Không thay đổi được: Thí sinh ${busy} đã bắt đầu làm bài; hãy cộng thêm thời gian từ màn hình giám thị.`,
      )
      .waitFor();
    expect(await candidateRow(busy)).toMatchObject({ extraTimePercent: 0 });
    await busyForm.getByRole('button', { name: 'Huỷ' }).click();

    // 6. No final results yet: the analysis says so.
    await panel
      .getByRole('region', { name: 'Phân tích câu hỏi' })
      .getByText('Chưa có kết quả chính thức nào', { exact: false })
      .waitFor();
    await expectAccessible(page, 'sitting panel after enrolment');
    await panel.screenshot({ path: '/tmp/board-panel.png' });
    await shot(page, 'author-sitting-board');
    await page.context().close();
  }, 240_000);

  it('shows the item analysis of a scored sitting; a stricter threshold flags an item', async () => {
    const page = await signIn();
    const panel = await openPanel(page, ANALYSED);
    const analysis = panel.getByRole('region', { name: 'Phân tích câu hỏi' });
    await analysis.getByText('0 câu cần xem lại theo ngưỡng hiện tại.').waitFor();
    const stat = (label: string) =>
      analysis.locator('.stat-grid div', { has: page.getByText(label, { exact: true }) }).locator('dd');
    expect(await stat('Thí sinh có kết quả chính thức').innerText()).toBe('6');
    expect(await stat('Số câu').innerText()).toBe('3');
    expect(await stat('Điểm trung bình (điểm thô)').innerText()).toBe('2,00');
    const table = analysis.getByRole('table', { name: 'Thống kê từng câu' });
    const row = (title: string) => table.getByRole('row', { name: new RegExp(`^${title} `) });
    // Câu 1: 6 candidates, p = 5/6 in Vietnamese decimals, not flagged.
    expect((await row('Câu 1').locator('td').allInnerTexts()).slice(0, 2)).toEqual(['6', '0,83']);
    expect(await row('Câu 2').locator('td').nth(1).innerText()).toBe('0,67');
    // The options with the share that chose each; the key marked (only candidate 0 chose C).
    const options = await row('Câu 1').locator('ul.option-shares li').allInnerTexts();
    expect(options.map((o) => o.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^A 0 ?%/),
      expect.stringMatching(/^B \(đáp án\) 83 ?%$/),
      expect.stringMatching(/^C 17 ?%$/),
      expect.stringMatching(/^D 0 ?%/),
    ]);
    expect(await table.locator('tr.flagged').count()).toBe(0);
    await expectAccessible(page, 'analysis');

    // Items easier than p = 0.8 are now too easy: Câu 1 is flagged, with the reason.
    const maxP = analysis.getByLabel('p tối đa (câu dễ hơn là quá dễ)');
    expect(await maxP.inputValue()).toBe('0,9');
    await maxP.fill('0,8');
    await analysis.getByRole('button', { name: 'Lưu ngưỡng và phân tích lại' }).click();
    await analysis.getByText('Đã lưu ngưỡng. 1 câu cần xem lại.').waitFor();
    await expect.poll(() => table.locator('tr.flagged').count()).toBe(1);
    expect(await table.locator('tr.flagged th').innerText()).toBe('Câu 1');
    await row('Câu 1').getByText('Quá dễ: p = 0,83 > 0,80').waitFor();
    await row('Câu 1').getByText('Cần xem lại').waitFor();
    await analysis.getByText('1 câu cần xem lại theo ngưỡng hiện tại.').waitFor();
    await expectAccessible(page, 'analysis with a flag');
    await panel.screenshot({ path: '/tmp/board-panel-analysis.png' });

    // In English: en-GB decimals.
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.locator('section.sitting-analysis');
    await english.getByRole('heading', { name: 'Item analysis' }).waitFor();
    await english
      .getByRole('table', { name: 'Item statistics' })
      .getByRole('row', { name: /^Câu 1 / })
      .getByText('Too easy: p = 0.83 > 0.80')
      .waitFor();
    expect(
      await english
        .locator('.stat-grid div', { has: page.getByText('Mean (raw score)', { exact: true }) })
        .locator('dd')
        .innerText(),
    ).toBe('2.00');
    await expectAccessible(page, 'analysis in English');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    // Six candidates are too few once the board asks for seven: no item is flagged, and the page says why.
    const minSample = analysis.getByLabel('Số thí sinh tối thiểu để gắn cảnh báo');
    expect(await minSample.inputValue()).toBe('5');
    await minSample.fill('7');
    await analysis.getByRole('button', { name: 'Lưu ngưỡng và phân tích lại' }).click();
    await analysis.getByText('Đã lưu ngưỡng. 0 câu cần xem lại.').waitFor();
    await expect.poll(() => table.locator('tr.flagged').count()).toBe(0);
    await row('Câu 1').getByText('Chưa đủ 7 bài để đánh giá').waitFor();
    await analysis
      .getByText(
        'Chỉ có 6 thí sinh: các chỉ số chưa đáng tin cậy. Câu hỏi chỉ được gắn cảnh báo khi có từ 7 thí sinh làm.',
      )
      .waitFor();
    const [stored] = await engine.deps.db
      .select({ thresholds: sittings.flagThresholds })
      .from(sittings)
      .where(eq(sittings.name, ANALYSED));
    expect(stored!.thresholds).toEqual({
      minP: 0.2,
      maxP: 0.8,
      minPointBiserial: 0.2,
      minUpperLower: 0.2,
      minSample: 7,
    });
    await page.context().close();
  }, 240_000);

  it('assigns the marking team: a disabled account is named and refused, then the team is stored', async () => {
    const { db } = engine.deps;
    // Office staff cover the office's sitting, so they can be assigned.
    const named = async (fullName: string) => {
      const user = await buildStaff(db, 'teacher', tree.office);
      await db.update(users).set({ fullName }).where(eq(users.id, user.userId));
      return user;
    };
    const hoa = await named('Phạm Thị Hoa');
    const minh = await named('Đỗ Văn Minh');
    const khanh = await named('Vũ Văn Khánh');
    const page = await signIn();
    const panel = await openPanel(page, ENROLMENT);
    const team = panel.getByRole('region', { name: 'Giám khảo chấm bài' });
    await team.getByText('Chưa phân công: mọi giáo viên của trường đều chấm được.').waitFor();
    await team
      .getByText('Khi chưa phân công ai, mọi giáo viên của trường đều chấm được.', { exact: false })
      .waitFor();
    await expectAccessible(page, 'marking team');

    // By keyboard: Space ticks Hoa, whose role select then opens as a marker (Giám khảo).
    const assign = (who: { username: string }, fullName: string) =>
      team.getByRole('checkbox', { name: `Phân công ${fullName} (${who.username}) chấm bài` });
    const roleOf = (who: { username: string }, fullName: string) =>
      team.getByRole('combobox', { name: `Nhiệm vụ chấm của ${fullName} (${who.username})` });
    expect(await roleOf(hoa, 'Phạm Thị Hoa').isDisabled()).toBe(true);
    await assign(hoa, 'Phạm Thị Hoa').focus();
    await page.keyboard.press('Space');
    expect(await assign(hoa, 'Phạm Thị Hoa').isChecked()).toBe(true);
    expect(await roleOf(hoa, 'Phạm Thị Hoa').isEnabled()).toBe(true);
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Nhiệm vụ chấm của Phạm Thị Hoa (${hoa.username})`);
    await assign(minh, 'Đỗ Văn Minh').check();
    await roleOf(minh, 'Đỗ Văn Minh').selectOption({ label: 'Tổ trưởng chấm thi' });
    await assign(khanh, 'Vũ Văn Khánh').check();
    await team.getByText('Đã chọn 3 người chấm bài.').waitFor();

    // Khánh's account is disabled meanwhile: the engine refuses the whole team and the page names him.
    await db.update(users).set({ disabled: true }).where(eq(users.id, khanh.userId));
    await team.getByRole('button', { name: 'Lưu phân công' }).click();
    await team
      .getByText(`Không phân công được Vũ Văn Khánh (${khanh.username}): tài khoản đã bị khoá.`)
      .waitFor();
    const stored = () =>
      db
        .select({ userId: sittingMarkers.userId, role: sittingMarkers.role, by: sittingMarkers.assignedBy })
        .from(sittingMarkers)
        .where(eq(sittingMarkers.sittingId, enrolment.sittingId));
    expect(await stored()).toEqual([]);

    await assign(khanh, 'Vũ Văn Khánh').uncheck();
    await team.getByRole('button', { name: 'Lưu phân công' }).click();
    await team.getByText('Đã lưu phân công: 2 người chấm bài.').waitFor();
    expect((await stored()).sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { userId: hoa.userId, role: 'marker', by: tree.examBoard.userId },
      { userId: minh.userId, role: 'moderator', by: tree.examBoard.userId },
    ]);
    // Khánh, disabled, is no longer offered.
    await expect.poll(() => assign(khanh, 'Vũ Văn Khánh').count()).toBe(0);
    expect(await roleOf(minh, 'Đỗ Văn Minh').inputValue()).toBe('moderator');
    await expectAccessible(page, 'marking team saved');
    await team.screenshot({ path: path.join(screenshotDir, 'author-sitting-markers.png') });

    // In English, the same team.
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Markers' });
    expect(
      await english
        .getByRole('combobox', { name: `Marking role of Đỗ Văn Minh (${minh.username})` })
        .inputValue(),
    ).toBe('moderator');
    await english.getByText('2 people chosen to mark.').waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.context().close();
  }, 240_000);
});
