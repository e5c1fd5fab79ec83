/**
 * Releases a sitting's results to its candidates (for the `after_review` and `with_items`
 * policies): the release time on the sitting and the audit row (`results.release`), in one
 * transaction. A practice sitting's release is audited as such (`details.practice`): its scores are
 * feedback, not grades.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { sittings } from '../../sittings/tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export async function releaseResults(
  db: Database,
  actor: StaffActor,
  input: {
    sittingId: string;
    /** The organisation owning the sitting, for the audit row. */
    organisationId?: string;
  },
  context: CommandContext = {},
): Promise<{ releasedAt: Date; practice: boolean }> {
  const releasedAt = new Date();
  let practice = false;
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(sittings)
      .set({ resultsReleasedAt: releasedAt })
      .where(eq(sittings.id, input.sittingId))
      .returning({ practice: sittings.practice });
    practice = updated?.practice ?? false;
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'results.release',
      subjectType: 'sitting',
      subjectId: input.sittingId,
      organisationId: input.organisationId,
      ip: context.ip,
      ...(practice ? { details: { practice: true } } : {}),
    });
  });
  return { releasedAt, practice };
}
