/**
 * Ed25519 keys of the central engine (signs packages) and of each centre (signs its result log),
 * with Node's crypto. Public keys travel as SPKI DER in base64; a key's id is the first 32 hex
 * digits of the SHA-256 of that DER.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

export interface SigningKeyPair {
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER (secret: seal it before storing). */
  privateKeyDer: Buffer;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyDer: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

export const publicKeyOf = (spkiBase64: string): KeyObject => {
  const key = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('Not an Ed25519 public key.');
  return key;
};

export const privateKeyOf = (pkcs8Der: Buffer): KeyObject =>
  createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' });

/** The SPKI base64 of a private key's public half. */
export const publicKeyFromPrivate = (privateKey: KeyObject): string =>
  createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');

export const keyIdOf = (spkiBase64: string): string =>
  createHash('sha256').update(Buffer.from(spkiBase64, 'base64')).digest('hex').slice(0, 32);

export const signBytes = (privateKey: KeyObject, data: Buffer): Buffer => sign(null, data, privateKey);

export function verifyBytes(publicKey: KeyObject, data: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, data, publicKey, signature);
  } catch {
    return false;
  }
}
