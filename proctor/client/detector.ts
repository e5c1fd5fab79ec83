/**
 * The on-device detector: `@vladmandic/human` on the TensorFlow.js WebAssembly backend, models and wasm from the
 * engine's own URLs. Runs in the browser only: in the detection worker (`detection-worker.ts`), or on the page's
 * main thread where workers cannot run it. Nothing it sees leaves the device.
 */
import { Human } from '@vladmandic/human';
import { humanConfig, type AssetUrls, type ModelChoice } from './human-config.ts';
import { toFrameAnalysis, type FrameAnalysis } from './frame-analysis.ts';

/** Anything Human can read pixels from. */
export type FrameSource =
  HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | OffscreenCanvas | ImageData | ImageBitmap;

export interface Detector {
  /**
   * Faces (with head angles) in one frame, and objects unless `objects` is false: object detection costs several
   * times the face pipeline, so the monitor runs it on a slower beat.
   */
  analyse(frame: FrameSource, options?: { objects?: boolean }): Promise<FrameAnalysis>;
  /** The face descriptor of the most confident face, or null when no face is found (needs `description`). */
  describe(frame: FrameSource): Promise<number[] | null>;
  /** Similarity of two descriptors, 0..1 (Human's own measure). */
  similarity(a: number[], b: number[]): Promise<number>;
  /** Backend actually in use ("wasm"). */
  readonly backend: string;
  /** Where the models run: a dedicated worker, or the page's main thread (the fallback). */
  readonly thread: 'worker' | 'main';
  /** Frames analysed so far, counted where the models run. */
  framesAnalysed(): number;
  /** Frees the models (ends the worker). */
  close(): void;
}

function sizeOf(frame: FrameSource): [number, number] {
  if (typeof HTMLVideoElement !== 'undefined' && frame instanceof HTMLVideoElement) {
    return [frame.videoWidth, frame.videoHeight];
  }
  if (typeof HTMLImageElement !== 'undefined' && frame instanceof HTMLImageElement) {
    return [frame.naturalWidth, frame.naturalHeight];
  }
  return [frame.width, frame.height];
}

/** Loads the models (once) and returns a detector. */
export async function createDetector(urls: AssetUrls, models?: ModelChoice): Promise<Detector> {
  const human = new Human(humanConfig(urls, models));
  await human.load();
  await human.tf.ready();
  let frames = 0;
  return {
    backend: human.tf.getBackend() as string,
    thread: typeof document === 'undefined' ? 'worker' : 'main',
    framesAnalysed: () => frames,
    close() {
      // Human has no unload: on the main thread the models stay until the page goes (the worker is ended instead).
    },
    async analyse(frame, options) {
      const started = performance.now();
      const objects = (models?.objects ?? true) && options?.objects !== false;
      // Human keeps a call's config for the next call, so every call states what it runs.
      const result = await human.detect(frame, {
        object: { enabled: objects },
        face: { description: { enabled: false } },
      });
      const [width, height] = sizeOf(frame);
      frames++;
      return toFrameAnalysis(result, width, height, performance.now() - started);
    },
    async describe(frame) {
      const result = await human.detect(frame, {
        object: { enabled: false },
        face: { description: { enabled: true } },
      });
      const best = [...result.face].sort((a, b) => b.boxScore - a.boxScore)[0];
      return best?.embedding && best.embedding.length > 0 ? Array.from(best.embedding) : null;
    },
    async similarity(a, b) {
      return human.match.similarity(a, b);
    },
  };
}
