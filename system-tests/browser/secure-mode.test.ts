import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, sessionEvents } from '../../engine/delivery/tables.ts';
import { checkInCandidate } from '../../engine/tests/support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchChromium } from './browser.ts';
import { buildE2eSitting, loadE2eItems, typedDate } from './e2e-sitting.ts';
import { checkIn, expectAccessible, shot } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let port: number;
let browser: Browser;
const items = loadE2eItems().slice(0, 3);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  await ensureClientBuilt();
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
});

describe('secure mode', () => {
  it('locks answering when full screen is left, blocks copy and the context menu outside answer fields, and records it all as session events', async () => {
    const sitting = await buildE2eSitting(engine, items, { securityPolicy: { fullscreen: true } });
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('heading', { name: `Câu 1 / ${items.length}` }).waitFor();
    await page.getByLabel('x = 3').waitFor();
    expect(await page.evaluate(() => Boolean(document.fullscreenElement))).toBe(true);

    // Copy and the context menu are blocked on the question; copying inside an answer field is not.
    const blocked = await page.evaluate(() => {
      const fire = (el: Element, type: string) =>
        !el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
      return {
        copy: fire(document.querySelector('.prompt')!, 'copy'),
        contextmenu: fire(document.querySelector('.item-body')!, 'contextmenu'),
        inField: fire(document.querySelector('input')!, 'copy'),
      };
    });
    expect(blocked).toEqual({ copy: true, contextmenu: true, inField: false });
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));

    // Leaving full screen locks the exam until the candidate goes back.
    await page.evaluate(() => document.exitFullscreen());
    await page.getByRole('dialog', { name: 'Cần làm bài ở chế độ toàn màn hình' }).waitFor();
    await expectAccessible(page, 'fullscreen lock');
    await shot(page, 'secure-fullscreen-lock');
    expect(await page.locator('.secure-locked[inert]').count()).toBe(1);
    await expect(page.getByLabel('x = 3').check({ timeout: 1500 })).rejects.toThrow();
    await page.getByRole('button', { name: 'Vào lại toàn màn hình' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByLabel('x = 3').check();
    await page.getByText('Đã lưu', { exact: true }).waitFor();

    const types = async () =>
      (
        await engine.deps.db
          .select({ type: sessionEvents.type })
          .from(sessionEvents)
          .where(eq(sessionEvents.sessionId, (await sessionIdOf(sitting.sittingId))!))
      ).map((e) => e.type);
    await expect
      .poll(types, { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          'client_copy_blocked',
          'client_contextmenu_blocked',
          'client_focus_lost',
          'client_fullscreen_exit',
          'client_fullscreen_enter',
        ]),
      );
    await context.close();
  }, 120_000);

  it('resuming in a new browser asks for full screen without claiming the candidate left it (issue 18 #14)', async () => {
    const sitting = await buildE2eSitting(engine, items, { securityPolicy: { fullscreen: true } });
    const first = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await first.newPage();
    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByLabel('x = 3').waitFor();
    await first.close();

    const second = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const resumed = await second.newPage();
    // An exam in progress skips the lobby: the form leads straight back to the questions.
    const candidate = sitting.candidates[0]!;
    await resumed.goto(`${baseUrl}/candidate/`);
    await resumed.getByLabel('Mã phòng thi').fill(sitting.accessCode);
    await resumed.getByLabel('Số báo danh').fill(candidate.candidateNumber);
    await resumed.getByLabel('Ngày sinh (ngày/tháng/năm)').fill(typedDate(candidate.dateOfBirth));
    await resumed.getByRole('button', { name: 'Vào phòng thi' }).click();
    const dialog = resumed.getByRole('dialog', { name: 'Cần làm bài ở chế độ toàn màn hình' });
    await dialog.waitFor({ timeout: 15_000 });
    await shot(resumed, 'secure-fullscreen-resumed');
    expect(await dialog.textContent()).toContain('Bấm nút dưới đây để tiếp tục');
    expect(await dialog.textContent()).not.toMatch(/đã thoát|ghi lại/);
    await resumed.getByRole('button', { name: 'Vào lại toàn màn hình' }).click();
    await resumed.getByRole('dialog').waitFor({ state: 'detached' });
    await second.close();
  }, 120_000);

  it('a second tab of the same session shows a warning and cannot answer', async () => {
    const sitting = await buildE2eSitting(engine, items, { securityPolicy: { fullscreen: false } });
    const context = await browser.newContext({ locale: 'vi-VN' });
    const first = await context.newPage();
    await checkIn(first, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    await first.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await first.getByLabel('x = 3').waitFor();
    const second = await context.newPage();
    await second.goto(`${baseUrl}/candidate/`);
    await second.getByText(/Bài thi đang mở ở thiết bị hoặc thẻ khác/).waitFor({ timeout: 15_000 });
    expect(await second.getByRole('radio').count()).toBe(0);
    await shot(second, 'second-tab');
    // The first tab still answers.
    await first.getByLabel('x = 3').check();
    await first.getByText('Đã lưu', { exact: true }).waitFor();
    await context.close();
  }, 60_000);
});

