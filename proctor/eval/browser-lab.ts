/**
 * Node side of the evaluation and the benchmark: a small static server on 127.0.0.1 (cross-origin isolated, so the
 * multithreaded WebAssembly backend may run) serving the Human models and TensorFlow.js wasm from node_modules,
 * a folder of images, the bundled `eval-page.ts` and the detection worker (`detection-worker.ts`, bundled alone as a
 * module worker); and headless Debian Chromium driven by playwright-core.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FrameAnalysis } from '../client/frame-analysis.ts';
import { proctorAssetDirs } from '../assets.ts';
import type { Thread } from './eval-page.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.html': 'text/html',
};

export interface Lab {
  page: Page;
  baseUrl: string;
  backend: string;
  /** Where `analyseImage` and `bench` run the detector (see `openLab`'s `thread`). */
  thread: Thread;
  analyseImage(file: string): Promise<FrameAnalysis>;
  bench(
    file: string,
    width: number,
    height: number,
    frames: number,
    objects?: boolean,
    tiles?: boolean,
  ): Promise<number[]>;
  close(): Promise<void>;
}

interface Scripts {
  page: string;
  worker: string;
}

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

async function bundleScripts(): Promise<Scripts> {
  const [page, worker] = await Promise.all([
    bundle(path.join(here, 'eval-page.ts')),
    bundle(path.join(here, '../client/detection-worker.ts')),
  ]);
  return { page, worker };
}

function serve(imagesDir: string, scripts: Scripts): Promise<Server> {
  const dirs = proctorAssetDirs();
  const roots: Record<string, string> = {
    models: dirs.models,
    wasm: dirs.wasm,
    'extra-models': dirs.extraModels,
    images: imagesDir,
  };
  const server = createServer((req, res) => {
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html' });
      res.end(
        '<!doctype html><meta charset="utf-8"><title>proctor lab</title><script type="module" src="/lab.js"></script>',
      );
      return;
    }
    const script = { '/lab.js': scripts.page, '/detection-worker.js': scripts.worker }[url.pathname];
    if (script !== undefined) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' });
      res.end(script);
      return;
    }
    const [, top, ...rest] = url.pathname.split('/');
    const root = top ? roots[top] : undefined;
    const file = root ? path.join(root, decodeURIComponent(rest.join('/'))) : '';
    if (!root || !file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Chromium flags of the project's browser tests (see delivery-client/e2e/browser.ts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/**
 * Starts the server and the browser and loads the models once, on the page's main thread or (`thread: 'worker'`)
 * in a detection worker.
 */
export async function openLab(
  imagesDir: string,
  options: { objects?: boolean; browser?: Browser; thread?: Thread; description?: boolean } = {},
): Promise<Lab> {
  const thread = options.thread ?? 'main';
  const server = await serve(imagesDir, await bundleScripts());
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser =
    options.browser ?? (await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }));
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/`);
  await page.waitForFunction(() => 'proctorLab' in window);
  const backend = await page.evaluate(([m, w, o, t, x, d]) => window.proctorLab.init(m, w, o, t, x, d), [
    `${baseUrl}/models/`,
    `${baseUrl}/wasm/`,
    options.objects ?? true,
    thread,
    `${baseUrl}/extra-models/`,
    options.description ?? false,
  ] as const);
  return {
    page,
    baseUrl,
    backend,
    thread,
    analyseImage: (file) =>
      page.evaluate(([u, t]) => window.proctorLab.analyseUrl(u, t), [
        `${baseUrl}/images/${encodeURIComponent(file)}`,
        thread,
      ] as const),
    bench: (file, width, height, frames, objects = true, tiles = false) =>
      page.evaluate(([u, w, h, n, o, t, tl]) => window.proctorLab.bench(u, w, h, n, o, t, tl), [
        `${baseUrl}/images/${encodeURIComponent(file)}`,
        width,
        height,
        frames,
        objects,
        thread,
        tiles,
      ] as const),
    async close() {
      await page.close();
      if (!options.browser) await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
