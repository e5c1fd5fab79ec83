/**
 * Assembles one form or N parallel forms of a blueprint from a pool of published items.
 * Each cell draws items of its topic and level; parallel forms share no item unless the
 * blueprint allows reuse; when every drawn item has IRT parameters, items are dealt so the
 * forms' test information curves agree within the blueprint's tolerance.
 */
import { foldVietnamese } from '../search/fold-vietnamese.ts';
import { COGNITIVE_LEVELS, type CognitiveLevel } from '../storage/metadata.ts';
import type { Blueprint, BlueprintCell } from './blueprint.ts';
import { THETA_GRID, informationCurve, informationSpread, type IrtItem } from './test-information.ts';

export interface PoolItem {
  id: string;
  topic: string | null;
  cognitiveLevel: CognitiveLevel | null;
  subject?: string | null;
  grade?: number | null;
  irt?: IrtItem;
}

export interface FormItem {
  itemId: string;
  topic: string;
  level: CognitiveLevel;
  /** Points of this item on the form (the cell's points shared equally). */
  points: number;
}

export interface AssembledForm {
  /** "A", "B", ... */
  label: string;
  items: FormItem[];
  /** Test information at THETA_GRID, when every item has IRT parameters. */
  information?: number[];
}

export interface CellShortage {
  topic: string;
  level: CognitiveLevel;
  /** Items the cell needs across all forms. */
  needed: number;
  available: number;
  missing: number;
}

export type AssemblyResult =
  | { ok: true; forms: AssembledForm[]; informationSpread?: number }
  | { ok: false; reason: 'shortage'; shortages: CellShortage[] }
  | { ok: false; reason: 'information'; informationSpread: number; tolerance: number };

const fold = (s: string | null | undefined) => foldVietnamese(s ?? '').trim();

