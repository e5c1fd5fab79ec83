/**
 * @module item-bank/client
 * The candidate-side item model for browsers: content tree types and the candidate payload.
 * Imports nothing Node-specific.
 */
export type { CandidateItem, CandidateResponseShape } from './candidate/candidate-item.ts';
export type { ContentElement, ContentNode, ContentText, InteractionType } from './model/content.ts';
export { INTERACTION_TYPES, isInteraction } from './model/content.ts';
export type { BaseType, Cardinality } from './model/declarations.ts';
