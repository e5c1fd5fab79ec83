/**
 * Keys at rest. The central signing key, sitting keys and a centre's own private key are stored
 * sealed (AES-256-GCM) under a key-encryption key derived with HKDF from the engine's AUDIT_KEY
 * (Config.auditKey), which lives in the environment or DATA_DIR and never in the database: a copy
 * of the database alone opens none of them. Losing AUDIT_KEY loses these keys too (reseal packages).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 'v1';

/** The key-encryption key of this engine's centre keys. */
export function keyEncryptionKey(secret: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'exam-engine/centres', 'key-encryption/v1', 32),
  );
}

/** Seals `plain` for `purpose` (bound as associated data, so a sealed value cannot be moved to another row). */
export function sealSecret(kek: Buffer, purpose: string, plain: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `${FORMAT}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Opens what sealSecret sealed; throws when the key, the purpose or the value is not the one sealed. */
export function openSecret(kek: Buffer, purpose: string, sealed: string): Buffer {
  const [format, text] = sealed.split('.');
  if (format !== FORMAT || !text) throw new Error(`Not a sealed key (${format}).`);
  const raw = Buffer.from(text, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', kek, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(purpose, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  } catch (error) {
    throw new Error(
      `A sealed ${purpose.split(':')[0]} key does not open under this engine's AUDIT_KEY (was it changed?).`,
      { cause: error },
    );
  }
}
