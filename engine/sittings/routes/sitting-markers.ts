/**
 * A sitting's marking team (giám khảo chấm bài). `GET /api/sittings/{id}/markers` gives the team and
 * the staff who could join it; `PUT` replaces the team in one transaction. With nobody assigned,
 * every marker whose scope covers the sitting may mark it (policies/marking-team.ts).
 */
import { OpenAPIHono, createRoute, type z } from '@hono/zod-openapi';
import { access } from '../../people/access.ts';
import { sittingTarget } from '../organisation-of-sitting.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { markingTeamOf, setSittingMarkers } from '../commands/set-sitting-markers.ts';
import { SetSittingMarkers, SittingMarkers } from '../schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

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
      async (c) => c.json(await markingTeamOf(c.var.deps.db, c.req.valid('param').id, c.var.target!), 200),
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
        const team = await setSittingMarkers(
          c.var.deps.db,
          c.var.actor,
          {
            sittingId: c.req.valid('param').id,
            sittingOrg: c.var.target!,
            markers: c.req.valid('json').markers,
          },
          { ip: c.var.clientIp },
        );
        return c.json(team, 200);
      },
    );
}
