/**
 * mapResponse and mapResponsePoint: each distinct response value is mapped once (unmapped ones
 * take the default), the sum is clamped to the mapping's bounds; each area counts once however
 * many points fall in it.
 */
import type { ResponseDeclaration } from '../../item-bank/index.ts';
import { parseScalar } from '../values/parse-value.ts';
import { float, scalarEquals, scalarsOf, type QtiValue, type Scalar } from '../values/value.ts';
import { insideShape } from './shapes.ts';

const clamp = (n: number, lo?: number, hi?: number) => Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, n));

export function mapResponse(d: ResponseDeclaration, value: QtiValue): QtiValue {
  const m = d.mapping;
  if (!m) return null;
  const baseType = d.baseType ?? 'string';
  if (value === null) return float(clamp(0, m.lowerBound, m.upperBound));
  const distinct: Scalar[] = [];
  for (const v of scalarsOf(value)) if (!distinct.some((w) => scalarEquals(v, w, baseType))) distinct.push(v);
  let total = 0;
  for (const v of distinct) {
    const entry = m.entries.find((e) => {
      let key: Scalar;
      try {
        key = parseScalar(e.mapKey, baseType);
      } catch {
        return false;
      }
      if (typeof v === 'string' && typeof key === 'string' && !e.caseSensitive)
        return v.toLowerCase() === key.toLowerCase();
      return scalarEquals(v, key, baseType);
    });
    total += entry ? entry.mappedValue : m.defaultValue;
  }
  return float(clamp(total, m.lowerBound, m.upperBound));
}

export function mapResponsePoint(d: ResponseDeclaration, value: QtiValue): QtiValue {
  const m = d.areaMapping;
  if (!m) return null;
  const points = scalarsOf(value).filter(
    (p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number',
  );
  if (!points.length) return float(clamp(0, m.lowerBound, m.upperBound));
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
