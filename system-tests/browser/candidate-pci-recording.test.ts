/**
 * Issue 19: a PCI that records the candidate's voice (our audio-recorder fixture, item-bank/test/
 * pci/recorder-qti3), in Chromium with a fake microphone. The PCI's frame has an opaque origin and
 * gets no microphone; it asks the candidate page to record for it. The page asks the candidate's
 * consent, shows a recording indicator while it records, hands the sound back to the PCI and saves
 * it as the file response. The recording is stored by the engine, kept over a reload (the PCI
 * shows it again), a refused consent records nothing and changes nothing, and the recording is
 * still the answer after submission. Screenshots: candidate-pci-consent.png,
 * candidate-pci-recording.png.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions } from '../../engine/delivery/tables.ts';
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
  // A fake microphone (a beep) and no permission prompt of the browser's own.
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
});

async function pciFrame(page: Page): Promise<Frame> {
  await page.locator('iframe[sandbox="allow-scripts"]').waitFor();
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((f) => f.url().includes('/api/candidate/pci/'))) !== undefined)
    .toBe(true);
  return frame!;
}

/** WebM files open with the EBML magic number. */
const EBML = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

describe('PCI audio recording through the candidate page', () => {
  it('records after consent under an indicator, stores the recording, keeps it over a reload and a submission', async () => {
    const tree = await buildOrganisationTree(engine.deps.db);
    const ids = await savePciItems(engine, tree, ['recorder-qti3']);
    const sitting = await buildSitting(engine, tree, [ids['pci-audio-recorder']!], {
      students: 1,
      navigationMode: 'nonlinear',
      securityPolicy: { fullscreen: false },
    });
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    const [session] = await engine.deps.db
      .select({ id: candidateSessions.id, form: candidateSessions.form })
      .from(candidateSessions)
      .where(eq(candidateSessions.sittingId, sitting.sittingId));
    const [ref] = (session!.form as { entries: Array<{ itemRef: string }> }).entries.map((e) => e.itemRef);
    const stored = async () => (await storedAnswers(engine, session!.id))[ref!];
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('heading', { name: 'Câu 1 / 1' }).waitFor();

    const recorder = await pciFrame(page);
    // The frame is not given the microphone: the page records for it.
    expect(await page.locator('iframe[sandbox="allow-scripts"]').getAttribute('allow')).toBeNull();
    expect(await recorder.evaluate(() => window.origin)).toBe('null');
    await recorder.getByRole('button', { name: 'Ghi âm' }).click();

    // The page asks first, outside the frame; nothing is recording yet.
    const consent = page.getByRole('dialog');
    await expect.poll(() => consent.textContent()).toContain('ghi âm giọng nói của em');
    expect(await page.locator('.pci-recording').count()).toBe(0);
    await shot(page, 'candidate-pci-consent');
    await consent.getByRole('button', { name: 'Cho phép ghi âm' }).click();

    // The indicator shows while the page records, with the time and the cap the fixture asked for.
    const indicator = page.getByRole('status').filter({ hasText: 'Đang ghi âm' });
    await indicator.waitFor();
    await expect
      .poll(() => indicator.textContent(), { timeout: 10_000 })
      .toMatch(/Đang ghi âm 0:0[2-9] \/ 0:15/);
    await shot(page, 'candidate-pci-recording');
    // The PCI stops the take (its own button) and gets the sound back.
    await recorder.getByRole('button', { name: 'Dừng' }).click();
    await indicator.waitFor({ state: 'detached' });
    await expect.poll(() => recorder.locator('.status').textContent()).toMatch(/^Đã ghi âm \(\d+ s\)$/);

    // The engine stores the recording as the file response, with the PCI's state beside it.
    // The sound and the PCI's state are two saves: wait for both (the state's can land a moment later).
    await expect
      .poll(
        async () => {
          const saved = await stored();
          return (
            /^data:audio\/webm;base64,/.test(String(saved?.RESPONSE)) &&
            JSON.parse(String(saved?.['pci-state:RESPONSE'] ?? '{}')).recorded === true
          );
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const first = await stored();
    const audio = Buffer.from(String(first!.RESPONSE).split(',')[1]!, 'base64');
    expect(audio.subarray(0, 4).equals(EBML)).toBe(true);
    expect(audio.length).toBeGreaterThan(1_000);
    expect(audio.length).toBeLessThanOrEqual(72_000);
    expect(JSON.parse(String(first!['pci-state:RESPONSE']))).toMatchObject({ recorded: true });
    const seconds = JSON.parse(String(first!['pci-state:RESPONSE'])).seconds as number;
    expect(seconds).toBeGreaterThanOrEqual(2);

    // A reload opens a new frame, which gets the recording back and can play it.
    await page.reload();
    await page.getByRole('heading', { name: 'Câu 1 / 1' }).waitFor();
    const resumed = await pciFrame(page);
    await expect
      .poll(() => resumed.locator('.status').textContent(), { timeout: 15_000 })
      .toBe(`Đã ghi âm (${seconds} s)`);
    expect(await resumed.locator('audio.playback').getAttribute('src')).toMatch(/^blob:/);

    // A new frame asks again; saying no records nothing and keeps the recording.
    await resumed.getByRole('button', { name: 'Ghi âm' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Không cho phép' }).click();
    await expect.poll(() => resumed.locator('.status').textContent()).toBe('Not recorded');
    expect(await page.locator('.pci-recording').count()).toBe(0);
    expect((await stored())?.RESPONSE).toBe(first!.RESPONSE);

    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();
    const [submitted] = await engine.deps.db
      .select({ state: candidateSessions.state })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, session!.id));
    expect(['submitted', 'scored']).toContain(submitted!.state);
    expect((await stored())?.RESPONSE).toBe(first!.RESPONSE);
    expect(errors.filter((e) => /PCI|module|getInstance|Recording/i.test(e))).toEqual([]);
    await context.close();
  }, 240_000);
});
