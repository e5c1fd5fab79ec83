/**
 * The detection worker (a module worker; the candidate app builds it with Vite's `?worker`): Human and
 * TensorFlow.js load and run here, off the candidate page's main thread, so detection never delays typing,
 * clicks or rendering. Models and wasm come from the URLs the page sends (the engine's own). Frames arrive as
 * transferred ImageBitmaps and are closed once analysed; requests run one at a time, in order.
 */
import { createDetector, type Detector } from './detector.ts';
import type { WorkerReply, WorkerRequest } from './worker-detector.ts';

/** The few members of the worker's global scope used here (the project's TypeScript lib is the DOM's). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: WorkerReply): void;
}
const scope = globalThis as unknown as WorkerScope;

let detector: Promise<Detector> | null = null;
let frames = 0;

async function answer(request: WorkerRequest): Promise<unknown> {
  if (request.type === 'init') {
    detector ??= createDetector(request.urls, request.models);
    return (await detector).backend;
  }
  if (!detector) throw new Error('detection worker: init first');
  const ready = await detector;
  switch (request.type) {
    case 'analyse':
      try {
        const analysis = await ready.analyse(request.frame, {
          objects: request.objects,
          tiles: request.tiles,
        });
        frames++;
        return analysis;
      } finally {
        request.frame.close();
      }
    case 'describe':
      try {
        return await ready.describe(request.frame);
      } finally {
        request.frame.close();
      }
    case 'similarity':
      return ready.similarity(request.a, request.b);
  }
}

let queue: Promise<void> = Promise.resolve();
scope.addEventListener('message', (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    try {
      scope.postMessage({ id: request.id, ok: true, result: await answer(request), frames });
    } catch (error) {
      scope.postMessage({ id: request.id, ok: false, error: String(error), frames });
    }
  });
});
