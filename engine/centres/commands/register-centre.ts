/**
 * Registers a test centre with the central engine: its name, organisation and the Ed25519 public
 * key the centre made for itself (its private key never leaves the centre). Answers with what the
 * centre needs to trust the central engine: its id and the central package-signing public key
 * (made here on first use).
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import { organisations } from '../../people/tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { centralSigningKey } from '../central-keys.ts';
import { keyIdOf, publicKeyOf } from '../ed25519.ts';
import { keyEncryptionKey } from '../key-sealing.ts';
import { centres } from '../tables.ts';

export interface RegisterCentreInput {
  organisationId: string;
  name: string;
  /** The centre's Ed25519 public key, SPKI DER in base64. */
  publicKey: string;
}

export interface RegisteredCentre {
  centreId: string;
  central: { keyId: string; publicKey: string };
}

export async function registerCentre(
  db: Database,
  actor: StaffActor | null,
  input: RegisterCentreInput,
  secrets: { keySecret: string },
  context: CommandContext = {},
): Promise<RegisteredCentre> {
  try {
    publicKeyOf(input.publicKey);
  } catch {
    throw errors.badRequest('publicKey: must be an Ed25519 public key (SPKI DER, base64).');
  }
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!org) throw errors.notFound(`Organisation ${input.organisationId}`);
    const [taken] = await tx
      .select({ id: centres.id })
      .from(centres)
      .where(eq(centres.publicKey, input.publicKey));
    if (taken) throw errors.conflict('A centre with this public key is already registered.');
    const [centre] = await tx
      .insert(centres)
      .values({
        organisationId: input.organisationId,
        name: input.name,
        publicKey: input.publicKey,
        createdBy: actor?.userId,
      })
      .returning();
    const signing = await centralSigningKey(tx, keyEncryptionKey(secrets.keySecret));
    await appendAudit(tx, {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'system',
      action: 'centre.register',
      subjectType: 'centre',
      subjectId: centre!.id,
      organisationId: input.organisationId,
      ip: context.ip,
      details: {
        name: input.name,
        centreKeyId: keyIdOf(input.publicKey),
        centralKeyId: signing.keyId,
        centralKeyCreated: signing.created,
      },
    });
    return { centreId: centre!.id, central: { keyId: signing.keyId, publicKey: signing.publicKey } };
  });
}
