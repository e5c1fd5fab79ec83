/** The identity ROC's pairs and rates, on made-up similarities. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  equalErrorPoint,
  identityPairs,
  rocCurve,
  thresholdForFalseAccept,
  type IdentitySet,
} from './identity-roc.ts';
import type { FaceLabel } from './score.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'faces-set');

describe('identity ROC', () => {
  const set = { people: { ann: ['a1', 'a2', 'a3'], bob: ['b1', 'b2'] }, others: ['c', 'd'] };

  it('pairs every image with every other, same person only inside a person', () => {
    const pairs = identityPairs(set, new Set(['a1', 'a2', 'a3', 'b1', 'b2', 'c', 'd']));
    expect(pairs).toHaveLength(21);
    expect(pairs.filter((p) => p.same)).toHaveLength(4);
    expect(identityPairs(set, new Set(['a1', 'a2', 'c']))).toEqual([
      { a: 'a1', b: 'a2', same: true },
      { a: 'a1', b: 'c', same: false },
      { a: 'a2', b: 'c', same: false },
    ]);
  });

  it('counts false accepts and rejects at each threshold and finds the equal-error point', () => {
    const pairs = [
      { a: '1', b: '2', same: true, similarity: 0.9 },
      { a: '1', b: '3', same: true, similarity: 0.6 },
      { a: '1', b: '4', same: false, similarity: 0.55 },
      { a: '2', b: '4', same: false, similarity: 0.3 },
    ];
    const curve = rocCurve(pairs);
    expect(curve).toHaveLength(101);
    expect(curve[50]).toEqual({ threshold: 0.5, falseAccept: 0.5, falseReject: 0 });
    expect(curve[58]).toEqual({ threshold: 0.58, falseAccept: 0, falseReject: 0 });
    expect(curve[70]).toEqual({ threshold: 0.7, falseAccept: 0, falseReject: 0.5 });
    expect(equalErrorPoint(curve).falseAccept).toBe(0);
    expect(thresholdForFalseAccept(curve, 0)?.threshold).toBe(0.56);
  });

  it('takes its pairs from one-face images of the set, each image once', () => {
    const set = JSON.parse(readFileSync(path.join(dir, 'identities.json'), 'utf8')) as IdentitySet;
    const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as FaceLabel[];
    const faces = new Map(labels.map((l) => [l.file, l.faces]));
    const files = [...Object.values(set.people).flat(), ...set.others];
    expect(new Set(files).size).toBe(files.length);
    for (const f of files) expect(faces.get(f), f).toBe(1);
    for (const images of Object.values(set.people)) expect(images.length).toBeGreaterThanOrEqual(3);
  });
});
