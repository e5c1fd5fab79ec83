/**
 * A pool of worker threads rendering candidate reports in parallel (one per core by default), for
 * batches: each worker parses the fonts once and keeps its shaping cache warm. Workers inherit the
 * process's loader flags (tsx in development), so the same TypeScript module runs in them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CandidateReportData } from './report-data.ts';

export interface RenderPool {
  render(data: CandidateReportData): Promise<Buffer>;
  close(): Promise<void>;
}

export function createRenderPool(size = availableParallelism()): RenderPool {
  const url = new URL('./render-worker.ts', import.meta.url);
  const pending = new Map<number, { resolve(pdf: Buffer): void; reject(error: Error): void }>();
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(workerEntry(url));
    worker.on('message', (msg: { id: number; pdf?: Uint8Array; error?: string }) => {
      const job = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.pdf) job?.resolve(Buffer.from(msg.pdf.buffer, msg.pdf.byteOffset, msg.pdf.byteLength));
      else job?.reject(new Error(msg.error ?? 'render failed'));
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return worker;
  });
  let next = 0;
  return {
    render(data) {
      const id = next++;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, data });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Running from TypeScript sources (tsx registers itself in-process, and worker threads do not
 * inherit that): start the worker from a tiny module that registers tsx first, then imports it.
 */
function workerEntry(url: URL): URL {
  if (!url.pathname.endsWith('.ts')) return url;
  const api = import.meta.resolve('tsx/esm/api');
  const code = `const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(url.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
