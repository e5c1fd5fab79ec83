/** What the bank adds to the app's dependencies (see platform/http/env.ts). */
import type { CodeGrader } from '../../grading/index.ts';

declare module '../platform/http/env.ts' {
  interface AppDeps {
    /** The code sandboxes, for the item editor's "try scoring" of a code task (the engine's own grader). */
    codeGrader?: CodeGrader;
  }
}
