/**
 * The on-device detector: `@vladmandic/human` on the TensorFlow.js WebAssembly backend, models and wasm from the
 * engine's own URLs. Runs in the browser only: in the detection worker (`detection-worker.ts`), or on the page's
 * main thread where workers cannot run it. Nothing it sees leaves the device.
 */
import { Human } from '@vladmandic/human';
import { DETECTOR_FLOOR, humanConfig, type AssetUrls, type ModelChoice } from './human-config.ts';
import {
  frameTiles,
  mergeFaces,
  mergeFindings,
  toFrameAnalysis,
  type DetectedFace,
  type FrameAnalysis,
  type SmallFinding,
} from './frame-analysis.ts';
import {
  decodeFullRange,
  FULL_RANGE_ANCHORS,
  FULL_RANGE_INPUT,
  FULL_RANGE_MODEL,
  FULL_RANGE_STRIDE,
} from './full-range.ts';

/** Anything Human can read pixels from. */
export type FrameSource =
  HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | OffscreenCanvas | ImageData | ImageBitmap;

export interface AnalyseOptions {
  /** Object detection (default true); it costs several times the face pipeline, so the monitor runs it rarely. */
  objects?: boolean;
  /**
   * The second face pass on overlapping square tiles (default true; `frameTiles` in frame-analysis.ts) when the
   * whole frame shows fewer than two faces: small and distant faces that the detector's 256-pixel input loses. It
   * costs six to eight face passes, so the monitor runs it on a slower beat too.
   */
  tiles?: boolean;
}

