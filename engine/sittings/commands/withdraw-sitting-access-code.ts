/** Withdraws a sitting's sitting-wide access code; candidates then need their room code. */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { sittings } from '../tables.ts';
import type { SittingRef } from './issue-sitting-access-code.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export async function withdrawSittingAccessCode(
  db: Database,
  actor: StaffActor,
  { sittingId, organisationId }: SittingRef,
  context: CommandContext,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(sittings).set({ accessCode: null }).where(eq(sittings.id, sittingId));
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'sitting.access_code_withdraw',
      subjectType: 'sitting',
      subjectId: sittingId,
      organisationId,
      ip: context.ip,
      details: {},
    });
  });
}
