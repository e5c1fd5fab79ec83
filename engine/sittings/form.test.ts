import { describe, expect, it } from 'vitest';
import { assembleForm, FormSpec, shuffleChoices } from './form.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const spec = (section: Record<string, unknown>) =>
  FormSpec.parse({
    sections: [
      {
        identifier: 'S1',
        items: Array.from({ length: 10 }, (_, i) => ({
          itemRef: `Q${i + 1}`,
          itemVersionId: id(i + 1),
          fixed: i === 0,
        })),
        ...section,
      },
    ],
  });

describe('form assembly', () => {
  it('rebuilds exactly the same form from the same seed', () => {
    const s = spec({ shuffle: true, select: 6 });
    expect(assembleForm(s, 42)).toEqual(assembleForm(s, 42));
    const forms = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        assembleForm(s, seed)
          .entries.map((e) => e.itemRef)
          .join(','),
      ),
    );
    expect(forms.size).toBeGreaterThan(10);
  });

  it('shuffling keeps fixed items in place and keeps every item once', () => {
    for (let seed = 0; seed < 50; seed++) {
      const refs = assembleForm(spec({ shuffle: true }), seed).entries.map((e) => e.itemRef);
      expect(refs[0]).toBe('Q1');
      expect([...refs].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Q${i + 1}`).sort());
    }
  });

  it('selection without replacement picks distinct items including required ones', () => {
    const s = FormSpec.parse({
      sections: [
        {
          identifier: 'S1',
          select: 3,
          items: Array.from({ length: 8 }, (_, i) => ({
            itemRef: `Q${i}`,
            itemVersionId: id(i),
            required: i === 5,
          })),
        },
      ],
    });
    for (let seed = 0; seed < 30; seed++) {
      const refs = assembleForm(s, seed).entries.map((e) => e.itemRef);
      expect(refs).toHaveLength(3);
      expect(new Set(refs).size).toBe(3);
      expect(refs).toContain('Q5');
    }
  });

  it('selection with replacement may repeat an item under distinct refs', () => {
    const s = FormSpec.parse({
      sections: [
        {
          identifier: 'S1',
          select: 6,
          withReplacement: true,
          items: [
            { itemRef: 'A', itemVersionId: id(1) },
            { itemRef: 'B', itemVersionId: id(2) },
          ],
        },
      ],
    });
    const refs = assembleForm(s, 7).entries.map((e) => e.itemRef);
    expect(refs).toHaveLength(6);
    expect(new Set(refs).size).toBe(6);
    expect(refs.filter((r) => r.startsWith('A')).length + refs.filter((r) => r.startsWith('B')).length).toBe(
      6,
    );
  });

  it('choice shuffles honour fixed choices and depend on the seed and interaction', () => {
    const choices = [
      { identifier: 'A' },
      { identifier: 'B' },
      { identifier: 'C' },
      { identifier: 'D', fixed: true },
    ];
    const orders = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const order = shuffleChoices(choices, seed, 'Q1/RESPONSE');
      expect(order[3]).toBe('D');
      expect(shuffleChoices(choices, seed, 'Q1/RESPONSE')).toEqual(order);
      orders.add(order.join(''));
    }
    expect(orders.size).toBe(6);
  });
});
