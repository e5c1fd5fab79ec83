/**
 * Browser entry of the evaluation and the benchmark: exposes the detector to the Node side as `window.proctorLab`.
 * The detector runs on the page's main thread or in the detection worker (`/detection-worker.js`, the same
 * `detection-worker.ts` the candidate app builds), as `init` is asked. Bundled with esbuild by `browser-lab.ts`;
 * never part of the candidate app.
 */
import { createDetector, type Detector } from '../client/detector.ts';
import { startDetectionLoop } from '../client/detection-loop.ts';
import type { FrameAnalysis } from '../client/frame-analysis.ts';
import type { AssetUrls } from '../client/human-config.ts';
import { startMonitor } from '../client/monitor.ts';
import { connectWorkerDetector } from '../client/worker-detector.ts';
import type { DeviceEvent } from '../events.ts';
import { createLatencyProbe } from './input-latency.ts';

export type Thread = 'main' | 'worker';

const detectors: Partial<Record<Thread, Detector>> = {};
let urls: AssetUrls | null = null;
let running: { stop(): void; detector: Detector; framesAtStart: number; startedAt: number } | null = null;
const probe = createLatencyProbe();

const newWorker = () => new Worker('/detection-worker.js', { type: 'module', name: 'proctor-detection' });

async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

function detectorOn(thread: Thread): Detector {
  const detector = detectors[thread];
  if (!detector) throw new Error(`init the ${thread} detector first`);
  return detector;
}

/** The image letterboxed onto a canvas of the given size. */
async function canvasOf(url: string, width: number, height: number): Promise<HTMLCanvasElement> {
  const img = await loadImage(url);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const scale = Math.min(width / img.naturalWidth, height / img.naturalHeight);
  const w = img.naturalWidth * scale;
  const h = img.naturalHeight * scale;
  ctx.drawImage(img, (width - w) / 2, (height - h) / 2, w, h);
  return canvas;
}

