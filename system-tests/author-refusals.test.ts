/**
 * Every refusal an authoring page can get is worded in Vietnamese and English (issue 18): the error ids
 * and bank refusal codes are read from the engine's own definitions — the `errors` factories, every
 * `new AppError(status, 'id', …)` of the capabilities the author pages call, and BANK_REFUSAL_CODES — and
 * each must have its own message in both catalogues, never the engine's English sentence in Vietnamese.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../delivery-client/author/api.ts';
import { authorCatalogues } from '../delivery-client/author/i18n.tsx';
import { describeRefusal, refusalKey, translatorFor } from '../delivery-client/author/pages/refusals.ts';
import { BANK_REFUSAL_CODES } from '../engine/bank/refusal-codes.ts';
import { errors, type AppError } from '../engine/platform/errors.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The capabilities whose routes the author pages (bank, editors, import, blueprint, board, marking, centres) call. */
const AUTHOR_CAPABILITIES = [
  'bank',
  'people',
  'sittings',
  'results',
  'records',
  'centres',
  'platform/http',
  'platform/workers',
];
const ENGINE_SENTENCE = 'The engine said this in English (sentinel 4711).';

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Ids of the `errors` factories, by calling each. */
const factoryIds = Object.values(errors).map(
  (make) => (make as (...args: unknown[]) => AppError)('x', {}).id,
);
/** Ids of every AppError the author-facing capabilities construct themselves, read from their source. */
const constructedIds = AUTHOR_CAPABILITIES.flatMap((dir) => sources(path.join(root, 'engine', dir))).flatMap(
  (file) =>
    [...readFileSync(file, 'utf8').matchAll(/new AppError\(\s*\d{3},\s*'([a-z_]+)'/g)].map((m) => m[1]!),
);
/** Ids the HTTP layer itself answers with (engine/app.ts): unexpected errors. */
const appIds = [...readFileSync(path.join(root, 'engine/app.ts'), 'utf8').matchAll(/id: '([a-z_]+)'/g)].map(
  (m) => m[1]!,
);
const ERROR_IDS = [...new Set([...factoryIds, ...constructedIds, ...appIds])].sort();

/** What the engine's details carry for the sentences' placeholders. */
const DETAILS = {
  bank: 'Toán 9',
  organisation: 'Sở GD&ĐT',
  name: 'Toán 9',
  identifier: 'cau-1',
  version: 3,
  field: 'decisions',
  file: 'de-thi.docx',
  room: 'P1',
  bad: 2,
  total: 5,
  count: 3,
  limitMb: 30,
  retryAfterSeconds: 20,
  reason: 'The workflow says no.',
  messageVi: 'Bài lập trình "Tổng" chỉ dùng cho buổi luyện tập.',
  messageEn: 'The code task "Sum" is for practice only.',
};
const vi = translatorFor('vi');
const en = translatorFor('en');

function expectWorded(error: ApiError) {
  const inVi = describeRefusal(vi, error, 'vi');
  const inEn = describeRefusal(en, error, 'en');
  expect(inVi).not.toContain('sentinel 4711');
  expect(inVi).not.toMatch(/\{\w+\}/);
  expect(inEn).not.toMatch(/\{\w+\}/);
  expect(inVi).not.toBe(inEn);
  // Its own message, not the fallback for ids this client does not know.
  expect(inVi).not.toBe(vi('rf.other', { status: error.status }));
  expect(inEn).not.toBe(en('rf.other', { status: error.status }));
}

describe('author refusals in both languages', () => {
  it('finds the engine ids it walks (the derivation itself works)', () => {
    expect(ERROR_IDS).toEqual(
      expect.arrayContaining(['forbidden', 'validation_failed', 'blueprint_unfilled', 'internal_error']),
    );
    expect(ERROR_IDS.length).toBeGreaterThan(15);
  });

  it.each(ERROR_IDS)('error id %s has a message of its own in Vietnamese and English', (id) => {
    expect(refusalKey({ id })).toBeDefined();
    expectWorded(new ApiError(400, id, ENGINE_SENTENCE, DETAILS));
  });

  it.each([...BANK_REFUSAL_CODES])(
    'bank refusal code %s has a message of its own in both languages',
    (code) => {
      const key = refusalKey({ id: 'bad_request', code });
      expect(key).toBeDefined();
      expect(key).not.toBe('rf.id.bad_request');
      expectWorded(new ApiError(403, 'forbidden', ENGINE_SENTENCE, { ...DETAILS, code }));
    },
  );

  it('words an id this client does not know, and a lost connection, without the engine sentence', () => {
    const unknown = describeRefusal(vi, new ApiError(418, 'http_418', ENGINE_SENTENCE), 'vi');
    expect(unknown).toBe(authorCatalogues.vi['rf.other'].replace('{status}', '418'));
    expect(describeRefusal(vi, new TypeError('Failed to fetch'))).toBe(authorCatalogues.vi['rf.network']);
    expect(describeRefusal(en, new TypeError('Failed to fetch'))).toBe(authorCatalogues.en['rf.network']);
  });

  it('leaves no author page showing an engine message through the old "Có lỗi xảy ra: {message}"', () => {
    const pages = sources(path.join(root, 'delivery-client/author'));
    const offenders = pages.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /t\('error\.generic'|setError\(e\.message\)|setError\(\(e as Error\)\.message\)/.test(text);
    });
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
