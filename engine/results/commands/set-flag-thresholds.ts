/**
 * Sets the thresholds a sitting's item analysis flags items by: stored on the sitting, with the
 * audit row (`results.flag_thresholds`), in one transaction.
 */
import { eq } from 'drizzle-orm';
import type { FlagThresholds } from '../../../grading/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { sittings } from '../../sittings/tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export async function setFlagThresholds(
  db: Database,
  actor: StaffActor,
  input: {
    sittingId: string;
    /** The organisation owning the sitting, for the audit row. */
    organisationId?: string;
    thresholds: Partial<FlagThresholds>;
  },
  context: CommandContext = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(sittings)
      .set({ flagThresholds: input.thresholds })
      .where(eq(sittings.id, input.sittingId));
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'results.flag_thresholds',
      subjectType: 'sitting',
      subjectId: input.sittingId,
      organisationId: input.organisationId,
      ip: context.ip,
      details: { ...input.thresholds },
    });
  });
}
