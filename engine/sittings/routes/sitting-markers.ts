/**
 * A sitting's marking team (giám khảo chấm bài). `GET /api/sittings/{id}/markers` gives the team and
 * the staff who could join it; `PUT` replaces the team in one transaction. With nobody assigned,
 * every marker whose scope covers the sitting may mark it (policies/marking-team.ts).
 */
import { OpenAPIHono, createRoute, type z } from '@hono/zod-openapi';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { OrganisationRef } from '../../people/organisation-ref.ts';
import { access } from '../../people/access.ts';
import { sittingTarget } from '../organisation-of-sitting.ts';
import { sittingMarkers, sittings } from '../tables.ts';
import { users } from '../../people/tables.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { eligibleMarkers, ineligibleMarkers } from './eligible-markers.ts';
import { SetSittingMarkers, SittingMarkers } from './schema.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

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

async function markersOf(db: Executor, sittingId: string, sittingOrg: OrganisationRef) {
  const [assigned, eligible] = await Promise.all([
    assignedMarkers(db, sittingId),
    eligibleMarkers(db, sittingOrg),
  ]);
  return { assigned, eligible };
}

export function sittingMarkerRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/markers',
        summary: "A sitting's marking team and the staff who could be assigned to it",
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The team', ...json(SittingMarkers) }, ...staffErrors },
      }),
      async (c) => c.json(await markersOf(c.var.deps.db, c.req.valid('param').id, c.var.target!), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/markers',
        summary: "Replace a sitting's marking team",
        description:
          'Once a sitting has a team, only its members mark it (others get 403 with details.reason not_assigned_marker); a moderator also settles two marks too far apart, as exam board staff always may. An empty list returns the sitting to marking by every teacher in scope. Members keep their original assignment time unless their role changes.',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam, body: { ...json(SetSittingMarkers), required: true } },
        responses: {
          200: { description: 'The team now', ...json(SittingMarkers) },
          ...staffErrors,
          422: {
            description:
              'A user who cannot mark this sitting, named in the message; details.problems lists { userId, reason: user_not_found | user_disabled | role_cannot_mark | outside_organisation, message }.',
            ...json(ErrorSchema),
          },
        },
      }),
      async (c) => {
        const sittingId = c.req.valid('param').id;
        const { markers } = c.req.valid('json');
        const sittingOrg = c.var.target!;
        const actor = c.var.actor;
        const team = await c.var.deps.db.transaction(async (tx) => {
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
            ip: c.var.clientIp,
            details: {
              before: before.map((m) => ({ userId: m.userId, role: m.role })),
              after: markers,
            },
          });
          return markersOf(tx, sittingId, sittingOrg);
        });
        return c.json(team, 200);
      },
    );
}
