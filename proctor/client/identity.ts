/**
 * The identity check at check-in: the face descriptor of the camera picture compared, on the device, with the
 * roster photo sent to this device for this session only. The result is an event for the proctor; it never
 * blocks the candidate.
 */
import type { DeviceEvent } from '../events.ts';
import type { Detector, FrameSource } from './detector.ts';

/** Compares the camera frame with the roster photo; `photo` null means the roster has none. */
export async function checkIdentity(
  detector: Detector,
  frame: FrameSource,
  photo: HTMLImageElement | null,
  minSimilarity = 0.5,
): Promise<DeviceEvent> {
  const at = Date.now();
  if (!photo) return { kind: 'identity', at, result: 'no_photo' };
  const [live, enrolled] = [await detector.describe(frame), await detector.describe(photo)];
  if (!live || !enrolled) return { kind: 'identity', at, result: live ? 'unavailable' : 'no_face' };
  const similarity = Math.round((await detector.similarity(live, enrolled)) * 1000) / 1000;
  return { kind: 'identity', at, result: similarity >= minSimilarity ? 'match' : 'mismatch', similarity };
}

/** Loads the roster photo; null when there is none (404) or it cannot be read. */
export async function loadPhoto(url: string, init?: RequestInit): Promise<HTMLImageElement | null> {
  const res = await fetch(url, init).catch(() => null);
  if (!res || !res.ok) return null;
  const img = new Image();
  img.src = URL.createObjectURL(await res.blob());
  try {
    await img.decode();
    return img;
  } catch {
    return null;
  }
}
