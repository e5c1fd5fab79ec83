import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthoringItem } from '../../../../../item-bank/index.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

let engine: TestEngine;
const tokens: Record<string, string> = {};
let bankId: string;

beforeAll(async () => {
  engine = await createTestEngine();
  const tree = await buildOrganisationTree(engine.deps.db);
  for (const key of ['teacherA', 'teacherB', 'proctorA'] as const)
    tokens[key] = await tokenFor(engine, tree[key]);
  const bank = await api(engine).post(
    '/api/item-banks',
    { name: 'Lịch sử – Trường A', organisationId: tree.schoolA.id },
    tokens.teacherA,
  );
  bankId = bank.data.id;
});
afterAll(() => engine.dispose());

const el = (
  name: string,
  ns: 'qti' | 'html',
  attributes: Record<string, string>,
  children: unknown[] = [],
) => ({
  kind: 'element',
  name,
  ns,
  attributes,
  children,
});
const text = (t: string) => ({ kind: 'text', text: t });
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const orderItem = (title: string, identifier = 'ED-ORDER-1') => ({
  identifier,
  title,
  language: 'vi',
  declarations: [
    {
      kind: 'response',
      identifier: 'RESPONSE',
      cardinality: 'ordered',
      baseType: 'identifier',
      correctResponse: [{ text: 'B' }, { text: 'A' }, { text: 'C' }],
    },
    {
      kind: 'outcome',
      identifier: 'SCORE',
      cardinality: 'single',
      baseType: 'float',
      defaultValue: [{ text: '0' }],
      normalMaximum: 1,
    },
  ],
  responseProcessing: { template: 'match_correct' },
  body: el('itemBody', 'qti', {}, [
    el('p', 'html', {}, [
      text('Sắp xếp theo thời gian '),
      el('img', 'html', { src: 'media/hinh.png', alt: 'Hình' }),
    ]),
    el('orderInteraction', 'qti', { responseIdentifier: 'RESPONSE', shuffle: 'false' }, [
      el('simpleChoice', 'qti', { identifier: 'A' }, [text('1945')]),
      el('simpleChoice', 'qti', { identifier: 'B' }, [text('938')]),
      el('simpleChoice', 'qti', { identifier: 'C' }, [text('1975')]),
    ]),
  ]),
});

