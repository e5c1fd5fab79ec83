/**
 * @module engine/delivery/adaptive
 * Adaptive sections in delivery (issue 23): the CAT's places in a form, the one rule that scores
 * an adaptive answer and lets the CAT choose (or stop) inside a move, the start at an open place,
 * the ability of a finished section for results, and the replay of a session's decisions.
 */
export { dropOpenSlots, fillSlot, hasAdaptiveSlots, isOpenSlot } from './adaptive-form.ts';
export {
  adaptiveMove,
  adaptiveStateOf,
  categoryOf,
  type AdaptiveProgress,
  type AdaptiveState,
  type AdaptiveStepEvent,
} from './adaptive-step.ts';
export { adaptiveAbility, type AdaptiveAbility } from './adaptive-ability.ts';
export { ensureAdaptiveItem, storedForm } from './ensure-adaptive-item.ts';
export { replayAdaptiveSession, type AdaptiveReplay } from './replay-adaptive-session.ts';
export { sectionCat, adaptiveSectionOf, type SectionCat } from './section-cat.ts';