export interface Detector {
  /** Faces (with head angles) in one frame, and objects and tiles as `options` ask (see AnalyseOptions). */
  analyse(frame: FrameSource, options?: AnalyseOptions): Promise<FrameAnalysis>;
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

/** Tiles are drawn at least this many pixels on their longer side (the face mesh reads the tile's pixels). */
const TILE_MIN_SIDE = 384;
/**
 * On tiles the detector keeps fewer, surer candidates than on the whole frame: each one costs a face-mesh run, and a
 * tile face below the classifier's lowest bar (0.35, see classify.ts) could never count.
 */
const TILE_DETECTOR_FLOOR = 0.3;
const TILE_MAX_FACES = 4;
/** The whole-frame settings (human-config.ts), restated on each call since Human keeps the previous call's. */
const FRAME_DETECTOR = { minConfidence: DETECTOR_FLOOR, maxDetected: 10 };
/** Tile faces this close to an inner tile edge (share of the tile's longer side) are cut faces, and dropped. */
const TILE_EDGE_MARGIN = 0.015;
/** The first pass's count below which the tiles run: one face or none (two already make the incident). */
const TILES_BELOW_FACES = 2;
/** A weaker first-pass candidate that already counts is not looked for again below this confidence. */
const TILE_TRIGGER_SCORE = 0.6;

/** Lowest full-range score kept in a FrameAnalysis (the decision threshold, in classify.ts, is higher). */
const SMALL_FLOOR = 0.3;
/** The full-range pass's square tiles, as a share of the frame's shorter side (see `frameTiles`). */
export const SMALL_TILE_SIDE = 0.5;

/** The few TensorFlow.js calls the full-range pass makes (Human's `tf` is untyped). */
interface Tensor {
  data(): Promise<Float32Array>;
  dispose(): void;
}
interface GraphModel {
  execute(input: Tensor, outputs: string[]): Tensor[];
}
interface Tf {
  loadGraphModel(url: string): Promise<GraphModel>;
  tidy<T>(fn: () => T): T;
  browser: { fromPixels(pixels: ImageData): Tensor };
  image: {
    cropAndResize(
      image: Tensor,
      boxes: number[][],
      boxInd: number[],
      size: [number, number],
      method: 'bilinear',
      extrapolation: number,
    ): Tensor;
  };
  expandDims(t: Tensor, axis: number): Tensor;
  cast(t: Tensor, dtype: 'float32'): Tensor;
  div(t: Tensor, n: number): Tensor;
  sub(t: Tensor, n: number): Tensor;
}

/** Loads the models (once) and returns a detector. */
export async function createDetector(urls: AssetUrls, models?: ModelChoice): Promise<Detector> {
  const human = new Human(humanConfig(urls, models));
  await human.load();
  await human.tf.ready();
  let frames = 0;
  let canvas: OffscreenCanvas | null = null;
  const tf = human.tf as Tf;
  const fullRange = urls.extraModelBaseUrl
    ? await tf.loadGraphModel(`${urls.extraModelBaseUrl}${FULL_RANGE_MODEL}`).catch(() => null)
    : null;
  let pixelCanvas: OffscreenCanvas | null = null;

  /**
   * The full-range detector over the whole frame (letterboxed to a square) and its square tiles, in one batch:
   * faces and people, boxes in frame pixels, each found once (a finding cut by a tile's inner edge is dropped).
   */
  async function smallPass(frame: FrameSource, width: number, height: number) {
    if (!fullRange) return null;
    pixelCanvas ??= new OffscreenCanvas(width, height);
    if (pixelCanvas.width !== width || pixelCanvas.height !== height) {
      pixelCanvas.width = width;
      pixelCanvas.height = height;
    }
    const ctx = pixelCanvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    if (typeof ImageData !== 'undefined' && frame instanceof ImageData) ctx.putImageData(frame, 0, 0);
    else ctx.drawImage(frame as CanvasImageSource, 0, 0, width, height);
    const pixels = ctx.getImageData(0, 0, width, height);
    const side = Math.max(width, height);
    // Regions in frame pixels [x, y, side]: the whole frame centred in a square, then the tiles.
    const regions: [number, number, number][] = [[(width - side) / 2, (height - side) / 2, side]];
    for (const [x, y, w] of frameTiles(width, height, SMALL_TILE_SIDE))
      regions.push([x * width, y * height, w * width]);
    const model = fullRange;
    const outputs = tf.tidy(() => {
      const image = tf.expandDims(tf.cast(tf.browser.fromPixels(pixels), 'float32'), 0);
      const boxes = regions.map(([x, y, s]) => [y / height, x / width, (y + s) / height, (x + s) / width]);
      const crops = tf.image.cropAndResize(
        image,
        boxes,
        regions.map(() => 0),
        [FULL_RANGE_INPUT, FULL_RANGE_INPUT],
        'bilinear',
        0,
      );
      return model.execute(tf.sub(tf.div(crops, 127.5), 1), ['Identity', 'Identity_1']);
    });
    const [faceData, personData] = await Promise.all(outputs.map((t) => t.data()));
    for (const t of outputs) t.dispose();
    const collect = (data: Float32Array | undefined): SmallFinding[] => {
      if (!data) return [];
      const all: SmallFinding[] = [];
      regions.forEach(([rx, ry, rs], r) => {
        const size = FULL_RANGE_ANCHORS * FULL_RANGE_STRIDE;
        const boxes = decodeFullRange(data.subarray(r * size, (r + 1) * size), SMALL_FLOOR);
        const m = TILE_EDGE_MARGIN;
        for (const { score, box } of boxes) {
          const tile = r > 0;
          const cut =
            tile &&
            ((rx > 0 && box[0] < m) ||
              (ry > 0 && box[1] < m) ||
              (rx + rs < width - 1 && box[0] + box[2] > 1 - m) ||
              (ry + rs < height - 1 && box[1] + box[3] > 1 - m));
          if (cut) continue;
          all.push({
            score: Math.round(score * 1000) / 1000,
            box: [
              Math.round(rx + box[0] * rs),
              Math.round(ry + box[1] * rs),
              Math.round(box[2] * rs),
              Math.round(box[3] * rs),
            ],
          });
        }
      });
      return mergeFindings(all);
    };
    return { faces: collect(faceData), people: collect(personData) };
  }

  /** Faces of one tile, boxes mapped back to frame pixels. */
  async function tileFaces(frame: FrameSource, width: number, height: number, tile: readonly number[]) {
    const [fx = 0, fy = 0, fw = 1, fh = 1] = tile;
    const sx = Math.round(fx * width);
    const sy = Math.round(fy * height);
    const sw = Math.round(fw * width);
    const sh = Math.round(fh * height);
    const scale = Math.max(1, TILE_MIN_SIDE / Math.max(sw, sh));
    const tw = Math.round(sw * scale);
    const th = Math.round(sh * scale);
    canvas ??= new OffscreenCanvas(tw, th);
    if (canvas.width !== tw || canvas.height !== th) {
      canvas.width = tw;
      canvas.height = th;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return [];
    ctx.drawImage(frame as CanvasImageSource, sx, sy, sw, sh, 0, 0, tw, th);
    const result = await human.detect(canvas, {
      object: { enabled: false },
      face: {
        description: { enabled: false },
        detector: { minConfidence: TILE_DETECTOR_FLOOR, maxDetected: TILE_MAX_FACES },
      },
    });
    // A face cut by an inner edge of the tile lies whole in a neighbour (tiles overlap) or was found whole by the
    // first pass; its half would count as a second face.
    const m = TILE_EDGE_MARGIN * Math.max(tw, th);
    const cut = (b: DetectedFace['box']) =>
      (sx > 0 && b[0] < m) ||
      (sy > 0 && b[1] < m) ||
      (sx + sw < width && b[0] + b[2] > tw - m) ||
      (sy + sh < height && b[1] + b[3] > th - m);
    return toFrameAnalysis(result, tw, th, 0)
      .faces.filter((f) => !cut(f.box))
      .map((f): DetectedFace => ({
        ...f,
        box: [
          Math.round(sx + f.box[0] / scale),
          Math.round(sy + f.box[1] / scale),
          Math.round(f.box[2] / scale),
          Math.round(f.box[3] / scale),
        ],
        tile: true,
      }));
  }

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
        face: { description: { enabled: false }, detector: FRAME_DETECTOR },
      });
      const [width, height] = sizeOf(frame);
      const analysis = toFrameAnalysis(result, width, height, 0);
      const counted = analysis.faces.filter((f) => f.boxScore >= TILE_TRIGGER_SCORE).length;
      if (options?.tiles !== false && counted < TILES_BELOW_FACES && typeof OffscreenCanvas !== 'undefined') {
        const found: DetectedFace[] = [...analysis.faces];
        for (const tile of frameTiles(width, height))
          found.push(...(await tileFaces(frame, width, height, tile)));
        analysis.faces = mergeFaces(found);
        analysis.tiles = true;
        const small = await smallPass(frame, width, height);
        if (small) {
          analysis.smallFaces = small.faces;
          analysis.smallPeople = small.people;
        }
      }
      frames++;
      analysis.ms = Math.round(performance.now() - started);
      return analysis;
    },
    async describe(frame) {
      const result = await human.detect(frame, {
        object: { enabled: false },
        face: { description: { enabled: true }, detector: FRAME_DETECTOR },
      });
      const best = [...result.face].sort((a, b) => b.boxScore - a.boxScore)[0];
      return best?.embedding && best.embedding.length > 0 ? Array.from(best.embedding) : null;
    },
    async similarity(a, b) {
      return human.match.similarity(a, b);
    },
  };
}
