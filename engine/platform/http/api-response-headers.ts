/**
 * Headers every /api response carries: `X-Content-Type-Options: nosniff`, so a browser renders a
 * stored file (a photo, an item's media, a report) only as the type the engine names and never
 * guesses HTML or script from its bytes; and, on anything that is not JSON, a CSP that lets the
 * response run nothing and load nothing (`default-src 'none'; sandbox`), should one ever be opened
 * as a page. PDFs are left without it (Chromium's viewer does not run in a sandboxed document), and
 * a route that sets its own policy (the PCI frame pages) keeps it.
 */
import type { MiddlewareHandler } from 'hono';

export const apiResponseHeaders: MiddlewareHandler = async function apiResponseHeaders(c, next) {
  await next();
  c.header('x-content-type-options', 'nosniff');
  const type = c.res.headers.get('content-type') ?? '';
  // Routes that serve pages on purpose (the PCI frames) set their own policy, which stands.
  if (type && !/^application\/(json|pdf)\b/i.test(type) && !c.res.headers.has('content-security-policy'))
    c.header('content-security-policy', "default-src 'none'; sandbox");
};
