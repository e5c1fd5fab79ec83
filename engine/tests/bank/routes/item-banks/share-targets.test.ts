/**
 * Searching the organisations a bank may be shared with (GET /api/item-banks/share-targets?q=): the share
 * dialog filters by name, with or without diacritics, each word matching the start of a word of the name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let token: string;
const names = (r: { data: Record<string, unknown> }) =>
  (r.data.items as Array<{ name: string }>).map((o) => o.name);

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  token = await tokenFor(engine, tree.teacherA);
});
afterAll(() => engine.dispose());

describe('GET /api/item-banks/share-targets', () => {
  it('asks to sign in (401)', async () => {
    expect((await api(engine).get('/api/item-banks/share-targets?q=a')).status).toBe(401);
  });

  it('lists the whole tree without q', async () => {
    const r = await api(engine).get('/api/item-banks/share-targets', token);
    expect(r.status).toBe(200);
    expect(names(r)).toEqual(
      expect.arrayContaining([tree.department.name, tree.office.name, tree.schoolA.name, tree.schoolB.name]),
    );
  });

  it('filters by words of the name, diacritics optional', async () => {
    // The names end in a random hex word, which may itself start with "b"; the query names school B's own
    // suffix too, so only B can match every word.
    const suffixB = tree.schoolB.name.split(' ').at(-1) ?? '';
    const r = await api(engine).get(
      `/api/item-banks/share-targets?q=${encodeURIComponent(`truong thcs b ${suffixB.slice(0, 4)}`)}`,
      token,
    );
    expect(r.status).toBe(200);
    expect(names(r)).toEqual([tree.schoolB.name]);
    const accented = await api(engine).get(
      `/api/item-banks/share-targets?q=${encodeURIComponent('Phòng GD')}`,
      token,
    );
    expect(names(accented)).toEqual([tree.office.name]);
  });

  it('matches words from their start only and may find nothing', async () => {
    const r = await api(engine).get('/api/item-banks/share-targets?q=hcs', token);
    expect(names(r)).toEqual([]);
  });
});
