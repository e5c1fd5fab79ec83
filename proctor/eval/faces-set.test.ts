/**
 * The face-count evaluation set in the project (proctor/eval/faces-set): every labelled image is there as a JPEG of at
 * most 640 px, labels are well formed, the set keeps the size (>= 300 images, >= 80 per class), a group never
 * straddles the split, and each source repository has its licence text. Reads headers only (no detector, no
 * browser): the detector's figures on the set come from `npm run proctor-eval` (README, "Proctoring").
 * Where the repository mirrors are at hand (/work/.mirror or $FACES_SET_MIRRORS) a few images are rebuilt from their
 * sources and must come out byte for byte the same.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { buildImage, parseSource } from './faces-set/build-images.ts';
import type { FaceLabel } from './score.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'faces-set');
const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as (FaceLabel & {
  source: string;
  license: string;
  group: string;
})[];
const cls = (n: number) => (n >= 2 ? '2+' : String(n));

describe('face-count evaluation set in the project', () => {
  it('has every labelled image, as a JPEG of at most 640 px, and no image without a label', () => {
    const files = new Set(readdirSync(path.join(dir, 'images')));
    for (const l of labels) {
      expect(files.has(l.file), l.file).toBe(true);
      const size = imageSize(readFileSync(path.join(dir, 'images', l.file)));
      expect(size.type, l.file).toBe('jpg');
      expect(Math.max(size.width, size.height), l.file).toBeLessThanOrEqual(640);
    }
    expect(files.size).toBe(new Set(labels.map((l) => l.file)).size);
  });

  it('has well-formed labels: unique files, source, licence, group and split on each', () => {
    expect(new Set(labels.map((l) => l.file)).size).toBe(labels.length);
    for (const l of labels) {
      expect(Number.isInteger(l.faces) && l.faces >= 0, l.file).toBe(true);
      expect(() => parseSource(l.source), l.file).not.toThrow();
      expect(l.license.length, l.file).toBeGreaterThan(0);
      expect(l.group.length, l.file).toBeGreaterThan(0);
      expect(['tune', 'test'], l.file).toContain(l.split);
    }
  });

  it("keeps the issue's size: at least 300 images and 80 in each class", () => {
    const perClass: Record<string, number> = {};
    for (const l of labels) perClass[cls(l.faces)] = (perClass[cls(l.faces)] ?? 0) + 1;
    expect(labels.length).toBeGreaterThanOrEqual(300);
    for (const c of ['0', '1', '2+']) expect(perClass[c], c).toBeGreaterThanOrEqual(80);
  });

  it('never puts one group on both sides of the split', () => {
    const side = new Map<string, string>();
    for (const l of labels) {
      const seen = side.get(l.group);
      if (seen) expect(l.split, l.group).toBe(seen);
      else side.set(l.group, l.split!);
    }
  });

  it('has the licence text of each source repository', () => {
    const licences = readdirSync(path.join(dir, 'licenses'));
    for (const repo of new Set(labels.map((l) => parseSource(l.source).repo))) {
      expect(
        licences.some((f) => f.startsWith(`${repo.replace('/', '+')}.`)),
        repo,
      ).toBe(true);
    }
  });

  const mirrors = process.env.FACES_SET_MIRRORS ?? '/work/.mirror';
  const sample = labels.filter((_, i) => i % 61 === 0);
  const mirrored = sample.every((l) =>
    existsSync(path.join(mirrors, parseSource(l.source).repo.replace('/', '+'), 'repo')),
  );
  it.skipIf(!mirrored)('rebuilds images byte for byte from their sources (a fixed sample)', () => {
    for (const l of sample) {
      expect(
        buildImage(l.source, mirrors).equals(readFileSync(path.join(dir, 'images', l.file))),
        l.file,
      ).toBe(true);
    }
  });
});
