/**
 * Text the database cannot store, refused at the door: a NUL character (PostgreSQL text holds
 * none) or an unpaired UTF-16 surrogate (no UTF-8 spelling) anywhere in a JSON body is a 400
 * naming the field, instead of a 500 from the database halfway through a command.
 */
import type { MiddlewareHandler } from 'hono';
import { errors } from '../errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/** The path of the first string (value or key) that is not storable text, or undefined. */
export function unstorableTextAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return wellFormed(value) ? undefined : path || '(body)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextAt(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!wellFormed(key)) return at;
      const found = unstorableTextAt(inner, at);
      if (found) return found;
    }
  }
  return undefined;
}

export const jsonTextGuard: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    let body: unknown;
    try {
      // Hono keeps the parsed body, so the route's validator does not read it again.
      body = await c.req.json();
    } catch {
      body = undefined; // malformed JSON: the route's validator answers 400
    }
    const at = unstorableTextAt(body);
    if (at)
      throw errors.badRequest(`${at}: text may not contain NUL characters or unpaired UTF-16 surrogates.`);
  }
  await next();
};
