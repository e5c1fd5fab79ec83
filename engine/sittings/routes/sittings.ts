/** Sittings (exam boards): test form, window, rooms with access codes, candidates, and their sessions. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { asc, count, eq, sql } from 'drizzle-orm';
import { FormSpec, plannedItemCount } from '../form.ts';
import { sittingSebFile } from '../seb/sitting-seb.ts';
import { publicOrigin } from '../../platform/http/public-url.ts';
import { access, target } from '../../people/access.ts';
import { sittingTarget } from '../organisation-of-sitting.ts';
import { withinSubtree } from '../../people/scope.ts';
import { organisations } from '../../people/tables.ts';
import { sittingCandidates, sittingRooms, sittings } from '../tables.ts';
import { IdParam, security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { AddCandidates, CreateRoom, CreateSitting, Sitting, securityPolicyView } from '../schemas.ts';
import { sittingMarkerRoutes } from './sitting-markers.ts';
import { addRoom } from '../commands/add-room.ts';
import { enrolCandidates } from '../commands/enrol-candidates.ts';
import { scheduleSitting } from '../commands/schedule-sitting.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const formLabels = (spec: FormSpec) => spec.parallelForms?.map((f) => f.label) ?? [];

export function sittingRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/seb-config',
        summary:
          'The Safe Exam Browser configuration (.seb) of a sitting; SEB opens the candidate page with it',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'application/seb plist' }, ...staffErrors },
      }),
      async (c) => {
        const [s] = await c.var.deps.db
          .select()
          .from(sittings)
          .where(eq(sittings.id, c.req.valid('param').id));
        const { file, configKey } = sittingSebFile(s!, publicOrigin(c));
        return c.body(file, 200, {
          'content-type': 'application/seb',
          'content-disposition': `attachment; filename="sitting-${s!.id.slice(0, 8)}.seb"`,
          'x-seb-config-key': configKey,
        });
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Schedule a sitting: a form of items, a window and a duration',
        security,
        middleware: [access('sittings:write', target.organisation('organisationId', 'json'))] as const,
        request: { body: { ...json(CreateSitting), required: true } },
        responses: { 201: { description: 'Scheduled', ...json(Sitting) }, ...staffErrors },
      }),
      async (c) => {
        const scheduled = await scheduleSitting(
          c.var.deps.db,
          c.var.actor,
          c.req.valid('json'),
          { ip: c.var.clientIp },
          c.var.deps.codeGrader,
        );
        const { sitting: created, formSpec, itemCount } = scheduled;
        return c.json(
          {
            id: created.id,
            organisationId: created.organisationId,
            name: created.name,
            subject: created.subject,
            opensAt: created.opensAt.toISOString(),
            closesAt: created.closesAt.toISOString(),
            durationMinutes: created.durationSeconds / 60,
            practice: created.practice,
            itemCount,
            forms: formLabels(formSpec),
            accessCode: created.accessCode,
            securityPolicy: securityPolicyView(created.securityPolicy),
            rooms: [],
          },
          201,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'Sittings of your subtree',
        security,
        middleware: [access('sittings:read')] as const,
        responses: {
          200: {
            description: 'Sittings',
            ...json(
              z.object({
                items: z.array(Sitting.omit({ rooms: true, accessCode: true, securityPolicy: true })),
              }),
            ),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const rows = await c.var.deps.db
          .select({ sitting: sittings })
          .from(sittings)
          .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
          .where(withinSubtree(c.var.actor))
          .orderBy(asc(sittings.opensAt));
        return c.json(
          {
            items: rows.map(({ sitting: s }) => ({
              id: s.id,
              organisationId: s.organisationId,
              name: s.name,
              subject: s.subject,
              opensAt: s.opensAt.toISOString(),
              closesAt: s.closesAt.toISOString(),
              durationMinutes: s.durationSeconds / 60,
              practice: s.practice,
              itemCount: plannedItemCount(FormSpec.parse(s.formSpec)),
              forms: formLabels(FormSpec.parse(s.formSpec)),
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        summary: 'A sitting with its rooms and access codes',
        security,
        middleware: [access('sittings:read', sittingTarget())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The sitting', ...json(Sitting) }, ...staffErrors },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const db = c.var.deps.db;
        const [s] = await db.select().from(sittings).where(eq(sittings.id, id));
        const rooms = await db
          .select({
            id: sittingRooms.id,
            name: sittingRooms.name,
            accessCode: sittingRooms.accessCode,
            candidates: count(sittingCandidates.id),
            separateRoom: sql<boolean>`coalesce(bool_or(${sittingCandidates.separateRoom}), false)`,
          })
          .from(sittingRooms)
          .leftJoin(sittingCandidates, eq(sittingCandidates.roomId, sittingRooms.id))
          .where(eq(sittingRooms.sittingId, id))
          .groupBy(sittingRooms.id)
          .orderBy(asc(sittingRooms.name));
        return c.json(
          {
            id: s!.id,
            organisationId: s!.organisationId,
            name: s!.name,
            subject: s!.subject,
            opensAt: s!.opensAt.toISOString(),
            closesAt: s!.closesAt.toISOString(),
            durationMinutes: s!.durationSeconds / 60,
            practice: s!.practice,
            itemCount: plannedItemCount(FormSpec.parse(s!.formSpec)),
            forms: formLabels(FormSpec.parse(s!.formSpec)),
            accessCode: s!.accessCode,
            securityPolicy: securityPolicyView(s!.securityPolicy),
            rooms,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/rooms',
        summary: 'Add a room with its own access code and proctors',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam, body: { ...json(CreateRoom), required: true } },
        responses: {
          201: {
            description: 'Created',
            ...json(z.object({ id: z.uuid(), name: z.string(), accessCode: z.string() })),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const room = await addRoom(
          c.var.deps.db,
          c.var.actor,
          { sittingId: c.req.valid('param').id, sittingOrg: c.var.target!, ...body },
          { ip: c.var.clientIp },
        );
        return c.json({ id: room.id, name: room.name, accessCode: room.accessCode }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/candidates',
        summary: 'Enrol a class or students into a room; each gets a candidate number (số báo danh)',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam, body: { ...json(AddCandidates), required: true } },
        responses: {
          200: {
            description: 'Enrolled',
            ...json(
              z.object({
                added: z.number().int(),
                candidates: z.array(z.object({ studentId: z.uuid(), candidateNumber: z.string() })),
              }),
            ),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const result = await enrolCandidates(
          c.var.deps.db,
          c.var.actor,
          { sittingId: c.req.valid('param').id, sittingOrg: c.var.target!, enrol: c.req.valid('json') },
          { ip: c.var.clientIp },
        );
        return c.json(
          {
            added: result.length,
            candidates: result.map((v) => ({ studentId: v.studentId, candidateNumber: v.candidateNumber })),
          },
          200,
        );
      },
    )
    .route('/', sittingMarkerRoutes());
}
