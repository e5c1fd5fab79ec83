/**
 * Item statistics from past sittings, for the bank browser: `GET /api/item-statistics?bankId=`
 * gives every used item of a bank its pooled statistics; `GET /api/item-statistics/items/{id}`
 * one item's pooled and per-sitting figures. Staff who read results (`results:read`) in the bank's
 * organisation or below (banks are shared down); only sittings within the reader's own
 * organisation subtree count, so a school sees its own use of a shared bank. Uses in an adaptive
 * section (each candidate given other items, chosen by ability) count in no classical figure: they
 * are listed apart, as exposures (`adaptive`).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  adaptiveItemUses,
  itemHistory,
  type AdaptiveItemUse,
  type ItemHistory,
} from '../../../../grading/index.ts';
import { access } from '../../../people/access.ts';
import { bankTarget } from '../../../bank/bank-target.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { bankItemIds, loadItemHistory } from './load-item-history.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const ItemStatistics = z
  .object({
    itemId: z.uuid(),
    sittings: z.number().int(),
    candidates: z.number().int(),
    p: z.number().openapi({ description: 'Facility: mean score over the maximum' }),
    discrimination: z.number().openapi({ description: 'Corrected point-biserial (item-rest correlation)' }),
    pointBiserial: z.number(),
    meanScore: z.number(),
    maxScore: z.number(),
    omitRate: z.number(),
    lastUsed: z.string(),
    flags: z.array(z.string()),
  })
  .openapi('ItemStatistics');

const AdaptiveUse = z
  .object({
    itemId: z.uuid(),
    /** Sittings whose adaptive section gave the item, and the scored candidates given it there. */
    sittings: z.number().int(),
    exposures: z.number().int(),
    lastUsed: z.string(),
    /** Facility and discrimination do not apply to an item a CAT chose by ability. */
    classical: z.literal('not_applicable'),
  })
  .openapi('AdaptiveItemUse');

const presentAdaptive = (u: AdaptiveItemUse) => ({
  itemId: u.key,
  sittings: u.sittings,
  exposures: u.exposures,
  lastUsed: u.lastUsed,
  classical: 'not_applicable' as const,
});

const SittingUse = z.object({
  sittingId: z.uuid(),
  name: z.string(),
  usedAt: z.string(),
  forms: z.array(z.string()),
  candidates: z.number().int(),
  p: z.number(),
  discrimination: z.number(),
  meanScore: z.number(),
  omitRate: z.number(),
});

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const present = (h: ItemHistory) => ({
  itemId: h.key,
  sittings: h.sittings,
  candidates: h.candidates,
  p: round(h.p),
  discrimination: round(h.discrimination),
  pointBiserial: round(h.pointBiserial),
  meanScore: round(h.meanScore),
  maxScore: h.maxScore,
  omitRate: round(h.omitRate),
  lastUsed: h.lastUsed,
  flags: h.flags,
});

export function itemStatisticsRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'Statistics of the items of a bank from the sittings that used them',
        security,
        middleware: [access('results:read', bankTarget.itemBank('read', 'bankId', 'query'))] as const,
        request: { query: z.object({ bankId: z.uuid() }) },
        responses: {
          200: {
            description:
              'Used items; `adaptive`: their uses in adaptive sections, outside every classical figure',
            ...json(z.object({ items: z.array(ItemStatistics), adaptive: z.array(AdaptiveUse) })),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const { bankId } = c.req.valid('query');
        const db = c.var.deps.db;
        const [sittings, mine] = await Promise.all([
          loadItemHistory(db, { bankId }, c.var.actor.scopePath),
          bankItemIds(db, bankId),
        ]);
        const history = itemHistory(sittings).filter((h) => mine.has(h.key));
        const adaptive = adaptiveItemUses(sittings).filter((u) => mine.has(u.key));
        return c.json({ items: history.map(present), adaptive: adaptive.map(presentAdaptive) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/items/{id}',
        summary: 'Statistics of one item: pooled over its sittings, and sitting by sitting',
        security,
        middleware: [access('results:read', bankTarget.item('read', 'id', 'param'))] as const,
        request: { params: IdParam },
        responses: {
          200: {
            description: 'The item',
            ...json(
              z
                .object({
                  overall: ItemStatistics.nullable(),
                  sittings: z.array(SittingUse),
                  /** Its uses in adaptive sections (in neither `overall` nor `sittings`). */
                  adaptive: AdaptiveUse.nullable(),
                })
                .openapi('ItemStatisticsDetail'),
            ),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const itemId = c.req.valid('param').id;
        const sittings = await loadItemHistory(c.var.deps.db, { itemId }, c.var.actor.scopePath);
        const overall = itemHistory(sittings).find((h) => h.key === itemId);
        const adaptive = adaptiveItemUses(sittings).find((u) => u.key === itemId);
        return c.json(
          {
            overall: overall ? present(overall) : null,
            adaptive: adaptive ? presentAdaptive(adaptive) : null,
            sittings: sittings.flatMap((s) => {
              const h = itemHistory([s]).find((x) => x.key === itemId);
              if (!h) return [];
              return [
                {
                  sittingId: s.id,
                  name: s.name,
                  usedAt: s.usedAt,
                  forms: s.forms,
                  candidates: h.candidates,
                  p: round(h.p),
                  discrimination: round(h.discrimination),
                  meanScore: round(h.meanScore),
                  omitRate: round(h.omitRate),
                },
              ];
            }),
          },
          200,
        );
      },
    );
}
