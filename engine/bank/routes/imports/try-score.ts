/** "Try scoring": runs the scoring engine on a test answer against a stored item version. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { itemBankTables, parseItemXml } from '../../../../item-bank/index.ts';
import { compileItem } from '../../../../grading/index.ts';
import { errors } from '../../../platform/errors.ts';
import { access } from '../../../people/access.ts';
import { bankTarget } from '../../bank-target.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { TryScoreBody } from './schema.ts';
import { refusalDetails } from '../../refusal-codes.ts';

const { items, itemVersions } = itemBankTables;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

export function tryScoreRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/{id}/try-score',
      summary: 'Score a test answer on an item (its current version, or `version`); nothing is stored',
      security,
      middleware: [access('items:read', bankTarget.item('read', 'id', 'param'))] as const,
      request: {
        params: IdParam,
        body: {
          ...json(TryScoreBody.extend({ version: z.number().int().min(1).optional() })),
          required: true,
        },
      },
      responses: {
        200: {
          description: 'Outcomes',
          ...json(z.object({ version: z.number().int(), outcomes: z.record(z.string(), z.unknown()) })),
        },
        ...staffErrors,
        422: staffErrors[400],
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const body = c.req.valid('json');
      const db = c.var.deps.db;
      const [item] = await db.select({ current: items.currentVersion }).from(items).where(eq(items.id, id));
      if (!item) throw errors.notFound('The item');
      const version = body.version ?? item.current;
      const [row] = await db
        .select({ qtiXml: itemVersions.qtiXml })
        .from(itemVersions)
        .where(and(eq(itemVersions.itemId, id), eq(itemVersions.version, version)));
      if (!row) throw errors.notFound('The item version');
      const parsed = parseItemXml(row.qtiXml);
      if (!parsed.item)
        throw errors.validation(
          'The stored item cannot be read.',
          refusalDetails('stored_item_unreadable', { problems: parsed.problems }),
        );
      try {
        return c.json({ version, outcomes: compileItem(parsed.item).scoreJson(body.responses) }, 200);
      } catch (error) {
        throw errors.validation(
          `The answer cannot be scored: ${(error as Error).message}`,
          refusalDetails('answer_not_scorable', { reason: (error as Error).message }),
        );
      }
    },
  );
}
