// Service worker of the candidate page (served at /candidate/sw.js, scope /candidate/).
// It keeps the page's own files - its HTML, scripts, styles, fonts and the proctoring models it
// loaded - so that a reload while the line is down opens the exam again; the exam itself then comes
// from the device (answers and items in IndexedDB, the last view in localStorage). Always the network
// first: a fresh copy replaces the kept one whenever the engine answers. The API, the socket and
// item media are never touched here.
const CACHE = 'candidate-page-v1';

/** Same-origin files of the page itself. */
function pageFile(url) {
  if (url.origin !== self.location.origin) return false;
  if (url.pathname === '/candidate/sw.js') return false;
  return ['/candidate/', '/assets/', '/shared/', '/proctor-assets/'].some((p) => url.pathname.startsWith(p));
}

/** Every page load (any query) is kept as the one page it is. */
const keyOf = (request) => (request.mode === 'navigate' ? '/candidate/' : request);

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page sends what it loaded before this worker controlled it.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep : [];
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          urls
            .filter((u) => typeof u === 'string' && pageFile(new URL(u, self.location.origin)))
            .map((u) => cache.add(u).catch(() => undefined)),
        ),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !pageFile(new URL(request.url))) return;
  event.respondWith(
    fetch(request).then(
      (response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(keyOf(request), copy)));
        }
        return response;
      },
      async (error) => {
        const kept = await caches.match(keyOf(request));
        if (kept) return kept;
        throw error;
      },
    ),
  );
});
