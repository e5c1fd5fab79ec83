/** GET /health: liveness and database reachability, for load balancers and the README's curl. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { AppEnv } from './env.ts';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['postgres', 'pglite']), ok: z.boolean() }),
  redis: z.object({ configured: z.boolean(), ok: z.boolean() }),
  uptimeSeconds: z.number(),
});

const route = createRoute({
  method: 'get',
  path: '/health',
  responses: {
    200: {
      description: 'The engine and its database answer',
      content: { 'application/json': { schema: HealthSchema } },
    },
    503: {
      description: 'A dependency does not answer',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});

export function healthRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const { db, databaseKind, redis } = c.var.deps;
    const databaseOk = await db.execute(sql`select 1`).then(
      () => true,
      () => false,
    );
    const redisOk = redis
      ? await redis.ping().then(
          (r) => r === 'PONG',
          () => false,
        )
      : true;
    const body = {
      status: databaseOk && redisOk ? ('ok' as const) : ('degraded' as const),
      database: { kind: databaseKind, ok: databaseOk },
      redis: { configured: Boolean(redis), ok: redisOk },
      uptimeSeconds: Math.round(process.uptime()),
    };
    return databaseOk && redisOk ? c.json(body, 200) : c.json(body, 503);
  });
}
