/**
 * Issue 26: a standing security suite generated from the OpenAPI document, so a route added tomorrow
 * is covered without anyone writing its test:
 * - authentication: every operation the document marks as secured refuses, with 401, a request with no
 *   token, a token signed with another key, and an expired token;
 * - audiences: a candidate's session token opens no staff operation, and a staff token opens no
 *   candidate operation;
 * - every role (admin, exam board, teacher, proctor) on every operation, and bodies and queries
 *   generated from each operation's schema (fast-check), never get a 5xx, and the engine stays up.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoSitting, seedDemo } from '../../demo/seed-demo.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { ROLE_DECISIONS } from './role-decisions.ts';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  format?: string;
};
interface Operation {
  method: string;
  path: string;
  secured: boolean;
  bodyType?: string;
  bodySchema?: Schema;
  query: Array<{ name: string; schema?: Schema }>;
}

let engine: TestEngine;
let operations: Operation[] = [];
let components: Record<string, Schema> = {};
const tokens: Record<string, string> = {};

beforeAll(async () => {
  engine = await createTestEngine();
  await seedDemo(engine.deps.db);
  for (const username of ['admin', 'khaothi', 'giaovien', 'giamthi']) {
    const res = await engine.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    tokens[username] = ((await res.json()) as { accessToken: string }).accessToken;
  }
  const sitting = (await demoSitting(engine.deps.db))!;
  const checkIn = await engine.app.request('/api/candidate/check-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessCode: sitting.accessCode, ...sitting.candidate, fullName: undefined }),
  });
  expect(checkIn.status).toBe(200);
  tokens.candidate = ((await checkIn.json()) as { token: string }).token;

  const doc = (await (await engine.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, Schema> };
  };
  components = doc.components.schemas;
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
        ?.content;
      const bodyType = content ? Object.keys(content)[0] : undefined;
      const parameters = (op.parameters ?? []) as Array<{ in: string; name: string; schema?: Schema }>;
      return {
        method: method.toUpperCase(),
        path,
        secured: Array.isArray(op.security) && op.security.length > 0,
        ...(bodyType ? { bodyType, bodySchema: content![bodyType]!.schema } : {}),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
      };
    }),
  );
}, 180_000);
afterAll(() => engine?.dispose());

/** A path with its parameters filled in: ids that exist nowhere, in the shape each parameter takes. */
const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'sha256'
      ? 'ab'.repeat(32)
      : name === 'version'
        ? '1'
        : name === 'candidateNumber'
          ? '99999'
          : name === 'ref' || name === 'ticket'
            ? 'no-such-thing'
            : randomUUID(),
  );

const request = (op: Operation, token: string | undefined, body?: BodyInit, query = '') =>
  engine.app.request(`${concrete(op.path)}${query}`, {
    method: op.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(op.bodyType ? { 'content-type': op.bodyType } : {}),
    },
    ...(op.method === 'GET' || op.method === 'HEAD'
      ? {}
      : { body: body ?? (op.bodyType ? '{}' : undefined) }),
  });

const isCandidateOperation = (op: Operation) =>
  /^\/api\/(candidate\/|results\/candidate|proctoring\/candidate\/)/.test(op.path);

describe('authentication on every secured operation of the OpenAPI document', () => {
  it('refuses no token, a token signed with another key and an expired token with 401', async () => {
    const secured = operations.filter((op) => op.secured);
    expect(secured.length).toBeGreaterThan(70);
    const claims = decodeJwt(tokens.admin!);
    const sign = (key: string, exp: number) =>
      new SignJWT({ ...claims, exp })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode(key));
    const now = Math.floor(Date.now() / 1000);
    const forged = await sign('not-the-engine-secret-not-the-engine-secret', now + 600);
    const expired = await sign(engine.config.jwtSecret, now - 60);
    const wrong: string[] = [];
    for (const op of secured)
      for (const [label, token] of [
        ['no token', undefined],
        ['forged', forged],
        ['expired', expired],
      ] as const) {
        const res = await request(op, token);
        if (res.status !== 401) wrong.push(`${op.method} ${op.path} (${label}): ${res.status}`);
      }
    expect(wrong).toEqual([]);
    console.log(`authentication matrix: ${secured.length} operations x 3 tokens, all 401`);
  });
});

