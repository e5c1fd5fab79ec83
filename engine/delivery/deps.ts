/** What delivery adds to the app's dependencies (see platform/http/env.ts). */
import type { ItemScorer } from './item-scorer.ts';
import type { SessionNotifier } from './session-notifier.ts';

declare module '../platform/http/env.ts' {
  interface AppDeps {
    /** Pushes session changes (pause, extension, termination) to the candidate's socket, on any engine process. */
    notifier: SessionNotifier;
    /** The grading engine that scores sessions (re-scoring after marks uses the same one). */
    scorer?: ItemScorer;
    /** Called once when a session has been submitted, to score it. */
    onSubmitted(sessionId: string): void;
  }
}
