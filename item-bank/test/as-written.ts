/**
 * An authoring item as a write gives it back: the one rewrite the writer makes to a demo item is a matchTable
 * written as the interpolationTable that looks up the same (the schemas take no target values in a matchTable;
 * see matchAsInterpolation).
 */
import type { AuthoringItem } from '../authoring/authoring-item.ts';
import { matchAsInterpolation } from '../qti/write-item.ts';

export function asWritten<T extends Pick<AuthoringItem, 'declarations'>>(item: T): T {
  return {
    ...item,
    declarations: item.declarations.map((d) =>
      d.kind === 'outcome' && d.lookupTable ? { ...d, lookupTable: matchAsInterpolation(d.lookupTable) } : d,
    ),
  };
}
