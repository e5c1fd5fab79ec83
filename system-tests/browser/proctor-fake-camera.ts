/**
 * A fake camera for Chromium (`--use-file-for-fake-video-capture`): a Y4M file built at test time from corpus
 * photographs, each held for some seconds. Chromium itself decodes and letterboxes the pictures (canvas), so no
 * image library is needed; Y4M is a one-line header and raw I420 frames (BT.601 full range, `C420jpeg`).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';

export const FACES_CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/faces');

interface Label {
  file: string;
  faces: number;
  pose: string | null;
}

/** The first labelled picture of the class, preferring the named files (webcam-like frames) when present. */
export function pickCorpusImage(faceClass: 0 | 1 | 2, preferred: string[] = []): string {
  const labels = JSON.parse(readFileSync(path.join(FACES_CORPUS, 'labels.json'), 'utf8')) as Label[];
  const fits = labels.filter((l) =>
    faceClass === 2 ? l.faces === 2 : l.faces === faceClass && (faceClass === 0 || l.pose === 'frontal'),
  );
  const chosen = preferred.map((p) => fits.find((l) => l.file === p)).find(Boolean) ?? fits[0];
  if (!chosen) throw new Error(`no corpus image with ${faceClass} faces`);
  return path.join(FACES_CORPUS, 'images', chosen.file);
}

const MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** RGBA pixels of a picture letterboxed into width x height, decoded by the browser. */
async function rgbaOf(browser: Browser, file: string, width: number, height: number): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const url = `data:${MIME[path.extname(file).toLowerCase()]};base64,${readFileSync(file).toString('base64')}`;
    const base64 = await page.evaluate(
      async ({ url, width, height }) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#000';
        ctx.fillRect(0, 0, width, height);
        const scale = Math.min(width / img.naturalWidth, height / img.naturalHeight);
        const w = img.naturalWidth * scale;
        const h = img.naturalHeight * scale;
        ctx.drawImage(img, (width - w) / 2, (height - h) / 2, w, h);
        const bytes = ctx.getImageData(0, 0, width, height).data;
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(binary);
      },
      { url, width, height },
    );
    return Buffer.from(base64, 'base64');
  } finally {
    await page.close();
  }
}

/** One I420 frame (Y plane, then U and V at half resolution, 2x2 averaged) of RGBA pixels. */
export function rgbaToI420(rgba: Uint8Array, width: number, height: number): Buffer {
  const frame = Buffer.alloc((width * height * 3) / 2);
  const u0 = width * height;
  const v0 = u0 + (width * height) / 4;
  for (let i = 0, p = 0; i < width * height; i++, p += 4)
    frame[i] = Math.round(0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!);
  for (let y = 0; y < height; y += 2)
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((y + dy) * width + x + dx) * 4;
        r += rgba[p]!;
        g += rgba[p + 1]!;
        b += rgba[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const c = (y / 2) * (width / 2) + x / 2;
      frame[u0 + c] = Math.max(0, Math.min(255, Math.round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128)));
      frame[v0 + c] = Math.max(0, Math.min(255, Math.round(0.5 * r - 0.418688 * g - 0.081312 * b + 128)));
    }
  return frame;
}

/** Writes a Y4M of the scenes in order (Chromium loops it), `fps` frames a second. */
export async function writeFakeCamera(
  browser: Browser,
  out: string,
  scenes: { image: string; seconds: number }[],
  options: { width?: number; height?: number; fps?: number } = {},
): Promise<void> {
  const { width = 480, height = 270, fps = 5 } = options;
  const stream = createWriteStream(out);
  const write = (chunk: string | Buffer) =>
    new Promise<void>((resolve, reject) => stream.write(chunk, (e) => (e ? reject(e) : resolve())));
  await write(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  for (const scene of scenes) {
    const frame = rgbaToI420(await rgbaOf(browser, scene.image, width, height), width, height);
    for (let i = 0; i < Math.round(scene.seconds * fps); i++) {
      await write('FRAME\n');
      await write(frame);
    }
  }
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
