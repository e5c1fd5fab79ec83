/**
 * Seals a sitting into a package for one or more registered centres (package-content.ts says what
 * goes in, build-package.ts how). The sitting's key is made on first use and kept central; the
 * package records what it holds and for whom, and the audit row says who sealed it.
 */
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { CandidateProjectionOption } from '../../delivery/candidate-items.ts';
import { projectForCandidate } from '../../delivery/project-for-candidate.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { buildPackage } from '../build-package.ts';
import { centreErrors } from '../centre-errors.ts';
import { centralSigningKey, sittingKey } from '../central-keys.ts';
import { keyEncryptionKey } from '../key-sealing.ts';
import { gatherSitting } from '../package-content.ts';
import { DOWNTIME_RULES, type DowntimeRule, type PackageHeader } from '../package-file.ts';
import { centrePackages, centres } from '../tables.ts';

/** The key may be released at most this long before the sitting opens (check-in opens an hour before). */
export const MAX_KEY_RELEASE_LEAD_MINUTES = 60;

export interface SealSittingPackageInput {
  sittingId: string;
  centreIds: string[];
  /** Rooms to include (default: all rooms of the sitting). */
  roomIds?: string[];
  /** Minutes before the sitting opens from which the key may be used (default 0: at the start time). */
  keyReleaseLeadMinutes?: number;
  /**
   * What a centre does with its candidates' clocks after a power loss (default `pause`: the clock
   * stands still for the downtime; `continue`: it runs on). Signed in the package header.
   */
  downtime?: DowntimeRule;
}

export interface SealOptions {
  /** Config.auditKey: the key-encryption key of the stored keys derives from it. */
  keySecret: string;
  /** How item models become candidate payloads (delivery's projection by default). */
  projection?: CandidateProjectionOption;
  now?: Date;
}

export async function sealSittingPackage(
  db: Database,
  actor: StaffActor | null,
  input: SealSittingPackageInput,
  options: SealOptions,
  context: CommandContext = {},
): Promise<{ file: Buffer; header: PackageHeader }> {
  const centreIds = [...new Set(input.centreIds)];
  if (!centreIds.length) throw errors.badRequest('centreIds: name at least one centre.');
  const lead = input.keyReleaseLeadMinutes ?? 0;
  if (!Number.isInteger(lead) || lead < 0 || lead > MAX_KEY_RELEASE_LEAD_MINUTES)
    throw errors.badRequest(
      `keyReleaseLeadMinutes: must be a whole number from 0 to ${MAX_KEY_RELEASE_LEAD_MINUTES}.`,
    );
  if (input.downtime !== undefined && !DOWNTIME_RULES.includes(input.downtime))
    throw errors.badRequest(`downtime: must be ${DOWNTIME_RULES.join(' or ')}.`);
  const kek = keyEncryptionKey(options.keySecret);
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const known = await tx.select({ id: centres.id }).from(centres).where(inArray(centres.id, centreIds));
    const unknown = centreIds.find((id) => !known.some((c) => c.id === id));
    if (unknown) throw centreErrors.unknownCentre(unknown);
    const gathered = await gatherSitting(tx, input.sittingId, {
      roomIds: input.roomIds,
      projection: options.projection ?? projectForCandidate,
    });
    const key = (await sittingKey(tx, kek, input.sittingId, true))!;
    const signing = await centralSigningKey(tx, kek);
    const notBefore = new Date(gathered.sitting.opensAt.getTime() - lead * 60_000);
    const built = buildPackage({
      packageId: randomUUID(),
      centreIds,
      notBefore,
      now,
      sittingKey: key.key,
      signer: { keyId: signing.keyId, privateKey: signing.privateKey },
      common: gathered.common,
      rooms: gathered.rooms,
      downtime: input.downtime,
    });
    const { header } = built;
    await tx.insert(centrePackages).values({
      id: header.packageId,
      sittingId: input.sittingId,
      centreIds,
      roomIds: header.rooms.map((r) => r.id),
      keyId: header.keyId,
      signingKeyId: header.signingKeyId,
      notBefore,
      contentSha256: header.contentSha256,
      byteLength: built.file.length,
      createdBy: actor?.userId,
    });
    await appendAudit(tx, {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'system',
      action: 'centre.package_seal',
      subjectType: 'sitting',
      subjectId: input.sittingId,
      organisationId: gathered.sitting.organisationId,
      ip: context.ip,
      details: {
        packageId: header.packageId,
        centreIds,
        rooms: header.rooms.length,
        candidates: header.rooms.reduce((n, r) => n + r.candidates, 0),
        items: gathered.common.items.length,
        notBefore: header.notBefore,
        downtime: header.downtime,
        keyId: header.keyId,
        sittingKeyCreated: key.created,
        signingKeyId: signing.keyId,
        signingKeyCreated: signing.created,
        bytes: built.file.length,
      },
    });
    return built;
  });
}
