/**
 * Rebuilds `images/` of the face-count evaluation set from its sources:
 * `npx tsx proctor/eval/faces-set/build-images.ts [--mirrors <dir>] [--only a.jpg,b.jpg] [--check]`.
 *
 * Each entry of labels.json names its source as `owner/repo:path@commit`, optionally followed by ` (GIF frame N)`
 * (N counted from 0, frames composited in order with their disposal methods). The file is read with
 * `git show <commit>:<path>` from a bare mirror of the repository, `<mirrors>/<owner>+<repo>/repo` (default
 * mirrors: /work/.mirror, or $FACES_SET_MIRRORS). It is decoded (JPEG with jpeg-js, PNG with pngjs, GIF with
 * omggif), turned upright by its EXIF orientation, laid on white where it is transparent, shrunk by area averaging so
 * its longest side is at most 640 px (never enlarged), and written as a baseline JPEG of quality 80 with jpeg-js.
 * The same source always gives the same bytes. `--check` writes nothing and exits 1 when an image is missing or
 * differs from what would be written.
 *
 * The committed images are what the tests and `npm run proctor-eval` read; this script is only for rebuilding them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { PNG } from 'pngjs';

export interface Rgba {
  width: number;
  height: number;
  /** width * height * 4 bytes, RGBA */
  data: Uint8Array;
}

export interface SourceRef {
  repo: string;
  path: string;
  commit: string;
  gifFrame?: number;
}

export const MAX_SIDE = 640;
export const QUALITY = 80;

export function parseSource(source: string): SourceRef {
  const m = /^([\w.-]+\/[\w.-]+):(.+)@([0-9a-f]{40})(?: \(GIF frame (\d+)\))?$/.exec(source);
  if (!m) throw new Error(`source not understood: ${source}`);
  return { repo: m[1]!, path: m[2]!, commit: m[3]!, gifFrame: m[4] === undefined ? undefined : Number(m[4]) };
}

export function readSource(ref: SourceRef, mirrors: string): Buffer {
  const gitDir = path.join(mirrors, ref.repo.replace('/', '+'), 'repo');
  return execFileSync('git', ['--git-dir', gitDir, 'show', `${ref.commit}:${ref.path}`], {
    maxBuffer: 512 * 1024 * 1024,
  });
}

/** EXIF orientation (1-8) of a JPEG, 1 when it has none. */
export function jpegOrientation(buf: Buffer): number {
  let i = 2;
  while (i + 4 < buf.length && buf[i] === 0xff) {
    const marker = buf[i + 1]!;
    const len = buf.readUInt16BE(i + 2);
    if (marker === 0xda) break;
    if (marker === 0xe1 && buf.toString('latin1', i + 4, i + 10) === 'Exif\0\0') {
      const t = i + 10;
      const le = buf.toString('latin1', t, t + 2) === 'II';
      const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
      const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
      const ifd = t + u32(t + 4);
      if (ifd + 2 > buf.length) return 1;
      const n = u16(ifd);
      for (let k = 0; k < n; k++) {
        const e = ifd + 2 + k * 12;
        if (e + 12 > buf.length) break;
        if (u16(e) === 0x0112) {
          const v = u16(e + 8);
          return v >= 1 && v <= 8 ? v : 1;
        }
      }
      return 1;
    }
    i += 2 + len;
  }
  return 1;
}

function reorient(img: Rgba, orientation: number): Rgba {
  if (orientation === 1) return img;
  const { width: w, height: h, data } = img;
  const swap = orientation >= 5;
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  const out = new Uint8Array(ow * oh * 4);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      // (sx, sy): the stored pixel shown at (x, y)
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          [sx, sy] = [w - 1 - x, y];
          break;
        case 3:
          [sx, sy] = [w - 1 - x, h - 1 - y];
          break;
        case 4:
          [sx, sy] = [x, h - 1 - y];
          break;
        case 5:
          [sx, sy] = [y, x];
          break;
        case 6:
          [sx, sy] = [y, h - 1 - x];
          break;
        case 7:
          [sx, sy] = [w - 1 - y, h - 1 - x];
          break;
        default: // 8
          [sx, sy] = [w - 1 - y, x];
      }
      const s = (sy * w + sx) * 4;
      const d = (y * ow + x) * 4;
      out[d] = data[s]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s + 2]!;
      out[d + 3] = data[s + 3]!;
    }
  }
  return { width: ow, height: oh, data: out };
}

