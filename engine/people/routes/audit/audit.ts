/** The audit log, read-only, for admins: entries about organisations in their subtree. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, isNull, like, or } from 'drizzle-orm';
import { access } from '../../access.ts';
import { auditLog, organisations } from '../../tables.ts';
import { Pagination, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';

const AuditEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    organisationId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.unknown(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

export function auditRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Audit entries of your subtree, newest first',
      security,
      middleware: [access('audit:read')] as const,
      request: { query: Pagination.extend({ action: z.string().optional() }) },
      responses: {
        200: {
          description: 'Entries',
          content: { 'application/json': { schema: z.object({ items: z.array(AuditEntry) }) } },
        },
        ...staffErrors,
      },
    }),
    async (c) => {
      const { page, pageSize, action } = c.req.valid('query');
      const actor = c.var.actor;
      // Entries without an organisation (unknown-user login failures) are shown only to root-level admins.
      const isRoot = actor.scopePath.split('/').filter(Boolean).length === 1;
      const rows = await c.var.deps.db
        .select({ entry: auditLog })
        .from(auditLog)
        .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
        .where(
          and(
            or(
              like(organisations.path, `${actor.scopePath}%`),
              isRoot ? isNull(auditLog.organisationId) : undefined,
            ),
            action ? eq(auditLog.action, action) : undefined,
          ),
        )
        .orderBy(desc(auditLog.seq))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return c.json(
        {
          items: rows.map(({ entry }) => ({
            ...entry,
            at: new Date(entry.at).toISOString(),
            prevHash: undefined,
          })),
        },
        200,
      );
    },
  );
}
