/**
 * Incident snapshots on the device, only where the sitting allows them: one small JPEG (160x120, quality 0.6, a
 * few KB) drawn from the camera frame at the moment an incident-worthy event is reported. Nothing else of the
 * video ever leaves the device.
 */
import type { DeviceEvent } from '../events.ts';

export const SNAPSHOT_WIDTH = 160;
export const SNAPSHOT_HEIGHT = 120;
/** The engine refuses larger snapshots. */
export const SNAPSHOT_MAX_BYTES = 60 * 1024;

/** Events that start something a picture can show (the engine's rules may make an incident of them). */
export function snapshotWorthy(e: DeviceEvent): boolean {
  switch (e.kind) {
    case 'faces':
      return e.count !== 1;
    case 'pose':
      return e.pose !== 'frontal';
    case 'object':
      return e.present;
    case 'identity':
      return e.result === 'mismatch' || e.result === 'no_face';
    default:
      return false;
  }
}

/** The current frame as a small JPEG, or null when there is no frame or it comes out too large. */
export async function captureSnapshot(video: HTMLVideoElement, quality = 0.6): Promise<Uint8Array | null> {
  if (video.readyState < 2) return null;
  const canvas = document.createElement('canvas');
  canvas.width = SNAPSHOT_WIDTH;
  canvas.height = SNAPSHOT_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(video, 0, 0, SNAPSHOT_WIDTH, SNAPSHOT_HEIGHT);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob || blob.size > SNAPSHOT_MAX_BYTES) return null;
  return new Uint8Array(await blob.arrayBuffer());
}
