/**
 * Identity check and incident snapshots end to end: a sitting asks for both; the exam board sets the candidate's
 * roster photo (a corpus portrait of someone else); the candidate's Chromium sees a fake camera (a man's face, then
 * a wall). The device fetches its own roster photo, compares faces on the device and reports a mismatch (shown
 * with its similarity and distance); the "no face" incident carries a 160x120 snapshot, which the proctor's
 * dashboard shows as a thumbnail in the timeline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, sessionEvents } from '../../engine/delivery/tables.ts';
import { roomProctors, sittingCandidates } from '../../engine/sittings/tables.ts';
import { incidentSnapshots } from '../../engine/proctoring/tables.ts';
import { users } from '../../engine/people/tables.ts';
import { TEST_PASSWORD } from '../../engine/tests/support/factories.ts';
import { api } from '../../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchWithFakeCamera } from './browser.ts';
import { buildE2eSitting, loadE2eItems } from './e2e-sitting.ts';
import { checkIn, shot } from './helpers.ts';
import { FACES_CORPUS, pickCorpusImage, writeFakeCamera } from './proctor-fake-camera.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'proctor-identity-e2e-'));
const camera = path.join(tmp, 'camera.y4m');

beforeAll(async () => {
  await ensureClientBuilt();
  engine = await createTestEngine();
  baseUrl = `http://127.0.0.1:${await engine.listen(0, '127.0.0.1')}`;
  browser = await launchWithFakeCamera(camera);
  await writeFakeCamera(browser, camera, [
    { image: pickCorpusImage(1, ['video_man_frontal.png']), seconds: 14 },
    { image: pickCorpusImage(0, ['brick_wall_gray.png']), seconds: 10 },
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('identity check and incident snapshots', () => {
  it('compares the face with the roster photo on the device and shows the no-face snapshot to the proctor', async () => {
    const sitting = await buildE2eSitting(engine, loadE2eItems().slice(0, 1), {
      securityPolicy: {
        fullscreen: false,
        proctoring: true,
        proctoringRules: { noFaceSeconds: 3, identityCheck: true, snapshots: true },
      },
    });
    const candidate = sitting.candidates[0]!;
    const [enrolled] = await engine.deps.db
      .select({ id: sittingCandidates.id })
      .from(sittingCandidates)
      .where(
        and(
          eq(sittingCandidates.sittingId, sitting.sittingId),
          eq(sittingCandidates.candidateNumber, candidate.candidateNumber),
        ),
      );
    const photo = readFileSync(path.join(FACES_CORPUS, 'images', 'woman_portrait_neutral.jpg'));
    const stored = await api(engine).call(
      'PUT',
      `/api/proctoring/sittings/${sitting.sittingId}/candidates/${enrolled!.id}/photo`,
      { token: sitting.board, body: new Uint8Array(photo), headers: { 'content-type': 'image/jpeg' } },
    );
    expect(stored.status).toBe(204);
    const [proctor] = await engine.deps.db
      .select({ username: users.username })
      .from(roomProctors)
      .innerJoin(users, eq(users.id, roomProctors.userId))
      .where(eq(roomProctors.roomId, sitting.roomId));

    const proctorContext = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1400, height: 900 },
    });
    const dashboard = await proctorContext.newPage();
    await dashboard.goto(`${baseUrl}/proctor/`);
    await dashboard.getByLabel('Tên đăng nhập').fill(proctor!.username);
    await dashboard.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await dashboard.getByRole('button', { name: 'Đăng nhập' }).click();
    await dashboard.getByRole('button', { name: /^Giám sát: .*Phòng 01$/ }).click();
    await dashboard.getByText('Đang kết nối trực tiếp').waitFor();
    const row0 = dashboard.getByRole('row').filter({ hasText: candidate.candidateNumber });

    const candidateContext = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1280, height: 900 },
    });
    const exam = await candidateContext.newPage();
    await checkIn(exam, baseUrl, sitting.accessCode, candidate);
    // Before starting, the lobby says what this sitting's proctoring does and how long pictures are kept.
    const monitoring = exam.getByRole('region', { name: 'Giám sát trong kỳ thi này' });
    await monitoring.getByText('so với ảnh hồ sơ', { exact: false }).waitFor();
    expect(await monitoring.innerText()).toContain('ảnh được giữ 30 ngày rồi tự động xoá');
    await exam.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await row0.getByText('Đang làm bài').waitFor({ timeout: 15_000 });
    const [session] = await engine.deps.db
      .select({ id: candidateSessions.id })
      .from(candidateSessions)
      .where(eq(candidateSessions.sittingId, sitting.sittingId));

    // The device fetched this session's roster photo and compared the faces: a result with a similarity.
    const identityResult = async () => {
      const rows = await engine.deps.db
        .select({ data: sessionEvents.data })
        .from(sessionEvents)
        .where(and(eq(sessionEvents.sessionId, session!.id), eq(sessionEvents.type, 'device_events')));
      return rows
        .flatMap(
          (r) => (r.data as { events: { kind: string; result?: string; similarity?: number }[] }).events,
        )
        .find((e) => e.kind === 'identity');
    };
    await expect.poll(identityResult, { timeout: 90_000, interval: 1000 }).toBeDefined();
    const identity = (await identityResult())!;
    // The roster photo is of someone else (a woman's portrait; the camera shows a man).
    expect(identity.result).toBe('mismatch');
    expect(typeof identity.similarity).toBe('number');
    // The models ran in the candidate page's detection worker, not on the thread that handles answering.
    expect(exam.workers().map((w) => w.url())).toEqual(
      expect.arrayContaining([expect.stringMatching(/detection-worker-[\w-]+\.js$/)]),
    );

    // The wall: a "no face" incident with its snapshot, shown as a thumbnail in the timeline.
    await row0.getByRole('button', { name: /^Chi tiết / }).click();
    const noFaces = dashboard.locator('.timeline li').filter({ hasText: 'Không thấy khuôn mặt' });
    await noFaces.first().waitFor({ timeout: 60_000 });
    // The picture follows its incident (taken, encoded and uploaded by the device, at most one every 10 s), and
    // on a loaded machine it can be another "no face" incident than the first listed that gets it.
    const thumb = noFaces.locator('img.snapshot').first();
    await thumb.waitFor({ timeout: 60_000 });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
    const snapshots = await engine.deps.db
      .select()
      .from(incidentSnapshots)
      .where(eq(incidentSnapshots.sessionId, session!.id));
    const claimed = snapshots.filter((s) => s.incidentSeq !== null);
    expect(claimed.length).toBeGreaterThanOrEqual(1);
    expect(claimed[0]!.data.length).toBeLessThanOrEqual(60 * 1024);
    // Kept for the default retention of 30 days.
    expect(claimed[0]!.expiresAt.getTime() - claimed[0]!.createdAt.getTime()).toBe(30 * 86_400_000);
    const timeline = dashboard.locator('.timeline');
    await timeline.getByText('Khuôn mặt không khớp ảnh hồ sơ').first().waitFor();
    await timeline
      .getByText(/độ tương đồng [\d.]+ \(khoảng cách [\d.]+\)/)
      .first()
      .waitFor();
    await shot(dashboard, 'proctor-identity-snapshot');
    await candidateContext.close();
    await proctorContext.close();
  }, 240_000);
});
