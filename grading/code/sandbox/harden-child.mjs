// The first steps of every sandbox child (python/child.mjs, javascript/child.mjs), written once: Node's
// network, process and worker modules made unusable, and the network globals removed. Plain JavaScript:
// the children run without a TypeScript loader, which the permission model would refuse to read.
import { createRequire, syncBuiltinESMExports } from 'node:module';

/** Builtins whose every function throws once a child is hardened, for whoever reaches them later. */
export const DENIED_MODULES = [
  'net',
  'http',
  'https',
  'http2',
  'tls',
  'dgram',
  'dns',
  'child_process',
  'worker_threads',
  'vm',
  'cluster',
  'inspector',
];

const NETWORK_GLOBALS = [
  'fetch',
  'WebSocket',
  'EventSource',
  'XMLHttpRequest',
  'Request',
  'Response',
  'Headers',
  'FormData',
];

export function hardenChild() {
  const require = createRequire(import.meta.url);
  for (const name of DENIED_MODULES) {
    const mod = require(name);
    for (const key of Object.keys(mod)) {
      if (typeof mod[key] === 'function' && !/^[A-Z]/.test(key)) {
        try {
          mod[key] = () => {
            throw new Error(`${name}.${key} is not available in the grader`);
          };
        } catch {
          /* read-only export: the permission model and bubblewrap still apply */
        }
      }
    }
  }
  syncBuiltinESMExports();
  for (const name of NETWORK_GLOBALS) delete globalThis[name];
}
