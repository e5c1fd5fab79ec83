/**
 * The central engine's keys for centres, read and (on first use) created inside the calling
 * command's transaction: the Ed25519 package-signing key pair, and each sitting's package key.
 * Both are stored sealed under the key-encryption key derived from AUDIT_KEY (key-sealing.ts).
 */
import type { KeyObject } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { generateSigningKeyPair, keyIdOf, privateKeyOf, publicKeyOf } from './ed25519.ts';
import { openSecret, sealSecret } from './key-sealing.ts';
import { keyIdOfSittingKey, newSittingKey } from './package-keys.ts';
import { centralSigningKeys, centreSittingKeys } from './tables.ts';

export interface CentralSigningKey {
  keyId: string;
  /** SPKI DER, base64: what a centre is given at registration. */
  publicKey: string;
  privateKey: KeyObject;
  /** True when this call made the key pair. */
  created: boolean;
}

const signingPurpose = (keyId: string) => `central-signing:${keyId}`;
const sittingPurpose = (sittingId: string) => `sitting:${sittingId}`;

/** The active central signing key, made on first use (engines racing to make it end up with one). */
export async function centralSigningKey(tx: Executor, kek: Buffer): Promise<CentralSigningKey> {
  let created = false;
  let [row] = await tx.select().from(centralSigningKeys).where(eq(centralSigningKeys.active, true));
  if (!row) {
    const pair = generateSigningKeyPair();
    const keyId = keyIdOf(pair.publicKey);
    const inserted = await tx
      .insert(centralSigningKeys)
      .values({
        id: keyId,
        publicKey: pair.publicKey,
        sealedPrivateKey: sealSecret(kek, signingPurpose(keyId), pair.privateKeyDer),
      })
      .onConflictDoNothing()
      .returning();
    created = inserted.length > 0;
    [row] = await tx.select().from(centralSigningKeys).where(eq(centralSigningKeys.active, true));
  }
  return {
    keyId: row!.id,
    publicKey: row!.publicKey,
    privateKey: privateKeyOf(openSecret(kek, signingPurpose(row!.id), row!.sealedPrivateKey)),
    created,
  };
}

/** The central public key with the given id (retired keys included), to verify old packages. */
export async function centralPublicKey(db: Executor, keyId?: string) {
  const [row] = await db
    .select({ id: centralSigningKeys.id, publicKey: centralSigningKeys.publicKey })
    .from(centralSigningKeys)
    .where(keyId ? eq(centralSigningKeys.id, keyId) : eq(centralSigningKeys.active, true));
  return row ? { keyId: row.id, publicKey: row.publicKey, key: publicKeyOf(row.publicKey) } : undefined;
}

/** The sitting's package key; `create` makes it on first use (a fresh random key per sitting). */
export async function sittingKey(
  tx: Executor,
  kek: Buffer,
  sittingId: string,
  create = false,
): Promise<{ key: Buffer; keyId: string; created: boolean } | undefined> {
  let created = false;
  let [row] = await tx.select().from(centreSittingKeys).where(eq(centreSittingKeys.sittingId, sittingId));
  if (!row && create) {
    const key = newSittingKey();
    const inserted = await tx
      .insert(centreSittingKeys)
      .values({
        sittingId,
        keyId: keyIdOfSittingKey(key, sittingId),
        sealedKey: sealSecret(kek, sittingPurpose(sittingId), key),
      })
      .onConflictDoNothing()
      .returning();
    created = inserted.length > 0;
    [row] = await tx.select().from(centreSittingKeys).where(eq(centreSittingKeys.sittingId, sittingId));
  }
  if (!row) return undefined;
  return { key: openSecret(kek, sittingPurpose(sittingId), row.sealedKey), keyId: row.keyId, created };
}
