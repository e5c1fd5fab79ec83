import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions } from '../../engine/delivery/tables.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { buildE2eSitting, loadE2eItems } from './e2e-sitting.ts';
import { checkIn, expectAccessible, shot } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
}, 120_000);
afterAll(() => stopE2e({ engine, browser }));

describe('time warnings and the proctor, seen by the candidate', () => {
  it('shows the 1-minute warning, a message, a pause that stops answering, and an extension, as they happen', async () => {
    const sitting = await buildE2eSitting(engine, loadE2eItems().slice(0, 2), {
      durationMinutes: 5,
      securityPolicy: { fullscreen: false },
    });
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByLabel('x = 3').waitFor();
    const [session] = await engine.deps.db
      .select({ id: candidateSessions.id })
      .from(candidateSessions)
      .where(eq(candidateSessions.sittingId, sitting.sittingId));
    // Four minutes pass: the stored deadline is under a minute away (a 1-minute sitting would get no
    // "1 minute left" at all: a warning as long as the whole exam is none).
    await engine.deps.db
      .update(candidateSessions)
      .set({ deadlineAt: new Date(Date.now() + 55_000) })
      .where(eq(candidateSessions.id, session!.id));
    await page.getByText('Còn 1 phút.').waitFor({ timeout: 15_000 });
    const act = async (action: string, body: unknown) => {
      const res = await fetch(`${baseUrl}/api/sessions/${session!.id}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sitting.board}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, action).toBe(200);
    };

    await act('message', { text: 'Em hãy ngồi thẳng lưng.' });
    await page.getByText('Tin nhắn từ giám thị: Em hãy ngồi thẳng lưng.').waitFor({ timeout: 5000 });
    await act('pause', { reason: 'Kiểm tra phòng thi' });
    await page.getByText(/Giám thị đã tạm dừng bài thi/).waitFor({ timeout: 5000 });
    expect(await page.getByLabel('x = 3').isDisabled()).toBe(true);
    await expectAccessible(page, 'paused');
    await shot(page, 'proctor-pause');
    await act('resume', {});
    await page.getByText(/Giám thị đã tạm dừng bài thi/).waitFor({ state: 'detached', timeout: 5000 });
    await act('extend', { minutes: 10 });
    await expect
      .poll(async () => page.locator('.timer').textContent(), { timeout: 5000 })
      .toMatch(/(00:)?1[01]:\d\d/);
    await page.getByLabel('x = 3').check();
    await page.getByText('Đã lưu', { exact: true }).waitFor();
    await context.close();
  }, 90_000);
});
