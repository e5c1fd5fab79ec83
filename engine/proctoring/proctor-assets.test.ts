import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../platform/http/env.ts';
import { mountProctorAssets } from './proctor-assets.ts';

describe('proctoring assets', () => {
  const app = new Hono<AppEnv>();
  mountProctorAssets(app);

  it('serves the Human models and the TensorFlow.js wasm from node_modules', async () => {
    const model = await app.request('/proctor-assets/models/blazeface.json');
    expect(model.status).toBe(200);
    expect(model.headers.get('content-type')).toBe('application/json');
    expect(((await model.json()) as { format?: string }).format).toBe('graph-model');
    const wasm = await app.request('/proctor-assets/wasm/tfjs-backend-wasm-simd.wasm');
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer()).slice(0, 4)).toEqual(new Uint8Array([0, 97, 115, 109]));
    const extra = await app.request('/proctor-assets/extra-models/facemesh-detection-full.json');
    expect(extra.status).toBe(200);
    expect(((await extra.json()) as { format?: string }).format).toBe('graph-model');
  });

  it('serves nothing else', async () => {
    for (const url of [
      '/proctor-assets/models/README.md',
      '/proctor-assets/models/..%2Fpackage.json',
      '/proctor-assets/other/blazeface.json',
      '/proctor-assets/wasm/tfjs-backend-wasm.js',
      '/proctor-assets/extra-models/blazepose-heavy.json',
    ])
      expect((await app.request(url)).status).toBe(404);
  });
});
