/**
 * Ed25519 signatures of audit checkpoints, so that people without the audit key (the e-records
 * service that receives them, an inspector) can check a checkpoint came from this engine, and
 * nobody without the key can make one. The signing key is derived from the audit key (HKDF), so
 * every engine process sharing AUDIT_KEY signs with the same key and nothing new is stored; the
 * public half (SPKI DER, base64) is what `npm run audit:verify -- --public-key` prints. A key's id
 * is the first 32 hex digits of the SHA-256 of its SPKI DER (as engine/centres names its keys).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditCheckpoint } from './audit-log.ts';

/** PKCS#8 DER of an Ed25519 private key, up to its 32-byte seed (RFC 8410, section 7). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** What a signature covers, before the checkpoint's canonical JSON: no other message can pass for it. */
const SIGNED_PREFIX = 'exam-engine audit checkpoint v1\n';

export interface CheckpointSigner {
  /** SPKI DER, base64. */
  publicKey: string;
  keyId: string;
  sign(checkpoint: AuditCheckpoint): string;
}

const signers = new Map<string, CheckpointSigner>();

export const checkpointKeyIdOf = (publicKeySpki: string): string =>
  createHash('sha256').update(Buffer.from(publicKeySpki, 'base64')).digest('hex').slice(0, 32);

/** The bytes a checkpoint's signature covers. */
export function checkpointSignedBytes(checkpoint: AuditCheckpoint): Buffer {
  const { seq, count, head, at } = checkpoint;
  return Buffer.from(SIGNED_PREFIX + canonicalize({ seq, count, head, at })!, 'utf8');
}

/** The checkpoint signer of an audit key (derived once per key). */
export function checkpointSigner(auditKey: string): CheckpointSigner {
  let signer = signers.get(auditKey);
  if (signer) return signer;
  const seed = Buffer.from(
    hkdfSync('sha256', Buffer.from(auditKey, 'utf8'), 'exam-engine audit', 'checkpoint ed25519 v1', 32),
  );
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  signer = {
    publicKey,
    keyId: checkpointKeyIdOf(publicKey),
    sign: (checkpoint) => sign(null, checkpointSignedBytes(checkpoint), privateKey).toString('base64'),
  };
  signers.set(auditKey, signer);
  return signer;
}

/** The public key of a checkpoint signer, from its SPKI base64 (or PEM); throws on anything else. */
export function checkpointPublicKey(spkiOrPem: string): KeyObject {
  const text = spkiOrPem.trim();
  const key = text.startsWith('-----BEGIN')
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('Not an Ed25519 public key.');
  return key;
}

/** Whether `signature` (base64) is the public key's signature of the checkpoint. */
export function checkpointSignatureHolds(
  checkpoint: AuditCheckpoint,
  signature: string,
  publicKey: KeyObject,
): boolean {
  try {
    return verify(null, checkpointSignedBytes(checkpoint), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
