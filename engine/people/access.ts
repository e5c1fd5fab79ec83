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
  organisationOfItemBank,
  organisationOfItem,
  type OrganisationRef,
} from './organisation-ref.ts';
import { roleCan, type Permission } from './permissions.ts';

/** Finds the organisation a request acts on; `undefined` means the target does not exist. */
export interface TargetResolver {
  /** Name of the thing for a 404 message. */
  what: string;
  /** False when the request may leave the target out (a list over the actor's whole scope). */
  required: boolean;
  /** Shared down the tree: staff below the owning organisation may use it too (item banks). */
  sharedDown?: boolean;
  resolve(c: Context<AppEnv>): Promise<{ given: boolean; org?: OrganisationRef }>;
}

export type Source = 'param' | 'query' | 'json';

async function readField(c: Context<AppEnv>, source: Source, field: string): Promise<unknown> {
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
  /** An item bank; `shared` lets staff below the owner read it. */
  itemBank: (field = 'id', source: Source = 'param', shared = false): TargetResolver => ({
    ...resolver('The item bank', (c, id) => organisationOfItemBank(db(c), id), source, field, true),
    sharedDown: shared,
  }),
  /** An item, through its bank; `shared` lets staff below the bank's owner read it. */
  item: (field = 'id', source: Source = 'param', shared = false): TargetResolver => ({
    ...resolver('The item', (c, id) => organisationOfItem(db(c), id), source, field, true),
    sharedDown: shared,
  }),
};

/**
 * The refusal for a row of another organisation. Banks and items are refused in Vietnamese with
 * what to do next (teachers meet these in the editor: a bank shared down from above is read-only).
 */
function refusalOutside(what: string, orgName: string, actor: { scopePath: string }, orgPath: string) {
  if (what !== 'The item bank' && what !== 'The item') return `${orgName} is outside your organisation.`;
  const thing = what === 'The item' ? 'Câu hỏi này nằm trong ngân hàng' : 'Ngân hàng này';
  return actor.scopePath.startsWith(orgPath)
    ? `${thing} của ${orgName}, cấp trên của đơn vị bạn: bạn chỉ được xem và dùng câu hỏi, không được thêm hay sửa. Hãy chọn ngân hàng của trường mình (hoặc tạo ngân hàng mới) rồi lưu lại.`
    : `${thing} của ${orgName}, ngoài đơn vị của bạn. Hãy chọn ngân hàng của đơn vị mình.`;
}

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
      const { given, org } = await targetResolver.resolve(c);
      if (given && !org) throw errors.notFound(targetResolver.what);
      if (!given && targetResolver.required) throw errors.badRequest(`${targetResolver.what} must be given.`);
      if (org) {
        // The row exists but belongs to another organisation: refuse plainly rather than pretend it is missing.
        const visible =
          inScope(actor, org.path) || (targetResolver.sharedDown && actor.scopePath.startsWith(org.path));
        if (!visible) throw errors.forbidden(refusalOutside(targetResolver.what, org.name, actor, org.path));
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
