/**
 * A response matrix from stored sittings (the `HistorySitting` shape item statistics load: item
 * scores per candidate, columns `ref@itemVersionId` keyed by bank item id). One row per
 * candidate session, one column per wanted bank item; a score becomes its category (rounded,
 * clamped to 0..max), and an item the candidate was not presented (or not yet scored) is missing.
 * Pretest items are in the sittings' scores like any other item (only the total leaves them out),
 * so they calibrate from the same rows.
 */
import type { HistorySitting } from '../analysis/item-history.ts';
import { DICHOTOMOUS, type CalibrationModel } from './item-params.ts';
import type { ResponseMatrix } from './types.ts';

export interface HistoryMatrix extends ResponseMatrix {
  /** Per column: the content version most responses were given to. */
  versions: (string | null)[];
}

export function matrixFromHistory(
  sittings: HistorySitting[],
  itemIds: string[],
  models: {
    dichotomous?: CalibrationModel;
    polytomous?: CalibrationModel;
    byItem?: Record<string, CalibrationModel>;
  } = {},
): HistoryMatrix {
  const column = new Map(itemIds.map((id, j) => [id, j]));
  const maxScore = itemIds.map(() => 0);
  const versionCounts = itemIds.map(() => new Map<string, number>());
  const raw: (number | null)[][] = [];
  for (const sitting of sittings) {
    const refs = sitting.items.filter((i) => column.has(i.key));
    if (!refs.length) continue;
    for (const ref of refs) {
      const j = column.get(ref.key)!;
      maxScore[j] = Math.max(maxScore[j]!, ref.maxScore);
    }
    for (const candidate of sitting.candidates) {
      const row: (number | null)[] = itemIds.map(() => null);
      let any = false;
      for (const ref of refs) {
        const score = candidate.scores[ref.ref];
        if (score === null || score === undefined) continue;
        const j = column.get(ref.key)!;
        row[j] = score;
        any = true;
        const version = ref.ref.includes('@') ? ref.ref.slice(ref.ref.lastIndexOf('@') + 1) : '';
        if (version) versionCounts[j]!.set(version, (versionCounts[j]!.get(version) ?? 0) + 1);
      }
      if (any) raw.push(row);
    }
  }
  const top = maxScore.map((m) => Math.max(1, Math.round(m)));
  const rows = raw.map((row) =>
    row.map((score, j) => (score === null ? null : Math.min(top[j]!, Math.max(0, Math.round(score))))),
  );
  return {
    items: itemIds.map((id, j) => {
      const own = models.byItem?.[id];
      const dichotomous = top[j] === 1;
      const model =
        own && DICHOTOMOUS.includes(own) === dichotomous
          ? own
          : dichotomous
            ? (models.dichotomous ?? '2pl')
            : (models.polytomous ?? 'gpcm');
      return { id, model, categories: top[j]! + 1 };
    }),
    rows,
    versions: versionCounts.map((counts) => [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null),
  };
}
