/**
 * A candidate on a slow computer types a program quickly, the connection drops on every line they type,
 * and they submit at once, while the answers are still being written to the device and sent. Every
 * keystroke must stay in the editor and reach the engine before the submission, and the submission
 * must not be refused because saves were still on their way.
 */
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../engine/platform/db/rows.ts';
import { seedDemo, type DemoSitting } from '../../engine/demo/seed-demo.ts';
import { loadDemoBank } from '../../item-bank/index.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { checkIn } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let demo: DemoSitting;
const bank = loadDemoBank().map((d) => d.item.identifier);
const CODE_ITEM = 'TIN-10-CODE-01';

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  demo = (await seedDemo(engine.deps.db)).sitting!;
}, 120_000);
afterAll(() => stopE2e({ engine, browser }));

const PROGRAM = ['def tong_chan(ds):', 'tong = 0', 'for so in ds:', 'if so % 2 == 0:', 'tong = tong + so'];

describe('the code editor on a slow computer with a dropping connection', () => {
  it('keeps every keystroke through the reconnections and stores the final text before the submission, which succeeds on the first try', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await checkIn(page, baseUrl, demo.accessCode, demo.candidate);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();

    const position = bank.indexOf(CODE_ITEM) + 1;
    await page.getByRole('button', { name: new RegExp(`^Câu ${position}( |$)`) }).click();
    await page.locator('.monaco-editor').waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .view-lines').click();

    // A school computer far slower than this one: renders lag behind the keys. The candidate writes the
    // program three times over; on every line the connection drops, and the page reconnects and
    // re-reads the session while the keys keep coming.
    const cdp = await context.newCDPSession(page);
    const shown = async () =>
      (await page.locator('.monaco-editor .view-lines').innerText())
        .split('\n')
        .map((line) => line.replace(/\u00a0/g, ' ').trim());
    for (let round = 1; round <= 3; round++) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      for (const [index, line] of PROGRAM.entries()) {
        if (index > 0) await page.keyboard.press('Enter'); // Monaco indents the new line itself
        await page.keyboard.type(line.slice(0, 3));
        for (const socket of engine.io!.of('/candidate').sockets.values()) socket.conn.close();
        await page.keyboard.type(line.slice(3));
      }
      if (round === 3) break;
      // Every key stays in the editor: a reconnection never puts back an older text.
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await expect.poll(shown, { timeout: 10_000 }).toEqual(PROGRAM);
      await page.waitForTimeout(1_000);
      expect(await shown(), `round ${round}`).toEqual(PROGRAM);
    }
    // Straight to the review and the submission, without waiting for "Đã lưu".
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor({ timeout: 60_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const expected =
      'def tong_chan(ds):\n    tong = 0\n    for so in ds:\n        if so % 2 == 0:\n            tong = tong + so';
    const rows = rowsOf<{ value: { RESPONSE?: string } | string; state: string }>(
      await engine.deps.db.execute(
        sql`select r.value, s.state from responses r join candidate_sessions s on s.id = r.session_id
            join sitting_candidates c on c.id = s.sitting_candidate_id
            where c.candidate_number = ${demo.candidate.candidateNumber} and r.item_ref = ${CODE_ITEM}
            order by r.client_seq desc limit 1`,
      ),
    );
    const value = typeof rows[0]?.value === 'string' ? JSON.parse(rows[0].value) : rows[0]?.value;
    // Every character, whatever indentation Monaco gave the new lines (its Python rules load lazily).
    const lines = (code: string | undefined) => code?.split('\n').map((line) => line.trim());
    expect(lines(value?.RESPONSE)).toEqual(lines(expected));
    expect(['submitted', 'scored']).toContain(rows[0]?.state);
    await context.close();
  }, 180_000);
});
