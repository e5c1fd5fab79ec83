/**
 * The identity check's ROC (issue 21): similarities of same-person and different-person face pairs
 * (`faces-set/identities.json`) turned into false-accept and false-reject rates at each threshold. Pure; the
 * descriptors and similarities come from the detector in the browser (`scripts/proctor-identity-roc.ts`).
 */

export interface IdentitySet {
  people: Record<string, string[]>;
  others: string[];
}

export interface ScoredPair {
  a: string;
  b: string;
  same: boolean;
  similarity: number;
}

export interface RocPoint {
  threshold: number;
  /** Share of different-person pairs at or above the threshold (taken as the same person). */
  falseAccept: number;
  /** Share of same-person pairs below it (taken as different people). */
  falseReject: number;
}

/** Every pair of the set's images, with whether both show the same person (images without a descriptor left out). */
export function identityPairs(
  set: IdentitySet,
  described: ReadonlySet<string>,
): Omit<ScoredPair, 'similarity'>[] {
  const who = new Map<string, string>();
  for (const [person, files] of Object.entries(set.people)) for (const f of files) who.set(f, person);
  set.others.forEach((f, i) => who.set(f, `other-${i}`));
  const files = [...who.keys()].filter((f) => described.has(f));
  const pairs: Omit<ScoredPair, 'similarity'>[] = [];
  for (let i = 0; i < files.length; i++)
    for (let j = i + 1; j < files.length; j++) {
      const a = files[i] ?? '';
      const b = files[j] ?? '';
      pairs.push({ a, b, same: who.get(a) === who.get(b) });
    }
  return pairs;
}

const round = (n: number) => Math.round(n * 10000) / 10000;

/** False-accept and false-reject rates at thresholds 0, 0.01, ..., 1 (a pair matches at similarity >= threshold). */
export function rocCurve(pairs: ScoredPair[]): RocPoint[] {
  const same = pairs.filter((p) => p.same).map((p) => p.similarity);
  const diff = pairs.filter((p) => !p.same).map((p) => p.similarity);
  const points: RocPoint[] = [];
  for (let k = 0; k <= 100; k++) {
    const threshold = k / 100;
    points.push({
      threshold,
      falseAccept: diff.length ? round(diff.filter((s) => s >= threshold).length / diff.length) : 0,
      falseReject: same.length ? round(same.filter((s) => s < threshold).length / same.length) : 0,
    });
  }
  return points;
}

/** The point where false accepts and false rejects are closest (the equal error rate's threshold). */
export function equalErrorPoint(curve: RocPoint[]): RocPoint {
  return curve.reduce((best, p) =>
    Math.abs(p.falseAccept - p.falseReject) < Math.abs(best.falseAccept - best.falseReject) ? p : best,
  );
}

/** The lowest threshold whose false-accept rate is at most `maxFalseAccept` (fewest false rejects under that). */
export function thresholdForFalseAccept(curve: RocPoint[], maxFalseAccept: number): RocPoint | null {
  return curve.find((p) => p.falseAccept <= maxFalseAccept) ?? null;
}
