/**
 * Staff tokens: short-lived access JWTs (HS256, jose) and opaque refresh tokens that are stored
 * hashed and rotated on every use; reusing a spent refresh token revokes its whole family.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Database } from '../platform/db/database.ts';
import { errors } from '../platform/errors.ts';
import { refreshTokens } from './tables.ts';
import { STAFF_ROLES, type StaffActor, type StaffRole } from './actor.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 7 * 24 * 3600;
const ISSUER = 'exam-engine';
const AUDIENCE = 'staff';

export interface TokenService {
  issueAccessToken(actor: StaffActor): Promise<string>;
  verifyAccessToken(token: string): Promise<StaffActor>;
  issueRefreshToken(userId: string, familyId?: string): Promise<string>;
  /** Spends a refresh token; returns its user id and family, or throws invalid_token. */
  spendRefreshToken(token: string): Promise<{ userId: string; familyId: string }>;
  revokeRefreshToken(token: string): Promise<void>;
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

    async issueRefreshToken(userId, familyId = randomUUID()) {
      const token = randomBytes(32).toString('base64url');
      await db.insert(refreshTokens).values({
        userId,
        familyId,
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + REFRESH_TOKEN_SECONDS * 1000),
      });
      return token;
    },

    async spendRefreshToken(token) {
      const hash = sha256(token);
      const now = new Date();
      const [spent] = await db
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
      if (spent && spent.expiresAt > now) return { userId: spent.userId, familyId: spent.familyId };
      const [known] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash));
      if (known?.usedAt) {
        // A spent token presented again means it leaked: end every session of that family.
        await db
          .update(refreshTokens)
          .set({ revokedAt: now })
          .where(eq(refreshTokens.familyId, known.familyId));
      }
      throw errors.invalidToken('The refresh token is invalid, expired or already used.');
    },

    async revokeRefreshToken(token) {
      await db
        .update(refreshTokens)
        .set({ revokedAt: new Date() })
        .where(eq(refreshTokens.tokenHash, sha256(token)));
    },
  };
}
