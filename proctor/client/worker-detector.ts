/**
 * The page's side of the detection worker (`detection-worker.ts`): a `Detector` whose models run in a dedicated
 * worker, so a frame costs the page's main thread only a `createImageBitmap` and a message. Each frame is
 * transferred (not copied) as an ImageBitmap; the answers are the plain numbers of a FrameAnalysis or a descriptor.
 */
import type { Detector, FrameSource } from './detector.ts';
import type { FrameAnalysis } from './frame-analysis.ts';
import type { AssetUrls, ModelChoice } from './human-config.ts';

/** What the page asks the worker. */
export type WorkerRequest =
  | { id: number; type: 'init'; urls: AssetUrls; models?: ModelChoice }
  | { id: number; type: 'analyse'; frame: ImageBitmap; objects: boolean; tiles: boolean }
  | { id: number; type: 'describe'; frame: ImageBitmap }
  | { id: number; type: 'similarity'; a: number[]; b: number[] };

/** The worker's answer to one request, with the number of frames it has analysed so far. */
export type WorkerReply =
  | { id: number; ok: true; result: unknown; frames: number }
  | { id: number; ok: false; error: string; frames: number };

/** Whether this browser can run detection in a worker (the worker draws frames on an OffscreenCanvas). */
export function workerDetectionSupported(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof createImageBitmap === 'function'
  );
}

/**
 * Starts the detection worker. The `new Worker(new URL(...), { type: 'module' })` form is what the app's bundler
 * (Vite) recognises: it builds `detection-worker.ts` and everything it imports into a module worker of its own.
 */
export function createDetectionWorker(): Worker {
  return new Worker(new URL('./detection-worker.ts', import.meta.url), {
    type: 'module',
    name: 'proctor-detection',
  });
}

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Loads the models in `worker` and returns a detector that runs there; rejects (and ends the worker) on failure. */
export async function connectWorkerDetector(
  worker: Worker,
  urls: AssetUrls,
  models?: ModelChoice,
): Promise<Detector> {
  let nextId = 0;
  let frames = 0;
  let broken: Error | null = null;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    broken = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    frames = reply.frames;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new Error(reply.error));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(new Error(`detection worker: ${event.message || 'failed to load'}`));
  });
  const call = <T>(request: WithoutId<WorkerRequest>, transfer: Transferable[] = []) =>
    new Promise<T>((resolve, reject) => {
      if (broken) return reject(broken);
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  // A copy of the frame (also of an ImageBitmap), so transferring it never detaches the caller's own.
  const bitmapOf = (frame: FrameSource) => createImageBitmap(frame);

  let backend: string;
  try {
    backend = await call<string>({ type: 'init', urls, ...(models ? { models } : {}) });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return {
    backend,
    thread: 'worker',
    framesAnalysed: () => frames,
    close() {
      worker.terminate();
      failAll(new Error('detection worker closed'));
    },
    async analyse(frame, options) {
      const bitmap = await bitmapOf(frame);
      return call<FrameAnalysis>(
        { type: 'analyse', frame: bitmap, objects: options?.objects ?? true, tiles: options?.tiles ?? true },
        [bitmap],
      );
    },
    async describe(frame) {
      const bitmap = await bitmapOf(frame);
      return call<number[] | null>({ type: 'describe', frame: bitmap }, [bitmap]);
    },
    similarity: (a, b) => call<number>({ type: 'similarity', a, b }),
  };
}
