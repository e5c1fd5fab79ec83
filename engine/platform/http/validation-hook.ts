/** Turns a failed zod validation into a 400 naming each bad field. */
import type { Hook } from '@hono/zod-openapi';
import { errors } from '../errors.ts';
import type { AppEnv } from './env.ts';

export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || result.target,
    message: issue.message,
  }));
  const first = issues[0];
  throw errors.badRequest(first ? `${first.field}: ${first.message}` : 'The request is invalid.', { issues });
};
