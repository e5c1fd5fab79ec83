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
 * `PUT /api/marking/sittings/{id}/items/{ref}` sets an item's rubric and marking rule.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import {
  gradingTables,
  RubricCriteria,
  nextRole,
  resolveMarks,
  scoreRubric,
  type MarkRole,
} from '../../../../grading/index.ts';
import { appendAudit } from '../../../people/audit-log.ts';
import { createQtiScorer } from '../../qti-scorer.ts';
import { scoreSession } from '../../score-session.ts';
import { candidateSessions, sessionResults } from '../../../delivery/tables.ts';
import { sittings } from '../../../sittings/tables.ts';
import { errors } from '../../../platform/errors.ts';
import { access } from '../../../people/access.ts';
import { sittingTarget } from '../../../sittings/organisation-of-sitting.ts';
import { markingTeam, mayGiveMark, notAssignedMarker } from '../../marking-team.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { correctedVersions } from './corrected-versions.ts';
import { markableSittings } from './markable-sittings.ts';
import { markingOverview } from './marking-overview.ts';
import { markingQueue } from './marking-queue.ts';
import { DEFAULT_RULE, rulesOf } from './sitting-marking.ts';
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts';

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
const { marks, markingConfigs, rubrics } = gradingTables;

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw errors.badRequest(`${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export async function configOf(db: Database, sittingId: string, itemRef: string) {
  const [row] = await db
    .select({ config: markingConfigs, criteria: rubrics.criteria })
    .from(markingConfigs)
    .leftJoin(rubrics, eq(rubrics.id, markingConfigs.rubricId))
    .where(and(eq(markingConfigs.sittingId, sittingId), eq(markingConfigs.itemRef, itemRef)));
  return {
    anonymous: row?.config.anonymous ?? true,
    doubleMarking: row?.config.doubleMarking ?? false,
    discrepancyThreshold: row?.config.discrepancyThreshold ?? 1,
    criteria: row?.criteria ? RubricCriteria.parse(row.criteria) : undefined,
  };
}

async function latestResult(db: Database, sessionId: string) {
  const [row] = await db
    .select()
    .from(sessionResults)
    .where(eq(sessionResults.sessionId, sessionId))
    .orderBy(desc(sessionResults.version))
    .limit(1);
  return row;
}

export function markingRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.put('/sittings/:id/items/:ref', access('marking:moderate', sittingTarget()), async (c) => {
    const body = parse(ConfigBody, await c.req.json().catch(() => undefined));
    const { db } = c.var.deps;
    let rubricId: string | null = null;
    if (body.rubric) {
      const [r] = await db
        .insert(rubrics)
        .values({
          organisationId: c.var.target!.id,
          name: body.rubric.name,
          criteria: body.rubric.criteria,
          createdBy: c.var.actor.userId,
        })
        .returning({ id: rubrics.id });
      rubricId = r!.id;
    }
    const values = {
      anonymous: body.anonymous,
      doubleMarking: body.doubleMarking,
      discrepancyThreshold: body.discrepancyThreshold,
      rubricId,
    };
    await db
      .insert(markingConfigs)
      .values({ sittingId: c.req.param('id'), itemRef: c.req.param('ref'), ...values })
      .onConflictDoUpdate({ target: [markingConfigs.sittingId, markingConfigs.itemRef], set: values });
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
    const { db } = c.var.deps;
    const sittingId = c.req.param('id');
    const [session] = await db
      .select()
      .from(candidateSessions)
      .where(eq(candidateSessions.id, body.sessionId));
    if (!session || session.sittingId !== sittingId) throw errors.notFound('The candidate session');
    const result = await latestResult(db, body.sessionId);
    const items = (result?.outcomes ?? {}) as Record<string, { pending?: boolean; maxScore?: number }>;
    const item = items[body.itemRef];
    const given = await db
      .select()
      .from(marks)
      .where(and(eq(marks.sessionId, body.sessionId), eq(marks.itemRef, body.itemRef)));
    if (!item?.pending && !given.length)
      throw errors.badRequest(`${body.itemRef} does not wait for a teacher's mark.`);
    const config = await configOf(db, sittingId, body.itemRef);
    let score: number;
    try {
      score = config.criteria ? scoreRubric(config.criteria, body.levels ?? {}) : (body.score ?? NaN);
    } catch (error) {
      throw errors.badRequest(`levels: ${(error as Error).message}`);
    }
    if (!Number.isFinite(score)) throw errors.badRequest('score: give the points awarded.');
    if (item?.maxScore !== undefined && score > item.maxScore)
      throw errors.badRequest(`score: at most ${item.maxScore} points.`);
    const role = nextRole(
      config,
      given.map((m) => ({ ...m, role: m.role as MarkRole })),
      c.var.actor.userId,
      c.var.markingRights.moderate,
    );
    if (typeof role !== 'string')
      throw errors.conflict(`This response cannot take your mark (${role.refused}).`, role);
    // Exam board staff left out of an assigned team may still settle a discrepancy, nothing else.
    if (!mayGiveMark(c.var.markingRights, role)) throw notAssignedMarker();
    const actor = c.var.actor;
    await db
      .transaction(async (tx) => {
        await tx.insert(marks).values({
          sittingId,
          sessionId: body.sessionId,
          itemRef: body.itemRef,
          markerId: actor.userId,
          role,
          score,
          levels: body.levels ?? {},
          comment: body.comment,
        });
        await appendAudit(tx, {
          actorId: actor.userId,
          actorRole: actor.role,
          action: 'marking.mark',
          subjectType: 'session',
          subjectId: body.sessionId,
          organisationId: c.var.target?.id,
          ip: c.var.clientIp,
          details: { itemRef: body.itemRef, role, score, levels: body.levels ?? {} },
        });
      })
      .catch((error: unknown) => {
        // Another marker took this role between our check and our insert (the unique index on
        // session, item and role): the same refusal as if they had been a moment quicker.
        if (isUniqueViolation(error))
          throw errors.conflict(`Another marker has just given the ${role} mark of this response.`, {
            refused: 'taken',
            role,
          });
        throw error;
      });
    // Re-score once every item that waited for a marker is resolved.
    const [all, rules] = await Promise.all([
      db.select().from(marks).where(eq(marks.sessionId, body.sessionId)),
      rulesOf(db, sittingId),
    ]);
    const manual: Record<string, number> = {};
    let complete = true;
    for (const [ref, it] of Object.entries(items)) {
      if (!it.pending && !all.some((m) => m.itemRef === ref)) continue;
      const cfg = ref === body.itemRef ? config : (rules.get(ref) ?? DEFAULT_RULE);
      const resolution = resolveMarks(
        cfg,
        all.filter((m) => m.itemRef === ref).map((m) => ({ role: m.role as MarkRole, score: m.score })),
      );
      if (resolution.state === 'resolved') manual[ref] = resolution.score;
      else complete = false;
    }
    const state = resolveMarks(
      config,
      all
        .filter((m) => m.itemRef === body.itemRef)
        .map((m) => ({ role: m.role as MarkRole, score: m.score })),
    ).state;
    const scorer = c.var.deps.scorer ?? fallbackScorer;
    const rescored = complete
      ? await scoreSession(db, scorer, body.sessionId, 'marked', manual, {
          actorId: actor.userId,
          actorRole: actor.role,
          ip: c.var.clientIp,
        })
      : undefined;
    return c.json(
      {
        role,
        score,
        itemState: state,
        result: rescored
          ? {
              version: rescored.version,
              status: rescored.status,
              scaledScore: rescored.scaledScore,
              rating: rescored.rating,
            }
          : null,
      },
      201,
    );
  });

  return app;
}
