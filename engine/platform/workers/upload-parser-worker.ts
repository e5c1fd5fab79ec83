/**
 * The body of an upload-parser worker thread (upload-parsers.ts): runs one reader at a time, an
 * exported function of an engine or item-bank module, bytes in and plain data out. Errors go back
 * as their class name, message and own fields, so the engine can rebuild the ones it handles.
 */
import { parentPort } from 'node:worker_threads';

export interface ParseJob {
  id: number;
  /** file: URL of the module holding the reader. */
  module: string;
  /** The reader's export name. */
  name: string;
  args: unknown[];
}

export interface ThrownInWorker {
  className: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

export type ParseReply =
  { id: number; started: true } | { id: number; value: unknown } | { id: number; error: ThrownInWorker };

function describe(error: unknown): ThrownInWorker {
  if (!(error instanceof Error)) return { className: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    try {
      fields[key] = structuredClone(value);
    } catch {
      // A field that cannot cross threads is left behind; the message still says what went wrong.
    }
  }
  return { className: error.constructor.name, message: error.message, stack: error.stack, fields };
}

const port = parentPort;
if (!port) throw new Error('upload-parser-worker.ts runs only as a worker thread.');

port.on('message', async (job: ParseJob) => {
  try {
    const loaded = (await import(job.module)) as Record<string, unknown>;
    const reader = loaded[job.name];
    if (typeof reader !== 'function') throw new Error(`${job.module} exports no function ${job.name}.`);
    // The time budget starts now: loading the engine's own modules is not the file's cost.
    port.postMessage({ id: job.id, started: true } satisfies ParseReply);
    const value: unknown = await (reader as (...args: unknown[]) => unknown)(...job.args);
    port.postMessage({ id: job.id, value } satisfies ParseReply);
  } catch (error) {
    port.postMessage({ id: job.id, error: describe(error) } satisfies ParseReply);
  }
});
