import { inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions } from '../../engine/delivery/tables.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { buildE2eSitting, loadE2eItems, typedDate } from './e2e-sitting.ts';
import { storedAnswers, tabTo } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let sitting: Awaited<ReturnType<typeof buildE2eSitting>>;
const items = loadE2eItems();

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  sitting = await buildE2eSitting(engine, items, { securityPolicy: { fullscreen: false } });
}, 120_000);
afterAll(() => stopE2e({ engine, browser }));

type Focused = { tag: string; name: string; type: string };
const named = (name: string | RegExp) => (el: Focused) =>
  typeof name === 'string' ? el.name === name : name.test(el.name);

describe('keyboard-only completion', () => {
  it('a candidate checks in, answers one item of every interaction type and submits with the keyboard alone', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page: Page = await context.newPage();
    const kb = page.keyboard;
    const press = async (key: string, times = 1) => {
      for (let i = 0; i < times; i++) await kb.press(key);
    };
    const to = (name: string | RegExp) => tabTo(page, named(name));
    const saved = () => page.getByText('Đã lưu', { exact: true }).waitFor({ timeout: 15_000 });
    let question = 1;
    const next = async () => {
      await saved();
      await to('Câu sau');
      await press('Enter');
      question++;
      await page.getByRole('heading', { name: `Câu ${question} / ${items.length}` }).waitFor();
      await page.locator('.item-body > *').first().waitFor();
    };
    const candidate = sitting.candidates[1]!;

    await page.goto(`${baseUrl}/candidate/`);
    await to('Mã phòng thi');
    await kb.type(sitting.accessCode);
    await to('Số báo danh');
    await kb.type(candidate.candidateNumber);
    await to('Ngày sinh (ngày/tháng/năm)');
    await kb.type(typedDate(candidate.dateOfBirth));
    await press('Enter');
    await page.getByRole('heading', { name: 'Xác nhận thông tin thí sinh' }).waitFor();
    await to('Bắt đầu làm bài');
    await press('Enter');
    await page.getByRole('heading', { name: `Câu 1 / ${items.length}` }).waitFor();
    await page.locator('.item-body > *').first().waitFor();

    // 1 choice: arrows move through a radio group and choose.
    await tabTo(page, (el) => el.type === 'radio');
    await press('ArrowDown');
    await next();
    // 2 order
    await to('Chuyển lên: Hai');
    await press('Enter');
    await to('Chuyển xuống: Chín');
    await press('Enter');
    await next();
    // 3 associate: options are —, Mèo, Cá, Chó, Tôm.
    for (const [a, b] of [
      [1, 3],
      [2, 4],
    ]) {
      await to('Mục thứ nhất');
      await press('ArrowDown', a);
      await to('Mục thứ hai');
      await press('ArrowDown', b);
      await to('Nối cặp');
      await press('Enter');
    }
    await next();
    // 4 match
    await to('Nhật Bản – Tô-ky-ô');
    await press('Space');
    await to('Hàn Quốc – Xơ-un');
    await press('Space');
    await next();
    // 5 gap match: —, đông, tây, bắc
    await to('Chỗ trống 1');
    await press('ArrowDown', 1);
    await to('Chỗ trống 2');
    await press('ArrowDown', 2);
    await next();
    // 6 inline choice: —, are, is
    await to('Chọn đáp án');
    await press('ArrowDown', 2);
    await next();
    // 7 text entry
    await to('Nhập câu trả lời');
    await kb.type('12');
    await next();
    // 8 extended text
    await tabTo(page, (el) => el.tag === 'textarea');
    await kb.type('Trường em có nhiều cây xanh.');
    await next();
    // 9 hottext: trời, đẹb, mát
    await tabTo(page, (el) => el.type === 'radio');
    await press('ArrowRight');
    await next();
    // 10 hotspot
    await tabTo(page, (el) => el.type === 'radio');
    await press('ArrowDown');
    await next();
    // 11 select point
    await to(/^Hoành độ x/);
    await kb.type('95');
    await to(/^Tung độ y/);
    await kb.type('155');
    await to('Đặt điểm');
    await press('Enter');
    await next();
    // 12 graphic order: Chợ, Trường học, Bệnh viện -> Trường học, Bệnh viện, Chợ
    await to('Chuyển xuống: Chợ');
    await press('Enter');
    await to('Chuyển xuống: Chợ');
    await press('Enter');
    await next();
    // 13 graphic associate: —, 1. Trường học, 2. Công viên, 3. Chợ
    await to('Mục thứ nhất');
    await press('ArrowDown', 1);
    await to('Mục thứ hai');
    await press('ArrowDown', 2);
    await to('Nối cặp');
    await press('Enter');
    await next();
    // 14 graphic gap match: —, Nơi học tập, Nơi chữa bệnh, Nơi mua bán
    await to('1. Vùng 1');
    await press('ArrowDown', 1);
    await to('2. Vùng 2');
    await press('ArrowDown', 2);
    await next();
    // 15 position object
    await to(/^Hoành độ x/);
    await kb.type('290');
    await to(/^Tung độ y/);
    await kb.type('160');
    await to('Đặt điểm');
    await press('Enter');
    await next();
    // 16 slider: step 5
    await tabTo(page, (el) => el.type === 'range');
    await press('ArrowRight', 6);
    await next();
    // 17 media
    await to('Phát');
    await press('Enter');
    await page.getByText('Đã nghe/xem 1/3 lần').waitFor();
    await next();
    // 18 upload: the file chooser opens from the keyboard.
    await to(/^Chọn tệp để nộp/);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press('Space')]);
    await chooser.setFiles({
      name: 'bai-lam.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Bài làm của em'),
    });
    await next();
    // 19 drawing: Space lowers the pen, arrows draw, Space lifts it.
    await tabTo(page, (el) => el.tag === 'canvas');
    await press('Space');
    await press('ArrowRight', 10);
    await press('ArrowDown', 6);
    await press('Space');
    await next();
    // 20 end attempt
    await to('Xin gợi ý');
    await press('Enter');
    await next();
    // 21 code task in Monaco
    await page.locator('.monaco-editor').waitFor({ timeout: 20_000 });
    await tabTo(page, (el) => /Trình soạn thảo mã/.test(el.name));
    await press('Control+A');
    await press('Delete');
    await kb.type('def tong(a, b):');
    await press('Enter');
    await kb.type('return a + b');
    // On a loaded machine, see that the editor took the keys before leaving it (Monaco draws spaces as nbsp).
    await expect
      .poll(async () =>
        (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' '),
      )
      .toContain('return a + b');
    await saved();
    // Tab indents inside the editor; Escape leaves it, onto "restore the starter code". Restoring is
    // announced and undoable: Ctrl+Z back in the editor brings the candidate's code back.
    await press('Escape');
    const editorText = async () =>
      (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Khôi phục mã ban đầu');
    await press('Enter');
    await page.getByRole('status').getByText('Đã khôi phục mã ban đầu.', { exact: false }).waitFor();
    await expect.poll(editorText).not.toContain('return a + b');
    await tabTo(page, (el) => /Trình soạn thảo mã/.test(el.name));
    await press('Control+z');
    await expect.poll(editorText).toContain('return a + b');
    await saved();
    await press('Escape');
    await to('Xem lại và nộp bài');
    await press('Enter');
    await page.getByRole('heading', { name: 'Xem lại trước khi nộp' }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await to('Nộp bài');
    await press('Enter');
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();

    const [session] = await engine.deps.db
      .select({ id: candidateSessions.id })
      .from(candidateSessions)
      .where(inArray(candidateSessions.state, ['submitted', 'scored']));
    const answers = await storedAnswers(engine, session!.id);
    expect(answers['E2E-19-DRAWING']?.RESPONSE).toMatch(/^data:image\/png;name=drawing\.png;base64,/);
    // Monaco indents after the colon once its Python rules have loaded, which a loaded machine may not have done yet.
    expect(answers['E2E-21-CODE']?.RESPONSE).toMatch(/^def tong\(a, b\):\n *return a \+ b$/);
    expect({ ...answers, 'E2E-19-DRAWING': undefined, 'E2E-21-CODE': undefined }).toEqual({
      'E2E-01-CHOICE': { RESPONSE: 'B' },
      'E2E-02-ORDER': { RESPONSE: ['S1', 'S2', 'S3'] },
      'E2E-03-ASSOCIATE': { RESPONSE: ['MEO CHO', 'CA TOM'] },
      'E2E-04-MATCH': { RESPONSE: ['N1 C1', 'N2 C2'] },
      'E2E-05-GAPMATCH': { RESPONSE: ['W1 G1', 'W2 G2'] },
      'E2E-06-INLINE': { RESPONSE: 'IS' },
      'E2E-07-TEXTENTRY': { RESPONSE: '12' },
      'E2E-08-EXTENDED': { RESPONSE: 'Trường em có nhiều cây xanh.' },
      'E2E-09-HOTTEXT': { RESPONSE: 'H2' },
      'E2E-10-HOTSPOT': { RESPONSE: 'PARK' },
      'E2E-11-SELECTPOINT': { RESPONSE: '95 155' },
      'E2E-12-GRAPHICORDER': { RESPONSE: ['SCHOOL', 'HOSPITAL', 'MARKET'] },
      'E2E-13-GRAPHICASSOCIATE': { RESPONSE: ['SCHOOL PARK'] },
      'E2E-14-GRAPHICGAPMATCH': { RESPONSE: ['L1 A1', 'L2 A2'] },
      'E2E-15-POSITION': { RESPONSE: '290 160' },
      'E2E-16-SLIDER': { RESPONSE: 30 },
      'E2E-17-MEDIA': { RESPONSE: 1 },
      'E2E-18-UPLOAD': {
        RESPONSE: `data:text/plain;name=bai-lam.txt;base64,${Buffer.from('Bài làm của em').toString('base64')}`,
      },
      'E2E-19-DRAWING': undefined,
      'E2E-20-ENDATTEMPT': { RESPONSE: true },
      'E2E-21-CODE': undefined,
    });
    await context.close();
  }, 300_000);
});
