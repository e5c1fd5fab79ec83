/** @module grading/adaptive/session — one CAT, step by step, with its decision log and replay. */
export { DEFAULT_CONFIG, type CatConfig, type SelectorName } from './config.ts';
export { createCat, type Cat } from './cat.ts';
export { startSession, type CatSession, type Decision, type AdministeredResponse } from './decision.ts';
export { nextStep, recordResponse, scoredResponses } from './next-step.ts';
export { replay, type CatLog, type ReplayResult, type ReplayMismatch } from './replay.ts';
