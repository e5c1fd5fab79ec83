import { describe, expect, it } from 'vitest';
import { parseTestXml } from '../qti/parse-test.ts';
import { writeTestXml } from '../qti/write-test.ts';
import { assembleForms, type PoolItem } from './assemble-forms.ts';
import { Blueprint } from './blueprint.ts';
import { formToTest } from './form-test.ts';
import { informationCurve, informationSpread, itemInformation } from './test-information.ts';

const blueprint = Blueprint.parse({
  title: 'Kiểm tra giữa kì Toán 12',
  topics: ['Hàm số', 'Số phức'],
  cells: [
    { topic: 'Hàm số', level: 'nhan_biet', count: 2, points: 2 },
    { topic: 'Hàm số', level: 'thong_hieu', count: 1, points: 1.5 },
    { topic: 'Số phức', level: 'van_dung', count: 1, points: 1 },
  ],
});

function pool(spec: Array<[string, PoolItem['cognitiveLevel'], number]>, irt = false): PoolItem[] {
  let n = 0;
  return spec.flatMap(([topic, level, count]) =>
    Array.from({ length: count }, () => {
      n++;
      return {
        id: `item-${String(n).padStart(3, '0')}`,
        topic,
        cognitiveLevel: level,
        ...(irt ? { irt: { a: 0.6 + (n % 7) * 0.15, b: -2 + ((n * 37) % 41) / 10, c: 0.2 } } : {}),
      };
    }),
  );
}

describe('blueprint', () => {
  it('rejects cells outside the topic rows, repeated cells and an empty matrix, saying where', () => {
    const bad = Blueprint.safeParse({
      title: 'x',
      topics: ['Hàm số'],
      cells: [
        { topic: 'Hình học', level: 'nhan_biet', count: 1, points: 1 },
        { topic: 'Hàm số', level: 'nhan_biet', count: 0, points: 1 },
        { topic: 'Hàm số', level: 'nhan_biet', count: 0, points: 0 },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'cells.0.topic: is not one of the topics',
        'cells.1.points: needs at least one item',
        'cells.2: repeats a topic and level',
      ]),
    );
  });
});

