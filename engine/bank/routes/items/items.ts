/** One item: its details and versions, and the review workflow as one action per route. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { asc, desc, eq } from 'drizzle-orm';
import {
  allowedTransitions,
  getItemVersion,
  itemBankTables,
  ITEM_STATUSES,
  type ItemStatus,
} from '../../../../item-bank/index.ts';
import { errors } from '../../../platform/errors.ts';
import type { Permission } from '../../../people/permissions.ts';
import { access } from '../../../people/access.ts';
import { bankTarget } from '../../bank-target.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { ItemSummary } from '../item-banks/schema.ts';
import { changeItemStatus } from '../../commands/change-item-status.ts';
import { authoringRoutes } from './authoring.ts';

const { items, itemVersions, itemStatusEvents } = itemBankTables;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const ItemDetail = ItemSummary.extend({
  allowedTransitions: z.array(z.enum(ITEM_STATUSES)),
  history: z.array(
    z.object({
      from: z.enum(ITEM_STATUSES).nullable(),
      to: z.enum(ITEM_STATUSES),
      actorId: z.string().nullable(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
  versions: z.array(
    z.object({
      version: z.number().int(),
      sourceFormat: z.string(),
      createdAt: z.string(),
      delivered: z.boolean(),
    }),
  ),
}).openapi('ItemDetail');

const ItemVersion = z
  .object({
    version: z.number().int(),
    sourceFormat: z.string(),
    sourceFile: z.string().nullable(),
    qtiXml: z.string(),
    model: z.unknown(),
    createdAt: z.string(),
  })
  .openapi('ItemVersion');

const VersionParams = IdParam.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'path' } }),
});
const StatusBody = z.object({ comment: z.string().trim().max(2000).optional() });

/** The workflow actions: who may take each, and the status it leads to. */
const ACTIONS: Array<{ path: string; to: ItemStatus; permission: Permission; summary: string }> = [
  { path: 'submit', to: 'in_review', permission: 'items:write', summary: 'Send a draft for review' },
  { path: 'publish', to: 'published', permission: 'items:review', summary: 'Approve an item in review' },
  { path: 'return', to: 'draft', permission: 'items:review', summary: 'Send an item back to its author' },
  { path: 'retire', to: 'retired', permission: 'items:review', summary: 'Retire an item from use' },
];

export function itemRoutes() {
  const app = new OpenAPIHono<AppEnv>()
    // The item editor's routes first: `/authoring/preview` must not be read as an item id.
    .route('/', authoringRoutes())
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        summary: 'An item with its review history and versions',
        security,
        middleware: [access('items:read', bankTarget.item('read', 'id', 'param'))] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The item', ...json(ItemDetail) }, ...staffErrors },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const db = c.var.deps.db;
        const [item] = await db.select().from(items).where(eq(items.id, id));
        if (!item) throw errors.notFound('The item');
        const history = await db
          .select()
          .from(itemStatusEvents)
          .where(eq(itemStatusEvents.itemId, id))
          .orderBy(asc(itemStatusEvents.at));
        const versions = await db
          .select({
            version: itemVersions.version,
            sourceFormat: itemVersions.sourceFormat,
            createdAt: itemVersions.createdAt,
            delivered: itemVersions.firstDeliveredAt,
          })
          .from(itemVersions)
          .where(eq(itemVersions.itemId, id))
          .orderBy(desc(itemVersions.version));
        return c.json(
          {
            id: item.id,
            bankId: item.bankId,
            identifier: item.identifier,
            title: item.title,
            status: item.status,
            currentVersion: item.currentVersion,
            subject: item.subject,
            grade: item.grade,
            topic: item.topic,
            competencies: item.competencies,
            cognitiveLevel: item.cognitiveLevel,
            language: item.language,
            estimatedSeconds: item.estimatedSeconds,
            difficulty: item.difficulty,
            interactionTypes: item.interactionTypes,
            updatedAt: item.updatedAt.toISOString(),
            allowedTransitions: [...allowedTransitions(item.status)],
            history: history.map((h) => ({
              from: h.fromStatus,
              to: h.toStatus,
              actorId: h.actorId,
              comment: h.comment,
              at: h.at.toISOString(),
            })),
            versions: versions.map((v) => ({
              version: v.version,
              sourceFormat: v.sourceFormat,
              createdAt: v.createdAt.toISOString(),
              delivered: v.delivered !== null,
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/versions/{version}',
        summary: 'One version of an item, with its QTI 3.0 XML and model (staff only: holds the key)',
        security,
        middleware: [access('items:read', bankTarget.item('read', 'id', 'param'))] as const,
        request: { params: VersionParams },
        responses: { 200: { description: 'The version', ...json(ItemVersion) }, ...staffErrors },
      }),
      async (c) => {
        const { id, version } = c.req.valid('param');
        const row = await getItemVersion(c.var.deps.db, id, version);
        if (!row || row.version !== version) throw errors.notFound(`Version ${version} of the item`);
        return c.json(
          {
            version: row.version,
            sourceFormat: row.sourceFormat,
            sourceFile: row.sourceFile,
            qtiXml: row.qtiXml,
            model: row.model,
            createdAt: row.createdAt.toISOString(),
          },
          200,
        );
      },
    );

  for (const action of ACTIONS) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/{id}/${action.path}`,
        summary: action.summary,
        security,
        middleware: [access(action.permission, bankTarget.item('write'))] as const,
        request: { params: IdParam, body: { ...json(StatusBody), required: false } },
        responses: {
          200: {
            description: 'The new status',
            ...json(z.object({ from: z.enum(ITEM_STATUSES), to: z.enum(ITEM_STATUSES) })),
          },
          ...staffErrors,
          409: staffErrors[400],
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const comment = ((await c.req.json().catch(() => ({}))) as { comment?: string }).comment;
        const moved = await changeItemStatus(
          c.var.deps.db,
          c.var.actor,
          { itemId: id, organisationId: c.var.target!.id, action: action.path, to: action.to, comment },
          { ip: c.var.clientIp },
        );
        return c.json(moved, 200);
      },
    );
  }
  return app;
}
