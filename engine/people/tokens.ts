/**
 * Staff tokens: short-lived access JWTs (HS256, jose) and opaque refresh tokens that are stored
 * hashed and rotated on every use; reusing a spent refresh token revokes its whole family.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Database, Executor } from '../platform/db/database.ts';
import { errors } from '../platform/errors.ts';
import { refreshTokens } from './tables.ts';
import { STAFF_ROLES, type StaffActor, type StaffRole } from './actor.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 7 * 24 * 3600;
const ISSUER = 'exam-engine';
const AUDIENCE = 'staff';

/** What spending a refresh token did; a refused token names its family when the refusal revoked it. */
export type RefreshTokenSpend =
  | { spent: true; userId: string; familyId: string }
  | { spent: false; revokedFamily?: { userId: string; familyId: string; reason: 'reused' | 'expired' } };

/**
 * The refresh-token methods write; commands pass their transaction as `executor` so the write
 * commits with the command's audit entry.
 */
export interface TokenService {
  issueAccessToken(actor: StaffActor): Promise<string>;
  verifyAccessToken(token: string): Promise<StaffActor>;
  issueRefreshToken(userId: string, familyId?: string, executor?: Executor): Promise<string>;
  spendRefreshToken(token: string, executor?: Executor): Promise<RefreshTokenSpend>;
  /** Revokes a refresh token; returns whose it was, or undefined for an unknown token. */
  revokeRefreshToken(token: string, executor?: Executor): Promise<{ userId: string } | undefined>;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function createTokenService(db: Database, secret: string): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    async issueAccessToken(actor) {
      return new SignJWT({
        role: actor.role,
        org: actor.organisationId,
        scope: actor.scopePath,
        name: actor.username,
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(actor.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ACCESS_TOKEN_SECONDS}s`)
        .sign(key);
    },

    async verifyAccessToken(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
        });
        const role = payload.role as StaffRole;
        if (
          typeof payload.sub !== 'string' ||
          !STAFF_ROLES.includes(role) ||
          typeof payload.org !== 'string' ||
          typeof payload.scope !== 'string' ||
          typeof payload.name !== 'string'
        ) {
          throw errors.invalidToken('The access token is malformed.');
        }
        return {
          userId: payload.sub,
          username: payload.name,
          role,
          organisationId: payload.org,
          scopePath: payload.scope,
        };
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired)
          throw errors.invalidToken('The access token has expired.');
        if (error instanceof joseErrors.JOSEError) throw errors.invalidToken();
        throw error;
      }
    },

    async issueRefreshToken(userId, familyId = randomUUID(), executor = db) {
      const token = randomBytes(32).toString('base64url');
      await executor.insert(refreshTokens).values({
        userId,
        familyId,
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + REFRESH_TOKEN_SECONDS * 1000),
      });
      return token;
    },

    async spendRefreshToken(token, executor = db) {
      const hash = sha256(token);
      const now = new Date();
      const [spent] = await executor
        .update(refreshTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(refreshTokens.tokenHash, hash),
            isNull(refreshTokens.usedAt),
            isNull(refreshTokens.revokedAt),
          ),
        )
        .returning();
      if (spent && spent.expiresAt > now)
        return { spent: true, userId: spent.userId, familyId: spent.familyId };
      const [known] = await executor.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash));
      if (!known?.usedAt) return { spent: false };
      // A spent token presented again means it leaked: end every session of that family. (An
      // expired one was marked used just above, so it ends its family too.)
      await executor
        .update(refreshTokens)
        .set({ revokedAt: now })
        .where(eq(refreshTokens.familyId, known.familyId));
      return {
        spent: false,
        revokedFamily: {
          userId: known.userId,
          familyId: known.familyId,
          reason: spent ? 'expired' : 'reused',
        },
      };
    },

    async revokeRefreshToken(token, executor = db) {
      const [revoked] = await executor
        .update(refreshTokens)
        .set({ revokedAt: new Date() })
        .where(eq(refreshTokens.tokenHash, sha256(token)))
        .returning({ userId: refreshTokens.userId });
      return revoked;
    },
  };
}
