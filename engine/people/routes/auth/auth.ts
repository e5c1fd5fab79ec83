/** Staff sign-in: password login, token refresh with rotation, logout, and who-am-I. */
import type { z } from '@hono/zod-openapi';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { logIn } from '../../commands/log-in.ts';
import { logOut } from '../../commands/log-out.ts';
import { refreshSession } from '../../commands/refresh-session.ts';
import { ACCESS_TOKEN_SECONDS } from '../../tokens.ts';
import { errors } from '../../../platform/errors.ts';
import { abilitiesOf } from '../../permissions.ts';
import { authenticate } from '../../access.ts';
import { actorOf, loadStaff, type StaffAccount } from '../../staff-account.ts';
import { users } from '../../tables.ts';
import { security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppDeps, AppEnv } from '../../../platform/http/env.ts';
import { LoginBody, Me, RefreshBody, Session } from './schema.ts';

const presentMe = ({ user, org }: StaffAccount) => ({
  id: user.id,
  username: user.username,
  fullName: user.fullName,
  role: user.role,
  organisation: { id: org.id, name: org.name, kind: org.kind },
  abilities: abilitiesOf(user.role),
});

async function presentSession(deps: AppDeps, staff: StaffAccount, refreshToken: string) {
  return {
    accessToken: await deps.tokens.issueAccessToken(actorOf(staff)),
    refreshToken,
    tokenType: 'Bearer' as const,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: presentMe(staff),
  };
}

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  summary: 'Sign in with username and password',
  request: { body: { ...json(LoginBody), required: true } },
  responses: {
    200: { description: 'Signed in', ...json(Session) },
    400: staffErrors[400],
    401: staffErrors[401],
    429: { ...staffErrors[400], description: 'Too many failed attempts' },
  },
});

const refreshRoute = createRoute({
  method: 'post',
  path: '/refresh',
  summary: 'Exchange a refresh token for new tokens (the old one is spent)',
  request: { body: { ...json(RefreshBody), required: true } },
  responses: {
    200: { description: 'New tokens', ...json(Session) },
    400: staffErrors[400],
    401: staffErrors[401],
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  summary: 'Revoke a refresh token',
  request: { body: { ...json(RefreshBody), required: true } },
  responses: { 204: { description: 'Signed out' }, 400: staffErrors[400] },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  summary: 'The signed-in staff member, with their abilities',
  security,
  responses: { 200: { description: 'The signed-in user', ...json(Me) }, 401: staffErrors[401] },
});

export function authRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(loginRoute, async (c) => {
      const { staff, refreshToken } = await logIn(c.var.deps, c.req.valid('json'), { ip: c.var.clientIp });
      return c.json(await presentSession(c.var.deps, staff, refreshToken), 200);
    })
    .openapi(refreshRoute, async (c) => {
      const { staff, refreshToken } = await refreshSession(c.var.deps, c.req.valid('json').refreshToken, {
        ip: c.var.clientIp,
      });
      return c.json(await presentSession(c.var.deps, staff, refreshToken), 200);
    })
    .openapi(logoutRoute, async (c) => {
      await logOut(c.var.deps, c.req.valid('json').refreshToken, { ip: c.var.clientIp });
      return c.body(null, 204);
    })
    .openapi(meRoute, async (c) => {
      await authenticate(c);
      const staff = await loadStaff(c.var.deps.db, eq(users.id, c.var.actor.userId));
      if (!staff || staff.user.disabled)
        throw errors.invalidToken('The account no longer exists or is disabled.');
      return c.json(presentMe(staff), 200);
    });
}
