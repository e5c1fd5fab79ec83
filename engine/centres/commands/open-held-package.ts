/**
 * On a centre node: opens an imported package with the key released at the start time (the sitting
 * key from the central engine, or a room code read out by the exam board). The key is kept sealed
 * beside the package so a restart reopens it without asking again. Every refusal (tampered file,
 * another centre's package, a key before its time, a mistyped code, a wrong key) is audited too.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { centreIdentityOf } from '../centre-identity.ts';
import { keyEncryptionKey, sealSecret } from '../key-sealing.ts';
import { openPackage, type OpenedPackage, type ReleasedKey } from '../open-package.ts';
import { centreHeldPackages } from '../tables.ts';

interface StoredKeys {
  sittingKey?: string;
  roomCodes?: Record<string, string>;
}

export async function openHeldPackage(
  db: Database,
  input: { packageId: string; key: ReleasedKey; now?: Date },
  secrets: { keySecret: string },
  context: CommandContext = {},
): Promise<OpenedPackage> {
  const kek = keyEncryptionKey(secrets.keySecret);
  const purpose = `released:${input.packageId}`;
  try {
    return await db.transaction(async (tx) => {
      const identity = await centreIdentityOf(tx, kek);
      const [held] = await tx
        .select()
        .from(centreHeldPackages)
        .where(eq(centreHeldPackages.packageId, input.packageId));
      if (!held) throw errors.notFound(`Package ${input.packageId}`);
      const opened = openPackage(held.file, {
        centreId: identity.centreId,
        signer: identity.central,
        key: input.key,
        now: input.now,
      });
      const stored = { ...((held.releasedKeys ?? {}) as StoredKeys) };
      if ('sittingKey' in input.key) stored.sittingKey = sealSecret(kek, purpose, input.key.sittingKey);
      else
        stored.roomCodes = {
          ...stored.roomCodes,
          [input.key.roomId]: sealSecret(kek, purpose, Buffer.from(input.key.roomCode, 'utf8')),
        };
      await tx
        .update(centreHeldPackages)
        .set({ releasedKeys: stored, openedAt: held.openedAt ?? new Date() })
        .where(eq(centreHeldPackages.packageId, input.packageId));
      await appendAudit(tx, {
        actorRole: 'system',
        action: 'centre.package_open',
        subjectType: 'sitting',
        subjectId: opened.header.sittingId,
        ip: context.ip,
        details: {
          packageId: input.packageId,
          with: 'sittingKey' in input.key ? 'sitting_key' : 'room_code',
          rooms: opened.rooms.map((r) => r.room.id),
        },
      });
      return opened;
    });
  } catch (error) {
    if (error instanceof AppError && error.status !== 404 && error.id !== 'not_a_centre')
      await db.transaction((tx) =>
        appendAudit(tx, {
          actorRole: 'system',
          action: 'centre.package_open_refused',
          subjectType: 'package',
          subjectId: input.packageId,
          ip: context.ip,
          details: { error: error.id, message: error.message },
        }),
      );
    throw error;
  }
}
