/** Types of the Hono app: its dependencies and the request-scoped values middleware sets. */
import type { Redis } from 'ioredis';
import type { CandidateTokens } from '../auth/candidate-tokens.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { Admission } from '../delivery/admission.ts';
import type { CacheInvalidation } from '../delivery/cache-invalidation.ts';
import type { SessionNotifier } from '../delivery/session-notifier.ts';
import type { ItemScorer } from '../delivery/score-session.ts';
import type { StaffActor } from '../auth/actor.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { OrganisationRef } from '../organisations/organisation-ref.ts';

export interface AppDeps {
  config: Readonly<Config>;
  db: Database;
  databaseKind: 'postgres' | 'pglite';
  logger: Logger;
  tokens: TokenService;
  loginThrottle: LoginThrottle;
  /** Bounds the check-in storm: excess check-ins get 503 with Retry-After. */
  checkInAdmission: Admission;
  redis?: Redis;
  candidateTokens: CandidateTokens;
  /** Pushes session changes (pause, extension, termination) to the candidate's socket, on any engine process. */
  notifier: SessionNotifier;
  /** The grading engine that scores sessions (re-scoring after marks uses the same one). */
  scorer?: ItemScorer;
  /** Called once when a session has been submitted, to score it. */
  onSubmitted(sessionId: string): void;
  /** Drops what every engine process cached about something staff changed (a sitting's form or policy). */
  caches: CacheInvalidation;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    actor: StaffActor;
    /** The organisation the request acts on, resolved and scope-checked by `access()`. */
    target: OrganisationRef | undefined;
    clientIp: string;
  };
}
