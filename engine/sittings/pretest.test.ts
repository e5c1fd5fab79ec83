/**
 * Pretest placement (issue 23): how many pretest items a form gets at each rate, which ones and
 * where, all from the session's seed; the operational form is the one it would be without them;
 * in an adaptive section a pretest item is named like the CAT's places; the FormSpec refuses
 * refs that clash.
 */
import { describe, expect, it } from 'vitest';
import { assembleForm, FormSpec, plannedItemCount, specItems } from './form.ts';
import { isPretest } from './pretest.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const operational = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    itemRef: `Q${i + 1}`,
    itemVersionId: id(i + 1),
    title: `Câu ${i + 1}`,
  }));
const pretestPool = Array.from({ length: 6 }, (_, i) => ({
  itemRef: `N${i + 1}`,
  itemVersionId: id(100 + i),
  title: `Câu mới ${i + 1}`,
}));

const linear = (rate: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  FormSpec.parse({
    sections: [{ identifier: 'S1', shuffle: true, items: operational(20) }],
    pretest: { items: pretestPool, rate },
    ...extra,
  });

const refs = (spec: FormSpec, seed: number) => assembleForm(spec, seed).entries.map((e) => e.itemRef);

describe('pretest items in a form', () => {
  it('one in every run of N operational items: floor(20 / N), each in its own run', () => {
    const spec = linear({ kind: 'every', operational: 5 });
    expect(plannedItemCount(spec)).toBe(24);
    for (let seed = 0; seed < 30; seed++) {
      const form = assembleForm(spec, seed);
      expect(form.entries).toHaveLength(24);
      expect(form.entries.map((e) => e.position)).toEqual(form.entries.map((_, i) => i));
      const operationalSeen = form.entries.filter((e) => !isPretest(e));
      // Run j holds operational items 5j..5j+4 and exactly one pretest item among or before them.
      let ops = 0;
      const runOf: number[] = [];
      for (const e of form.entries) {
        if (isPretest(e)) runOf.push(Math.floor(ops / 5));
        else ops++;
      }
      expect(runOf).toEqual([0, 1, 2, 3]);
      expect(operationalSeen).toHaveLength(20);
    }
    expect(plannedItemCount(linear({ kind: 'every', operational: 3 }))).toBe(26);
    // Never more than the pool holds.
    expect(plannedItemCount(linear({ kind: 'every', operational: 1 }))).toBe(26);
  });

  it('k per form, chosen and placed by the seed: the same seed the same form, other seeds differ', () => {
    const spec = linear({ kind: 'per-form', count: 3 });
    expect(assembleForm(spec, 7)).toEqual(assembleForm(spec, 7));
    const placements = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        refs(spec, seed)
          .map((r, i) => (r.startsWith('N') ? `${i}:${r}` : ''))
          .join(''),
      ),
    );
    expect(placements.size).toBeGreaterThan(15);
    for (let seed = 0; seed < 10; seed++) {
      const form = assembleForm(spec, seed);
      const pretest = form.entries.filter(isPretest);
      expect(pretest).toHaveLength(3);
      expect(new Set(pretest.map((e) => e.itemRef)).size).toBe(3);
      // Delivered like their neighbours: same section, a title, weight 1; only the category tells.
      for (const e of pretest)
        expect(e).toMatchObject({ sectionIdentifier: 'S1', weight: 1, categories: ['pretest'] });
    }
  });

  it('leaves the operational form as it would be without pretest items', () => {
    const without = FormSpec.parse({
      sections: [{ identifier: 'S1', shuffle: true, items: operational(20) }],
    });
    for (let seed = 0; seed < 10; seed++)
      expect(refs(linear({ kind: 'per-form', count: 4 }), seed).filter((r) => r.startsWith('Q'))).toEqual(
        refs(without, seed),
      );
  });

  it('names a pretest item among adaptive places like the places, and keeps its own ref apart', () => {
    const spec = FormSpec.parse({
      navigationMode: 'linear',
      sections: [
        {
          identifier: 'CAT',
          adaptive: { stop: { minItems: 2, maxItems: 6 } },
          items: operational(8),
        },
      ],
      pretest: { items: pretestPool, rate: { kind: 'every', operational: 3 } },
    });
    const form = assembleForm(spec, 11);
    expect(form.entries.map((e) => e.itemRef)).toEqual(Array.from({ length: 8 }, (_, i) => `CAT-${i + 1}`));
    expect(form.entries.filter((e) => e.adaptive).map((e) => e.adaptive!.slot)).toEqual([1, 2, 3, 4, 5, 6]);
    const pretest = form.entries.filter(isPretest);
    expect(pretest).toHaveLength(2);
    for (const e of pretest) {
      expect(e.title).toBe('');
      expect(e.refIdentifier).toMatch(/^N\d$/);
      expect(e.itemVersionId).not.toBe('');
      expect(e.control?.allowReview).toBe(false);
    }
    expect(form.parts).toEqual([expect.objectContaining({ start: 0, end: 8 })]);
  });

  it('lists pretest items with the form items, and refuses clashing refs', () => {
    expect(specItems(linear({ kind: 'per-form', count: 1 })).map((i) => i.itemRef)).toContain('N6');
    const clash = FormSpec.safeParse({
      sections: [{ identifier: 'S1', items: operational(4) }],
      pretest: { items: [{ itemRef: 'Q2', itemVersionId: id(50) }], rate: { kind: 'per-form', count: 1 } },
    });
    expect(clash.success).toBe(false);
    expect(JSON.stringify(clash.error?.issues)).toMatch(/Q2 is used twice/);
    const same = FormSpec.safeParse({
      sections: [{ identifier: 'S1', items: operational(4) }],
      pretest: { items: [{ itemRef: 'X', itemVersionId: id(2) }], rate: { kind: 'per-form', count: 1 } },
    });
    expect(JSON.stringify(same.error?.issues)).toMatch(/in the form already/);
  });
});
