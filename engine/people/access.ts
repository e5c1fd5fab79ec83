/**
 * The one access middleware: authenticates the staff token, checks the role's permission,
 * resolves the organisation the request acts on and checks it lies in the actor's subtree.
 * Routes declare `access('students:read', target.student('id'))` instead of writing checks.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { inScope } from './actor.ts';
import { errors } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http/env.ts';
import {
  findOrganisation,
  organisationOfClass,
  organisationOfStudent,
  organisationOfUser,
  type OrganisationRef,
} from './organisation-ref.ts';
import { roleCan, type Permission } from './permissions.ts';

/** Finds the organisation a request acts on; `undefined` means the target does not exist. */
export interface TargetResolver {
  /** Name of the thing for a 404 message. */
  what: string;
  /** False when the request may leave the target out (a list over the actor's whole scope). */
  required: boolean;
  /** Shared down the tree: staff below the owning organisation may use it too (stored tests). */
  sharedDown?: boolean;
  /**
   * The target's owner and, when the target's capability has its own rule (item banks: shares), that
   * rule's verdict on the actor; without a verdict the organisation subtree decides.
   */
  resolve(c: Context<AppEnv>): Promise<{ given: boolean; org?: OrganisationRef; verdict?: Verdict }>;
}

/** A capability rule's answer: allowed, or the 403 to send (its message and coded details). */
export type Verdict = { allowed: true } | { allowed: false; message: string; details?: unknown };

export type Source = 'param' | 'query' | 'json';

/** A request field (path, query or JSON body) that names a target. */
export async function readField(c: Context<AppEnv>, source: Source, field: string): Promise<unknown> {
  if (source === 'param') return c.req.param(field);
  if (source === 'query') return c.req.query(field);
  // Hono caches the parsed body, so the validator after this middleware reads it again for free.
  const body = await c.req.json().catch(() => undefined);
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
}

/** A target resolver from a lookup of the organisation that owns the thing the request names. */
export function resolver(
  what: string,
  lookup: (c: Context<AppEnv>, id: unknown) => Promise<OrganisationRef | undefined>,
  source: Source,
  field: string,
  required: boolean,
): TargetResolver {
  return {
    what,
    required,
    async resolve(c) {
      const value = await readField(c, source, field);
      if (value === undefined || value === '') return { given: false };
      return { given: true, org: await lookup(c, value) };
    },
  };
}

const db = (c: Context<AppEnv>) => c.var.deps.db;

/** Resolvers for the kinds of target the API has. */
export const target = {
  organisation: (field = 'id', source: Source = 'param', required = true) =>
    resolver('The organisation', (c, id) => findOrganisation(db(c), id), source, field, required),
  class: (field = 'id', source: Source = 'param', required = true) =>
    resolver('The class', (c, id) => organisationOfClass(db(c), id), source, field, required),
  student: (field = 'id', source: Source = 'param', required = true) =>
    resolver('The student', (c, id) => organisationOfStudent(db(c), id), source, field, required),
  user: (field = 'id', source: Source = 'param', required = true) =>
    resolver('The user', (c, id) => organisationOfUser(db(c), id), source, field, required),
};

/** Verifies the bearer token and sets `actor`; 401 when missing or invalid. */
export async function authenticate(c: Context<AppEnv>): Promise<void> {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw errors.unauthenticated();
  c.set('actor', await c.var.deps.tokens.verifyAccessToken(match[1]));
}

export function access(permission: Permission, targetResolver?: TargetResolver): MiddlewareHandler<AppEnv> {
  return async function accessCheck(c, next) {
    await authenticate(c);
    const actor = c.var.actor;
    if (!roleCan(actor.role, permission)) {
      throw errors.forbidden(`The ${actor.role} role may not do this (${permission}).`);
    }
    c.set('target', undefined);
    if (targetResolver) {
      const { given, org, verdict } = await targetResolver.resolve(c);
      if (given && !org) throw errors.notFound(targetResolver.what);
      if (!given && targetResolver.required) throw errors.badRequest(`${targetResolver.what} must be given.`);
      if (org) {
        // The row exists but belongs to another organisation: refuse plainly rather than pretend it is missing.
        if (verdict && !verdict.allowed) throw errors.forbidden(verdict.message, verdict.details);
        const visible =
          verdict?.allowed ||
          inScope(actor, org.path) ||
          (targetResolver.sharedDown && actor.scopePath.startsWith(org.path));
        if (!visible) throw errors.forbidden(`${org.name} is outside your organisation.`);
        c.set('target', org);
      }
    }
    await next();
  };
}

/** Only signs the staff member in; the capability's own policy decides afterwards (proctoring). */
export const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  await authenticate(c);
  await next();
};
