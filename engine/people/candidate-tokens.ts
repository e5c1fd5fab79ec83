/** Candidate session tokens: a JWT naming the session, valid until a little after the sitting closes. */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { errors } from '../platform/errors.ts';

const ISSUER = 'exam-engine';
const AUDIENCE = 'candidate';

export interface CandidateTokens {
  issue(sessionId: string, expiresAt: Date): Promise<string>;
  /** Returns the session id, or throws invalid_token. */
  verify(token: string): Promise<string>;
}

export function createCandidateTokens(secret: string): CandidateTokens {
  const key = new TextEncoder().encode(secret);
  return {
    issue(sessionId, expiresAt) {
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(sessionId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
        });
        if (typeof payload.sub !== 'string') throw errors.invalidToken();
        return payload.sub;
      } catch (error) {
        if (error instanceof joseErrors.JOSEError)
          throw errors.invalidToken('The exam session token is invalid or expired.');
        throw error;
      }
    },
  };
}
