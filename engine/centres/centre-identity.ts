/** A centre node's identity as stored (centre_identity): its id, its signing key and the central key it trusts. */
import type { KeyObject } from 'node:crypto';
import type { Executor } from '../platform/db/database.ts';
import { centreErrors } from './centre-errors.ts';
import { privateKeyOf, publicKeyOf } from './ed25519.ts';
import { openSecret } from './key-sealing.ts';
import type { TrustedSigner } from './package-file.ts';
import { centreIdentity } from './tables.ts';

export interface CentreIdentity {
  centreId: string;
  /** The central engine's package-signing key. */
  central: TrustedSigner;
  /** This centre's result-log signing key. */
  privateKey: KeyObject;
  publicKey: string;
}

export const centrePrivateKeyPurpose = (centreId: string) => `centre-signing:${centreId}`;

/** This node's centre identity; throws not_a_centre when it has none. */
export async function centreIdentityOf(db: Executor, kek: Buffer): Promise<CentreIdentity> {
  const [row] = await db.select().from(centreIdentity).limit(1);
  if (!row) throw centreErrors.notACentre();
  return {
    centreId: row.centreId,
    central: { keyId: row.centralKeyId, publicKey: publicKeyOf(row.centralPublicKey) },
    privateKey: privateKeyOf(openSecret(kek, centrePrivateKeyPurpose(row.centreId), row.sealedPrivateKey)),
    publicKey: row.publicKey,
  };
}
