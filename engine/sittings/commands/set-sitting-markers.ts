/**
 * Replaces a sitting's marking team (giám khảo chấm bài) in one transaction. Members keep their
 * original assignment time unless their role changes; an empty team returns the sitting to marking by
 * every marker in scope. Also `markingTeamOf`, the team and the staff who could join it, which the
 * command returns and the team's GET route reads.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { OrganisationRef } from '../../people/organisation-ref.ts';
import { users } from '../../people/tables.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { eligibleMarkers, ineligibleMarkers } from '../eligible-markers.ts';
import type { SetSittingMarkers } from '../schemas.ts';
import { sittingMarkers, sittings } from '../tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

async function assignedMarkers(db: Executor, sittingId: string) {
  const rows = await db
    .select({
      userId: sittingMarkers.userId,
      username: users.username,
      fullName: users.fullName,
      staffRole: users.role,
      role: sittingMarkers.role,
      assignedBy: sittingMarkers.assignedBy,
      assignedAt: sittingMarkers.assignedAt,
    })
    .from(sittingMarkers)
    .innerJoin(users, eq(users.id, sittingMarkers.userId))
    .where(eq(sittingMarkers.sittingId, sittingId))
    .orderBy(asc(users.fullName), asc(users.username));
  return rows.map((r) => ({ ...r, assignedAt: r.assignedAt.toISOString() }));
}

/** A sitting's marking team and the staff who could be assigned to it. */
export async function markingTeamOf(db: Executor, sittingId: string, sittingOrg: OrganisationRef) {
  const [assigned, eligible] = await Promise.all([
    assignedMarkers(db, sittingId),
    eligibleMarkers(db, sittingOrg),
  ]);
  return { assigned, eligible };
}

export interface SetSittingMarkersInput {
  sittingId: string;
  /** The sitting's organisation: markers must be able to mark within it. */
  sittingOrg: OrganisationRef;
  markers: z.output<typeof SetSittingMarkers>['markers'];
}

export async function setSittingMarkers(
  db: Database,
  actor: StaffActor,
  input: SetSittingMarkersInput,
  context: CommandContext,
) {
  const { sittingId, sittingOrg, markers } = input;
  return db.transaction(async (tx) => {
    // Serialises concurrent replacements of the same team.
    await tx.select({ id: sittings.id }).from(sittings).where(eq(sittings.id, sittingId)).for('update');
    const problems = await ineligibleMarkers(
      tx,
      sittingOrg,
      markers.map((m) => m.userId),
    );
    if (problems.length)
      throw errors.validation(
        `These users cannot mark this sitting: ${problems.map((p) => p.message).join('; ')}.`,
        { problems },
      );
    const before = await assignedMarkers(tx, sittingId);
    const kept = markers.map((m) => m.userId);
    await tx
      .delete(sittingMarkers)
      .where(
        and(
          eq(sittingMarkers.sittingId, sittingId),
          kept.length ? notInArray(sittingMarkers.userId, kept) : undefined,
        ),
      );
    if (markers.length)
      await tx
        .insert(sittingMarkers)
        .values(markers.map((m) => ({ sittingId, ...m, assignedBy: actor.userId })))
        .onConflictDoUpdate({
          target: [sittingMarkers.sittingId, sittingMarkers.userId],
          set: {
            role: sql`excluded.role`,
            assignedBy: sql`excluded.assigned_by`,
            assignedAt: sql`now()`,
          },
          setWhere: sql`${sittingMarkers.role} <> excluded.role`,
        });
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'sitting.markers_set',
      subjectType: 'sitting',
      subjectId: sittingId,
      organisationId: sittingOrg.id,
      ip: context.ip,
      details: {
        before: before.map((m) => ({ userId: m.userId, role: m.role })),
        after: markers,
      },
    });
    return markingTeamOf(tx, sittingId, sittingOrg);
  });
}
