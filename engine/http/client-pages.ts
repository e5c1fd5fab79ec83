/**
 * Serves the built browser apps (delivery-client/dist) on the engine's own port: no CDN, the
 * same origin as the API and sockets. Each app is a single page; unknown paths under it get its
 * index.html. Security headers keep the exam pages from being framed or sniffed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

export const clientDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../delivery-client/dist',
);
const APPS = ['candidate'] as const;

export function mountClientPages(app: Hono<AppEnv>, root = clientDist): boolean {
  if (!existsSync(path.join(root, 'index.html'))) return false;
  const relativeRoot = path.relative(process.cwd(), root) || '.';
  app.use('*', async function securityHeaders(c, next) {
    await next();
    if (c.req.path.startsWith('/api/')) return;
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'same-origin');
    c.header(
      'content-security-policy',
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; frame-ancestors 'none'",
    );
  });
  app.use(
    '/assets/*',
    serveStatic({
      root: relativeRoot,
      onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use('/shared/*', serveStatic({ root: relativeRoot }));
  for (const name of APPS) {
    app.get(`/${name}`, (c) => c.redirect(`/${name}/`));
    app.get(
      `/${name}/*`,
      serveStatic({ root: relativeRoot, rewriteRequestPath: () => `/${name}/index.html` }),
    );
  }
  app.get('/', serveStatic({ root: relativeRoot, path: 'index.html' }));
  return true;
}