describe('audiences', () => {
  it("a candidate's token opens no staff operation; a staff token opens no candidate operation", async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const op of operations.filter((o) => o.secured)) {
      const token = isCandidateOperation(op) ? tokens.admin : tokens.candidate;
      cases++;
      const res = await request(op, token);
      if (res.status !== 401 && res.status !== 403) wrong.push(`${op.method} ${op.path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
    console.log(`audience matrix: ${cases} operations, each refused to the other audience`);
  });
});

describe('what each role may do', () => {
  it('every staff operation gives each role the decision written in role-decisions.ts', async () => {
    const roles = { A: 'admin', E: 'khaothi', T: 'giaovien', P: 'giamthi' } as const;
    const staffOperations = operations.filter((op) => op.secured && !isCandidateOperation(op));
    const wrong: string[] = [];
    for (const op of staffOperations) {
      const key = `${op.method} ${op.path}`;
      const allowed = ROLE_DECISIONS[key];
      if (allowed === undefined) {
        wrong.push(`${key}: not in role-decisions.ts`);
        continue;
      }
      for (const [letter, username] of Object.entries(roles)) {
        const status = (await request(op, tokens[username])).status;
        const refused = status === 403 || status === 401;
        if (refused === allowed.includes(letter))
          wrong.push(`${key} as ${username}: ${status}, expected ${refused ? 'to pass' : '403'}`);
      }
    }
    expect(
      Object.keys(ROLE_DECISIONS).filter(
        (k) => !staffOperations.some((op) => `${op.method} ${op.path}` === k),
      ),
    ).toEqual([]);
    expect(wrong).toEqual([]);
    console.log(`role decisions: ${staffOperations.length} staff operations x 4 roles, each as written`);
  });
});

describe('no 5xx whoever asks, whatever they send', () => {
  it('every staff role on every operation, with ids that exist nowhere', async () => {
    const failures: string[] = [];
    const roles = ['admin', 'khaothi', 'giaovien', 'giamthi'];
    for (const role of roles)
      for (const op of operations) {
        const res = await request(op, tokens[role]);
        if (res.status >= 500) failures.push(`${role} ${op.method} ${op.path}: ${res.status}`);
      }
    expect(failures).toEqual([]);
    console.log(`role matrix: ${roles.length} roles x ${operations.length} operations, no 5xx`);
  });

  it('bodies and queries generated from each schema (and mutated away from it) get 4xx or success', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const op of operations) {
      if (!op.bodySchema && !op.query.length) continue;
      // Logging out revokes the token the rest of the run needs; its body is a token, fuzzed by login's.
      if (op.path === '/api/auth/logout') continue;
      const token = isCandidateOperation(op) ? tokens.candidate : tokens.admin;
      const body =
        op.bodyType === 'application/json'
          ? arbitraryFor(op.bodySchema ?? {}, 0).map((v) => JSON.stringify(v))
          : fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array(b) as BodyInit);
      const query = fc
        .tuple(...op.query.map((q) => fc.option(arbitraryFor(q.schema ?? {}, 2), { nil: undefined })))
        .map((values) => {
          const params = new URLSearchParams();
          values.forEach((v, i) => {
            if (v !== undefined) params.set(op.query[i]!.name, typeof v === 'string' ? v : JSON.stringify(v));
          });
          const text = params.toString();
          return text ? `?${text}` : '';
        });
      await fc.assert(
        fc.asyncProperty(body, query, async (b, q) => {
          cases++;
          const res = await request(op, token, op.bodySchema ? b : undefined, q);
          if (res.status >= 500)
            failures.push(`${op.method} ${op.path}${q}: ${res.status} ${await res.text()}`);
          return true;
        }),
        { numRuns: 12, seed: 2026 },
      );
    }
    expect(failures).toEqual([]);
    expect((await engine.app.request('/health')).status).toBe(200);
    console.log(`schema fuzzing: ${cases} generated requests, no 5xx`);
  }, 300_000);
});

/** Values shaped by a JSON schema, with a share of any JSON at all (to step outside it). */
function arbitraryFor(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const anything = fc.jsonValue({ maxDepth: 2 });
  return fc.oneof({ weight: 4, arbitrary: shaped(schema, depth) }, { weight: 1, arbitrary: anything });
}

function shaped(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) return shaped(components[schema.$ref.split('/').pop()!] ?? {}, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => shaped(s, depth)));
  if (schema.allOf?.length) return shaped(schema.allOf[0]!, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const deep = depth > 3;
  switch (type) {
    case 'string':
      return schema.format === 'uuid'
        ? fc.oneof(fc.uuid(), fc.string())
        : schema.format === 'date-time' || schema.format === 'date'
          ? fc.oneof(
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
              fc.constantFrom('0000-01-01', '2026-13-40', ''),
            )
          : fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 10 }));
    case 'integer':
      return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER));
    case 'number':
      return fc.oneof(fc.double(), fc.constantFrom(0, -1, 1e308));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return deep ? fc.constant([]) : fc.array(arbitraryFor(schema.items ?? {}, depth + 1), { maxLength: 4 });
    case 'object': {
      if (deep || !schema.properties)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }));
      const required = new Set(schema.required ?? []);
      return fc.record(
        Object.fromEntries(
          Object.entries(schema.properties).map(([k, s]) => [k, arbitraryFor(s, depth + 1)]),
        ),
        { requiredKeys: Object.keys(schema.properties).filter((k) => required.has(k)) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
