/**
 * @module item-bank/client
 * The candidate-side item model for browsers: content tree types and the candidate payload.
 * Imports nothing Node-specific.
 */
export type { CandidateItem, CandidateResponseShape } from './candidate/candidate-item.ts';
export type { ContentElement, ContentNode, ContentText, InteractionType } from './model/content.ts';
export { INTERACTION_TYPES, isInteraction } from './model/content.ts';
/**
 * The content sanitiser (allow-list by namespace, local name and attribute), to run again on an
 * item's body and feedback just before rendering them.
 */
export {
  sanitiseContent,
  sanitiseElement,
  sanitiseItemContent,
  type RemovedContent,
  type SanitiseOptions,
} from './model/sanitise-content.ts';
export type { BaseType, Cardinality } from './model/declarations.ts';
/** The JSON authoring model's types and the code-task builder, for the authoring pages' item editor. */
export type {
  AuthoringItem,
  AuthoringItemInput,
  AuthoringContentElement,
  AuthoringContentNode,
  AuthoringProcessingNode,
} from './authoring/authoring-item.ts';
export { codeTaskInteraction } from './authoring/code-task-interaction.ts';
export { CODE_TASK_ATTRIBUTE, HIDDEN_TESTS_ELEMENT } from './qti/read-code-task.ts';
