/** lookupOutcomeValue: matchTable (exact source) and interpolationTable (first threshold reached). */
import type { OutcomeDeclaration } from '../../item-bank/index.ts';
import { parseScalar } from '../values/parse-value.ts';
import { single, type QtiValue } from '../values/value.ts';

export function lookupTarget(d: OutcomeDeclaration, source: QtiValue): QtiValue {
  const table = d.lookupTable!;
  const baseType = d.baseType ?? 'float';
  const out = (text: string | undefined): QtiValue =>
    text === undefined ? null : single(baseType, parseScalar(text, baseType));
  const x =
    source && source.cardinality === 'single' && typeof source.value === 'number' ? source.value : undefined;
  if (x === undefined) return out(table.defaultValue);
  if (table.kind === 'matchTable') {
    const hit = table.entries.find((e) => e.sourceValue === x);
    return out(hit ? hit.targetValue : table.defaultValue);
  }
  for (const e of table.entries) {
    if (e.includeBoundary ? x >= e.sourceValue : x > e.sourceValue) return out(e.targetValue);
  }
  return out(table.defaultValue);
}
