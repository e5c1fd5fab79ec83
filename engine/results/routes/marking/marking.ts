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
 * see policies/marking-team.ts) and the list leaves the sitting out for them.
 * `PUT /api/marking/sittings/{id}/items/{ref}` sets an item's rubric and marking rule. The writes are
 * commands (commands/record-mark.ts, commands/set-marking-config.ts); these routes parse and reply.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { RubricCriteria } from '../../../../grading/index.ts';
import { recordMark } from '../../commands/record-mark.ts';
import { setMarkingConfig } from '../../commands/set-marking-config.ts';
import { createQtiScorer } from '../../qti-scorer.ts';
import { sittings } from '../../../sittings/tables.ts';
import { errors } from '../../../platform/errors.ts';
import { access } from '../../../people/access.ts';
import { sittingTarget } from '../../../sittings/organisation-of-sitting.ts';
import { markingTeam } from '../../marking-team.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { correctedVersions } from './corrected-versions.ts';
import { markableSittings } from './markable-sittings.ts';
import { markingOverview } from './marking-overview.ts';
import { markingQueue } from './marking-queue.ts';

const MarkBody = z.object({
  sessionId: z.uuid(),
  itemRef: z.string().min(1),
  /** Points given directly, when the item has no rubric. */
  score: z.number().min(0).optional(),
  /** Level index per rubric criterion id, when the item has a rubric. */
  levels: z.record(z.string(), z.number().int().min(0)).optional(),
  comment: z.string().max(4000).optional(),
});

const ConfigBody = z.object({
  rubric: z.object({ name: z.string().min(1), criteria: RubricCriteria }).optional(),
  anonymous: z.boolean().default(true),
  doubleMarking: z.boolean().default(false),
  discrepancyThreshold: z.number().min(0).default(1),
});

// Used only when the engine was built without its own scorer (it always has one).
const fallbackScorer = createQtiScorer();

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw errors.badRequest(`${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function markingRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.put('/sittings/:id/items/:ref', access('marking:moderate', sittingTarget()), async (c) => {
    const body = parse(ConfigBody, await c.req.json().catch(() => undefined));
    const { rubricId } = await setMarkingConfig(
      c.var.deps.db,
      c.var.actor,
      {
        sittingId: c.req.param('id'),
        itemRef: c.req.param('ref'),
        organisationId: c.var.target!.id,
        ...body,
      },
      { ip: c.var.clientIp },
    );
    return c.json({ ok: true, rubricId });
  });

  app.get('/sittings', access('marking:mark'), async (c) =>
    c.json({ items: await markableSittings(c.var.deps.db, c.var.actor) }),
  );

  app.get('/sittings/:id/items', access('marking:mark', sittingTarget()), markingTeam(), async (c) => {
    const [sitting] = await c.var.deps.db
      .select({ id: sittings.id, name: sittings.name, subject: sittings.subject })
      .from(sittings)
      .where(eq(sittings.id, c.req.param('id')));
    return c.json({
      sitting,
      items: await markingOverview(c.var.deps.db, c.req.param('id'), c.var.actor, c.var.markingRights),
    });
  });

  app.get('/sittings/:id/item-versions', access('results:write', sittingTarget()), async (c) =>
    c.json({ items: await correctedVersions(c.var.deps.db, c.req.param('id')) }),
  );

  app.get('/sittings/:id/queue', access('marking:mark', sittingTarget()), markingTeam(), async (c) => {
    const itemRef = c.req.query('item');
    if (!itemRef) throw errors.badRequest('item: the item ref to mark must be given.');
    return c.json(
      await markingQueue(c.var.deps.db, c.req.param('id'), itemRef, c.var.actor, c.var.markingRights),
    );
  });

  app.post('/sittings/:id/marks', access('marking:mark', sittingTarget()), markingTeam(), async (c) => {
    const body = parse(MarkBody, await c.req.json().catch(() => undefined));
    const recorded = await recordMark(
      { db: c.var.deps.db, scorer: c.var.deps.scorer ?? fallbackScorer },
      c.var.actor,
      c.var.markingRights,
      { sittingId: c.req.param('id'), organisationId: c.var.target?.id, ...body },
      { ip: c.var.clientIp },
    );
    return c.json(recorded, 201);
  });

  return app;
}
