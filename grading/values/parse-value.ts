/** Reading values from their QTI string forms (declarations) and JSON forms (responses). */
import type { BaseType, Cardinality, RawValue } from '../../item-bank/index.ts';
import { container, single, type QtiValue, type Scalar, type SingleValue } from './value.ts';

export class ValueError extends Error {}

/** ISO 8601 duration (PnDTnHnMnS) or plain seconds, to seconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const m =
    /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      trimmed,
    );
  if (!m) throw new ValueError(`"${text}" is not a duration`);
  const [, neg, y, mo, d, h, mi, s] = m;
  const seconds =
    Number(y ?? 0) * 365 * 86400 +
    Number(mo ?? 0) * 30 * 86400 +
    Number(d ?? 0) * 86400 +
    Number(h ?? 0) * 3600 +
    Number(mi ?? 0) * 60 +
    Number(s ?? 0);
  return neg ? -seconds : seconds;
}

export function parseScalar(text: string, baseType: BaseType): Scalar {
  const t = baseType === 'string' ? text : text.trim();
  switch (baseType) {
    case 'integer': {
      if (!/^[+-]?\d+$/.test(t)) throw new ValueError(`"${text}" is not an integer`);
      return Number(t);
    }
    case 'float': {
      const n = Number(t.replace(/^\+/, ''));
      if (t === '' || !Number.isFinite(n)) {
        if (/^-?INF$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
        throw new ValueError(`"${text}" is not a float`);
      }
      return n;
    }
    case 'boolean':
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      throw new ValueError(`"${text}" is not a boolean`);
    case 'point': {
      const parts = t.split(/\s+/).map(Number);
      if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n)))
        throw new ValueError(`"${text}" is not a point`);
      return [parts[0]!, parts[1]!];
    }
    case 'pair':
    case 'directedPair': {
      const parts = t.split(/\s+/);
      if (parts.length !== 2) throw new ValueError(`"${text}" is not a pair`);
      return [parts[0]!, parts[1]!];
    }
    case 'duration':
      return parseDuration(t);
    case 'intOrIdentifier':
      return /^[+-]?\d+$/.test(t) ? Number(t) : t;
    default:
      return t;
  }
}

/** A declared value (defaultValue, correctResponse) from its raw `<value>` texts. */
export function valueFromRaw(
  raw: RawValue[] | undefined,
  baseType: BaseType | undefined,
  cardinality: Cardinality,
): QtiValue {
  if (!raw || raw.length === 0) return null;
  if (cardinality === 'record') {
    const fields: Record<string, SingleValue | null> = {};
    for (const v of raw)
      if (v.fieldIdentifier)
        fields[v.fieldIdentifier] = single(
          v.baseType ?? 'string',
          parseScalar(v.text, v.baseType ?? 'string'),
        );
    return { cardinality: 'record', fields };
  }
  const type = baseType ?? 'string';
  if (cardinality === 'single') return single(type, parseScalar(raw[0]!.text, type));
  return container(
    cardinality,
    type,
    raw.map((v) => parseScalar(v.text, type)),
  );
}

/**
 * A number typed the Vietnamese way, with a decimal comma ("3,5", "-0,25"), written with a
 * decimal point. Only a lone comma between digits is read so: "1,000" is 1 (the Vietnamese
 * reading), "1.234,5" and "1,2,3" are left as they are (not a number).
 */
export function decimalPoint(text: string): string {
  return /^\s*[+-]?\d*,\d+\s*$/.test(text) ? text.replace(',', '.') : text;
}

/** A response from its JSON form: strings, numbers, "A B" pairs, arrays for containers, null for NULL. */
export function valueFromJson(
  json: unknown,
  baseType: BaseType | undefined,
  cardinality: Cardinality,
): QtiValue {
  if (json === null || json === undefined) return null;
  const type = baseType ?? 'string';
  const scalar = (j: unknown): Scalar => {
    if (typeof j === 'number') {
      if (type === 'integer' && !Number.isInteger(j)) throw new ValueError(`${j} is not an integer`);
      return j;
    }
    if (typeof j === 'boolean') return j;
    if (Array.isArray(j) && j.length === 2) return parseScalar(`${j[0]} ${j[1]}`, type);
    if (typeof j === 'string') return parseScalar(type === 'float' ? decimalPoint(j) : j, type);
    throw new ValueError(`${JSON.stringify(j)} is not a ${type} value`);
  };
  if (cardinality === 'record') {
    if (typeof json !== 'object' || Array.isArray(json))
      throw new ValueError('a record response must be an object');
    const fields: Record<string, SingleValue | null> = {};
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
      fields[k] =
        v === null
          ? null
          : single(
              typeof v === 'number'
                ? Number.isInteger(v)
                  ? 'integer'
                  : 'float'
                : typeof v === 'boolean'
                  ? 'boolean'
                  : 'string',
              v as Scalar,
            );
    }
    return { cardinality: 'record', fields };
  }
  if (cardinality === 'single') {
    // Some result files hold several pairs for a single-cardinality response; keep them all.
    if (
      Array.isArray(json) &&
      json.length > 1 &&
      json.every((j) => typeof j === 'string' && /\s/.test(j.trim()))
    ) {
      return container('multiple', type, json.map(scalar));
    }
    if (Array.isArray(json) && !(type === 'pair' || type === 'directedPair' || type === 'point')) {
      if (json.length === 0) return null;
      if (json.length === 1) return single(type, scalar(json[0]));
      throw new ValueError(`a single ${type} response holds ${json.length} values`);
    }
    if (type === 'string' && json === '') return null;
    return single(type, scalar(json));
  }
  const list = Array.isArray(json) ? json : [json];
  // An answered-but-empty container ([]) is kept as given; isNull and the operators treat it as NULL.
  if (list.length === 0) return { cardinality, baseType: type, values: [] };
  return container(cardinality, type, list.map(scalar));
}