describe('assembleForms', () => {
  it('builds two parallel forms that follow every cell and share no item', () => {
    const items = pool([
      ['Hàm số', 'nhan_biet', 5],
      ['hàm số ', 'thong_hieu', 2], // topic matched without case or spacing differences
      ['Số phức', 'van_dung', 3],
      ['Số phức', 'nhan_biet', 4], // no cell asks for these
    ]);
    const result = assembleForms(blueprint, items, { formCount: 2, seed: 's1' });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.forms.map((f) => f.label)).toEqual(['A', 'B']);
    for (const form of result.forms) {
      expect(form.items.map((i) => `${i.topic}/${i.level}/${i.points}`)).toEqual([
        'Hàm số/nhan_biet/1',
        'Hàm số/nhan_biet/1',
        'Hàm số/thong_hieu/1.5',
        'Số phức/van_dung/1',
      ]);
    }
    const [a, b] = result.forms.map((f) => new Set(f.items.map((i) => i.itemId)));
    expect([...a!].filter((id) => b!.has(id))).toEqual([]);
    // The same seed gives the same forms.
    expect(assembleForms(blueprint, items, { formCount: 2, seed: 's1' })).toEqual(result);
  });

  it('says which cells lack items and how many, across all forms', () => {
    const items = pool([
      ['Hàm số', 'nhan_biet', 3],
      ['Hàm số', 'thong_hieu', 2],
      ['Số phức', 'van_dung', 0],
    ]);
    expect(assembleForms(blueprint, items, { formCount: 2 })).toEqual({
      ok: false,
      reason: 'shortage',
      shortages: [
        { topic: 'Hàm số', level: 'nhan_biet', needed: 4, available: 3, missing: 1 },
        { topic: 'Số phức', level: 'van_dung', needed: 2, available: 0, missing: 2 },
      ],
    });
  });

  it('reuses items across forms only when the blueprint allows it', () => {
    const items = pool([
      ['Hàm số', 'nhan_biet', 2],
      ['Hàm số', 'thong_hieu', 1],
      ['Số phức', 'van_dung', 1],
    ]);
    expect(assembleForms(blueprint, items, { formCount: 3 }).ok).toBe(false);
    const reuse = assembleForms({ ...blueprint, allowReuse: true }, items, { formCount: 3 });
    expect(reuse.ok && reuse.forms.every((f) => f.items.length === 4)).toBe(true);
  });

  it('matches the forms’ test information within the tolerance when items have IRT parameters', () => {
    const big = Blueprint.parse({
      title: 'IRT',
      topics: ['Hàm số'],
      cells: [
        { topic: 'Hàm số', level: 'nhan_biet', count: 10, points: 5 },
        { topic: 'Hàm số', level: 'van_dung', count: 6, points: 5 },
      ],
      informationTolerance: 0.1,
    });
    const items = pool(
      [
        ['Hàm số', 'nhan_biet', 30],
        ['Hàm số', 'van_dung', 18],
      ],
      true,
    );
    const result = assembleForms(big, items, { formCount: 3, seed: 'irt' });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.informationSpread).toBeLessThanOrEqual(0.1);
    expect(informationSpread(result.forms.map((f) => f.information!))).toBeCloseTo(
      result.informationSpread!,
      9,
    );
    // A tolerance no dealing can meet is refused with the spread reached.
    const strict = assembleForms({ ...big, informationTolerance: 0 }, items, { formCount: 3, seed: 'irt' });
    expect(strict).toMatchObject({ ok: false, reason: 'information', tolerance: 0 });
  });
});

describe('test information', () => {
  it('peaks at the item difficulty for 2PL and follows the 3PL formula', () => {
    const item = { a: 1.2, b: 0.5, c: 0 };
    expect(itemInformation(item, 0.5)).toBeCloseTo((1.7 * 1.2) ** 2 / 4, 9);
    expect(itemInformation(item, 0.5)).toBeGreaterThan(itemInformation(item, 1.5));
    expect(itemInformation({ a: 1, b: 0, c: 0.25 }, 0)).toBeLessThan(
      itemInformation({ a: 1, b: 0, c: 0 }, 0),
    );
    expect(informationCurve([item, item])).toEqual(informationCurve([item]).map((v) => v * 2));
  });
});

describe('formToTest', () => {
  it('writes a form as an assessmentTest with a section per topic and weights that give each item its points', () => {
    const items = pool([
      ['Hàm số', 'nhan_biet', 2],
      ['Hàm số', 'thong_hieu', 1],
      ['Số phức', 'van_dung', 1],
    ]);
    const result = assembleForms(blueprint, items, { formCount: 1 });
    if (!result.ok) throw new Error('not assembled');
    const info = new Map(
      items.map((i) => [i.id, { identifier: `Q-${i.id}`, maxScore: i.id === 'item-003' ? 3 : 1 }]),
    );
    const test = formToTest(blueprint, result.forms[0]!, 'GK-TOAN-12-A', info);
    const xml = writeTestXml(test);
    const parsed = parseTestXml(xml, 'test.xml');
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const sections = parsed.test!.testParts[0]!.sections;
    expect(sections.map((s) => (s.kind === 'section' ? s.title : ''))).toEqual(['Hàm số', 'Số phức']);
    const refs = sections.flatMap((s) => (s.kind === 'section' ? s.parts : []));
    expect(refs.map((r) => (r.kind === 'itemRef' ? [r.identifier, r.weights[0]?.value] : []))).toEqual([
      ['Q-item-001', 1],
      ['Q-item-002', 1],
      ['Q-item-003', 0.5],
      ['Q-item-004', 1],
    ]);
  });
});
