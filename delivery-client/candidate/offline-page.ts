/**
 * Registers the candidate page's service worker (public/candidate-sw.js), which keeps the page's
 * own files so a reload during a drop still opens the exam. Where a browser has no service workers
 * (or refuses them, as some kiosk browsers do) the exam works as before, online reloads only.
 */
export function keepPageForOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .register('/candidate/sw.js', { scope: '/candidate/' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // What loaded before the worker took control is not in its cache yet: hand it the list.
      const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
      registration.active?.postMessage({ keep: [location.pathname, ...loaded] });
    })
    .catch(() => undefined);
}
