/** Staff sign-in: password login, token refresh with rotation, logout, and who-am-I. */
import type { z } from '@hono/zod-openapi';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit-log.ts';
import type { StaffActor } from '../../actor.ts';
import { decoyPasswordHash, verifyPassword } from '../../password.ts';
import { ACCESS_TOKEN_SECONDS } from '../../tokens.ts';
import type { Database } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { abilitiesOf } from '../../permissions.ts';
import { authenticate } from '../../access.ts';
import { organisations, users } from '../../tables.ts';
import { security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppDeps, AppEnv } from '../../../platform/http/env.ts';
import { LoginBody, Me, RefreshBody, Session } from './schema.ts';

async function loadStaff(db: Database, where: ReturnType<typeof eq>) {
  const [row] = await db
    .select({
      user: users,
      org: {
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        path: organisations.path,
      },
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where);
  return row;
}

type StaffRow = NonNullable<Awaited<ReturnType<typeof loadStaff>>>;

const actorOf = ({ user, org }: StaffRow): StaffActor => ({
  userId: user.id,
  username: user.username,
  role: user.role,
  organisationId: org.id,
  scopePath: org.path,
});

const presentMe = ({ user, org }: StaffRow) => ({
  id: user.id,
  username: user.username,
  fullName: user.fullName,
  role: user.role,
  organisation: { id: org.id, name: org.name, kind: org.kind },
  abilities: abilitiesOf(user.role),
});

async function openSession(deps: AppDeps, staff: StaffRow, familyId?: string) {
  return {
    accessToken: await deps.tokens.issueAccessToken(actorOf(staff)),
    refreshToken: await deps.tokens.issueRefreshToken(staff.user.id, familyId),
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
      const deps = c.var.deps;
      const { username, password } = c.req.valid('json');
      const ip = c.var.clientIp;
      const wait = await deps.loginThrottle.retryAfter(username, ip);
      if (wait > 0) throw errors.rateLimited(wait);

      const staff = await loadStaff(deps.db, eq(sql`lower(${users.username})`, username.toLowerCase()));
      const passwordOk = staff
        ? await verifyPassword(staff.user.passwordHash, password)
        : await verifyPassword(await decoyPasswordHash(), password);
      if (!staff || !passwordOk || staff.user.disabled) {
        await deps.loginThrottle.recordFailure(username, ip);
        await appendAudit(deps.db, {
          action: 'auth.login_failed',
          subjectType: 'user',
          subjectId: staff?.user.id,
          organisationId: staff?.org.id,
          ip,
          details: { username },
        });
        throw errors.invalidCredentials();
      }
      await deps.loginThrottle.recordSuccess(username, ip);
      await appendAudit(deps.db, {
        actorId: staff.user.id,
        actorRole: staff.user.role,
        action: 'auth.login',
        subjectType: 'user',
        subjectId: staff.user.id,
        organisationId: staff.org.id,
        ip,
      });
      return c.json(await openSession(deps, staff), 200);
    })
    .openapi(refreshRoute, async (c) => {
      const deps = c.var.deps;
      const { userId, familyId } = await deps.tokens.spendRefreshToken(c.req.valid('json').refreshToken);
      const staff = await loadStaff(deps.db, eq(users.id, userId));
      if (!staff || staff.user.disabled) throw errors.invalidToken('The account is disabled.');
      return c.json(await openSession(deps, staff, familyId), 200);
    })
    .openapi(logoutRoute, async (c) => {
      await c.var.deps.tokens.revokeRefreshToken(c.req.valid('json').refreshToken);
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
