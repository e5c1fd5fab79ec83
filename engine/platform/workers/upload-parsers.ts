/**
 * Uploaded files (QTI packages, Word tests, spreadsheets, rosters) are read in worker threads, never
 * on the engine's event loop: a hostile file can then cost a worker, not the exam. Each worker has a
 * heap ceiling (resourceLimits) and each file a wall-time budget; a reader past either is terminated
 * and the upload refused with a 422 naming the file. A small pool runs one file per worker; a few
 * more wait, and beyond that the caller is told to come back (503 with Retry-After).
 *
 * Readers are exported functions of engine or item-bank modules, bytes in and plain data out (what
 * survives structured cloning: Buffers come back as Uint8Array, class instances as plain objects).
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import type { ParseJob, ParseReply, ThrownInWorker } from './upload-parser-worker.ts';

export interface UploadParserOptions {
  /** Worker threads reading at once. */
  size: number;
  /** Files waiting for a worker; one more is refused with 503. */
  maxQueued: number;
  /** Wall time for one file, from the moment its reader starts. */
  timeoutMs: number;
  /** Heap (old generation) of one worker. */
  maxHeapMb: number;
}

/** One reader at a time on a 2-core server keeps a core for the exam; 512 MB reads any honest file. */
export const DEFAULT_UPLOAD_PARSER_OPTIONS: Readonly<UploadParserOptions> = Object.freeze({
  size: 1,
  maxQueued: 4,
  timeoutMs: 30_000,
  maxHeapMb: 512,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any reader signature
type Reader = (...args: any[]) => unknown;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any error class
type ErrorClass = abstract new (...args: any[]) => Error;

export interface ParseRequest<F extends Reader> {
  /** The reader, for its name and types; it runs in the worker, loaded from `module`. */
  reader: F;
  /** The module exporting `reader` under its own name (`new URL('./x.ts', import.meta.url)`). */
  module: URL;
  args: Parameters<F>;
  /** How refusals name the file: `"bank.zip"`, `The roster file`. */
  file: string;
  /** Error classes the caller handles, rebuilt (by class name) when the reader throws one. */
  revive?: readonly ErrorClass[];
}

export interface UploadParsers {
  run<F extends Reader>(request: ParseRequest<F>): Promise<Awaited<ReturnType<F>>>;
  readonly active: number;
  readonly queued: number;
  close(): Promise<void>;
}

interface Job {
  id: number;
  message: ParseJob;
  file: string;
  revive: readonly ErrorClass[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker?: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

export const fileTooCostly = (file: string, reason: 'time' | 'memory', options: UploadParserOptions) =>
  new AppError(
    422,
    'file_too_costly',
    reason === 'time'
      ? `${file} took longer than ${options.timeoutMs / 1000} s to read; it is refused. Split it into smaller files.`
      : `${file} is too large to read (it needs more than ${options.maxHeapMb} MB of memory); it is refused. Split it into smaller files.`,
    { file, limit: reason },
  );

export const parsersBusy = (retryAfterSeconds: number) =>
  new AppError(
    503,
    'imports_busy',
    `Other uploaded files are being read right now; try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );

export function createUploadParsers(overrides: Partial<UploadParserOptions> = {}): UploadParsers {
  const options: UploadParserOptions = { ...DEFAULT_UPLOAD_PARSER_OPTIONS, ...overrides };
  const slots: Slot[] = Array.from({ length: Math.max(1, options.size) }, () => ({}));
  const waiting: Job[] = [];
  let nextId = 1;
  let closed = false;

  const release = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    // An idle worker must not keep a command-line import (or a test) alive.
    slot.worker?.unref();
    const next = waiting.shift();
    if (next) start(slot, next);
  };

  const discard = (slot: Slot) => {
    const worker = slot.worker;
    slot.worker = undefined;
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => {});
      void worker.terminate();
    }
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(workerEntry(new URL('./upload-parser-worker.ts', import.meta.url)), {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
    });
    worker.on('message', (reply: ParseReply) => {
      const job = slot.job;
      if (!job || reply.id !== job.id) return;
      if ('started' in reply) {
        slot.timer = setTimeout(() => {
          discard(slot);
          job.reject(fileTooCostly(job.file, 'time', options));
          release(slot);
        }, options.timeoutMs);
        return;
      }
      if ('error' in reply) job.reject(rebuild(reply.error, job.revive));
      else job.resolve(reply.value);
      release(slot);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const job = slot.job;
      discard(slot);
      if (job)
        job.reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? fileTooCostly(job.file, 'memory', options)
            : new Error(`The reader of ${job.file} failed: ${error.message}`, { cause: error }),
        );
      release(slot);
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      const job = slot.job;
      slot.worker = undefined;
      if (job) job.reject(new Error(`The reader of ${job.file} stopped (exit code ${code}).`));
      release(slot);
    });
    return worker;
  };

  const start = (slot: Slot, job: Job) => {
    slot.job = job;
    const worker = (slot.worker ??= spawn(slot));
    worker.ref();
    try {
      worker.postMessage(job.message);
    } catch (error) {
      job.reject(error);
      release(slot);
    }
  };

  return {
    run<F extends Reader>(request: ParseRequest<F>): Promise<Awaited<ReturnType<F>>> {
      if (closed) return Promise.reject(new Error('The upload readers are closed.'));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const job: Job = {
          id,
          message: { id, module: request.module.href, name: request.reader.name, args: request.args },
          file: request.file,
          revive: request.revive ?? [],
          resolve: resolve as (value: unknown) => void,
          reject,
        };
        const free = slots.find((s) => !s.job);
        if (free) return start(free, job);
        if (waiting.length >= options.maxQueued) {
          // Every file ahead may take the whole budget; say so, spread over the pool.
          const seconds = Math.ceil(((waiting.length + 1) * options.timeoutMs) / slots.length / 1000);
          return reject(parsersBusy(Math.min(seconds, 120)));
        }
        waiting.push(job);
      });
    },
    get active() {
      return slots.filter((s) => s.job).length;
    },
    get queued() {
      return waiting.length;
    },
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('The upload readers are closed.'));
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.job?.reject(new Error('The upload readers are closed.'));
          slot.job = undefined;
          clearTimeout(slot.timer);
          slot.worker = undefined;
          await worker?.terminate();
        }),
      );
    },
  };
}

/** An error the reader threw, as its own class when the caller handles that class. */
function rebuild(thrown: ThrownInWorker, revive: readonly ErrorClass[]): Error {
  const cls = revive.find((c) => c.name === thrown.className);
  const error: Error = cls ? Object.create(cls.prototype) : new Error(thrown.message);
  Object.defineProperty(error, 'message', { value: thrown.message, writable: true, configurable: true });
  if (thrown.stack)
    Object.defineProperty(error, 'stack', { value: thrown.stack, writable: true, configurable: true });
  return Object.assign(error, thrown.fields);
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

let shared: UploadParsers | undefined;

/** The engine's pool (created on first use; its idle workers keep no process alive). */
export function uploadParsers(): UploadParsers {
  return (shared ??= createUploadParsers());
}