async function sessionIdOf(sittingId: string) {
  const [row] = await engine.deps.db
    .select({ id: candidateSessions.id })
    .from(candidateSessions)
    .where(eq(candidateSessions.sittingId, sittingId));
  return row?.id;
}

describe('Safe Exam Browser required', () => {
  it('refuses the exam page and a socket handshake without the right hash, and accepts the right Config Key hash', async () => {
    const sitting = await buildE2eSitting(engine, items, {
      securityPolicy: { safeExamBrowser: true, fullscreen: false },
    });
    const download = await fetch(`${baseUrl}/api/sittings/${sitting.sittingId}/seb-config`, {
      headers: { authorization: `Bearer ${sitting.board}` },
    });
    const configKey = download.headers.get('x-seb-config-key')!;
    const pageUrl = `${baseUrl}/candidate/?sitting=${sitting.sittingId}`;

    const plain = await fetch(pageUrl);
    expect(plain.status).toBe(403);
    expect(await plain.text()).toContain('Safe Exam Browser');
    const wrong = await fetch(pageUrl, {
      headers: { 'x-safeexambrowser-configkeyhash': sha(`${pageUrl}x`) },
    });
    expect(wrong.status).toBe(403);
    const right = await fetch(pageUrl, {
      headers: { 'x-safeexambrowser-configkeyhash': sha(pageUrl + configKey) },
    });
    expect(right.status).toBe(200);

    // Check-in through SEB (the hash of the check-in URL), then the socket.
    const checkInUrl = `${baseUrl}/api/candidate/check-in`;
    const c = sitting.candidates[0]!;
    const [y, m, d] = c.dateOfBirth.split('-');
    const res = await fetch(checkInUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-safeexambrowser-configkeyhash': sha(checkInUrl + configKey),
      },
      body: JSON.stringify({
        accessCode: sitting.accessCode,
        candidateNumber: c.candidateNumber,
        dateOfBirth: `${d}/${m}/${y}`,
      }),
    });
    expect(res.status).toBe(200);
    const { sessionToken } = (await res.json()) as { sessionToken: string };
    await expect(checkInCandidate(engine, sitting.accessCode, c)).rejects.toThrow(/403/);

    const connect = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = io(`${baseUrl}/candidate`, {
          transports: ['websocket'],
          auth: { token: sessionToken, deviceId: 'd', tabId: 't' },
          extraHeaders: headers,
          reconnection: false,
          forceNew: true,
        });
        socket.once('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.once('connect_error', (e) => resolve((e as { data?: { id: string } }).data?.id ?? e.message));
      });
    expect(await connect({ 'x-safeexambrowser-configkeyhash': sha('wrong') })).toBe('seb_required');
    expect(await connect({})).toBe('connected');
  }, 60_000);

  it('lets SEB without headers (macOS, iOS) check in through its JavaScript API keys, and refuses wrong keys', async () => {
    const sitting = await buildE2eSitting(engine, items, {
      securityPolicy: { safeExamBrowser: true, fullscreen: false },
      students: 2,
    });
    const download = await fetch(`${baseUrl}/api/sittings/${sitting.sittingId}/seb-config`, {
      headers: { authorization: `Bearer ${sitting.board}` },
    });
    const configKey = download.headers.get('x-seb-config-key')!;
    const pageUrl = `${baseUrl}/candidate/?sitting=${sitting.sittingId}`;
    // Without headers, only a browser that says it is SEB gets the page; the keys decide at check-in.
    expect((await fetch(pageUrl)).status).toBe(403);

    const checkInWith = async (
      candidate: (typeof sitting.candidates)[number],
      keyFor: (url: string) => string,
    ) => {
      const context = await browser.newContext({ userAgent: 'Mozilla/5.0 (Macintosh) SEB/3.4' });
      // What SEB's JavaScript API offers the page: the Config Key hash salted with the page's URL.
      await context.addInitScript(
        ({ pageKey }) => {
          (window as unknown as { SafeExamBrowser: unknown }).SafeExamBrowser = {
            security: { configKey: pageKey, browserExamKey: ':', updateKeys: (done: () => void) => done() },
          };
        },
        { pageKey: keyFor(pageUrl) },
      );
      const page = await context.newPage();
      const response = await page.goto(pageUrl);
      expect(response?.status()).toBe(200);
      const [y, m, d] = candidate.dateOfBirth.split('-');
      await page.getByLabel('Mã phòng thi').fill(sitting.accessCode);
      await page.getByLabel('Số báo danh').fill(candidate.candidateNumber);
      await page.getByLabel('Ngày sinh (ngày/tháng/năm)').fill(`${d}/${m}/${y}`);
      const checkIn = page.waitForResponse((r) => r.url().endsWith('/api/candidate/check-in'));
      await page.keyboard.press('Enter');
      const status = (await checkIn).status();
      await context.close();
      return status;
    };
    expect(await checkInWith(sitting.candidates[0]!, (url) => sha(url + 'not-the-config-key'))).toBe(403);
    expect(await checkInWith(sitting.candidates[1]!, (url) => sha(url + configKey))).toBe(200);
  }, 60_000);
});
