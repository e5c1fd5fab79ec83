/**
 * An upload body streamed to a file as it arrives, counted on the way: refused with the API's 413 as
 * soon as it passes `maxBytes` (what the body limit's `streamed` rules leave to the route), so a
 * large or endless body is never gathered in memory. The file is private to the process (0600).
 */
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { bodySize } from './body-limits.ts';
import { errors } from '../errors.ts';

/** Writes `body` to `file`; resolves with its size in bytes. */
export async function streamBodyToFile(
  body: ReadableStream<Uint8Array> | null,
  file: string,
  limit: { maxBytes: number; what: string },
): Promise<number> {
  if (!body) return 0;
  let bytes = 0;
  await pipeline(
    Readable.fromWeb(body as WebReadableStream<Uint8Array>),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > limit.maxBytes)
          done(errors.tooLarge(`${limit.what} may be at most ${bodySize(limit.maxBytes)}.`));
        else done(null, chunk);
      },
    }),
    createWriteStream(file, { mode: 0o600 }),
  );
  return bytes;
}
