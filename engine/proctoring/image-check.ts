/**
 * Checks that uploaded bytes are the picture they claim to be: the declared type must match the file's own
 * header (read by image-size, not by hand), and the dimensions must be within the given bounds.
 */
import { imageSize } from 'image-size';
import { errors } from '../platform/errors.ts';

const TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
export type PictureType = keyof typeof TYPES;

export interface PictureRules {
  types: readonly PictureType[];
  maxBytes: number;
  minSide: number;
  maxSide: number;
}

export interface Picture {
  contentType: PictureType;
  width: number;
  height: number;
}

/** Throws a 400 (or 413) naming what is wrong; returns the picture's type and size otherwise. */
export function checkPicture(
  data: Uint8Array,
  declaredType: string,
  rules: PictureRules,
  what: string,
): Picture {
  const contentType = declaredType.split(';')[0]!.trim().toLowerCase() as PictureType;
  if (!rules.types.includes(contentType))
    throw errors.badRequest(`${what} must be sent as ${rules.types.join(' or ')}.`);
  if (data.length === 0) throw errors.badRequest(`${what} is empty.`);
  if (data.length > rules.maxBytes)
    throw errors.tooLarge(`${what} may be at most ${Math.round(rules.maxBytes / 1024)} KB.`);
  let size: { type?: string; width: number; height: number };
  try {
    size = imageSize(data);
  } catch {
    throw errors.badRequest(`${what} is not a readable JPEG or PNG image.`);
  }
  if (size.type !== TYPES[contentType])
    throw errors.badRequest(`${what} was sent as ${contentType} but is ${size.type ?? 'something else'}.`);
  const { width, height } = size;
  if (Math.min(width, height) < rules.minSide || Math.max(width, height) > rules.maxSide)
    throw errors.badRequest(
      `${what} is ${width}x${height} pixels; each side must be between ${rules.minSide} and ${rules.maxSide}.`,
    );
  return { contentType, width, height };
}
