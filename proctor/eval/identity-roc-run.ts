/**
 * `npx tsx proctor/eval/identity-roc-run.ts [identities.json]`: the identity check's ROC on the face pairs of
 * `faces-set/identities.json`. In headless Chromium the detector (with face description, FaceRes) describes each
 * image's most confident face and compares every pair with the identity check's own similarity; the last line is
 * JSON {"images", "described", "pairs": {"same", "different"}, "equalError", "atPolicy", "atFalseAccept1pct",
 * "curve"}. `atPolicy` is the sitting policy's default threshold (`identityMinSimilarity`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POLICY } from '../policy.ts';
import { openLab } from './browser-lab.ts';
import {
  equalErrorPoint,
  identityPairs,
  rocCurve,
  thresholdForFalseAccept,
  type IdentitySet,
} from './identity-roc.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, 'faces-set/identities.json');
const set = JSON.parse(readFileSync(file, 'utf8')) as IdentitySet;
const images = [...Object.values(set.people).flat(), ...set.others];
const lab = await openLab(path.join(path.dirname(file), 'images'), { objects: false, description: true });
const descriptors = new Map<string, number[]>();
try {
  for (const image of images) {
    const url = `${lab.baseUrl}/images/${encodeURIComponent(image)}`;
    const d = await lab.page.evaluate((u) => window.proctorLab.describeUrl(u), url);
    if (d) descriptors.set(image, d);
    else console.log(`no face described in ${image}`);
  }
  const pairs = identityPairs(set, new Set(descriptors.keys()));
  const order = [...descriptors.keys()];
  const matrix = await lab.page.evaluate(
    (ds) => window.proctorLab.similarities(ds),
    [...descriptors.values()],
  );
  const at = (a: string, b: string) => {
    const [i, j] = [order.indexOf(a), order.indexOf(b)].sort((x, y) => x - y) as [number, number];
    return matrix[i]?.[j - i - 1] ?? 0;
  };
  const scored = pairs.map((p) => ({ ...p, similarity: at(p.a, p.b) }));
  const curve = rocCurve(scored);
  const policy = curve.find((p) => p.threshold === DEFAULT_POLICY.identityMinSimilarity);
  const same = scored
    .filter((p) => p.same)
    .map((p) => p.similarity)
    .sort((a, b) => a - b);
  const diff = scored
    .filter((p) => !p.same)
    .map((p) => p.similarity)
    .sort((a, b) => b - a);
  console.log(
    `same-person similarity, lowest: ${same
      .slice(0, 5)
      .map((s) => s.toFixed(3))
      .join(' ')}`,
  );
  console.log(
    `different-person similarity, highest: ${diff
      .slice(0, 5)
      .map((s) => s.toFixed(3))
      .join(' ')}`,
  );
  console.log(
    JSON.stringify({
      images: images.length,
      described: descriptors.size,
      pairs: { same: same.length, different: diff.length },
      equalError: equalErrorPoint(curve),
      atPolicy: policy,
      atFalseAccept1pct: thresholdForFalseAccept(curve, 0.01),
      curve: curve.filter(
        (p) => p.threshold >= 0.2 && p.threshold <= 0.8 && Math.round(p.threshold * 100) % 5 === 0,
      ),
    }),
  );
} finally {
  await lab.close();
}
