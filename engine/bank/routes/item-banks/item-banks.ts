/** Item banks: owned by an organisation, readable by everyone below it, searchable. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { CLASH_POLICIES, itemBankTables, searchItems } from '../../../../item-bank/index.ts';
import { AppError, errors } from '../../../platform/errors.ts';
import { createItemBank } from '../../commands/create-item-bank.ts';
import { importItems } from '../../commands/import-items.ts';
import { bodyLimit } from 'hono/body-limit';
import { access, target } from '../../../people/access.ts';
import { bankTarget } from '../../bank-target.ts';
import { organisations } from '../../../people/tables.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { ImportClash } from '../imports/schema.ts';
import { CreateItemBank, ItemBank, ItemSummary, SearchItemsQuery } from './schema.ts';
import { readableBanks, sharesOf } from '../../policy.ts';
import { presentBank } from './present-bank.ts';
import { itemBankShareRoutes } from './shares.ts';
import { refusalDetails } from '../../refusal-codes.ts';

const { itemBanks } = itemBankTables;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

export function itemBankRoutes() {
  return new OpenAPIHono<AppEnv>()
    .route('/', itemBankShareRoutes())
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'Item banks you can use: those of your organisation, above it (shared down) and below it',
        security,
        middleware: [access('items:read')] as const,
        responses: {
          200: { description: 'Banks', ...json(z.object({ items: z.array(ItemBank) })) },
          ...staffErrors,
        },
      }),
      async (c) => {
        const actor = c.var.actor;
        const db = c.var.deps.db;
        const rows = await db
          .select({ bank: itemBanks, orgName: organisations.name, orgPath: organisations.path })
          .from(itemBanks)
          .innerJoin(organisations, eq(organisations.id, itemBanks.organisationId))
          .where(readableBanks(actor))
          .orderBy(asc(organisations.path), asc(itemBanks.name));
        const shares = await sharesOf(
          db,
          rows.map((r) => r.bank.id),
        );
        return c.json({ items: rows.map((r) => presentBank(actor, r, shares)) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Create an item bank owned by an organisation you manage',
        security,
        middleware: [access('banks:write', target.organisation('organisationId', 'json'))] as const,
        request: { body: { ...json(CreateItemBank), required: true } },
        responses: {
          201: { description: 'Created', ...json(ItemBank) },
          ...staffErrors,
          409: staffErrors[400],
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const org = c.var.target!;
        const bank = await createItemBank(
          c.var.deps.db,
          c.var.actor,
          org,
          { name: body.name, subject: body.subject || undefined, description: body.description },
          { ip: c.var.clientIp },
        );
        return c.json(presentBank(c.var.actor, { bank, orgName: org.name, orgPath: org.path }, []), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/import',
        summary: 'Import QTI items from a content package (zip) or one XML file: all items or none',
        description:
          'Send the file as the raw body (application/zip or application/xml). A 422 lists every file with its problems (line, column, sentence). `?dryRun=true` checks without saving.',
        security,
        middleware: [
          access('items:write', bankTarget.itemBank('write')),
          bodyLimit({
            maxSize: 200 * 2 ** 20,
            onError: () => {
              throw new AppError(
                413,
                'payload_too_large',
                'A package may be at most 200 MB.',
                refusalDetails('upload_too_large', { limitMb: 200 }),
              );
            },
          }),
        ] as const,
        request: {
          params: IdParam,
          query: z.object({
            dryRun: z.enum(['true', 'false']).optional(),
            filename: z.string().max(200).optional(),
            /**
             * Items and tests whose identifier the bank holds with other content: refuse (default,
             * 409 naming them), new-version, rename (new identifier) or skip.
             */
            clash: z.enum(CLASH_POLICIES).optional(),
          }),
        },
        responses: {
          200: {
            description: 'Imported',
            ...json(
              z.object({
                items: z.array(
                  z.object({
                    file: z.string(),
                    identifier: z.string(),
                    version: z.number().int(),
                    created: z.boolean(),
                  }),
                ),
                /** The tests of the package (QTI 2/3 assessmentTests, or QTI 1.2 assessments built with their sections). */
                tests: z.array(
                  z.object({
                    file: z.string(),
                    identifier: z.string(),
                    version: z.number().int(),
                    created: z.boolean(),
                  }),
                ),
                created: z.number().int(),
                unchanged: z.number().int(),
                skipped: z.number().int(),
                clashes: z.array(ImportClash),
                dryRun: z.boolean(),
              }),
            ),
          },
          ...staffErrors,
          409: staffErrors[400],
          422: staffErrors[400],
        },
      }),
      async (c) => {
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        if (!bytes.length) throw errors.badRequest('The upload is empty.', refusalDetails('upload_empty'));
        const query = c.req.valid('query');
        const result = await importItems({
          db: c.var.deps.db,
          actor: c.var.actor,
          bankId: c.req.valid('param').id,
          organisationId: c.var.target!.id,
          bytes,
          filename: query.filename,
          dryRun: query.dryRun === 'true',
          clash: query.clash,
          schemaDir: c.var.deps.config.qtiSchemaDir,
          ip: c.var.clientIp,
        });
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/items',
        summary: 'Search the items of a bank (filters on metadata; text search ignores diacritics)',
        security,
        middleware: [access('items:read', bankTarget.itemBank('read', 'id', 'param'))] as const,
        request: { params: IdParam, query: SearchItemsQuery },
        responses: {
          200: {
            description: 'A page of items',
            ...json(
              z.object({
                items: z.array(ItemSummary),
                total: z.number().int(),
                page: z.number().int(),
                pageSize: z.number().int(),
              }),
            ),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const result = await searchItems(c.var.deps.db, { ...query, bankIds: [c.req.valid('param').id] });
        return c.json(
          {
            ...result,
            items: result.items.map((i) => ({ ...i, updatedAt: new Date(i.updatedAt).toISOString() })),
          },
          200,
        );
      },
    );
}
