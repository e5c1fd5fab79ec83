/**
 * On a centre node: imports a package days ahead. It is checked (whole, signed by the central
 * engine this centre trusts, and for this centre) and stored still sealed; opening it needs the
 * key released at the start time. Importing the same package again changes nothing.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { centreIdentityOf } from '../centre-identity.ts';
import { keyEncryptionKey } from '../key-sealing.ts';
import { checkPackage } from '../open-package.ts';
import type { PackageHeader } from '../package-file.ts';
import { centreHeldPackages } from '../tables.ts';

export async function importPackage(
  db: Database,
  file: Buffer,
  secrets: { keySecret: string },
  context: CommandContext = {},
): Promise<{ header: PackageHeader; alreadyHeld: boolean }> {
  const kek = keyEncryptionKey(secrets.keySecret);
  return db.transaction(async (tx) => {
    const identity = await centreIdentityOf(tx, kek);
    const header = checkPackage(file, identity.centreId, identity.central);
    const [held] = await tx
      .select({ file: centreHeldPackages.file })
      .from(centreHeldPackages)
      .where(eq(centreHeldPackages.packageId, header.packageId));
    if (held) {
      if (!held.file.equals(file))
        throw errors.conflict(`Another file of package ${header.packageId} is already imported.`);
      return { header, alreadyHeld: true };
    }
    await tx
      .insert(centreHeldPackages)
      .values({ packageId: header.packageId, sittingId: header.sittingId, header, file });
    await appendAudit(tx, {
      actorRole: 'system',
      action: 'centre.package_import',
      subjectType: 'sitting',
      subjectId: header.sittingId,
      ip: context.ip,
      details: {
        packageId: header.packageId,
        centreId: identity.centreId,
        notBefore: header.notBefore,
        rooms: header.rooms.length,
        bytes: file.length,
      },
    });
    return { header, alreadyHeld: false };
  });
}