/** Frame `frame` (from 0) of a GIF as it is shown: the frames before it composited with their disposal methods. */
export function decodeGifFrame(buf: Buffer, frame: number): Rgba {
  const gif = new GifReader(buf);
  const n = gif.numFrames();
  if (frame < 0 || frame >= n) throw new Error(`GIF has ${n} frames, no frame ${frame}`);
  const { width, height } = gif;
  const canvas = new Uint8Array(width * height * 4); // transparent until drawn
  for (let f = 0; f <= frame; f++) {
    const info = gif.frameInfo(f);
    const saved = info.disposal === 3 ? canvas.slice() : undefined;
    gif.decodeAndBlitFrameRGBA(f, canvas);
    if (f === frame) break;
    if (info.disposal === 2) {
      for (let y = info.y; y < Math.min(height, info.y + info.height); y++) {
        canvas.fill(0, (y * width + info.x) * 4, (y * width + Math.min(width, info.x + info.width)) * 4);
      }
    } else if (saved) canvas.set(saved);
  }
  return { width, height, data: canvas };
}

export function decodeImage(buf: Buffer, gifFrame?: number): Rgba {
  if (buf[0] === 0xff && buf[1] === 0xd8) {
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 2048 });
    return reorient({ width: img.width, height: img.height, data: img.data }, jpegOrientation(buf));
  }
  if (buf.toString('latin1', 1, 4) === 'PNG') {
    const png = PNG.sync.read(buf);
    return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
  }
  if (buf.toString('latin1', 0, 4) === 'GIF8') return decodeGifFrame(buf, gifFrame ?? 0);
  throw new Error('not a JPEG, PNG or GIF');
}

/** Lays the image on white, then shrinks it by area averaging so its longest side is at most `maxSide`. */
export function flattenAndFit(img: Rgba, maxSide = MAX_SIDE): Rgba {
  const { width: w, height: h, data } = img;
  const scale = Math.min(1, maxSide / Math.max(w, h));
  const ow = Math.max(1, Math.round(w * scale));
  const oh = Math.max(1, Math.round(h * scale));
  const out = new Uint8Array(ow * oh * 4);
  const fx = w / ow;
  const fy = h / oh;
  for (let oy = 0; oy < oh; oy++) {
    const y0 = oy * fy;
    const y1 = y0 + fy;
    for (let ox = 0; ox < ow; ox++) {
      const x0 = ox * fx;
      const x1 = x0 + fx;
      let r = 0;
      let g = 0;
      let b = 0;
      let total = 0;
      for (let y = Math.floor(y0); y < Math.min(h, Math.ceil(y1)); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.min(w, Math.ceil(x1)); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          const s = (y * w + x) * 4;
          const a = data[s + 3]! / 255;
          const k = wx * wy;
          r += k * (data[s]! * a + 255 * (1 - a));
          g += k * (data[s + 1]! * a + 255 * (1 - a));
          b += k * (data[s + 2]! * a + 255 * (1 - a));
          total += k;
        }
      }
      const d = (oy * ow + ox) * 4;
      out[d] = Math.round(r / total);
      out[d + 1] = Math.round(g / total);
      out[d + 2] = Math.round(b / total);
      out[d + 3] = 255;
    }
  }
  return { width: ow, height: oh, data: out };
}

export function encodeJpeg(img: Rgba, quality = QUALITY): Buffer {
  return jpeg.encode({ width: img.width, height: img.height, data: img.data }, quality).data;
}

/** The JPEG bytes of one labelled image, built from its source. */
export function buildImage(source: string, mirrors: string): Buffer {
  const ref = parseSource(source);
  return encodeJpeg(flattenAndFit(decodeImage(readSource(ref, mirrors), ref.gifFrame)));
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const mirrors = option('--mirrors') ?? process.env.FACES_SET_MIRRORS ?? '/work/.mirror';
  const only = option('--only')?.split(',');
  const check = process.argv.includes('--check');
  const labels = JSON.parse(readFileSync(path.join(here, 'labels.json'), 'utf8')) as {
    file: string;
    source: string;
  }[];
  const imagesDir = path.join(here, 'images');
  mkdirSync(imagesDir, { recursive: true });
  let written = 0;
  let same = 0;
  let bad = 0;
  for (const { file, source } of labels) {
    if (only && !only.includes(file)) continue;
    const out = path.join(imagesDir, file);
    const bytes = buildImage(source, mirrors);
    if (existsSync(out) && readFileSync(out).equals(bytes)) {
      same++;
      continue;
    }
    if (check) {
      console.log(`${existsSync(out) ? 'differs' : 'missing'}: ${file}`);
      bad++;
    } else {
      writeFileSync(out, bytes);
      written++;
    }
  }
  console.log(
    check ? `${same} as built, ${bad} missing or different` : `${written} written, ${same} unchanged`,
  );
  if (check && bad > 0) process.exit(1);
}
