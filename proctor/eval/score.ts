/**
 * Scores detector output against labels in the format of ../shared/corpus/faces/labels.json.
 * Face count is judged in three classes (0 / 1 / 2+); pose on the images with exactly one labelled face, as
 * frontal versus away (turned or down), the most prominent detected face standing for the candidate.
 */
import {
  faceCountClass,
  headPose,
  mainFace,
  DEFAULT_THRESHOLDS,
  type DetectorThresholds,
} from '../client/classify.ts';
import type { FrameAnalysis } from '../client/frame-analysis.ts';

export interface FaceLabel {
  file: string;
  faces: number;
  pose: 'frontal' | 'turned' | 'down' | null;
  /** Part of a split set (`proctor/eval/faces-set/labels.json`): tuned on, or kept back for the figure. */
  split?: 'tune' | 'test';
  tags?: string[];
}

export interface EvalRow {
  label: FaceLabel;
  analysis: FrameAnalysis;
}

type Confusion = Record<string, Record<string, number>>;

export interface EvalReport {
  faceCount: {
    accuracy: number;
    /** confusion[labelled class][predicted class] */
    confusion: Confusion;
    /** Per labelled class: accuracy (= recall: share of its images counted right) and precision (share of the
     * images predicted in that class that truly are). */
    perClass: Record<
      string,
      { n: number; correct: number; accuracy: number; precision: number; recall: number }
    >;
  };
  pose: {
    /** Frontal versus away (turned or down); a missed face counts as wrong. */
    accuracy: number;
    /** confusion[labelled pose][predicted pose or "none"] */
    confusion: Confusion;
    n: number;
  };
  errors: { file: string; expected: string; predicted: string }[];
}

const cls = (n: number) => (n >= 2 ? '2+' : String(n));
const round = (n: number) => Math.round(n * 10000) / 10000;

function bump(c: Confusion, row: string, col: string) {
  const r = (c[row] ??= {});
  r[col] = (r[col] ?? 0) + 1;
}

/** The report printed by `npm run proctor-eval`. */
export function scoreRows(rows: EvalRow[], t: DetectorThresholds = DEFAULT_THRESHOLDS): EvalReport {
  const countConfusion: Confusion = {};
  const perClass: EvalReport['faceCount']['perClass'] = {};
  const poseConfusion: Confusion = {};
  const errors: EvalReport['errors'] = [];
  let countCorrect = 0;
  let poseCorrect = 0;
  let poseN = 0;
  for (const { label, analysis } of rows) {
    const expected = cls(label.faces);
    const predicted = cls(faceCountClass(analysis, t));
    bump(countConfusion, expected, predicted);
    const pc = (perClass[expected] ??= { n: 0, correct: 0, accuracy: 0, precision: 0, recall: 0 });
    pc.n++;
    if (expected === predicted) {
      pc.correct++;
      countCorrect++;
    } else errors.push({ file: label.file, expected: `faces ${expected}`, predicted: `faces ${predicted}` });
    if (label.faces === 1 && label.pose) {
      poseN++;
      const face = mainFace(analysis, t);
      const pose = face ? headPose(face, t) : 'none';
      bump(poseConfusion, label.pose, pose);
      const ok = pose !== 'none' && (pose === 'frontal') === (label.pose === 'frontal');
      if (ok) poseCorrect++;
      else errors.push({ file: label.file, expected: `pose ${label.pose}`, predicted: `pose ${pose}` });
    }
  }
  for (const [name, c] of Object.entries(perClass)) {
    c.accuracy = c.recall = round(c.correct / c.n);
    const predicted = Object.values(countConfusion).reduce((sum, row) => sum + (row[name] ?? 0), 0);
    c.precision = predicted ? round(c.correct / predicted) : 0;
  }
  return {
    faceCount: { accuracy: round(countCorrect / rows.length), confusion: countConfusion, perClass },
    pose: { accuracy: poseN ? round(poseCorrect / poseN) : 0, confusion: poseConfusion, n: poseN },
    errors,
  };
}
