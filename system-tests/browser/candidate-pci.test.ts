/**
 * Issue 19: portable custom interactions in the candidate's browser. Two items of our own PCI
 * fixtures (item-bank/test/pci), imported as packages are (module files stored as item media): a
 * TAO-style likert answered with an integer and scored by match_correct, and a QTI 3 audio
 * recorder (its state only: see below). The PCI runs in a sandboxed frame with an opaque origin
 * and no network; the candidate answers in it, the answer and the PCI's state are saved like any
 * other, a reload restores the state into a new frame, and the submission scores the likert
 * answer. Screenshot: candidate-pci.png.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, sessionResults } from '../../engine/delivery/tables.ts';
import { buildSitting } from '../../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { savePciItems } from '../../engine/tests/support/pci-items.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchChromium } from './browser.ts';
import { checkIn, shot, storedAnswers } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  engine = await createTestEngine();
  baseUrl = `http://127.0.0.1:${await engine.listen(0, '127.0.0.1')}`;
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
});

/** The PCI frame of the page, once its runtime says hello and the PCI has rendered. */
async function pciFrame(page: Page): Promise<Frame> {
  await page.locator('iframe[sandbox="allow-scripts"]').waitFor();
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((f) => f.url().includes('/api/candidate/pci/'))) !== undefined)
    .toBe(true);
  return frame!;
}

describe('portable custom interactions', () => {
  it('answers in the sandboxed frame, resumes its state after a reload, and scores the answer', async () => {
    const tree = await buildOrganisationTree(engine.deps.db);
    const ids = await savePciItems(engine, tree, ['likert-tao', 'recorder-qti3']);
    const sitting = await buildSitting(engine, tree, [ids['pci-likert-tao']!, ids['pci-audio-recorder']!], {
      students: 1,
      navigationMode: 'nonlinear',
      securityPolicy: { fullscreen: false },
    });
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const frameErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && frameErrors.push(m.text()));

    // The candidate page may frame the PCI route and nothing else.
    const candidatePage = await page.request.get(`${baseUrl}/candidate/`);
    expect(candidatePage.headers()['content-security-policy']).toContain(
      `frame-src ${baseUrl}/api/candidate/pci/;`,
    );

    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    const [session] = await engine.deps.db
      .select({ id: candidateSessions.id, form: candidateSessions.form })
      .from(candidateSessions)
      .where(eq(candidateSessions.sittingId, sitting.sittingId));
    const refs = (session!.form as { entries: Array<{ itemRef: string }> }).entries.map((e) => e.itemRef);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('heading', { name: 'Câu 1 / 2' }).waitFor();

    const likert = await pciFrame(page);
    // The frame has an opaque origin, and its CSP lets it reach nothing on the network.
    expect(await likert.evaluate(() => window.origin)).toBe('null');
    expect(
      await likert.evaluate(() =>
        fetch('/api/health').then(
          () => 'reached',
          () => 'blocked',
        ),
      ),
    ).toBe('blocked');
    await likert.getByRole('radio', { name: '4' }).check();
    const stored = async () => (await storedAnswers(engine, session!.id))[refs[0]!];
    await expect
      .poll(stored, { timeout: 15_000 })
      .toEqual({ RESPONSE: 4, 'pci-state:RESPONSE': '{"value":4}' });
    await shot(page, 'candidate-pci');

    // The recorder (QTI 3): its frame runs, and its state is saved with its (still empty) file answer.
    // Recording itself is in candidate-pci-recording.test.ts: the page records on the PCI's behalf
    // (Chromium refuses getUserMedia in the opaque-origin frame).
    await page.getByRole('button', { name: 'Câu sau' }).click();
    await page.getByRole('heading', { name: 'Câu 2 / 2' }).waitFor();
    const recorder = await pciFrame(page);
    await recorder.getByRole('button', { name: 'Ghi âm' }).waitFor();
    await expect
      .poll(async () => (await storedAnswers(engine, session!.id))[refs[1]!], { timeout: 15_000 })
      .toEqual({ RESPONSE: null, 'pci-state:RESPONSE': '{"seconds":0,"recorded":false}' });

    // A reload: the likert frame is made again and getInstance gets the saved state back.
    await page.getByRole('button', { name: 'Câu trước' }).click();
    await page.getByRole('heading', { name: 'Câu 1 / 2' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Câu 1 / 2' }).waitFor();
    const resumed = await pciFrame(page);
    await expect
      .poll(() => resumed.getByRole('radio', { name: '4' }).isChecked(), { timeout: 15_000 })
      .toBe(true);
    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();

    const score = () =>
      engine.deps.db
        .select({ raw: sessionResults.rawScore, max: sessionResults.maxScore })
        .from(sessionResults)
        .where(eq(sessionResults.sessionId, session!.id));
    await expect.poll(async () => (await score()).length, { timeout: 20_000 }).toBe(1);
    // The likert answer (4) is right: 1 point; the recorder's file answer waits for a marker.
    expect((await score())[0]).toMatchObject({ raw: 1 });
    expect(frameErrors.filter((e) => /PCI|module|getInstance/i.test(e))).toEqual([]);
    await context.close();
  }, 240_000);
});
