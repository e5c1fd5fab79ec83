/**
 * Acceptance of live proctoring: the candidate's Chromium sees a fake camera built from corpus photographs (one
 * face, then none, then two); the proctor, signed in to the dashboard in a second browser context, sees the
 * candidate live and the "no face" and "several faces" incidents within the rule delays, and a message sent from
 * the dashboard reaches the candidate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, sessionEvents } from '../../engine/delivery/tables.ts';
import { roomProctors, sittings } from '../../engine/sittings/tables.ts';
import { users } from '../../engine/people/tables.ts';
import { TEST_PASSWORD } from '../../engine/tests/support/factories.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchWithFakeCamera } from './browser.ts';
import { buildE2eSitting, loadE2eItems } from './e2e-sitting.ts';
import { checkIn, expectAccessible, shot } from './helpers.ts';
import { pickCorpusImage, writeFakeCamera } from './proctor-fake-camera.ts';

const RULES = { noFaceSeconds: 3, multipleFacesSeconds: 2 };

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'proctor-e2e-'));
const camera = path.join(tmp, 'camera.y4m');

beforeAll(async () => {
  await ensureClientBuilt();
  engine = await createTestEngine();
  baseUrl = `http://127.0.0.1:${await engine.listen(0, '127.0.0.1')}`;
  // The camera file is read when a page first opens the camera, so it can be written after launch.
  browser = await launchWithFakeCamera(camera);
  await writeFakeCamera(browser, camera, [
    { image: pickCorpusImage(1, ['video_man_frontal.png']), seconds: 5 },
    { image: pickCorpusImage(0, ['brick_wall_gray.png']), seconds: 12 },
    { image: pickCorpusImage(2, ['two_official_portraits_composite.jpg']), seconds: 12 },
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the live proctor dashboard', () => {
  it('shows the candidate live, the no-face and several-faces incidents within the rule delays, and sends a message', async () => {
    const sitting = await buildE2eSitting(engine, loadE2eItems().slice(0, 2), {
      securityPolicy: { fullscreen: false, proctoring: true },
    });
    const [row] = await engine.deps.db.select().from(sittings).where(eq(sittings.id, sitting.sittingId));
    await engine.deps.db
      .update(sittings)
      .set({ securityPolicy: { ...(row!.securityPolicy as object), proctoringRules: RULES } })
      .where(eq(sittings.id, sitting.sittingId));
    const [proctor] = await engine.deps.db
      .select({ username: users.username })
      .from(roomProctors)
      .innerJoin(users, eq(users.id, roomProctors.userId))
      .where(eq(roomProctors.roomId, sitting.roomId));
    const candidate = sitting.candidates[0]!;

    // The proctor signs in and opens the room.
    const proctorContext = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1400, height: 900 },
    });
    const dashboard = await proctorContext.newPage();
    await dashboard.goto(`${baseUrl}/proctor/`);
    await dashboard.getByLabel('Tên đăng nhập').fill(proctor!.username);
    await dashboard.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await dashboard.getByRole('button', { name: 'Đăng nhập' }).click();
    await dashboard.getByRole('heading', { name: 'Chọn phòng thi' }).waitFor();
    await expectAccessible(dashboard, 'proctor room choice');
    await shot(dashboard, 'proctor-rooms');
    await dashboard.getByRole('button', { name: /^Giám sát: .*Phòng 01$/ }).click();
    await dashboard.getByText('Đang kết nối trực tiếp').waitFor();
    const row0 = dashboard.getByRole('row').filter({ hasText: candidate.candidateNumber });
    await row0.getByText('Chưa vào').waitFor();
    await expectAccessible(dashboard, 'proctor dashboard');

    // The candidate checks in and starts; the camera shows one face, then none, then two.
    const candidateContext = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1280, height: 900 },
    });
    const exam = await candidateContext.newPage();
    await checkIn(exam, baseUrl, sitting.accessCode, candidate);
    await exam.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await exam.getByLabel('x = 3').waitFor();
    await row0.getByText('Trực tuyến').waitFor({ timeout: 10_000 });
    await row0.getByText('Đang làm bài').waitFor({ timeout: 10_000 });

    await row0.getByRole('button', { name: /^Chi tiết / }).click();
    const timeline = dashboard.locator('.timeline');
    await timeline.getByText('Không thấy khuôn mặt').waitFor({ timeout: 60_000 });
    await timeline.getByText('Nhiều khuôn mặt').waitFor({ timeout: 60_000 });
    expect(Number(await row0.locator('.incidents-count').textContent())).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => row0.locator('.risk').textContent()).toMatch(/^\d+ · /);
    await shot(dashboard, 'proctor-dashboard-incidents');
    // With the candidate's panel open, the grid still shows every column whole (incidents and risk last).
    const panelLeft = (await dashboard.locator('.candidate-panel').boundingBox())!.x;
    const riskBox = (await row0.locator('.risk').boundingBox())!;
    expect(riskBox.x + riskBox.width).toBeLessThanOrEqual(panelLeft);
    expect(
      await dashboard.locator('.grid-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
    ).toBe(true);

    // The stored incidents became incidents exactly when their condition had lasted the rule's delay.
    const [session] = await engine.deps.db
      .select({ id: candidateSessions.id })
      .from(candidateSessions)
      .where(eq(candidateSessions.sittingId, sitting.sittingId));
    const incidents = (
      await engine.deps.db
        .select({ data: sessionEvents.data })
        .from(sessionEvents)
        .where(and(eq(sessionEvents.sessionId, session!.id), eq(sessionEvents.type, 'incident')))
    ).map((r) => r.data as { kind: string; startedAt: number; at: number });
    const noFace = incidents.find((i) => i.kind === 'no_face')!;
    const twoFaces = incidents.find((i) => i.kind === 'multiple_faces')!;
    expect(noFace.at - noFace.startedAt).toBe(RULES.noFaceSeconds * 1000);
    expect(twoFaces.at - twoFaces.startedAt).toBe(RULES.multipleFacesSeconds * 1000);

    // A message from the dashboard reaches the candidate.
    await dashboard.getByLabel('Tin nhắn cho thí sinh').fill('Em hãy nhìn vào màn hình.');
    await dashboard.getByRole('button', { name: 'Gửi tin nhắn' }).click();
    await dashboard.getByText('Đã thực hiện: Gửi tin nhắn.').waitFor();
    await exam.getByText('Tin nhắn từ giám thị: Em hãy nhìn vào màn hình.').waitFor({ timeout: 5000 });
    await expectAccessible(dashboard, 'proctor dashboard with a candidate open');
    await shot(dashboard, 'proctor-dashboard-message');
    // English is the second language of the dashboard.
    await dashboard.getByRole('button', { name: 'English' }).click();
    await dashboard.getByRole('heading', { name: 'Incident timeline' }).waitFor();
    await dashboard.getByText('Several faces').first().waitFor();
    await dashboard.getByText('Done: Send message.').waitFor();
    await shot(dashboard, 'proctor-dashboard-en');
    await candidateContext.close();
    await proctorContext.close();
  }, 240_000);
});
