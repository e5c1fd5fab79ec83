/**
 * The on-screen tools in Chromium: the calculator, scratchpad, ruler and protractor a sitting allows
 * are offered (and work, and pass axe); a sitting that allows none shows no tool button.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { buildE2eSitting, loadE2eItems } from './e2e-sitting.ts';
import { checkIn, expectAccessible, shot } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
const items = loadE2eItems().slice(0, 2);

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
}, 120_000);
afterAll(() => stopE2e({ engine, browser }));

async function startExam(securityPolicy: Record<string, unknown>) {
  const sitting = await buildE2eSitting(engine, items, {
    securityPolicy: { fullscreen: false, ...securityPolicy },
  });
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  await page.getByRole('heading', { name: `Câu 1 / ${items.length}` }).waitFor();
  return { page, context };
}

describe('candidate tools', () => {
  it(
    'offers the allowed calculator and scratchpad; the calculator evaluates, both pass axe',
    { timeout: 90_000 },
    async () => {
      const { page, context } = await startExam({ tools: ['calculator', 'scratchpad'] });
      const tools = page.getByRole('group', { name: 'Công cụ' });
      const calculatorButton = tools.getByRole('button', { name: 'Máy tính' });
      await calculatorButton.click();
      expect(await calculatorButton.getAttribute('aria-expanded')).toBe('true');
      const panel = page.getByRole('region', { name: 'Máy tính' });

      // Typed, with a decimal comma and the keypad's symbols.
      await panel.getByLabel('Biểu thức').fill('12 × 3 + 4,5');
      await panel.getByLabel('Biểu thức').press('Enter');
      await expect.poll(() => panel.getByTestId('calculator-result').textContent()).toBe('40,5');
      // Tapped on the keypad.
      await panel.getByRole('button', { name: 'Xoá hết' }).click();
      for (const name of ['7', 'nhân', '6', 'trừ', '2'])
        await panel.getByRole('button', { name, exact: true }).click();
      expect(await panel.getByLabel('Biểu thức').inputValue()).toBe('7×6−2');
      await panel.getByRole('button', { name: '= Tính' }).click();
      await expect.poll(() => panel.getByTestId('calculator-result').textContent()).toBe('40');
      await panel.getByLabel('Biểu thức').fill('1 ÷ 0');
      await panel.getByLabel('Biểu thức').press('Enter');
      await expect
        .poll(() => panel.getByTestId('calculator-result').textContent())
        .toContain('không xác định');
      await panel.getByLabel('Biểu thức').fill('alert(1)');
      await panel.getByLabel('Biểu thức').press('Enter');
      await expect
        .poll(() => panel.getByTestId('calculator-result').textContent())
        .toBe('Biểu thức không hợp lệ.');
      await expectAccessible(page, 'calculator');
      await shot(page, 'candidate-calculator');

      // Escape closes the panel and gives focus back to its button.
      await panel.getByLabel('Biểu thức').press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Máy tính');

      // The scratchpad keeps its notes across closing and reopening (in this browser only).
      await tools.getByRole('button', { name: 'Giấy nháp' }).click();
      const notes = page.getByRole('region', { name: 'Giấy nháp' }).getByLabel('Ghi chú nháp');
      await notes.fill('x = 3 thì 2x + 1 = 7');
      await expectAccessible(page, 'scratchpad');
      await page.getByRole('region', { name: 'Giấy nháp' }).getByRole('button', { name: 'Đóng' }).click();
      await tools.getByRole('button', { name: 'Giấy nháp' }).click();
      expect(await page.getByLabel('Ghi chú nháp').inputValue()).toBe('x = 3 thì 2x + 1 = 7');

      // English labels when the candidate switches language.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('group', { name: 'Tools' }).getByRole('button', { name: 'Calculator' }).waitFor();
      await context.close();
    },
  );

  it(
    'shows only the tools the policy allows, and none when it allows none',
    { timeout: 90_000 },
    async () => {
      const onlyScratchpad = await startExam({ tools: ['scratchpad'] });
      await onlyScratchpad.page.getByRole('button', { name: 'Giấy nháp' }).waitFor();
      expect(await onlyScratchpad.page.getByRole('button', { name: 'Máy tính' }).count()).toBe(0);
      await onlyScratchpad.context.close();

      const none = await startExam({});
      await none.page.getByRole('button', { name: 'Xem lại và nộp bài' }).waitFor();
      expect(await none.page.getByRole('group', { name: 'Công cụ' }).count()).toBe(0);
      expect(await none.page.getByRole('button', { name: 'Máy tính' }).count()).toBe(0);
      expect(await none.page.getByRole('button', { name: 'Giấy nháp' }).count()).toBe(0);
      await none.context.close();
    },
  );
  it(
    'lays a ruler and a protractor over the item, moved by keys and by dragging, turned about their zero',
    { timeout: 90_000 },
    async () => {
      const { page, context } = await startExam({ tools: ['ruler', 'protractor'] });
      const tools = page.getByRole('group', { name: 'Công cụ' });
      await tools.getByRole('button', { name: 'Thước kẻ' }).click();
      const ruler = page.getByTestId('measuring-ruler');
      const zero = async () =>
        ruler.evaluate((el) => ({
          left: parseFloat((el as HTMLElement).style.left),
          top: parseFloat((el as HTMLElement).style.top),
          transform: (el as HTMLElement).style.transform,
        }));
      const start = await zero();

      // Ten millimetres to the right with the arrow key, one centimetre down with Shift.
      await ruler.focus();
      for (let i = 0; i < 10; i++) await ruler.press('ArrowRight');
      await ruler.press('Shift+ArrowDown');
      const cm = 96 / 2.54;
      const moved = await zero();
      expect(moved.left - start.left).toBeCloseTo(cm, 2);
      expect(moved.top - start.top).toBeCloseTo(cm, 2);

      // Turned 1° and 15° by keys, 15° back by the panel's button; the angle is announced.
      await ruler.press(']');
      await ruler.press('}');
      const panel = page.getByRole('region', { name: 'Thước kẻ' });
      await expect.poll(() => panel.getByTestId('ruler-angle').textContent()).toBe('16°');
      await panel.getByRole('button', { name: 'Xoay trái 15°' }).click();
      await expect.poll(() => panel.getByTestId('ruler-angle').textContent()).toBe('1°');
      expect((await zero()).transform).toBe('rotate(1deg)');

      // Dragged with the mouse: the ruler follows the pointer.
      const box = (await ruler.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 - 100, box.y + box.height / 2 + 60, { steps: 5 });
      await page.mouse.up();
      const dragged = await zero();
      expect(dragged.left - moved.left).toBeCloseTo(-100, 0);
      expect(dragged.top - moved.top).toBeCloseTo(60, 0);

      // The protractor beside it; both pass axe; Escape on the ruler closes it.
      await tools.getByRole('button', { name: 'Thước đo góc' }).click();
      await page.getByTestId('measuring-protractor').waitFor();
      expect(await page.getByRole('application', { name: 'Thước đo góc 180° trên màn hình' }).count()).toBe(
        1,
      );
      await expectAccessible(page, 'ruler-protractor');
      await shot(page, 'candidate-ruler-protractor');
      await ruler.press('Escape');
      await ruler.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Thước kẻ');
      await context.close();
    },
  );
});
