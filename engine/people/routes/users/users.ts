/** Staff users, each scoped to an organisation; admins create them inside their own subtree. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, count, eq } from 'drizzle-orm';
import { createUser } from '../../commands/create-user.ts';
import { errors } from '../../../platform/errors.ts';
import { access, target } from '../../access.ts';
import { withinSubtree } from '../../scope.ts';
import { organisations, users } from '../../tables.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { CreateUser, ListUsersQuery, User } from './schema.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const present = (row: typeof users.$inferSelect) => ({
  id: row.id,
  username: row.username,
  fullName: row.fullName,
  email: row.email,
  role: row.role,
  organisationId: row.organisationId,
  disabled: row.disabled,
});

export function userRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'Staff users in your subtree',
        security,
        middleware: [access('users:read', target.organisation('organisationId', 'query', false))] as const,
        request: { query: ListUsersQuery },
        responses: {
          200: { description: 'Users', ...json(z.object({ items: z.array(User), total: z.number().int() })) },
          ...staffErrors,
        },
      }),
      async (c) => {
        const { page, pageSize, role } = c.req.valid('query');
        const where = and(withinSubtree(c.var.actor, c.var.target), role ? eq(users.role, role) : undefined);
        const db = c.var.deps.db;
        const [rows, [total]] = await Promise.all([
          db
            .select({ user: users })
            .from(users)
            .innerJoin(organisations, eq(organisations.id, users.organisationId))
            .where(where)
            .orderBy(asc(users.username))
            .limit(pageSize)
            .offset((page - 1) * pageSize),
          db
            .select({ n: count() })
            .from(users)
            .innerJoin(organisations, eq(organisations.id, users.organisationId))
            .where(where),
        ]);
        return c.json({ items: rows.map((r) => present(r.user)), total: total?.n ?? 0 }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        summary: 'One staff user',
        security,
        middleware: [access('users:read', target.user())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The user', ...json(User) }, ...staffErrors },
      }),
      async (c) => {
        const [row] = await c.var.deps.db
          .select()
          .from(users)
          .where(eq(users.id, c.req.valid('param').id));
        if (!row) throw errors.notFound('The user');
        return c.json(present(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Create a staff user in an organisation you manage',
        security,
        middleware: [access('users:write', target.organisation('organisationId', 'json'))] as const,
        request: { body: { ...json(CreateUser), required: true } },
        responses: { 201: { description: 'Created', ...json(User) }, ...staffErrors, 409: staffErrors[400] },
      }),
      async (c) => {
        const created = await createUser(c.var.deps.db, c.var.actor, c.req.valid('json'), {
          ip: c.var.clientIp,
        });
        return c.json(present(created), 201);
      },
    );
}
