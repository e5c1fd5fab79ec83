/**
 * Detection in the worker, in headless Chromium: the detection worker finds the face of a picture;
 * the page's own main thread never fetches a model or a wasm file (they load in the worker); and the candidate
 * page's monitor, given the worker, sends detection events from a (fake) camera while the frames are analysed in
 * the worker, or, when the worker cannot start, on the main thread.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, openLab, type Lab } from './browser-lab.ts';

const images = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpus/faces/images',
);
const available = existsSync(images) && existsSync('/usr/bin/chromium');

describe.skipIf(!available)('the detector in a dedicated worker', () => {
  let browser: Browser;
  let lab: Lab;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      // Chromium's own fake camera (a moving test pattern, no face) and microphone.
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    });
    lab = await openLab(images, { browser, objects: false, thread: 'worker' });
  }, 180_000);

  afterAll(async () => {
    await lab?.close();
    await browser?.close();
  });

  it('loads the models in the worker, never on the page', async () => {
    expect(lab.backend).toBe('wasm');
    const fetched = await lab.page.evaluate(() => window.proctorLab.pageResources());
    expect(fetched.some((url) => url.includes('/detection-worker.js'))).toBe(true);
    expect(fetched.filter((url) => /\/(models|wasm)\//.test(url))).toEqual([]);
  });

  it('finds the faces of a picture in the worker', async () => {
    const one = await lab.analyseImage('video_woman_frontal.png');
    expect(one.faces.filter((f) => f.boxScore > 0.5)).toHaveLength(1);
    expect(one.faces[0]!.yaw).not.toBeNull();
  }, 60_000);

  it('lets the monitor send detection events while frames are analysed in the worker', async () => {
    const run = await lab.page.evaluate(() => window.proctorLab.runMonitor(8000));
    expect(run.detection.thread).toBe('worker');
    // Counted by the worker itself: the frames were analysed there.
    expect(run.detection.frames).toBeGreaterThan(0);
    // Chromium's test pattern has no face: the first frame reports it.
    expect(run.events).toContainEqual(expect.objectContaining({ kind: 'faces', count: 0 }));
    const fetched = await lab.page.evaluate(() => window.proctorLab.pageResources());
    expect(fetched.filter((url) => /\/(models|wasm)\//.test(url))).toEqual([]);
  }, 60_000);

  it('falls back to the main thread when the worker cannot start, still sending events', async () => {
    const run = await lab.page.evaluate(() => window.proctorLab.runMonitor(10_000, 'missing'));
    expect(run.detection.thread).toBe('main');
    expect(run.detection.frames).toBeGreaterThan(0);
    expect(run.events).toContainEqual(expect.objectContaining({ kind: 'faces', count: 0 }));
  }, 90_000);
});
