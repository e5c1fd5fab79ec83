/**
 * A save the engine refuses for good (here an answer over the text-entry size limit) must not hold the
 * answers queued behind it: the candidate is told, and the next answers are stored.
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
const at = (identifier: string) => bank.indexOf(identifier) + 1;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
  demo = (await seedDemo(engine.deps.db)).sitting!;
}, 120_000);
afterAll(() => stopE2e({ engine, browser }));

describe('a save the engine refuses for good', () => {
  it('is dropped from the queue with a message, and the answers after it are stored', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await checkIn(page, baseUrl, demo.accessCode, demo.candidate);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();

    const textEntry = at('TIN-8-PY-01');
    await page.getByRole('button', { name: new RegExp(`^Câu ${textEntry}( |$)`) }).click();
    const entry = page.getByLabel('Nhập câu trả lời');
    await entry.fill('x'.repeat(1_001)); // the engine's text-entry limit is 1,000 characters
    await page.getByRole('alert').filter({ hasText: 'Câu trả lời quá dài' }).waitFor();
    await page.getByText('Đã lưu').waitFor(); // nothing is left waiting in the queue

    const choice = at('TOAN-9-DT-01');
    await page.getByRole('button', { name: new RegExp(`^Câu ${choice}( |$)`) }).click();
    await page.getByLabel(/28,26 cm²/).check();
    await page.getByText('Đã lưu').waitFor();

    const stored = async () =>
      rowsOf<{ item_ref: string; length: number }>(
        await engine.deps.db.execute(
          sql`select item_ref, length(value::text) as length from responses r join candidate_sessions s on s.id = r.session_id join sitting_candidates c on c.id = s.sitting_candidate_id where c.candidate_number = ${demo.candidate.candidateNumber}`,
        ),
      );
    await expect.poll(async () => (await stored()).map((r) => r.item_ref)).toContain('TOAN-9-DT-01');
    expect((await stored()).filter((r) => r.item_ref === 'TIN-8-PY-01')).toEqual([]);
    await context.close();
  }, 120_000);
});
