import { inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions } from '../../engine/delivery/tables.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { buildE2eSitting, loadE2eItems } from './e2e-sitting.ts';
import { checkIn, expectAccessible, shot, storedAnswers } from './helpers.ts';

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

const go = async (page: Page, n: number) => {
  await page.getByRole('button', { name: new RegExp(`^Câu ${n}( |$)`) }).click();
  await page.getByRole('heading', { name: `Câu ${n} / ${items.length}` }).waitFor();
  await page.locator('.item-body > *').first().waitFor();
};
const saved = (page: Page) => page.getByText('Đã lưu', { exact: true }).waitFor({ timeout: 15_000 });
const png = (data: string) => Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');

describe('one item of every interaction type in Chromium', () => {
  it('renders each, accepts answers by mouse and keyboard, and stores exactly what was entered', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('heading', { name: `Câu 1 / ${items.length}` }).waitFor();

    let point = '';
    const steps: Array<[string, () => Promise<void>]> = [
      ['choice', () => page.getByLabel('x = 3').check()],
      [
        'order',
        async () => {
          await page.getByRole('button', { name: 'Chuyển lên: Hai' }).click();
          await page.getByRole('button', { name: 'Chuyển xuống: Chín' }).click();
        },
      ],
      [
        'associate',
        async () => {
          for (const [a, b] of [
            ['Mèo', 'Chó'],
            ['Cá', 'Tôm'],
          ]) {
            await page.getByLabel('Mục thứ nhất').selectOption({ label: a! });
            await page.getByLabel('Mục thứ hai').selectOption({ label: b! });
            await page.getByRole('button', { name: 'Nối cặp' }).click();
          }
        },
      ],
      [
        'match',
        async () => {
          await page.getByLabel('Nhật Bản – Tô-ky-ô').check();
          await page.getByLabel('Hàn Quốc – Xơ-un').check();
        },
      ],
      [
        'gap-match',
        async () => {
          await page.getByLabel('Chỗ trống 1').selectOption({ label: 'đông' });
          await page.getByLabel('Chỗ trống 2').selectOption({ label: 'tây' });
        },
      ],
      [
        'inline-choice',
        async () => void (await page.getByLabel('Chọn đáp án').selectOption({ label: 'is' })),
      ],
      ['text-entry', () => page.getByLabel('Nhập câu trả lời').fill('12')],
      ['extended-text', () => page.getByRole('textbox').fill('Trường em có nhiều cây xanh.')],
      ['hottext', () => page.getByLabel('đẹb').check()],
      ['hotspot', () => page.locator('svg .hotspot').nth(1).click()],
      [
        'select-point',
        async () => {
          // A click on the picture at (95, 155) of its 400 × 300 pixels.
          const box = (await page.locator('.graphic-stage svg').boundingBox())!;
          await page.mouse.click(box.x + (95 / 400) * box.width, box.y + (155 / 300) * box.height);
          const shown = await page.getByText(/^Điểm 1: x = \d+, y = \d+$/).textContent();
          point = shown!.replace(/^Điểm 1: x = (\d+), y = (\d+)$/, '$1 $2');
          // The click lands within a pixel of the intended place.
          expect(
            Math.abs(Number(point.split(' ')[0]) - 95) + Math.abs(Number(point.split(' ')[1]) - 155),
          ).toBeLessThanOrEqual(2);
        },
      ],
      [
        'graphic-order',
        async () => {
          await page.getByRole('button', { name: 'Chuyển xuống: Chợ' }).click();
          await page.getByRole('button', { name: 'Chuyển xuống: Chợ' }).click();
        },
      ],
      [
        'graphic-associate',
        async () => {
          await page.getByLabel('Mục thứ nhất').selectOption({ label: '1. Trường học' });
          await page.getByLabel('Mục thứ hai').selectOption({ label: '2. Công viên' });
          await page.getByRole('button', { name: 'Nối cặp' }).click();
        },
      ],
      [
        'graphic-gap-match',
        async () => {
          await page.getByLabel('1. Vùng 1').selectOption({ label: 'Nơi học tập' });
          await page.getByLabel('2. Vùng 2').selectOption({ label: 'Nơi chữa bệnh' });
        },
      ],
      [
        'position-object',
        async () => {
          await page.getByLabel(/^Hoành độ x/).fill('290');
          await page.getByLabel(/^Tung độ y/).fill('160');
          await page.getByRole('button', { name: 'Đặt điểm' }).click();
        },
      ],
      [
        'slider',
        async () => {
          await page.getByRole('slider').focus();
          for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
        },
      ],
      [
        'media',
        async () => {
          await page.getByRole('button', { name: 'Phát' }).click();
          await page.getByText('Đã nghe/xem 1/3 lần').waitFor();
        },
      ],
      [
        'upload',
        () =>
          page.getByLabel(/^Chọn tệp để nộp/).setInputFiles({
            name: 'bai-lam.txt',
            mimeType: 'text/plain',
            buffer: Buffer.from('Bài làm của em'),
          }),
      ],
      [
        'drawing',
        async () => {
          const box = (await page.locator('.drawing canvas').boundingBox())!;
          await page.mouse.move(box.x + 60, box.y + 60);
          await page.mouse.down();
          await page.mouse.move(box.x + 150, box.y + 120, { steps: 5 });
          await page.mouse.move(box.x + 250, box.y + 150, { steps: 5 });
          await page.mouse.up();
        },
      ],
      ['end-attempt', () => page.getByRole('button', { name: 'Xin gợi ý' }).click()],
      [
        'code-task',
        async () => {
          await page.locator('.monaco-editor').waitFor({ timeout: 20_000 });
          await page.locator('.monaco-editor .view-lines').click();
          await page.keyboard.press('Control+A');
          await page.keyboard.press('Delete');
          // Monaco indents the new line itself after the colon.
          await page.keyboard.type('def tong(a, b):');
          await page.keyboard.press('Enter');
          await page.keyboard.type('return a + b');
        },
      ],
    ];
    expect(steps.length).toBe(items.length);

    for (const [index, [name, answer]] of steps.entries()) {
      await go(page, index + 1);
      expect(await page.getByText(/Dạng câu hỏi này chưa hiển thị được/).count(), name).toBe(0);
      await answer();
      await saved(page);
      await expectAccessible(page, name);
      await shot(page, `item-${name}`);
    }

    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    await page.getByRole('heading', { name: 'Xem lại trước khi nộp' }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();

    const [session] = await engine.deps.db
      .select({ id: candidateSessions.id, state: candidateSessions.state })
      .from(candidateSessions)
      .where(inArray(candidateSessions.state, ['submitted', 'scored']));
    const answers = await storedAnswers(engine, session!.id);
    const drawing = answers['E2E-19-DRAWING']?.RESPONSE as string;
    const upload = answers['E2E-18-UPLOAD']?.RESPONSE as string;
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
      'E2E-11-SELECTPOINT': { RESPONSE: point },
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
    expect(upload).toMatch(/^data:text\/plain;name=bai-lam\.txt;base64,/);
    expect(drawing).toMatch(/^data:image\/png;name=drawing\.png;base64,/);
    expect(png(drawing).subarray(1, 4).toString()).toBe('PNG');
    await context.close();
  }, 240_000);
});