describe('item editor API', () => {
  it('previews an unsaved item without its key and scores a test answer', async () => {
    const preview = await api(engine).post(
      '/api/items/authoring/preview',
      { bankId, item: orderItem('Thứ tự'), responses: { RESPONSE: ['B', 'A', 'C'] } },
      tokens.teacherA,
    );
    expect(preview.status).toBe(200);
    expect(preview.data.outcomes.SCORE).toBe(1);
    expect(JSON.stringify(preview.data.candidate)).not.toContain('correctResponse');
    const wrong = await api(engine).post(
      '/api/items/authoring/preview',
      { bankId, item: orderItem('Thứ tự'), responses: { RESPONSE: ['A', 'B', 'C'] } },
      tokens.teacherA,
    );
    expect(wrong.data.outcomes.SCORE).toBe(0);
    const bad = await api(engine).post(
      '/api/items/authoring/preview',
      { bankId, item: { ...orderItem('x'), identifier: '1 bad' } },
      tokens.teacherA,
    );
    expect(bad.status).toBe(422);
    expect(bad.data.error.details.problems[0].message).toMatch(/identifier/);
  });

  it('saves with metadata and media, reopens, and saves a new version', async () => {
    const media = [{ href: 'media/hinh.png', contentType: 'image/png', data: PNG.toString('base64') }];
    const first = await api(engine).post(
      '/api/items/authoring',
      {
        bankId,
        item: orderItem('Thứ tự các sự kiện'),
        metadata: {
          subject: 'Lịch sử',
          grade: 9,
          topic: 'Sự kiện',
          competencies: ['tìm hiểu'],
          cognitiveLevel: 'thong_hieu',
        },
        media,
      },
      tokens.teacherA,
    );
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ version: 1, created: true });

    const loaded = await api(engine).get(`/api/items/${first.data.itemId}/authoring`, tokens.teacherA);
    expect(loaded.status).toBe(200);
    expect(loaded.data.item).toEqual(AuthoringItem.parse(orderItem('Thứ tự các sự kiện')));
    expect(loaded.data.metadata).toMatchObject({
      subject: 'Lịch sử',
      grade: 9,
      cognitiveLevel: 'thong_hieu',
    });
    expect(loaded.data.media).toEqual(media);

    const second = await api(engine).post(
      '/api/items/authoring',
      {
        bankId,
        basedOn: { itemId: first.data.itemId, version: 1 },
        item: orderItem('Thứ tự các sự kiện lịch sử'),
        metadata: loaded.data.metadata,
        media,
      },
      tokens.teacherA,
    );
    expect(second.data).toMatchObject({ itemId: first.data.itemId, version: 2, created: true });
  });

  it("never makes a new item or a stale edit into another save's next version", async () => {
    const first = await api(engine).post(
      '/api/items/authoring',
      { bankId, item: orderItem('Bản của cô Lan', 'ED-CLASH-1') },
      tokens.teacherA,
    );
    expect(first.status).toBe(200);
    const versions = async () =>
      (await api(engine).get(`/api/items/${first.data.itemId}`, tokens.teacherA)).data.currentVersion;

    // A colleague writes a new item and happens to choose the same identifier: refused, nothing written.
    const clash = await api(engine).post(
      '/api/items/authoring',
      { bankId, item: orderItem('Bản của thầy Minh', 'ED-CLASH-1') },
      tokens.teacherA,
    );
    expect(clash.status).toBe(409);
    expect(clash.data.error).toMatchObject({
      id: 'identifier_taken',
      details: { identifier: 'ED-CLASH-1', itemId: first.data.itemId, version: 1 },
    });
    expect(await versions()).toBe(1);

    // Two editors open version 1; the first saves version 2; the second's save is refused, not merged.
    const base = { itemId: first.data.itemId, version: 1 };
    const a = await api(engine).post(
      '/api/items/authoring',
      { bankId, basedOn: base, item: orderItem('Sửa lần A', 'ED-CLASH-1') },
      tokens.teacherA,
    );
    expect(a.data).toMatchObject({ version: 2 });
    const b = await api(engine).post(
      '/api/items/authoring',
      { bankId, basedOn: base, item: orderItem('Sửa lần B', 'ED-CLASH-1') },
      tokens.teacherA,
    );
    expect(b.status).toBe(409);
    expect(b.data.error).toMatchObject({ id: 'edited_elsewhere', details: { version: 2 } });
    expect(await versions()).toBe(2);

    // An edit based on an item under another identifier cannot take over this one.
    const other = await api(engine).post(
      '/api/items/authoring',
      { bankId, item: orderItem('Câu khác', 'ED-CLASH-2') },
      tokens.teacherA,
    );
    const takeover = await api(engine).post(
      '/api/items/authoring',
      { bankId, basedOn: { itemId: other.data.itemId, version: 1 }, item: orderItem('x', 'ED-CLASH-1') },
      tokens.teacherA,
    );
    expect(takeover.status).toBe(409);
    expect(await versions()).toBe(2);
  });

  it('refuses other schools and roles without item rights', async () => {
    const saved = await api(engine).post(
      '/api/items/authoring',
      { bankId, item: orderItem('x', 'ED-ORDER-2') },
      tokens.teacherA,
    );
    const other = await api(engine).get(`/api/items/${saved.data.itemId}/authoring`, tokens.teacherB);
    expect(other.status).toBe(403);
    const proctor = await api(engine).post(
      '/api/items/authoring/preview',
      { bankId, item: orderItem('x') },
      tokens.proctorA,
    );
    expect(proctor.status).toBe(403);
    const foreignBank = await api(engine).post(
      '/api/items/authoring',
      { bankId, item: orderItem('y') },
      tokens.teacherB,
    );
    expect(foreignBank.status).toBe(403);
  });

  it('is described in the OpenAPI document', async () => {
    const response = await engine.app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const paths = Object.keys(((await response.json()) as { paths: Record<string, unknown> }).paths);
    for (const path of ['/items/authoring/preview', '/items/authoring', '/items/{id}/authoring'])
      expect(paths.some((p) => p.endsWith(path))).toBe(true);
  });
});
