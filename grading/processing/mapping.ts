/**
 * mapResponse and mapResponsePoint: each distinct response value is mapped once (unmapped ones
 * take the default), the sum is clamped to the mapping's bounds; each area counts once however
 * many points fall in it.
 */
import type { BaseType, Mapping, ResponseDeclaration } from '../../item-bank/index.ts';
import { parseScalar } from '../values/parse-value.ts';
import { float, scalarEquals, scalarsOf, type QtiValue, type Scalar } from '../values/value.ts';
import { insideShape } from './shapes.ts';

const clamp = (n: number, lo?: number, hi?: number) => Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, n));

interface PreparedEntry {
  key: Scalar | undefined;
  lower?: string;
  mappedValue: number;
}

/** Map keys parsed once per mapping (and base type), not at every scoring. */
const prepared = new WeakMap<Mapping, { baseType: BaseType; entries: PreparedEntry[] }>();

function entriesOf(m: Mapping, baseType: BaseType): PreparedEntry[] {
  const hit = prepared.get(m);
  if (hit && hit.baseType === baseType) return hit.entries;
  const entries = m.entries.map((e) => {
    let key: Scalar | undefined;
    try {
      key = parseScalar(e.mapKey, baseType);
    } catch {
      key = undefined;
    }
    return {
      key,
      ...(typeof key === 'string' && !e.caseSensitive ? { lower: key.toLowerCase() } : {}),
      mappedValue: e.mappedValue,
    };
  });
  prepared.set(m, { baseType, entries });
  return entries;
}

/** A value through a mapping: each distinct value mapped once (default when unmapped), summed, clamped. */
export function mapValue(m: Mapping, baseType: BaseType, value: QtiValue): QtiValue {
  if (value === null) return float(clamp(m.defaultValue, m.lowerBound, m.upperBound));
  const entries = entriesOf(m, baseType);
  const scalars = scalarsOf(value);
  const distinct: Scalar[] = [];
  for (const v of scalars) if (!distinct.some((w) => scalarEquals(v, w, baseType))) distinct.push(v);
  let total = 0;
  for (const v of distinct) {
    let mapped: number | undefined;
    for (const e of entries) {
      if (e.key === undefined) continue;
      const hit =
        e.lower !== undefined && typeof v === 'string'
          ? v.toLowerCase() === e.lower
          : scalarEquals(v, e.key, baseType);
      if (hit) {
        mapped = e.mappedValue;
        break;
      }
    }
    total += mapped ?? m.defaultValue;
  }
  return float(clamp(total, m.lowerBound, m.upperBound));
}

export function mapResponse(d: ResponseDeclaration, value: QtiValue): QtiValue {
  return d.mapping ? mapValue(d.mapping, d.baseType ?? 'string', value) : null;
}

export function mapResponsePoint(d: ResponseDeclaration, value: QtiValue): QtiValue {
  const m = d.areaMapping;
  if (!m) return null;
  const points = scalarsOf(value).filter(
    (p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number',
  );
  if (!points.length) return float(clamp(m.defaultValue, m.lowerBound, m.upperBound));
  let total = 0;
  const counted = new Set<number>();
  for (const p of points) {
    const index = m.entries.findIndex((e) => insideShape(e.shape, e.coords, p));
    if (index < 0) total += m.defaultValue;
    else if (!counted.has(index)) {
      counted.add(index);
      total += m.entries[index]!.mappedValue;
    }
  }
  return float(clamp(total, m.lowerBound, m.upperBound));
}
