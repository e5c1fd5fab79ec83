/**
 * On a centre node, after the central engine registered it: keeps the centre's id, its own signing
 * key pair (the private key sealed under this node's key-encryption key) and the central engine's
 * public key, which every package it imports must be signed with.
 */
import { appendAudit } from '../../people/audit-log.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { centrePrivateKeyPurpose } from '../centre-identity.ts';
import { keyIdOf, privateKeyOf, publicKeyFromPrivate, publicKeyOf } from '../ed25519.ts';
import { keyEncryptionKey, sealSecret } from '../key-sealing.ts';
import { centreIdentity } from '../tables.ts';

export interface SaveCentreIdentityInput {
  centreId: string;
  central: { keyId: string; publicKey: string };
  centralUrl?: string;
  /** The centre's private key (PKCS#8 DER), made on this node before registration. */
  privateKeyDer: Buffer;
}

export async function saveCentreIdentity(
  db: Database,
  input: SaveCentreIdentityInput,
  secrets: { keySecret: string },
  context: CommandContext = {},
): Promise<void> {
  publicKeyOf(input.central.publicKey);
  if (keyIdOf(input.central.publicKey) !== input.central.keyId)
    throw errors.badRequest('The central key id does not match the central public key.');
  const publicKey = publicKeyFromPrivate(privateKeyOf(input.privateKeyDer));
  await db.transaction(async (tx) => {
    const existing = await tx.select({ centreId: centreIdentity.centreId }).from(centreIdentity);
    if (existing.some((e) => e.centreId !== input.centreId))
      throw errors.conflict(`This node is already centre ${existing[0]!.centreId}.`);
    if (existing.length) return;
    await tx.insert(centreIdentity).values({
      centreId: input.centreId,
      centralUrl: input.centralUrl,
      centralKeyId: input.central.keyId,
      centralPublicKey: input.central.publicKey,
      publicKey,
      sealedPrivateKey: sealSecret(
        keyEncryptionKey(secrets.keySecret),
        centrePrivateKeyPurpose(input.centreId),
        input.privateKeyDer,
      ),
    });
    await appendAudit(tx, {
      actorRole: 'system',
      action: 'centre.identity_save',
      subjectType: 'centre',
      subjectId: input.centreId,
      ip: context.ip,
      details: { centralKeyId: input.central.keyId, centreKeyId: keyIdOf(publicKey) },
    });
  });
}
