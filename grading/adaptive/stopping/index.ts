/** @module grading/adaptive/stopping — length, SE and SPRT classification stopping rules. */
export { stopReason, type StopRule, type StopReason } from './stop-rule.ts';
export { sprtDecision, type SprtRule, type SprtDecision } from './sprt.ts';
