/** Organisations: the Sở -> Phòng -> Trường tree, each staff member seeing their own subtree. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { createOrganisation } from '../../commands/create-organisation.ts';
import { errors } from '../../../platform/errors.ts';
import { access, target } from '../../access.ts';
import { withinSubtree } from '../../scope.ts';
import { organisations } from '../../tables.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { CreateOrganisation, ListOrganisationsQuery, Organisation } from './schema.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const present = (row: typeof organisations.$inferSelect) => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  code: row.code,
  parentId: row.parentId,
  path: row.path,
});

export function organisationRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'Organisations in your subtree',
        security,
        middleware: [access('organisations:read')] as const,
        request: { query: ListOrganisationsQuery },
        responses: {
          200: { description: 'Organisations', ...json(z.object({ items: z.array(Organisation) })) },
          ...staffErrors,
        },
      }),
      async (c) => {
        const { kind } = c.req.valid('query');
        const rows = await c.var.deps.db
          .select()
          .from(organisations)
          .where(and(withinSubtree(c.var.actor), kind ? eq(organisations.kind, kind) : undefined))
          .orderBy(asc(organisations.path));
        return c.json({ items: rows.map(present) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        summary: 'One organisation',
        security,
        middleware: [access('organisations:read', target.organisation())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The organisation', ...json(Organisation) }, ...staffErrors },
      }),
      async (c) => {
        const [row] = await c.var.deps.db
          .select()
          .from(organisations)
          .where(eq(organisations.id, c.req.valid('param').id));
        if (!row) throw errors.notFound('The organisation');
        return c.json(present(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Create a district office or school under an organisation you manage',
        security,
        middleware: [access('organisations:write', target.organisation('parentId', 'json'))] as const,
        request: { body: { ...json(CreateOrganisation), required: true } },
        responses: {
          201: { description: 'Created', ...json(Organisation) },
          ...staffErrors,
          409: staffErrors[400],
        },
      }),
      async (c) => {
        const { parentId: _parentId, ...body } = c.req.valid('json');
        const created = await createOrganisation(
          c.var.deps.db,
          c.var.actor,
          { parent: c.var.target!, ...body },
          { ip: c.var.clientIp },
        );
        return c.json(present(created), 201);
      },
    );
}
