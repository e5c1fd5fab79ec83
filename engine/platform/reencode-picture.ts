/**
 * Stores what a picture shows, never the uploaded bytes: a picture is decoded to pixels and encoded
 * again (jpeg-js, pngjs), so whatever rode along in the file (a second document after the image data,
 * EXIF with a location, a comment crafted for another parser) is gone. Callers check the header and
 * the size first, so only pictures of the allowed size are decoded.
 *
 * Decoding is slow in JavaScript (a 4,000 x 3,000 phone photo, or a 70 KB PNG of 4,096 x 4,096 px,
 * takes seconds), so uploads are re-encoded in the upload-reader worker threads
 * (`reencodePictureOffLoop`), never on the event loop; only pictures known to be small (incident
 * snapshots, at most 640 px) are re-encoded in place.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError, errors } from './errors.ts';
import { uploadParsers } from './workers/upload-parsers.ts';

/** JPEG quality of re-encoded photos: well above what a face match or a proctor's eye needs. */
const JPEG_QUALITY = 90;
/** What jpeg-js may allocate for one picture: a 4,096 x 4,096 photo needs about 310 MB. */
const JPEG_DECODE_MB = 512;

export interface PictureToReencode {
  contentType: 'image/jpeg' | 'image/png';
}

export function reencodePicture(data: Uint8Array, picture: PictureToReencode, what: string): Buffer {
  try {
    if (picture.contentType === 'image/jpeg') {
      const pixels = jpeg.decode(data, {
        useTArray: true,
        maxMemoryUsageInMB: JPEG_DECODE_MB,
        formatAsRGBA: true,
      });
      return jpeg.encode({ data: pixels.data, width: pixels.width, height: pixels.height }, JPEG_QUALITY)
        .data;
    }
    const png = PNG.sync.read(Buffer.from(data));
    return PNG.sync.write(png, { colorType: 6 });
  } catch {
    throw errors.badRequest(
      `${what} could not be decoded as the ${picture.contentType} image its header says it is.`,
    );
  }
}

/** `reencodePicture` in an upload-reader worker: the event loop goes on serving the exam meanwhile. */
export async function reencodePictureOffLoop(
  data: Uint8Array,
  picture: PictureToReencode,
  what: string,
): Promise<Buffer> {
  const encoded = await uploadParsers().run({
    reader: reencodePicture,
    module: new URL(import.meta.url),
    args: [data, { contentType: picture.contentType }, what],
    file: what,
    revive: [AppError],
  });
  // Buffers come back from the worker as plain Uint8Arrays.
  return Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
}
