/** Proctor and exam-board actions on one candidate session; each is audited and pushed to the candidate at once. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { performSessionAction } from '../commands/session-action.ts';
import { timeState } from '../../delivery/session-clock.ts';
import { errors } from '../../platform/errors.ts';
import { signedIn } from '../../people/access.ts';
import { authorize } from '../policy.ts';
import { IdParam, security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const SessionState = z.object({
  state: z.string(),
  remainingMs: z.number().nullable(),
  deadline: z.number().nullable(),
});

const ACTIONS = [
  {
    path: 'pause',
    action: 'pause',
    summary: 'Pause: the clock stops and answering is locked',
    body: z.object({ reason: z.string().trim().max(500).optional() }),
  },
  {
    path: 'resume',
    action: 'resume',
    summary: 'Resume a paused session; the deadline moves by the paused time',
    body: z.object({}),
  },
  {
    path: 'extend',
    action: 'extend',
    summary: 'Give extra time',
    body: z.object({ minutes: z.number().int().min(1).max(240) }),
  },
  {
    path: 'terminate',
    action: 'terminate',
    summary: 'End the session now, with a reason; the answers so far are kept and scored',
    body: z.object({ reason: z.string().trim().min(3).max(500) }),
  },
  {
    path: 'message',
    action: 'message',
    summary: 'Send the candidate a message',
    body: z.object({ text: z.string().trim().min(1).max(1000) }),
  },
  {
    path: 'allow-device-change',
    action: 'allow_device_change',
    summary: 'Let the candidate continue on another device or tab (once)',
    body: z.object({}),
  },
] as const;

/**
 * Who may act on this session is answered before the body is read (the command asks again, in its
 * transaction): a refused role or a session outside one's rooms learns nothing of the body's shape.
 */
const mayActOnSession: MiddlewareHandler<AppEnv> = async function mayActOnSession(c, next) {
  await authorize(c.var.deps.db, c.var.actor, 'session:act', { sessionId: c.req.param('id')! });
  await next();
};

export function sessionRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  for (const def of ACTIONS) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/{id}/${def.path}`,
        summary: def.summary,
        security,
        middleware: [signedIn, mayActOnSession] as const,
        request: { params: IdParam, body: { ...json(def.body), required: false } },
        responses: {
          200: { description: 'The session after the action', ...json(SessionState) },
          ...staffErrors,
          409: staffErrors[400],
        },
      }),
      async (c) => {
        const raw = await c.req.json().catch(() => ({}));
        const parsed = def.body.safeParse(raw ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw errors.badRequest(`${issue.path.join('.')}: ${issue.message}`);
        }
        // The command applies the proctoring policy, as for the /proctor socket.
        const row = await performSessionAction(
          c.var.deps,
          c.var.actor,
          { action: def.action, sessionId: c.req.valid('param').id, ...parsed.data } as never,
          { ip: c.var.clientIp },
        );
        const time = timeState(row);
        return c.json({ state: row.state, remainingMs: time.remainingMs, deadline: time.deadline }, 200);
      },
    );
  }
  return app;
}
