/**
 * Browser entry of the evaluation and the benchmark: exposes the detector to the Node side as `window.proctorLab`.
 * Bundled with esbuild by `browser-lab.ts`; never part of the candidate app.
 */
import { createDetector, type Detector } from '../client/detector.ts';
import type { FrameAnalysis } from '../client/frame-analysis.ts';

let detector: Detector | null = null;

async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

const lab = {
  async init(modelBaseUrl: string, wasmBaseUrl: string, objects: boolean): Promise<string> {
    detector = await createDetector({ modelBaseUrl, wasmBaseUrl }, { objects, description: false });
    return detector.backend;
  },
  async analyseUrl(url: string): Promise<FrameAnalysis> {
    if (!detector) throw new Error('init first');
    return detector.analyse(await loadImage(url));
  },
  /** Analyses a canvas; `objects` false skips object detection for this call. */
  async analyseCanvas(canvas: HTMLCanvasElement, objects = true): Promise<FrameAnalysis> {
    if (!detector) throw new Error('init first');
    return detector.analyse(canvas, { objects });
  },
  /** Draws the image onto a canvas of the given size (letterboxed) and analyses it `frames` times. */
  async bench(url: string, width: number, height: number, frames: number, objects = true): Promise<number[]> {
    if (!detector) throw new Error('init first');
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
    const times: number[] = [];
    for (let i = 0; i < frames; i++) {
      const t0 = performance.now();
      await detector.analyse(canvas, { objects });
      times.push(performance.now() - t0);
    }
    return times;
  },
};

declare global {
  interface Window {
    proctorLab: typeof lab;
  }
}
window.proctorLab = lab;
