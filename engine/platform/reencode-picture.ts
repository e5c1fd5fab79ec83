/**
 * Stores what a picture shows, never the uploaded bytes: a picture is decoded to pixels and encoded
 * again (jpeg-js, pngjs), so whatever rode along in the file (a second document after the image data,
 * EXIF with a location, a comment crafted for another parser) is gone. Callers check the header and
 * the size first, so only pictures of the allowed size are decoded.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { errors } from './errors.ts';

/** JPEG quality of re-encoded photos: well above what a face match or a proctor's eye needs. */
const JPEG_QUALITY = 90;

export function reencodePicture(
  data: Uint8Array,
  picture: { contentType: 'image/jpeg' | 'image/png' },
  what: string,
): Buffer {
  try {
    if (picture.contentType === 'image/jpeg') {
      const pixels = jpeg.decode(data, { useTArray: true, maxMemoryUsageInMB: 256, formatAsRGBA: true });
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
