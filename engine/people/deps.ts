/** What people adds to the app's dependencies and request values (see platform/http/env.ts). */
import type { CandidateTokens } from './candidate-tokens.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { StaffActor } from './actor.ts';
import type { TokenService } from './tokens.ts';
import type { OrganisationRef } from './organisation-ref.ts';

declare module '../platform/http/env.ts' {
  interface AppDeps {
    tokens: TokenService;
    loginThrottle: LoginThrottle;
    candidateTokens: CandidateTokens;
  }
  interface AppVariables {
    actor: StaffActor;
    /** The organisation the request acts on, resolved and scope-checked by `access()`. */
    target: OrganisationRef | undefined;
  }
}
