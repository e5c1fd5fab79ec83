/**
 * The detection pace, shared by the monitor and the benchmark: one frame at a time at a low rate (at most one per
 * `frameIntervalMs`), object detection on a slower beat, and back-off when the device is slow (the pause after a
 * frame is at least twice what it took). Each frame starts from an idle callback, after the page's pending input
 * and rendering. The detector runs in a worker where it can (then a frame costs the page almost nothing) and on
 * the main thread otherwise.
 */
import type { Detector, FrameSource } from './detector.ts';
import type { FrameAnalysis } from './frame-analysis.ts';

export interface DetectionLoopOptions {
  detector: Detector;
  /** The frame to analyse now, or null to skip this beat (no picture yet, page hidden). */
  frame(): FrameSource | null;
  /** Shortest pause between two frames (default 200 ms: at most 5 frames a second). */
  frameIntervalMs?: number;
  /** Object detection (phone, book) every this many ms (default 3000). */
  objectIntervalMs?: number;
  /** The second face pass on tiles (small, distant faces) at most every this many ms (default 2000). */
  tileIntervalMs?: number;
  onFrame(analysis: FrameAnalysis, objects: boolean): void;
}

const idle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 0);

/** Starts analysing frames; `stop()` ends the loop after the frame in progress. */
export function startDetectionLoop(options: DetectionLoopOptions): { stop(): void } {
  const frameInterval = options.frameIntervalMs ?? 200;
  const objectInterval = options.objectIntervalMs ?? 3000;
  const tileInterval = options.tileIntervalMs ?? 2000;
  let stopped = false;
  let lastObjects = -Infinity;
  let lastTiles = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loop = async () => {
    if (stopped) return;
    const started = performance.now();
    const frame = options.frame();
    if (frame) {
      const objects = started - lastObjects >= objectInterval;
      if (objects) lastObjects = started;
      // Never both on one frame: each alone costs several face passes.
      const tiles = !objects && started - lastTiles >= tileInterval;
      if (tiles) lastTiles = started;
      try {
        const analysis = await options.detector.analyse(frame, { objects, tiles });
        if (!stopped) options.onFrame(analysis, objects);
      } catch {
        // A frame that failed (a closed camera, a worker that went away) is skipped; the back-off below applies.
      }
    }
    if (stopped) return;
    const took = performance.now() - started;
    timer = setTimeout(() => idle(() => void loop()), Math.max(frameInterval, took * 2));
  };
  void loop();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
