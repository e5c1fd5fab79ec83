/**
 * Issue 18 #15: a proctored sitting's lobby checks the camera before the candidate may start: the preview of
 * their own camera, and whether the on-device detector sees their face; "Bắt đầu làm bài" stays disabled until
 * it has. The exam then shows that the camera is on. Chromium's fake camera shows a wall, then a face.
 * Screenshots: candidate-camera-check-*.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchWithFakeCamera } from './browser.ts';
import { buildE2eSitting, loadE2eItems } from './e2e-sitting.ts';
import { checkIn, shot } from './helpers.ts';
import { pickCorpusImage, writeFakeCamera } from './proctor-fake-camera.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'camera-check-e2e-'));
const camera = path.join(tmp, 'camera.y4m');

beforeAll(async () => {
  await ensureClientBuilt();
  engine = await createTestEngine();
  baseUrl = `http://127.0.0.1:${await engine.listen(0, '127.0.0.1')}`;
  browser = await launchWithFakeCamera(camera);
  await writeFakeCamera(browser, camera, [
    { image: pickCorpusImage(0, ['brick_wall_gray.png']), seconds: 4 },
    { image: pickCorpusImage(1, ['video_man_frontal.png']), seconds: 40 },
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the proctored lobby checks the camera', () => {
  it('shows the preview and waits for the face before the start; the exam shows the camera is on', async () => {
    const sitting = await buildE2eSitting(engine, loadE2eItems().slice(0, 1), {
      securityPolicy: { fullscreen: false, proctoring: true },
    });
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    const check = page.getByRole('region', { name: 'Kiểm tra camera' });
    const start = page.getByRole('button', { name: 'Bắt đầu làm bài' });
    // Before the detector has seen a face, the start is disabled.
    expect(await start.isDisabled()).toBe(true);
    const preview = check.getByLabel('Hình từ camera của em (chỉ hiện trên máy này)');
    await preview.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => preview.evaluate((v) => (v as HTMLVideoElement).videoWidth), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await check.getByText('Đã thấy khuôn mặt của em. Em có thể bắt đầu.').waitFor({ timeout: 90_000 });
    expect(await start.isEnabled()).toBe(true);
    await shot(page, 'candidate-camera-check-lobby');

    await start.click();
    await page.getByRole('heading', { name: 'Câu 1 / 1' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Camera đang bật' }).waitFor({ timeout: 30_000 });
    await shot(page, 'candidate-camera-check-exam');
    await context.close();
  }, 240_000);

  it('a sitting without the camera has no camera check and no indicator', async () => {
    const sitting = await buildE2eSitting(engine, loadE2eItems().slice(0, 1), {
      securityPolicy: { fullscreen: false },
    });
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    expect(await page.getByRole('region', { name: 'Kiểm tra camera' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('heading', { name: 'Câu 1 / 1' }).waitFor();
    await page.waitForTimeout(1500);
    expect(await page.getByText('Camera đang bật').count()).toBe(0);
    await context.close();
  }, 120_000);
});