const lab = {
  /** Loads the models on the main thread (default) or in a detection worker; returns the backend. */
  async init(
    modelBaseUrl: string,
    wasmBaseUrl: string,
    objects: boolean,
    thread: Thread = 'main',
    extraModelBaseUrl?: string,
    description = false,
  ): Promise<string> {
    urls = { modelBaseUrl, wasmBaseUrl, ...(extraModelBaseUrl ? { extraModelBaseUrl } : {}) };
    const models = { objects, description };
    detectors[thread] =
      thread === 'worker'
        ? await connectWorkerDetector(newWorker(), urls, models)
        : await createDetector(urls, models);
    return detectors[thread].backend;
  },
  async analyseUrl(url: string, thread: Thread = 'main'): Promise<FrameAnalysis> {
    return detectorOn(thread).analyse(await loadImage(url));
  },
  /** The face descriptor of the most confident face (init with `description`), or null without a face. */
  async describeUrl(url: string, thread: Thread = 'main'): Promise<number[] | null> {
    return detectorOn(thread).describe(await loadImage(url));
  },
  /** Similarity (the identity check's measure, 0..1) of every pair of descriptors, [i][j] for i < j. */
  async similarities(descriptors: number[][], thread: Thread = 'main'): Promise<number[][]> {
    const detector = detectorOn(thread);
    const out: number[][] = [];
    for (let i = 0; i < descriptors.length; i++) {
      const row: number[] = [];
      for (let j = i + 1; j < descriptors.length; j++)
        row.push(await detector.similarity(descriptors[i] ?? [], descriptors[j] ?? []));
      out.push(row);
    }
    return out;
  },
  /**
   * Draws the image onto a canvas of the given size (letterboxed) and analyses it `frames` times (the second pass
   * on tiles only where `tiles` asks: the monitor runs it on a slower beat).
   */
  async bench(
    url: string,
    width: number,
    height: number,
    frames: number,
    objects = true,
    thread: Thread = 'main',
    tiles = false,
  ): Promise<number[]> {
    const detector = detectorOn(thread);
    const canvas = await canvasOf(url, width, height);
    const times: number[] = [];
    for (let i = 0; i < frames; i++) {
      const t0 = performance.now();
      await detector.analyse(canvas, { objects, tiles });
      times.push(performance.now() - t0);
    }
    return times;
  },
  /**
   * Runs detection as the candidate page does (`detection-loop.ts`: low frame rate, back-off, objects every 3 s)
   * on a video of the still image (a canvas stream), until `stopDetection`.
   */
  async startDetection(
    url: string,
    width: number,
    height: number,
    thread: Thread,
    tileIntervalMs?: number,
  ): Promise<void> {
    const detector = detectorOn(thread);
    const canvas = await canvasOf(url, width, height);
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = canvas.captureStream(15);
    await video.play();
    const loop = startDetectionLoop({
      detector,
      frame: () => (video.readyState >= 2 ? video : null),
      ...(tileIntervalMs ? { tileIntervalMs } : {}),
      onFrame: () => undefined,
    });
    running = {
      detector,
      framesAtStart: detector.framesAnalysed(),
      startedAt: performance.now(),
      stop() {
        loop.stop();
        video.srcObject = null;
      },
    };
  },
  /** Ends the detection run; frames analysed during it (counted where the models run) and their rate. */
  stopDetection(): { thread: Thread; frames: number; fps: number } | null {
    if (!running) return null;
    running.stop();
    const frames = running.detector.framesAnalysed() - running.framesAtStart;
    const seconds = (performance.now() - running.startedAt) / 1000;
    const result = { thread: running.detector.thread, frames, fps: Math.round((frames / seconds) * 10) / 10 };
    running = null;
    return result;
  },
  startInputProbe: () => probe.start(),
  stopInputProbe: () => probe.stop(),
  /**
   * The candidate page's monitor (camera from Chromium's fake device) for `ms`: the events it sent, where its
   * detector ran and how many frames it analysed there. `worker`: the detection worker (as in the candidate app),
   * a worker whose script is missing (the monitor falls back to the main thread), or none.
   */
  async runMonitor(ms: number, worker: 'ok' | 'missing' | 'none' = 'ok') {
    if (!urls) throw new Error('init first');
    const events: DeviceEvent[] = [];
    const detectionWorker = {
      ok: newWorker,
      missing: () => new Worker('/no-such-worker.js', { type: 'module' }),
      none: undefined,
    }[worker];
    const monitor = await startMonitor({
      urls,
      ...(detectionWorker ? { detectionWorker } : {}),
      batchIntervalMs: 500,
      send: async (batch) => {
        events.push(...batch.events);
        return { proctoring: true };
      },
    });
    await new Promise((r) => setTimeout(r, ms));
    const detection = monitor.detection();
    monitor.stop();
    return { events, detection };
  },
  /** URLs this page (its main thread, not its workers) has fetched. */
  pageResources: () => performance.getEntriesByType('resource').map((e) => e.name),
  /** JS heap of the page's main thread (Chromium only), MB. */
  heapMB(): number | null {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory ? Math.round(memory.usedJSHeapSize / 1048576) : null;
  },
  /**
   * Memory of the page with its workers (`measureUserAgentSpecificMemory`, cross-origin isolated pages only), MB;
   * null where the browser does not give it within `timeoutMs`.
   */
  async memoryMB(timeoutMs: number): Promise<{ totalMB: number; workersMB: number } | null> {
    const measure = (
      performance as unknown as {
        measureUserAgentSpecificMemory?: () => Promise<{
          bytes: number;
          breakdown: { bytes: number; types: string[]; attribution: { scope?: string }[] }[];
        }>;
      }
    ).measureUserAgentSpecificMemory;
    if (!measure || !crossOriginIsolated) return null;
    const result = await Promise.race([
      measure.call(performance),
      new Promise<null>((r) => setTimeout(() => r(null), timeoutMs)),
    ]);
    if (!result) return null;
    const workers = result.breakdown
      .filter((b) => b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope'))
      .reduce((s, b) => s + b.bytes, 0);
    return { totalMB: Math.round(result.bytes / 1048576), workersMB: Math.round(workers / 1048576) };
  },
};

declare global {
  interface Window {
    proctorLab: typeof lab;
  }
}
window.proctorLab = lab;
