/**
 * QTI values. NULL is `null`; an empty multiple or ordered container is NULL too. Scalars:
 * identifier/string/uri/file as strings, integer/float as numbers (the baseType keeps them
 * apart), boolean, duration in seconds, point as [x, y], pair and directedPair as [a, b].
 */
import type { BaseType, Cardinality } from '../../item-bank/index.ts';

export type Scalar = string | number | boolean | [number, number] | [string, string];

export interface SingleValue {
  cardinality: 'single';
  baseType: BaseType;
  value: Scalar;
}
export interface ContainerValue {
  cardinality: 'multiple' | 'ordered';
  baseType: BaseType;
  values: Scalar[];
}
export interface RecordValue {
  cardinality: 'record';
  fields: Record<string, SingleValue | null>;
}
export type QtiValue = SingleValue | ContainerValue | RecordValue | null;

export const single = (baseType: BaseType, value: Scalar): SingleValue => ({
  cardinality: 'single',
  baseType,
  value,
});
export const container = (
  cardinality: 'multiple' | 'ordered',
  baseType: BaseType,
  values: Scalar[],
): QtiValue => (values.length ? { cardinality, baseType, values } : null);
export const bool = (value: boolean): SingleValue => single('boolean', value);
export const int = (value: number): SingleValue => single('integer', value);
export const float = (value: number): SingleValue => single('float', value);

export const isNumeric = (v: QtiValue): v is SingleValue =>
  v?.cardinality === 'single' && (v.baseType === 'integer' || v.baseType === 'float');

/** Scalars of a value regardless of cardinality (a single value is a container of one). */
export function scalarsOf(v: QtiValue): Scalar[] {
  if (v === null || v.cardinality === 'record') return [];
  return v.cardinality === 'single' ? [v.value] : v.values;
}

export function scalarEquals(a: Scalar, b: Scalar, baseType: BaseType): boolean {
  if (baseType === 'pair' && Array.isArray(a) && Array.isArray(b)) {
    return (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a[0] === b[0] && a[1] === b[1];
  return a === b;
}

export function valuesEqual(a: QtiValue, b: QtiValue): boolean {
  if (a === null || b === null) return a === b;
  if (a.cardinality === 'record' || b.cardinality === 'record') {
    if (a.cardinality !== 'record' || b.cardinality !== 'record') return false;
    const keys = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
    return [...keys].every((k) => valuesEqual(a.fields[k] ?? null, b.fields[k] ?? null));
  }
  const baseType = a.baseType;
  if (a.cardinality === 'single' && b.cardinality === 'single')
    return scalarEquals(a.value, b.value, baseType);
  if (a.cardinality === 'ordered' && b.cardinality === 'ordered') {
    return (
      a.values.length === b.values.length && a.values.every((v, i) => scalarEquals(v, b.values[i]!, baseType))
    );
  }
  if (a.cardinality === 'multiple' && b.cardinality === 'multiple') {
    if (a.values.length !== b.values.length) return false;
    const rest = [...b.values];
    for (const v of a.values) {
      const i = rest.findIndex((w) => scalarEquals(v, w, baseType));
      if (i < 0) return false;
      rest.splice(i, 1);
    }
    return true;
  }
  return false;
}

/** The JSON form of a value (as in expected.jsonl): "A B" for pairs, "x y" for points, arrays for containers. */
export function toJson(v: QtiValue): unknown {
  if (v === null) return null;
  if (v.cardinality === 'record')
    return Object.fromEntries(Object.entries(v.fields).map(([k, f]) => [k, toJson(f)]));
  const one = (s: Scalar) => (Array.isArray(s) ? `${s[0]} ${s[1]}` : s);
  return v.cardinality === 'single' ? one(v.value) : v.values.map(one);
}

export type { BaseType, Cardinality };
