/**
 * The browser apps' REST client is typed by delivery-client/shared/api/schema.d.ts, generated from the
 * engine's OpenAPI document by `npm run api:types`. This fails when the committed file no longer matches
 * the engine (run `npm run api:types` and commit the result), and checks that every route the apps call
 * through the typed client is in the document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiTypes, openApiDocument, schemaPath } from '../scripts/api-types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientRoot = path.join(root, 'delivery-client');

function sources(): Array<{ file: string; text: string }> {
  return readdirSync(clientRoot, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/(^|\/)(dist|e2e)\//.test(f) && !f.endsWith('.d.ts'))
    .map((f) => ({ file: f, text: readFileSync(path.join(clientRoot, f), 'utf8') }));
}

/** `api.GET('/api/…')` calls of the apps, as [method, path template, file]. */
function typedCalls(): Array<[string, string, string]> {
  const calls: Array<[string, string, string]> = [];
  for (const { file, text } of sources())
    for (const m of text.matchAll(/\bapi\.(GET|POST|PUT|PATCH|DELETE)\(\s*['`]([^'`]+)['`]/g))
      calls.push([m[1]!.toLowerCase(), m[2]!, file]);
  return calls;
}

describe('the generated API types', () => {
  it('match the engine (run `npm run api:types` after changing a route)', async () => {
    expect(await apiTypes()).toBe(readFileSync(schemaPath, 'utf8'));
  }, 60_000);

  it('list every route the browser apps call through the typed client', async () => {
    const document = (await openApiDocument()) as { paths: Record<string, Record<string, unknown>> };
    const calls = typedCalls();
    expect(calls.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const [method, template, file] of calls) {
      // A path built from a few names (`/api/items/{id}/${action}`) stands for every listed route it can be.
      const pattern = new RegExp(`^${template.replace(/\$\{[^}]+\}/g, '[^/]+').replace(/[{}]/g, '\\$&')}$`);
      const listed = Object.entries(document.paths).some(
        ([route, operations]) => pattern.test(route) && method in operations,
      );
      if (!listed) missing.push(`${method.toUpperCase()} ${template} (${file})`);
    }
    expect(missing).toEqual([]);
  });
});
