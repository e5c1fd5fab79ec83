/**
 * Lookup tables: matchTable (exact source) and interpolationTable (the first entry whose
 * threshold the source reaches). An interpolationTable with interpolationMethod="linear" (a
 * lookupTable expression some players accept) interpolates between entries and clamps outside.
 */
import type { BaseType, LookupTable, ProcessingNode } from '../../item-bank/index.ts';
import { parseScalar } from '../values/parse-value.ts';
import { single, type QtiValue } from '../values/value.ts';
import { CompileError } from './context.ts';

export type Table = LookupTable & { linear?: boolean };

export function lookupTarget(table: Table, baseType: BaseType, source: QtiValue): QtiValue {
  const out = (text: string | undefined): QtiValue =>
    text === undefined ? null : single(baseType, parseScalar(text, baseType));
  const x =
    source && source.cardinality === 'single' && typeof source.value === 'number' ? source.value : undefined;
  if (x === undefined) return out(table.defaultValue);
  if (table.kind === 'matchTable') {
    const hit = table.entries.find((e) => e.sourceValue === x);
    return out(hit ? hit.targetValue : table.defaultValue);
  }
  if (table.linear && table.entries.length) {
    const points = table.entries
      .map((e) => [e.sourceValue, Number(e.targetValue)] as const)
      .sort((a, b) => a[0] - b[0]);
    const first = points[0]!;
    const last = points[points.length - 1]!;
    if (x <= first[0]) return single(baseType, first[1]);
    if (x >= last[0]) return single(baseType, last[1]);
    for (let i = 1; i < points.length; i++) {
      const [x1, y1] = points[i]!;
      const [x0, y0] = points[i - 1]!;
      if (x <= x1) return single(baseType, y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));
    }
  }
  for (const e of table.entries) {
    if (e.includeBoundary ? x >= e.sourceValue : x > e.sourceValue) return out(e.targetValue);
  }
  return out(table.defaultValue);
}

const sourceOf = (node: ProcessingNode) => {
  const n = Number(node.attributes.sourceValue);
  if (node.attributes.sourceValue === undefined || !Number.isFinite(n))
    throw new CompileError('sourceValue must be a number', node);
  return n;
};

/** A matchTable or interpolationTable element (inside a lookupTable expression) as a table. */
export function tableFromNode(node: ProcessingNode): Table {
  if (node.name === 'matchTable')
    return {
      kind: 'matchTable',
      defaultValue: node.attributes.defaultValue,
      entries: node.children.map((e) => ({
        sourceValue: sourceOf(e),
        targetValue: e.attributes.targetValue ?? '',
      })),
    };
  if (node.name === 'interpolationTable')
    return {
      kind: 'interpolationTable',
      defaultValue: node.attributes.defaultValue,
      linear: node.attributes.interpolationMethod === 'linear',
      entries: node.children.map((e) => ({
        sourceValue: sourceOf(e),
        targetValue: e.attributes.targetValue ?? '',
        includeBoundary: e.attributes.includeBoundary !== 'false',
      })),
    };
  throw new CompileError('expected a matchTable or interpolationTable', node);
}
