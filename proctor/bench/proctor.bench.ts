/**
 * `npm run bench -- proctor`, in headless Debian Chromium (CPU, the TensorFlow.js wasm backend) at 320x240:
 * - detector frames per second, the face pipeline alone (what runs every frame) and with object detection (what
 *   runs every few seconds), on the page's main thread and in the detection worker (there a frame includes its
 *   `createImageBitmap` and the round trip); target >= 10 fps for the face pipeline;
 * - memory: the page's JS heap with the models on its main thread, and the worker's share where Chromium reports it;
 * - input latency on the page while detection runs as on the candidate page (low frame rate with back-off, objects
 *   every 3 s): typing into a textarea and clicking a button with Playwright, with detection off, on the main
 *   thread and in the worker. Per key down, key up and click: event timestamp -> handler, and -> the next animation
 *   frame (p50, p95, max); the Event Timing API's count of events that took 16 ms or more (and 50 ms or more) to
 *   next paint; and the main thread's long tasks (50 ms or more) during the run.
 * The machine's load average is printed with the figures: other work on it shows in every number.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLab, type Lab } from '../eval/browser-lab.ts';
import type { Thread } from '../eval/eval-page.ts';
import type { InputSample, SlowEvent } from '../eval/input-latency.ts';

const corpus = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpus/faces/images',
);
const IMAGE = 'video_woman_frontal.png';
/** Key presses per latency run (in groups of 20, each followed by a click). */
const KEYS = 240;
const KEY_DELAY_MS = 30;

const quantile = (sorted: number[], q: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return {
    frames: times.length,
    fps: Math.round((1000 / mean) * 10) / 10,
    meanMs: Math.round(mean),
    p50Ms: Math.round(quantile(sorted, 0.5)),
    p95Ms: Math.round(quantile(sorted, 0.95)),
  };
}

function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: quantile(sorted, 1) };
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** Types and clicks on the lab page while detection runs on `thread` (or not at all). */
async function inputLatency(lab: Lab, thread: Thread | 'off') {
  const { page } = lab;
  if (thread !== 'off') {
    await page.evaluate(([u, t]) => window.proctorLab.startDetection(u, 320, 240, t), [
      `${lab.baseUrl}/images/${IMAGE}`,
      thread,
    ] as const);
    await page.waitForTimeout(2000); // past the first frames and the first object detection
  }
  await page.evaluate(() => window.proctorLab.startInputProbe());
  const started = performance.now();
  for (let group = 0; group < KEYS / 20; group++) {
    await page.locator('textarea').focus();
    await page.keyboard.type('the quick brown fox ', { delay: KEY_DELAY_MS });
    await page.locator('button').click();
  }
  const probe: { samples: InputSample[]; slow: SlowEvent[]; longTasks: number[] } = await page.evaluate(() =>
    window.proctorLab.stopInputProbe(),
  );
  const detection = await page.evaluate(() => window.proctorLab.stopDetection());
  const seconds = (performance.now() - started) / 1000;
  const keys = probe.samples.filter((s) => s.type === 'keydown' || s.type === 'keyup');
  const clicks = probe.samples.filter((s) => s.type === 'click');
  return {
    detection: detection ?? { thread: 'off', frames: 0, fps: 0 },
    inputs: probe.samples.length,
    seconds: Math.round(seconds * 10) / 10,
    keyInputDelayMs: spread(keys.map((s) => s.delayMs)),
    keyToNextFrameMs: spread(keys.map((s) => s.toFrameMs)),
    clickToNextFrameMs: spread(clicks.map((s) => s.toFrameMs)),
    eventTiming: {
      atLeast16Ms: probe.slow.length,
      atLeast50Ms: probe.slow.filter((e) => e.durationMs >= 50).length,
      maxDurationMs: Math.max(0, ...probe.slow.map((e) => e.durationMs)),
      maxInputDelayMs: Math.round(Math.max(0, ...probe.slow.map((e) => e.delayMs))),
    },
    mainThreadLongTasks: {
      count: probe.longTasks.length,
      totalMs: Math.round(probe.longTasks.reduce((s, d) => s + d, 0)),
      maxMs: Math.round(Math.max(0, ...probe.longTasks)),
    },
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const loadBefore = loadAverage();
  const lab = await openLab(corpus);
  try {
    const bench = (frames: number, objects: boolean, thread: Thread) =>
      lab.page.evaluate(([u, n, o, t]) => window.proctorLab.bench(u, 320, 240, n, o, t), [
        `${lab.baseUrl}/images/${IMAGE}`,
        frames,
        objects,
        thread,
      ] as const);
    await bench(5, true, 'main'); // warm-up: kernels and first allocations
    const faces = summary(await bench(60, false, 'main'));
    const withObjects = summary(await bench(10, true, 'main'));
    const heap = await lab.page.evaluate(() => window.proctorLab.heapMB());

    await lab.page.evaluate(([m, w]) => window.proctorLab.init(m, w, true, 'worker'), [
      `${lab.baseUrl}/models/`,
      `${lab.baseUrl}/wasm/`,
    ] as const);
    await bench(5, true, 'worker');
    const workerFaces = summary(await bench(60, false, 'worker'));
    const workerWithObjects = summary(await bench(10, true, 'worker'));
    const memory = await lab.page.evaluate(() => window.proctorLab.memoryMB(30_000));

    const latency = {
      off: await inputLatency(lab, 'off'),
      mainThread: await inputLatency(lab, 'main'),
      worker: await inputLatency(lab, 'worker'),
    };
    const figures = {
      backend: lab.backend,
      resolution: '320x240',
      cpus: os.cpus().length,
      loadAverage: { before: loadBefore, after: loadAverage() },
      facePipeline: faces,
      withObjectDetection: withObjects,
      worker: { facePipeline: workerFaces, withObjectDetection: workerWithObjects },
      jsHeapMB: heap,
      memoryWithWorkersMB: memory,
      inputLatency: { keys: KEYS, typingDelayMs: KEY_DELAY_MS, ...latency },
      targetFps: 10,
      meetsTarget: faces.fps >= 10 && workerFaces.fps >= 10,
    };
    console.log(JSON.stringify(figures));
    return figures;
  } finally {
    await lab.close();
  }
}
