/**
 * Releases a sitting's key to a centre over the line, at the start time: only to a centre a package
 * of the sitting was sealed for, and never before that package's not-before time by the central
 * clock (the centre's own clock is not trusted for this). Recorded in key releases and the audit log.
 */
import { and, arrayContains, desc, eq } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import type { Database } from '../../platform/db/database.ts';
import { sittings } from '../../sittings/tables.ts';
import { centreErrors } from '../centre-errors.ts';
import { sittingKey } from '../central-keys.ts';
import { keyEncryptionKey } from '../key-sealing.ts';
import { centreKeyReleases, centrePackages } from '../tables.ts';

export async function releaseSittingKey(
  db: Database,
  input: { sittingId: string; centreId: string },
  options: { keySecret: string; now?: Date },
  context: CommandContext = {},
): Promise<{ sittingKey: Buffer; keyId: string }> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [pkg] = await tx
      .select({ notBefore: centrePackages.notBefore, organisationId: sittings.organisationId })
      .from(centrePackages)
      .innerJoin(sittings, eq(sittings.id, centrePackages.sittingId))
      .where(
        and(
          eq(centrePackages.sittingId, input.sittingId),
          arrayContains(centrePackages.centreIds, [input.centreId]),
        ),
      )
      .orderBy(desc(centrePackages.notBefore))
      .limit(1);
    if (!pkg) throw centreErrors.noPackageForCentre(input.sittingId, input.centreId);
    if (now < pkg.notBefore) throw centreErrors.earlyKeyUse(pkg.notBefore, now);
    const key = await sittingKey(tx, keyEncryptionKey(options.keySecret), input.sittingId);
    if (!key) throw centreErrors.noSittingKey(input.sittingId);
    await tx
      .insert(centreKeyReleases)
      .values({ sittingId: input.sittingId, centreId: input.centreId, how: 'online' });
    await appendAudit(tx, {
      actorId: null,
      actorRole: 'centre',
      action: 'centre.key_release',
      subjectType: 'sitting',
      subjectId: input.sittingId,
      organisationId: pkg.organisationId,
      ip: context.ip,
      details: { centreId: input.centreId, keyId: key.keyId },
    });
    return { sittingKey: key.key, keyId: key.keyId };
  });
}
