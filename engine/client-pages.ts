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
import { eq } from 'drizzle-orm';
import { sittings } from './sittings/tables.ts';
import { sebRequestAllowed, sebRequired } from './sittings/seb/sitting-seb.ts';
import type { AppEnv } from './platform/http/env.ts';
import { publicOrigin, publicRequestUrl } from './platform/http/public-url.ts';
import { mountProctorAssets } from './proctoring/proctor-assets.ts';
import { PCI_FRAME_ROOT } from './delivery/routes/pci-frame-routes.ts';

export const clientDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../delivery-client/dist',
);
const APPS = ['candidate', 'author', 'proctor'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A pencil-on-paper icon, drawn inline so nothing is fetched. */
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="5" y="3" width="22" height="26" rx="3" fill="#1d4ed8"/><path d="M10 10h12M10 15h12M10 20h7" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>`;

const SEB_REFUSED_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Safe Exam Browser</title></head>
<body><main><h1>Cần Safe Exam Browser</h1><p>Kỳ thi này phải làm trong Safe Exam Browser với cấu hình của kỳ thi.</p>
<p lang="en">This sitting must be taken in Safe Exam Browser with the sitting's configuration.</p></main></body></html>`;

export function mountClientPages(app: Hono<AppEnv>, root = clientDist): boolean {
  // The proctoring detector's models and wasm, from node_modules (see proctor-assets.ts).
  mountProctorAssets(app);
  if (!existsSync(path.join(root, 'index.html'))) return false;
  const relativeRoot = path.relative(process.cwd(), root) || '.';
  app.use('*', async function securityHeaders(c, next) {
    await next();
    if (c.req.path.startsWith('/api/')) return;
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'same-origin');
    // The candidate page frames portable custom interactions from the engine's PCI frame route
    // only (a path, so no other page of this origin); every other page frames nothing.
    const frameSrc = c.req.path.startsWith('/candidate/') ? `${publicOrigin(c)}${PCI_FRAME_ROOT}` : "'none'";
    c.header(
      'content-security-policy',
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; frame-ancestors 'none'; frame-src ${frameSrc}; object-src 'none'; form-action 'self'; base-uri 'none'`,
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
  // Browsers ask for /favicon.ico on every page: answer with a small icon rather than a 404.
  app.get('/favicon.ico', (c) =>
    c.body(FAVICON, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }),
  );
  // The page Safe Exam Browser opens (`/candidate/?sitting=<id>`) is checked like check-in: a sitting
  // that requires SEB refuses a page load without the right Config Key or Browser Exam Key hash.
  app.get('/candidate/*', async function sebPageCheck(c, next) {
    const sittingId = c.req.query('sitting');
    if (!sittingId || !UUID.test(sittingId)) return next();
    const [sitting] = await c.var.deps.db
      .select({ id: sittings.id, securityPolicy: sittings.securityPolicy })
      .from(sittings)
      .where(eq(sittings.id, sittingId));
    if (!sitting || !sebRequired(sitting)) return next();
    const headers = {
      configKeyHash: c.req.header('x-safeexambrowser-configkeyhash'),
      requestHash: c.req.header('x-safeexambrowser-requesthash'),
    };
    if (sebRequestAllowed(sitting, publicOrigin(c), publicRequestUrl(c), headers)) return next();
    // SEB on macOS and iOS sends no headers but identifies itself: the page loads, and check-in then
    // verifies the keys of its JavaScript API (the page itself holds nothing of the exam).
    if (!headers.configKeyHash && !headers.requestHash && /\bSEB\//.test(c.req.header('user-agent') ?? ''))
      return next();
    return c.html(SEB_REFUSED_PAGE, 403);
  });
  // The candidate page's service worker: at the page's path so its scope covers the page; never
  // cached itself, so a new build reaches devices on their next load.
  app.get(
    '/candidate/sw.js',
    serveStatic({
      root: relativeRoot,
      path: 'candidate-sw.js',
      onFound: (_p, c) => c.header('cache-control', 'no-cache'),
    }),
  );
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
