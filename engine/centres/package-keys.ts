/**
 * What one sitting key yields (HKDF-SHA256, salted with the sitting id):
 * - its key id, written in package headers, so a released key is matched without trying it;
 * - the common key, which encrypts what every room shares (forms, items, media, rules);
 * - one room key per room, which encrypts that room's roster and access code;
 * - one room code per room: 80 bits the exam board reads out (room-code.ts). The package carries,
 *   per room, the common key and that room's key wrapped under a key derived from the room's code,
 *   so a room's code opens the shared part and that room only, never the sitting key or other rooms.
 * The sitting key itself stays central until it is released online at the start time.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const derive = (key: Buffer, sittingId: string, info: string, bytes = 32) =>
  Buffer.from(hkdfSync('sha256', key, Buffer.from(sittingId, 'utf8'), `exam-centre/v1/${info}`, bytes));

export const newSittingKey = (): Buffer => randomBytes(32);

export const keyIdOfSittingKey = (sittingKey: Buffer, sittingId: string): string =>
  derive(sittingKey, sittingId, 'key-id', 16).toString('hex');

export const commonKeyOf = (sittingKey: Buffer, sittingId: string): Buffer =>
  derive(sittingKey, sittingId, 'common');

export const roomKeyOf = (sittingKey: Buffer, sittingId: string, roomId: string): Buffer =>
  derive(sittingKey, sittingId, `room/${roomId}`);

/** The 80 bits of a room's code (room-code.ts writes them as 16 Crockford characters and a check). */
export const roomCodeBitsOf = (sittingKey: Buffer, sittingId: string, roomId: string): Buffer =>
  derive(sittingKey, sittingId, `room-code/${roomId}`, 10);

/** The key a room's code wraps that room's keys under. */
export const roomWrapKeyOf = (codeBits: Buffer, sittingId: string, roomId: string): Buffer =>
  derive(codeBits, sittingId, `room-wrap/${roomId}`);

/** AES-256-GCM with its associated data: 12-byte IV, 16-byte tag, then the ciphertext. */
export function encrypt(key: Buffer, aad: string, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Decrypts what `encrypt` wrote; undefined when the key (or the associated data) is not the one used. */
export function decrypt(key: Buffer, aad: string, sealed: Buffer): Buffer | undefined {
  if (sealed.length < 28) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    return undefined;
  }
}
