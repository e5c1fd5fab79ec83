/** The URL a request was made to, as the browser saw it (behind a trusted proxy, from X-Forwarded-*). */
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

export function publicOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  if (c.var.viaTrustedProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto) url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}

export function publicRequestUrl(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return `${publicOrigin(c)}${url.pathname}${url.search}`;
}
