/**
 * The upload-parser pool (issue 26): readers run in worker threads with a heap ceiling and a wall
 * time; a reader past either is terminated and its file refused with a 422 that names it, the pool
 * goes on serving the next file, and a full queue is a 503 with a retry time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { createUploadParsers } from '../../../platform/workers/upload-parsers.ts';
import { echoBytes, eatMemory, refuse, spinForever, TestRefusal, waitThen } from './test-readers.ts';

const module = new URL('./test-readers.ts', import.meta.url);
const parsers = createUploadParsers({ size: 1, maxQueued: 1, timeoutMs: 1_500, maxHeapMb: 64 });
// Its own pool with time to spare: on a busy machine, filling 64 MB can take longer than 1.5 s.
const heapBound = createUploadParsers({ size: 1, maxQueued: 1, timeoutMs: 60_000, maxHeapMb: 64 });
afterAll(() => Promise.all([parsers.close(), heapBound.close()]));

describe('upload parsers in worker threads (issue 26, findings 1-2)', () => {
  it('runs a reader in a worker and gives back its plain data', async () => {
    const result = await parsers.run({
      reader: echoBytes,
      module,
      args: [new Uint8Array([7, 8, 9]), 'x'],
      file: '"x.bin"',
    });
    expect(result).toEqual({ label: 'x', length: 3, first: 7, when: new Date(0), tags: new Map([['a', 1]]) });
  });

  it('terminates a reader past its wall time, with the event loop free meanwhile, and serves the next file', async () => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    const refused = await parsers
      .run({ reader: spinForever, module, args: [], file: '"loop.docx"' })
      .catch((e: unknown) => e);
    loop.disable();
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      status: 422,
      id: 'file_too_costly',
      message: '"loop.docx" took longer than 1.5 s to read; it is refused. Split it into smaller files.',
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(loop.max / 1e6).toBeLessThan(200);
    await expect(
      parsers.run({ reader: echoBytes, module, args: [new Uint8Array(1), 'after'], file: 'f' }),
    ).resolves.toMatchObject({ label: 'after' });
  });

  it('terminates a reader past its heap ceiling', async () => {
    const before = process.memoryUsage().heapUsed;
    const refused = await heapBound
      .run({ reader: eatMemory, module, args: [], file: 'The roster file' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      status: 422,
      id: 'file_too_costly',
      message: expect.stringMatching(/^The roster file is too large to read \(it needs more than 64 MB/),
    });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 2 ** 20);
    await expect(
      heapBound.run({ reader: echoBytes, module, args: [new Uint8Array(1), 'again'], file: 'f' }),
    ).resolves.toMatchObject({ label: 'again' });
  });

  it('rebuilds the error classes the caller handles, and refuses a file beyond the queue with 503', async () => {
    const thrown = await parsers
      .run({ reader: refuse, module, args: ['no_header'], file: 'f', revive: [TestRefusal] })
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(TestRefusal);
    expect(thrown).toMatchObject({ message: 'refused: no_header', code: 'no_header' });
    const plain = await parsers
      .run({ reader: refuse, module, args: ['x'], file: 'f' })
      .catch((e: unknown) => e);
    expect(plain).not.toBeInstanceOf(TestRefusal);
    expect(plain).toMatchObject({ message: 'refused: x' });

    const first = parsers.run({ reader: waitThen, module, args: [300, 'first'], file: 'f' });
    const second = parsers.run({ reader: waitThen, module, args: [10, 'second'], file: 'f' });
    const third = await parsers
      .run({ reader: waitThen, module, args: [10, 'third'], file: 'f' })
      .catch((e: unknown) => e);
    expect(third).toMatchObject({
      status: 503,
      id: 'imports_busy',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect([await first, await second]).toEqual(['first', 'second']);
  });
});
