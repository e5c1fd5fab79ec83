/**
 * `npm run bench -- proctor`: detector frames per second at 320x240 in headless Debian Chromium (CPU, the
 * TensorFlow.js wasm backend), the face pipeline alone (what runs every frame) and with object detection (what
 * runs every few seconds), plus the page's JS heap. Target: >= 10 fps for the face pipeline.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLab } from '../eval/browser-lab.ts';

const corpus = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpus/faces/images',
);

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const p = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return {
    frames: times.length,
    fps: Math.round((1000 / mean) * 10) / 10,
    meanMs: Math.round(mean),
    p50Ms: p(0.5),
    p95Ms: p(0.95),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const lab = await openLab(corpus);
  try {
    const image = 'video_woman_frontal.png';
    await lab.bench(image, 320, 240, 5); // warm-up: kernels and first allocations
    const faces = summary(await lab.bench(image, 320, 240, 60, false));
    const withObjects = summary(await lab.bench(image, 320, 240, 10, true));
    const heap = await lab.page.evaluate(
      () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
    );
    const figures = {
      backend: lab.backend,
      resolution: '320x240',
      facePipeline: faces,
      withObjectDetection: withObjects,
      jsHeapMB: heap === null ? null : Math.round(heap / 1048576),
      targetFps: 10,
      meetsTarget: faces.fps >= 10,
    };
    console.log(JSON.stringify(figures));
    return figures;
  } finally {
    await lab.close();
  }
}
