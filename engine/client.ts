/**
 * @module engine/client
 * The realtime protocol for browsers: zod schemas and event interfaces only. The one
 * engine module that `delivery-client` may import; it imports nothing but zod.
 */
export * from './protocol/candidate.ts';
export * from './protocol/proctor.ts';
export * from './protocol/candidate-tools.ts';
