/** What delivery adds to the app's dependencies (see platform/http/env.ts). */
import type { CheckInThrottle } from './check-in-throttle.ts';
import type { ItemScorer } from './item-scorer.ts';
import type { SessionNotifier } from './session-notifier.ts';

declare module '../platform/http/env.ts' {
  interface AppDeps {
    /** Pushes session changes (pause, extension, termination) to the candidate's socket, on any engine process. */
    notifier: SessionNotifier;
    /** Failed check-ins, per access code + candidate number and per address (apart from staff logins). */
    checkInThrottle: CheckInThrottle;
    /** The grading engine that scores sessions (re-scoring after marks uses the same one). */
    scorer?: ItemScorer;
    /** Called once when a session has been submitted, to score it. */
    onSubmitted(sessionId: string): void;
  }
}
