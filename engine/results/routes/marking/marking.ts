/**
 * Teacher marking. `GET /api/marking/sittings` lists the sittings of the marker's subtree with
 * marking work; `GET /api/marking/sittings/{id}/items` the items to mark with where their responses
 * stand; `GET /api/marking/sittings/{id}/item-versions` (exam board) the delivered items with newer
 * versions, for a re-score after a key correction. `GET /api/marking/sittings/{id}/queue?item=<ref>` lists the responses of an item
 * still waiting for a mark, anonymised when the item's marking settings say so (a stable label in
 * place of the candidate). `POST /api/marking/sittings/{id}/marks` records a mark (points, or rubric
 * levels); the role (first, second, moderator) follows the double-marking rule, and once every
 * manually marked item of the session is resolved the session is re-scored into a new result
 * version, which (being final) also writes its e-records outbox row. Two markers racing for the
 * same role get 409 (`refused: taken`) from the unique index, never a 500. Once the exam board has
 * assigned a sitting's marking team, the sitting's routes refuse anyone else (403, `not_assigned_marker`;
 * see marking-team.ts) and the list leaves the sitting out for them.
 * `PUT /api/marking/sittings/{id}/items/{ref}` sets an item's rubric and marking rule. The writes are
 * commands (commands/record-mark.ts, commands/set-marking-config.ts); these routes parse and reply.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { recordMark } from '../../commands/record-mark.ts';
import { setMarkingConfig } from '../../commands/set-marking-config.ts';
import { createQtiScorer } from '../../qti-scorer.ts';
import { sittings } from '../../../sittings/tables.ts';
import { access } from '../../../people/access.ts';
import { sittingTarget } from '../../../sittings/organisation-of-sitting.ts';
import { markingTeam } from '../../marking-team.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import {
  DeliveredItemVersions,
  MarkBody,
  MarkableSittings,
  MarkedItems,
  MarkingConfigBody,
  MarkingQueue,
  RecordedMark,
  SittingItemParams,
} from '../../schemas.ts';
import { correctedVersions } from './corrected-versions.ts';
import { markableSittings } from './markable-sittings.ts';
import { markingOverview } from './marking-overview.ts';
import { markingQueue } from './marking-queue.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

// Used only when the engine was built without its own scorer (it always has one).
const fallbackScorer = createQtiScorer();

export function markingRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'put',
        path: '/sittings/{id}/items/{ref}',
        summary: "Set an item's rubric and marking rule in a sitting (anonymous, double marking); audited",
        security,
        middleware: [access('marking:moderate', sittingTarget())] as const,
        request: { params: SittingItemParams, body: { required: true, ...json(MarkingConfigBody) } },
        responses: {
          200: {
            description: 'Saved',
            ...json(z.object({ ok: z.literal(true), rubricId: z.string().nullable() })),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const { id, ref } = c.req.valid('param');
        const { rubricId } = await setMarkingConfig(
          c.var.deps.db,
          c.var.actor,
          { sittingId: id, itemRef: ref, organisationId: c.var.target!.id, ...c.req.valid('json') },
          { ip: c.var.clientIp },
        );
        return c.json({ ok: true as const, rubricId: rubricId ?? null }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sittings',
        summary: "The sittings of the marker's scope with marking work, open or finished",
        security,
        middleware: [access('marking:mark')] as const,
        responses: { 200: { description: 'The sittings', ...json(MarkableSittings) }, ...staffErrors },
      }),
      async (c) => c.json({ items: await markableSittings(c.var.deps.db, c.var.actor) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sittings/{id}/items',
        summary: 'The items of a sitting that teachers mark, with where their responses stand',
        security,
        middleware: [access('marking:mark', sittingTarget()), markingTeam()] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The items', ...json(MarkedItems) }, ...staffErrors },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const [sitting] = await c.var.deps.db
          .select({ id: sittings.id, name: sittings.name, subject: sittings.subject })
          .from(sittings)
          .where(eq(sittings.id, id));
        const items = await markingOverview(c.var.deps.db, id, c.var.actor, c.var.markingRights);
        return c.json({ sitting, items }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sittings/{id}/item-versions',
        summary:
          'The items a sitting delivered with their newest versions, to re-score after a key correction',
        security,
        middleware: [access('results:write', sittingTarget())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The items', ...json(DeliveredItemVersions) }, ...staffErrors },
      }),
      async (c) => c.json({ items: await correctedVersions(c.var.deps.db, c.req.valid('param').id) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sittings/{id}/queue',
        summary: "One item's responses the asking marker may mark now (anonymised when the item says so)",
        security,
        middleware: [access('marking:mark', sittingTarget()), markingTeam()] as const,
        request: {
          params: IdParam,
          query: z.object({
            item: z
              .string({ error: 'the item ref to mark must be given.' })
              .min(1, 'the item ref to mark must be given.')
              .describe('The item ref to mark'),
          }),
        },
        responses: { 200: { description: 'The queue', ...json(MarkingQueue) }, ...staffErrors },
      }),
      async (c) => {
        const queue = await markingQueue(
          c.var.deps.db,
          c.req.valid('param').id,
          c.req.valid('query').item,
          c.var.actor,
          c.var.markingRights,
        );
        return c.json(queue, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sittings/{id}/marks',
        summary: 'Record a mark (points, or rubric levels); its role follows the double-marking rule',
        security,
        middleware: [access('marking:mark', sittingTarget()), markingTeam()] as const,
        request: { params: IdParam, body: { required: true, ...json(MarkBody) } },
        responses: {
          201: {
            description: 'The mark, and the new result version when it completed the session',
            ...json(RecordedMark),
          },
          ...staffErrors,
          409: {
            description: 'Another marker took this role first (details.refused: taken)',
            ...json(ErrorSchema),
          },
        },
      }),
      async (c) => {
        const recorded = await recordMark(
          { db: c.var.deps.db, scorer: c.var.deps.scorer ?? fallbackScorer },
          c.var.actor,
          c.var.markingRights,
          { sittingId: c.req.valid('param').id, organisationId: c.var.target?.id, ...c.req.valid('json') },
          { ip: c.var.clientIp },
        );
        return c.json(recorded, 201);
      },
    );
}