/** A small seeded generator (mulberry32), so the same seed gives the same forms. */
function randomFrom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(list: T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const formLabel = (index: number) => String.fromCharCode(65 + index);

function eligible(blueprint: Blueprint, cell: BlueprintCell, pool: PoolItem[]): PoolItem[] {
  const topic = fold(cell.topic);
  return pool
    .filter(
      (item) =>
        item.cognitiveLevel === cell.level &&
        fold(item.topic) === topic &&
        (!blueprint.subject || fold(item.subject) === fold(blueprint.subject)) &&
        (!blueprint.grade || item.grade === blueprint.grade),
    )
    .sort((x, y) => (x.id < y.id ? -1 : 1));
}

const total = (curve: number[]) => curve.reduce((s, v) => s + v, 0);

/** Deals a cell's IRT items to forms, always to the form with the least information so far. */
function dealByInformation(candidates: PoolItem[], counts: number[], curves: number[][]): PoolItem[][] {
  const ordered = [...candidates].sort(
    (x, y) => total(informationCurve([y.irt!])) - total(informationCurve([x.irt!])),
  );
  const dealt: PoolItem[][] = counts.map(() => []);
  const need = counts.reduce((s, n) => s + n, 0);
  for (const item of ordered.slice(0, need)) {
    const open = counts.map((n, f) => f).filter((f) => dealt[f]!.length < counts[f]!);
    const f = open.sort((x, y) => total(curves[x]!) - total(curves[y]!))[0]!;
    dealt[f]!.push(item);
    const own = informationCurve([item.irt!]);
    curves[f] = curves[f]!.map((v, k) => v + own[k]!);
  }
  return dealt;
}

/** Swaps items of the same cell between forms while that narrows the information spread. */
function balanceBySwaps(forms: Array<Array<{ item: PoolItem; cell: number }>>): number {
  const curveOf = (form: Array<{ item: PoolItem }>) => informationCurve(form.map((e) => e.item.irt!));
  // The sum of relative ranges over the grid: smoother than the worst point alone, so swaps that
  // help one ability without hurting others still count.
  const cost = () => {
    const curves = forms.map(curveOf);
    return THETA_GRID.reduce((sum: number, _, k) => {
      const values = curves.map((c) => c[k]!);
      const high = Math.max(...values);
      return sum + (high > 0 ? (high - Math.min(...values)) / high : 0);
    }, 0);
  };
  const worst = () => informationSpread(forms.map(curveOf));
  // First the smooth sum, then the worst point the tolerance is checked against.
  for (const measure of [cost, worst]) {
    let spread = measure();
    for (let round = 0; round < 50; round++) {
      let improved = false;
      for (let f = 0; f < forms.length; f++)
        for (let g = f + 1; g < forms.length; g++)
          for (let i = 0; i < forms[f]!.length; i++)
            for (let j = 0; j < forms[g]!.length; j++) {
              if (forms[f]![i]!.cell !== forms[g]![j]!.cell) continue;
              [forms[f]![i], forms[g]![j]] = [forms[g]![j]!, forms[f]![i]!];
              const next = measure();
              if (next < spread - 1e-9) {
                spread = next;
                improved = true;
              } else [forms[f]![i], forms[g]![j]] = [forms[g]![j]!, forms[f]![i]!];
            }
      if (!improved) break;
    }
  }
  return informationSpread(forms.map(curveOf));
}

/** Draws `formCount` forms that satisfy the blueprint, or says which cells are short. */
export function assembleForms(
  blueprint: Blueprint,
  pool: PoolItem[],
  options: { formCount: number; seed?: string },
): AssemblyResult {
  const formCount = Math.max(1, options.formCount);
  const random = randomFrom(options.seed ?? blueprint.title);
  // Matrix order: topic rows, then cognitive levels left to right.
  const cells = blueprint.cells
    .filter((c) => c.count > 0)
    .sort(
      (x, y) =>
        blueprint.topics.indexOf(x.topic) - blueprint.topics.indexOf(y.topic) ||
        COGNITIVE_LEVELS.indexOf(x.level) - COGNITIVE_LEVELS.indexOf(y.level),
    );
  const candidates = cells.map((cell) => shuffled(eligible(blueprint, cell, pool), random));
  const shortages: CellShortage[] = [];
  cells.forEach((cell, i) => {
    const needed = blueprint.allowReuse ? cell.count : cell.count * formCount;
    const available = candidates[i]!.length;
    if (available < needed)
      shortages.push({
        topic: cell.topic,
        level: cell.level,
        needed,
        available,
        missing: needed - available,
      });
  });
  if (shortages.length) return { ok: false, reason: 'shortage', shortages };

  const useIrt = candidates.every((list) => list.every((item) => item.irt));
  const forms: Array<Array<{ item: PoolItem; cell: number }>> = Array.from({ length: formCount }, () => []);
  const curves = forms.map(() => informationCurve([]));
  cells.forEach((cell, c) => {
    const list = candidates[c]!;
    for (let f = 0; f < formCount; f++) {
      if (blueprint.allowReuse) {
        // Each form draws its own sample; overlaps between forms are allowed.
        for (const item of shuffled(list, random).slice(0, cell.count)) forms[f]!.push({ item, cell: c });
      }
    }
    if (blueprint.allowReuse) return;
    const dealt = useIrt
      ? dealByInformation(list, Array(formCount).fill(cell.count) as number[], curves)
      : Array.from({ length: formCount }, (_, f) => list.slice(f * cell.count, (f + 1) * cell.count));
    dealt.forEach((items, f) => items.forEach((item) => forms[f]!.push({ item, cell: c })));
  });

  let spread: number | undefined;
  if (useIrt) {
    spread = blueprint.allowReuse
      ? informationSpread(forms.map((form) => informationCurve(form.map((e) => e.item.irt!))))
      : balanceBySwaps(forms);
    if (formCount > 1 && spread > blueprint.informationTolerance)
      return {
        ok: false,
        reason: 'information',
        informationSpread: spread,
        tolerance: blueprint.informationTolerance,
      };
  }
  return {
    ok: true,
    ...(spread === undefined ? {} : { informationSpread: spread }),
    forms: forms.map((form, f) => ({
      label: formLabel(f),
      items: form
        .sort((x, y) => x.cell - y.cell)
        .map(({ item, cell }) => ({
          itemId: item.id,
          topic: cells[cell]!.topic,
          level: cells[cell]!.level,
          points: cells[cell]!.points / cells[cell]!.count,
        })),
      ...(useIrt ? { information: informationCurve(form.map((e) => e.item.irt!)) } : {}),
    })),
  };
}
