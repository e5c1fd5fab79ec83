/**
 * What the detector saw in one frame, reduced to plain numbers: no pixels, no landmarks beyond the handful the pose
 * rules need. This is the shape the evaluation records and the classifier (`classify.ts`) reads.
 */
import type { Result } from '@vladmandic/human';

/** One face candidate, boxes in frame pixels and angles in degrees. */
export interface DetectedFace {
  /** Face detector (BlazeFace) confidence. */
  boxScore: number;
  /** Face mesh confidence (0 when the mesh rejected the crop). */
  meshScore: number;
  /** [x, y, width, height] in pixels. */
  box: [number, number, number, number];
  /** Head angles from the mesh, degrees; null without a valid mesh. */
  yaw: number | null;
  pitch: number | null;
  roll: number | null;
  /**
   * Landmark geometry for pose, as ratios of the face size: horizontal offset of the nose tip from the midpoint of
   * the cheeks (negative left), and vertical position of the nose tip between eye line (0) and chin (1).
   */
  noseOffsetX: number | null;
  noseDropY: number | null;
  /** Found by the second pass on a tile of the frame (see `detector.ts`), not on the whole frame. */
  tile?: boolean;
}

export interface DetectedObject {
  label: string;
  score: number;
  box: [number, number, number, number];
}

export interface FrameAnalysis {
  width: number;
  height: number;
  faces: DetectedFace[];
  objects: DetectedObject[];
  /** Detection time in milliseconds. */
  ms: number;
  /** Whether the second pass on tiles ran on this frame. */
  tiles?: boolean;
  /**
   * The full-range detector's findings in the second pass (`full-range.ts`; boxes in frame pixels, one finding per
   * face across the whole frame and its tiles): faces, and people from its second head. Absent where it did not run.
   */
  smallFaces?: SmallFinding[];
  smallPeople?: SmallFinding[];
}

/** A finding of the full-range detector, box [x, y, width, height] in frame pixels. */
export interface SmallFinding {
  score: number;
  box: [number, number, number, number];
}

const DEG = 180 / Math.PI;
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

function landmarkGeometry(
  mesh: [number, number, number?][],
): Pick<DetectedFace, 'noseOffsetX' | 'noseDropY'> {
  // MediaPipe face mesh indices: 1 nose tip, 234/454 cheeks, 33/263 outer eye corners, 152 chin.
  const nose = mesh[1];
  const left = mesh[234];
  const right = mesh[454];
  const eyeL = mesh[33];
  const eyeR = mesh[263];
  const chin = mesh[152];
  if (!nose || !left || !right || !eyeL || !eyeR || !chin) return { noseOffsetX: null, noseDropY: null };
  const width = Math.hypot(right[0] - left[0], right[1] - left[1]) || 1;
  const midX = (left[0] + right[0]) / 2;
  const eyeY = (eyeL[1] + eyeR[1]) / 2;
  const span = chin[1] - eyeY || 1;
  return { noseOffsetX: round((nose[0] - midX) / width), noseDropY: round((nose[1] - eyeY) / span) };
}

/** Reduces a Human result to a FrameAnalysis. */
export function toFrameAnalysis(result: Result, width: number, height: number, ms: number): FrameAnalysis {
  const faces: DetectedFace[] = result.face.map((face) => {
    const angle = face.rotation?.angle;
    const validMesh = face.mesh.length > 400 && face.faceScore > 0;
    return {
      boxScore: round(face.boxScore, 3),
      meshScore: round(face.faceScore, 3),
      box: face.box.map((v) => Math.round(v)) as [number, number, number, number],
      yaw: validMesh && angle ? round(angle.yaw * DEG, 1) : null,
      pitch: validMesh && angle ? round(angle.pitch * DEG, 1) : null,
      roll: validMesh && angle ? round(angle.roll * DEG, 1) : null,
      ...(validMesh
        ? landmarkGeometry(face.mesh as [number, number, number?][])
        : { noseOffsetX: null, noseDropY: null }),
    };
  });
  const objects: DetectedObject[] = result.object.map((o) => ({
    label: o.label,
    score: round(o.score, 3),
    box: o.box.map((v) => Math.round(v)) as [number, number, number, number],
  }));
  return { width, height, faces, objects, ms: Math.round(ms) };
}

/** Share of the smaller box covered by the other: a face found twice (whole, or cut by a tile edge) overlaps ~1. */
function overlap(a: [number, number, number, number], b: [number, number, number, number]): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min(a[2] * a[3], b[2] * b[3]);
}

/** Frame faces and tile faces as one list: a face found more than once keeps its most confident finding. */
export function mergeFaces(faces: DetectedFace[]): DetectedFace[] {
  const kept: DetectedFace[] = [];
  const rank = (f: DetectedFace) => f.boxScore + (f.meshScore > 0 ? f.meshScore : 0);
  for (const face of [...faces].sort((a, b) => rank(b) - rank(a))) {
    if (!kept.some((k) => overlap(k.box, face.box) > 0.5)) kept.push(face);
  }
  return kept;
}

/** Findings of several tiles as one list: one found more than once (overlap above a half) keeps its surest. */
export function mergeFindings(findings: SmallFinding[]): SmallFinding[] {
  const kept: SmallFinding[] = [];
  for (const f of [...findings].sort((a, b) => b.score - a.score)) {
    if (!kept.some((k) => overlap(k.box, f.box) > 0.5)) kept.push(f);
  }
  return kept;
}

/**
 * The tiles of the second face pass (`detector.ts`): square tiles this share of the frame's shorter side,
 * overlapping by at least a fifth, so that a face cut by one tile's edge lies whole in another and a face ~15 px
 * wide in a 480x270 video frame reaches the detector's 256-pixel input at about 1.6x (a 2x2 grid of tiles 0.6 of
 * the frame wide and high, used before, squeezed it to 0.9x across; the square tiles, 6 to 8 of them, found as
 * many faces on the tuning part and cost less than running both).
 */
const TILE_SIDE = 0.6;
const TILE_STEP = 0.8;

/** The tiles of a width x height frame, [x, y, width, height] as fractions of the frame (see TILE_SIDE). */
export function frameTiles(
  width: number,
  height: number,
  share = TILE_SIDE,
): [number, number, number, number][] {
  const side = share * Math.min(width, height);
  const starts = (length: number) => {
    const n = Math.max(1, 1 + Math.ceil((length - side) / (side * TILE_STEP)));
    return Array.from({ length: n }, (_, i) => (n === 1 ? 0 : (i * (length - side)) / (n - 1)));
  };
  const tiles: [number, number, number, number][] = [];
  for (const y of starts(height)) {
    for (const x of starts(width)) tiles.push([x / width, y / height, side / width, side / height]);
  }
  return tiles;
}
