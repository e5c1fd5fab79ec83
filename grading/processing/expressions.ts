/**
 * Every QTI expression, compiled once into a closure. NULL handling follows the specification:
 * most operators give NULL when an operand is NULL; and/or/not/isNull/containerSize have their
 * own rules. Numbers keep integer vs float by baseType.
 */
import type { AreaShape, BaseType, ProcessingNode } from '../../item-bank/index.ts';
import { parseScalar } from '../values/parse-value.ts';
import {
  bool,
  container,
  float,
  int,
  scalarEquals,
  scalarsOf,
  single,
  valuesEqual,
  type QtiValue,
  type Scalar,
  type SingleValue,
} from '../values/value.ts';
import type { CompileEnv, Expression, ScoringState } from './context.ts';
import { CompileError, correctOf, declaredDefault } from './context.ts';
import { mapResponse, mapResponsePoint } from './mapping.ts';
import { insideShape } from './shapes.ts';
import { xsdRegex } from './xsd-regex.ts';

type Compiler = (node: ProcessingNode, args: Expression[], env: CompileEnv) => Expression;

const num = (v: QtiValue): number | undefined =>
  v && v.cardinality === 'single' && typeof v.value === 'number' ? v.value : undefined;
const NUMBER_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
/** A number, or a string that is exactly a number (text entry declared as string compared with a number). */
const lenientNumber = (v: QtiValue): number | undefined => {
  if (!v || v.cardinality !== 'single') return undefined;
  if (typeof v.value === 'number') return v.value;
  if (typeof v.value === 'string' && v.baseType === 'string' && NUMBER_TEXT.test(v.value))
    return Number(v.value);
  return undefined;
};
const isEmptyContainer = (v: QtiValue) =>
  (v?.cardinality === 'multiple' || v?.cardinality === 'ordered') && v.values.length === 0;
/** NULL, and what the specification treats as NULL: an empty container or an empty string. */
export const isNullValue = (v: QtiValue): boolean =>
  v === null ||
  ((v.cardinality === 'multiple' || v.cardinality === 'ordered') && v.values.length === 0) ||
  (v.cardinality === 'single' && v.baseType === 'string' && v.value === '');
const truthy = (v: QtiValue): boolean | null =>
  v && v.cardinality === 'single' && typeof v.value === 'boolean' ? v.value : null;
const anyFloat = (vals: QtiValue[]) =>
  vals.some((v) => v && v.cardinality !== 'record' && v.baseType === 'float');
const numericResult = (n: number, isFloat: boolean): QtiValue =>
  Number.isNaN(n) ? null : isFloat ? float(n) : int(n);

function attrNumber(
  node: ProcessingNode,
  name: string,
  state: ScoringState,
  fallback?: number,
): number | undefined {
  const raw = node.attributes[name];
  if (raw === undefined) return fallback;
  if (/^\{.+\}$/.test(raw) || /^[A-Za-z_][\w.-]*$/.test(raw)) {
    // A template variable reference such as {TOLERANCE} or TOLERANCE.
    const v = state.values.get(raw.replace(/^\{|\}$/g, ''));
    return num(v ?? null) ?? fallback;
  }
  const n = Number(raw);
  return Number.isFinite(n) ? n : fallback;
}

/**
 * The numbers of the operands, flattened: sum, product, max, min, gcd and lcm take multiple and
 * ordered containers too (sum of testVariables), and give a single value. NULL (an empty container too) or a value that is not a number: null.
 */
const numberList = (args: Expression[], state: ScoringState) => {
  const vals = args.map((a) => a(state));
  if (vals.some((v) => isNullValue(v) || v!.cardinality === 'record')) return null;
  const nums = vals.flatMap((v) => scalarsOf(v)).map((s) => (typeof s === 'number' ? s : NaN));
  if (nums.some((n) => Number.isNaN(n))) return null;
  return { nums, isFloat: anyFloat(vals) };
};

/** Like numberList, for operators whose operands must each be a single number (subtract, divide...). */
const singleNumbers = (args: Expression[], state: ScoringState) => {
  const vals = args.map((a) => a(state));
  if (vals.some((v) => v === null || v.cardinality !== 'single' || typeof v.value !== 'number')) return null;
  return { nums: vals.map((v) => (v as SingleValue).value as number), isFloat: anyFloat(vals) };
};
/** Integers only (gcd, lcm): a float operand, even a whole one, is not an integer. */
const integerList = (args: Expression[], state: ScoringState) => {
  const l = numberList(args, state);
  if (!l || l.isFloat || !l.nums.length || l.nums.some((x) => !Number.isInteger(x))) return null;
  return l.nums;
};

const gcd2 = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd2(b, a % b));

/** A single number that is not NaN (truncate, round, roundTo, integerToFloat). */
const singleNumber = (v: QtiValue): number | undefined => {
  const x = num(v);
  return x === undefined || Number.isNaN(x) ? undefined : x;
};
/** integerDivide and integerModulus: two single integers, the second not 0. */
const integerPair = (args: Expression[], state: ScoringState): [number, number] | undefined => {
  const l = singleNumbers(args, state);
  if (!l || l.nums.length !== 2 || !l.nums.every(Number.isInteger) || l.nums[1] === 0) return undefined;
  return [l.nums[0]!, l.nums[1]!];
};
const finiteFloat = (n: number): QtiValue => (Number.isFinite(n) ? float(n) : null);

/** Round half up in the QTI sense (towards +infinity on .5) with a decimal-safe nudge. */
const roundHalfUp = (n: number) => Math.floor(n + 0.5 + 1e-12 * Math.max(1, Math.abs(n)));

/**
 * roundTo and equalRounded: the spec's deciding-digit rule ("if the deciding digit is 5 or
 * greater, the nth digit is increased by 1"), which works on the digits, so -2.45 to 2
 * significant figures is -2.5 (half away from zero). Figures out of range (fewer than 1
 * significant figure, fewer than 0 decimal places): undefined (NULL). INF stays INF. A mode
 * other than decimalPlaces ("significantFigure" is seen in items) is significantFigures.
 */
export function roundToFigures(n: number, figures: number, mode: string): number | undefined {
  if (!Number.isInteger(figures) || Number.isNaN(n)) return undefined;
  if (figures < (mode === 'decimalPlaces' ? 0 : 1)) return undefined;
  if (!Number.isFinite(n) || n === 0) return n;
  const places = mode === 'decimalPlaces' ? figures : figures - (Math.floor(Math.log10(Math.abs(n))) + 1);
  // Scale by a whole power of ten on the right side, so no 10^-k rounding error creeps in.
  const scaled = places >= 0 ? Math.abs(n) * 10 ** places : Math.abs(n) / 10 ** -places;
  const rounded = roundHalfUp(scaled);
  return Math.sign(n) * (places >= 0 ? rounded / 10 ** places : rounded * 10 ** -places);
}

/** The QTI names, and median (not in the QTI list; Cito's engine accepts it). */
const STATS = new Set(['mean', 'sampleVariance', 'sampleSD', 'popVariance', 'popSD', 'median']);

/**
 * statsOperator: a multiple or ordered container of numbers to a single float. NULL, an empty
 * container, a container written with a NULL value in it, a single value, a value that is not a
 * number, or a sample statistic of fewer than two values: NULL.
 */
export function statsOf(name: string, v: QtiValue): QtiValue {
  if (v === null || v.cardinality === 'single' || v.cardinality === 'record' || builtOverNull.has(v))
    return null;
  if (v.values.some((x) => typeof x !== 'number' || Number.isNaN(x))) return null;
  const r = stats(name, v.values as number[]);
  return r === undefined || !Number.isFinite(r) ? null : float(r);
}

export function stats(name: string, nums: number[]): number | undefined {
  const n = nums.length;
  if (n === 0) return undefined;
  const mean = nums.reduce((a, b) => a + b, 0) / n;
  const ss = nums.reduce((a, b) => a + (b - mean) ** 2, 0);
  switch (name) {
    case 'mean':
      return mean;
    case 'sampleVariance':
      return n > 1 ? ss / (n - 1) : undefined;
    case 'sampleSD':
      return n > 1 ? Math.sqrt(ss / (n - 1)) : undefined;
    case 'popVariance':
      return ss / n;
    case 'popSD':
      return Math.sqrt(ss / n);
    case 'median': {
      const sorted = [...nums].sort((a, b) => a - b);
      const mid = Math.floor(n / 2);
      return n % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
    }
    default:
      return undefined;
  }
}

const MATH: Record<string, (args: number[]) => number> = {
  sin: ([a]) => Math.sin(a!),
  cos: ([a]) => Math.cos(a!),
  tan: ([a]) => Math.tan(a!),
  sec: ([a]) => 1 / Math.cos(a!),
  csc: ([a]) => 1 / Math.sin(a!),
  cot: ([a]) => 1 / Math.tan(a!),
  asin: ([a]) => Math.asin(a!),
  acos: ([a]) => Math.acos(a!),
  atan: ([a]) => Math.atan(a!),
  atan2: ([a, b]) => Math.atan2(a!, b!),
  asec: ([a]) => Math.acos(1 / a!),
  acsc: ([a]) => Math.asin(1 / a!),
  acot: ([a]) => Math.atan(1 / a!),
  sinh: ([a]) => Math.sinh(a!),
  cosh: ([a]) => Math.cosh(a!),
  tanh: ([a]) => Math.tanh(a!),
  sech: ([a]) => 1 / Math.cosh(a!),
  csch: ([a]) => 1 / Math.sinh(a!),
  coth: ([a]) => 1 / Math.tanh(a!),
  log: ([a]) => Math.log10(a!),
  ln: ([a]) => Math.log(a!),
  exp: ([a]) => Math.exp(a!),
  abs: ([a]) => Math.abs(a!),
  signum: ([a]) => Math.sign(a!),
  floor: ([a]) => Math.floor(a!),
  ceil: ([a]) => Math.ceil(a!),
  toDegrees: ([a]) => (a! * 180) / Math.PI,
  toRadians: ([a]) => (a! * Math.PI) / 180,
  /** Not in the QTI list; Cito's engine accepts it. */
  sqrt: ([a]) => Math.sqrt(a!),
};

function compare(
  node: ProcessingNode,
  args: Expression[],
  test: (a: number, b: number) => boolean,
): Expression {
  return (s) => {
    const a = lenientNumber(args[0]!(s));
    const b = lenientNumber(args[1]!(s));
    return a === undefined || b === undefined ? null : bool(test(a, b));
  };
}

/**
 * multiple and ordered: the operands' values in turn, a container flattened into its values;
 * NULL operands (empty containers too) are skipped, and no value at all gives NULL. The base
 * type is the first operand's (the specification requires them all the same).
 */
function collect(cardinality: 'multiple' | 'ordered', args: Expression[], s: ScoringState): QtiValue {
  const out: Scalar[] = [];
  let baseType: BaseType | undefined;
  let skipped = false;
  for (const a of args) {
    const v = a(s);
    if (v === null || v.cardinality === 'record') {
      skipped = true;
      continue;
    }
    baseType ??= v.baseType;
    out.push(...scalarsOf(v));
  }
  const result = baseType ? container(cardinality, baseType, out) : null;
  if (skipped && result) builtOverNull.add(result);
  return result;
}

/**
 * Containers built by multiple/ordered from a NULL operand among values. statsOperator is NULL
 * when "any value contained therein is NULL": in XML the only way to write such a value is a
 * NULL operand of the multiple or ordered it is given.
 */
const builtOverNull = new WeakSet<object>();

export const EXPRESSIONS: Record<string, Compiler> = {
  baseValue: (node) => {
    const baseType = (node.attributes.baseType ?? 'string') as BaseType;
    let value: QtiValue;
    try {
      value = single(baseType, parseScalar(node.text ?? '', baseType));
    } catch (error) {
      throw new CompileError((error as Error).message, node);
    }
    return () => value;
  },
  variable: (node, _args, env) => {
    const id = node.attributes.identifier ?? '';
    const weightId = node.attributes.weightIdentifier;
    void weightId;
    if (!env.declarations.has(id) && !BUILT_INS.has(id))
      throw new CompileError(`the variable ${id} is not declared`, node);
    return (s) => s.values.get(id) ?? null;
  },
  default: (node, _args, env) => {
    const id = node.attributes.identifier ?? '';
    if (!env.declarations.has(id)) throw new CompileError(`the variable ${id} is not declared`, node);
    return (s) => declaredDefault(s, env, id);
  },
  correct: (node, _args, env) => {
    const id = node.attributes.identifier ?? '';
    if (env.declarations.get(id)?.kind !== 'response')
      throw new CompileError(`${id} is not a declared response`, node);
    return (s) => correctOf(s, env, id);
  },
  mapResponse: (node, _args, env) => {
    const id = node.attributes.identifier ?? '';
    const d = env.declarations.get(id);
    if (d?.kind !== 'response') throw new CompileError(`${id} is not a declared response`, node);
    return (s) => mapResponse(d, s.values.get(id) ?? null);
  },
  mapResponsePoint: (node, _args, env) => {
    const id = node.attributes.identifier ?? '';
    const d = env.declarations.get(id);
    if (d?.kind !== 'response') throw new CompileError(`${id} is not a declared response`, node);
    return (s) => mapResponsePoint(d, s.values.get(id) ?? null);
  },
  null: () => () => null,
  randomInteger: (node) => (s) => {
    const min = attrNumber(node, 'min', s, 0)!;
    const max = attrNumber(node, 'max', s, min)!;
    const step = attrNumber(node, 'step', s, 1)!;
    const n = Math.floor((max - min) / step) + 1;
    return int(min + Math.floor(s.random() * n) * step);
  },
  randomFloat: (node) => (s) => {
    const min = attrNumber(node, 'min', s, 0)!;
    const max = attrNumber(node, 'max', s, 1)!;
    return float(min + s.random() * (max - min));
  },
  multiple: (_n, args) => (s) => collect('multiple', args, s),
  ordered: (_n, args) => (s) => collect('ordered', args, s),
  containerSize:
    (_n, [a]) =>
    (s) => {
      const v = a!(s);
      // A record is not a container: its size is not defined.
      return v?.cardinality === 'record' ? null : int(scalarsOf(v).length);
    },
  isNull:
    (_n, [a]) =>
    (s) => {
      const v = a!(s);
      return bool(isNullValue(v));
    },
  index:
    (node, [a]) =>
    (s) => {
      const v = a!(s);
      const n = attrNumber(node, 'n', s);
      // Only an ordered container has an nth value; n counts from 1.
      if (v === null || n === undefined || v.cardinality !== 'ordered' || !Number.isInteger(n) || n < 1)
        return null;
      const item = v.values[n - 1];
      return item === undefined ? null : single(v.baseType, item);
    },
  fieldValue:
    (node, [a]) =>
    (s) => {
      const v = a!(s);
      return v?.cardinality === 'record' ? (v.fields[node.attributes.fieldIdentifier ?? ''] ?? null) : null;
    },
  random:
    (_n, [a]) =>
    (s) => {
      const v = a!(s);
      if (v === null || v.cardinality === 'single') return v;
      if (v.cardinality === 'record' || !v.values.length) return null;
      return single(v.baseType, v.values[Math.floor(s.random() * v.values.length)]!);
    },
  member:
    (_n, [a, b]) =>
    (s) => {
      const x = a!(s);
      const c = b!(s);
      if (
        x === null ||
        c === null ||
        isNullValue(x) ||
        isNullValue(c) ||
        x.cardinality !== 'single' ||
        c.cardinality === 'record'
      )
        return null;
      return bool(scalarsOf(c).some((v) => scalarEquals(x.value, v, x.baseType)));
    },
  delete:
    (_n, [a, b]) =>
    (s) => {
      const x = a!(s);
      const c = b!(s);
      if (
        x === null ||
        c === null ||
        isNullValue(x) ||
        isNullValue(c) ||
        x.cardinality !== 'single' ||
        c.cardinality === 'single' ||
        c.cardinality === 'record'
      )
        return null;
      return container(
        c.cardinality,
        c.baseType,
        c.values.filter((v) => !scalarEquals(x.value, v, c.baseType)),
      );
    },
  contains:
    (_n, [a, b]) =>
    (s) => {
      const c = a!(s);
      const sub = b!(s);
      if (
        c === null ||
        sub === null ||
        isNullValue(c) ||
        isNullValue(sub) ||
        c.cardinality === 'single' ||
        c.cardinality === 'record' ||
        sub.cardinality === 'record'
      )
        return null;
      const subValues = scalarsOf(sub);
      if (c.cardinality === 'ordered') {
        // A contiguous subsequence.
        for (let i = 0; i + subValues.length <= c.values.length; i++) {
          if (subValues.every((v, j) => scalarEquals(c.values[i + j]!, v, c.baseType))) return bool(true);
        }
        return bool(false);
      }
      const rest = [...c.values];
      for (const v of subValues) {
        const i = rest.findIndex((w) => scalarEquals(w, v, c.baseType));
        if (i < 0) return bool(false);
        rest.splice(i, 1);
      }
      return bool(true);
    },
  substring: (node, [a, b, c]) => {
    if (c) {
      // substring(text, start, length) with a 1-based start: the extraction form some players accept.
      return (s) => {
        const x = a!(s);
        const from = num(b!(s));
        const length = num(c(s));
        if (x === null || x.cardinality !== 'single' || from === undefined || length === undefined)
          return null;
        return single('string', String(x.value).substr(from - 1, length));
      };
    }
    const caseSensitive = node.attributes.caseSensitive !== 'false';
    return (s) => {
      const x = a!(s);
      const y = b!(s);
      if (x === null || y === null || x.cardinality !== 'single' || y.cardinality !== 'single') return null;
      const [p, q] = caseSensitive
        ? [String(x.value), String(y.value)]
        : [String(x.value).toLowerCase(), String(y.value).toLowerCase()];
      return bool(q.includes(p));
    };
  },
  not:
    (_n, [a]) =>
    (s) => {
      const v = truthy(a!(s));
      return v === null ? null : bool(!v);
    },
  and: (_n, args) => (s) => {
    let sawNull = false;
    for (const a of args) {
      const v = truthy(a(s));
      if (v === false) return bool(false);
      if (v === null) sawNull = true;
    }
    return sawNull ? null : bool(true);
  },
  or: (_n, args) => (s) => {
    let sawNull = false;
    for (const a of args) {
      const v = truthy(a(s));
      if (v === true) return bool(true);
      if (v === null) sawNull = true;
    }
    return sawNull ? null : bool(false);
  },
  anyN: (node, args) => (s) => {
    const min = attrNumber(node, 'min', s, 0)!;
    const max = attrNumber(node, 'max', s, args.length)!;
    let trues = 0;
    let nulls = 0;
    for (const a of args) {
      const v = truthy(a(s));
      if (v === true) trues++;
      else if (v === null) nulls++;
    }
    if (trues > max) return bool(false);
    if (trues >= min && trues + nulls <= max) return bool(true);
    if (trues + nulls < min) return bool(false);
    return null;
  },
  match:
    (_n, [a, b]) =>
    (s) => {
      const x = a!(s);
      const y = b!(s);
      if (x === null || y === null || isEmptyContainer(x) || isEmptyContainer(y)) return null;
      return bool(valuesEqual(x, y));
    },
  stringMatch:
    (node, [a, b]) =>
    (s) => {
      const x = a!(s);
      const y = b!(s);
      if (x === null || y === null || x.cardinality !== 'single' || y.cardinality !== 'single') return null;
      const caseSensitive = node.attributes.caseSensitive !== 'false';
      const [p, q] = [String(x.value), String(y.value)];
      // substring="true" (deprecated): the first string contains the second.
      if (node.attributes.substring === 'true')
        return bool(caseSensitive ? p.includes(q) : p.toLowerCase().includes(q.toLowerCase()));
      return bool(caseSensitive ? p === q : p.toLowerCase() === q.toLowerCase());
    },
  patternMatch: (node, [a, patternExpr]) => {
    const raw = node.attributes.pattern;
    // Some players take the pattern from a second expression and honour caseSensitive="false".
    const flags = node.attributes.caseSensitive === 'false' ? 'i' : '';
    let fixed: RegExp | undefined;
    if (raw !== undefined && !/^\{.+\}$/.test(raw)) {
      try {
        fixed = xsdRegex(raw, flags);
      } catch (error) {
        throw new CompileError(`pattern "${raw}": ${(error as Error).message}`, node);
      }
    } else if (raw === undefined && !patternExpr) throw new CompileError('needs a pattern', node);
    return (s) => {
      const x = a!(s);
      if (x === null || x.cardinality !== 'single') return null;
      let re = fixed;
      if (!re) {
        const p = raw !== undefined ? (s.values.get(raw.slice(1, -1)) ?? null) : patternExpr!(s);
        if (p === null || p.cardinality !== 'single') return null;
        try {
          re = xsdRegex(String(p.value), flags);
        } catch {
          return null;
        }
      }
      return bool(re.test(String(x.value)));
    };
  },
  equal:
    (node, [a, b]) =>
    (s) => {
      const va = a!(s);
      const vb = b!(s);
      const x = lenientNumber(va);
      const y = lenientNumber(vb);
      if (x === undefined || y === undefined) {
        // Not numbers: some items compare identifiers, strings or booleans with equal; treat it as match.
        if (va === null || vb === null || va.cardinality !== 'single' || vb.cardinality !== 'single')
          return null;
        if (typeof va.value === 'number' || typeof vb.value === 'number') return null;
        return bool(valuesEqual(va, vb));
      }
      const mode = node.attributes.toleranceMode ?? 'exact';
      if (mode === 'exact') return bool(x === y);
      const tol = (node.attributes.tolerance ?? '0').trim().split(/\s+/);
      const t0 = /^\{/.test(tol[0]!)
        ? (num(s.values.get(tol[0]!.slice(1, -1)) ?? null) ?? 0)
        : Number(tol[0]);
      const t1 =
        tol[1] === undefined
          ? t0
          : /^\{/.test(tol[1])
            ? (num(s.values.get(tol[1].slice(1, -1)) ?? null) ?? 0)
            : Number(tol[1]);
      // Relative bounds of a negative x are ordered low to high, so -10 within 10 % is [-11, -9].
      const [lo, hi] =
        mode === 'absolute'
          ? [x - t0, x + t1]
          : x >= 0
            ? [x * (1 - t0 / 100), x * (1 + t1 / 100)]
            : [x * (1 + t1 / 100), x * (1 - t0 / 100)];
      const includeLower = node.attributes.includeLowerBound !== 'false';
      const includeUpper = node.attributes.includeUpperBound !== 'false';
      return bool((includeLower ? y >= lo : y > lo) && (includeUpper ? y <= hi : y < hi));
    },
  equalRounded:
    (node, [a, b]) =>
    (s) => {
      const x = singleNumber(a!(s));
      const y = singleNumber(b!(s));
      const figures = attrNumber(node, 'figures', s);
      if (x === undefined || y === undefined || figures === undefined) return null;
      const mode = node.attributes.roundingMode ?? 'significantFigures';
      const [rx, ry] = [roundToFigures(x, figures, mode), roundToFigures(y, figures, mode)];
      return rx === undefined || ry === undefined ? null : bool(rx === ry);
    },
  inside: (node, [a]) => {
    const shape = (node.attributes.shape ?? 'default') as AreaShape;
    const coords = (node.attributes.coords ?? '')
      .split(',')
      .filter((c) => c.trim() !== '')
      .map(Number);
    return (s) => {
      const v = a!(s);
      if (v === null || isNullValue(v) || v.cardinality === 'record' || v.baseType !== 'point') return null;
      return bool(
        scalarsOf(v).some((p) => Array.isArray(p) && insideShape(shape, coords, p as [number, number])),
      );
    };
  },
  lt: (n, args) => compare(n, args, (a, b) => a < b),
  gt: (n, args) => compare(n, args, (a, b) => a > b),
  lte: (n, args) => compare(n, args, (a, b) => a <= b),
  gte: (n, args) => compare(n, args, (a, b) => a >= b),
  durationLT: (n, args) => compare(n, args, (a, b) => a < b),
  durationGTE: (n, args) => compare(n, args, (a, b) => a >= b),
  // QTI 3 spells them qti-duration-lt and qti-duration-gte, which read back as durationLt, durationGte.
  durationLt: (n, args) => compare(n, args, (a, b) => a < b),
  durationGte: (n, args) => compare(n, args, (a, b) => a >= b),
  sum: (_n, args) => (s) => {
    const l = numberList(args, s);
    return l
      ? numericResult(
          l.nums.reduce((a, b) => a + b, 0),
          l.isFloat,
        )
      : null;
  },
  product: (_n, args) => (s) => {
    const l = numberList(args, s);
    return l
      ? numericResult(
          l.nums.reduce((a, b) => a * b, 1),
          l.isFloat,
        )
      : null;
  },
  subtract: (_n, args) => (s) => {
    const l = singleNumbers(args, s);
    return l && l.nums.length === 2 ? numericResult(l.nums[0]! - l.nums[1]!, l.isFloat) : null;
  },
  divide: (_n, args) => (s) => {
    const l = singleNumbers(args, s);
    if (!l || l.nums.length !== 2 || l.nums[1] === 0) return null;
    return finiteFloat(l.nums[0]! / l.nums[1]!);
  },
  /** Always a float; a result outside the floats (overflow, a root of a negative) is NULL. */
  power: (_n, args) => (s) => {
    const l = singleNumbers(args, s);
    return l && l.nums.length === 2 ? finiteFloat(l.nums[0]! ** l.nums[1]!) : null;
  },
  integerDivide: (_n, args) => (s) => {
    const l = integerPair(args, s);
    return l ? int(Math.floor(l[0] / l[1])) : null;
  },
  integerModulus: (_n, args) => (s) => {
    const l = integerPair(args, s);
    return l ? int(l[0] - l[1] * Math.floor(l[0] / l[1])) : null;
  },
  truncate:
    (_n, [a]) =>
    (s) => {
      const x = singleNumber(a!(s));
      // NaN is NULL; INF and -INF stay as they are.
      return x === undefined ? null : int(Math.trunc(x));
    },
  round:
    (_n, [a]) =>
    (s) => {
      const x = singleNumber(a!(s));
      // [n-0.5, n+0.5) rounds to n: 6.5 to 7, -6.5 to -6. NaN is NULL; INF and -INF stay.
      return x === undefined ? null : int(Number.isFinite(x) ? Math.floor(x + 0.5) : x);
    },
  roundTo:
    (node, [a]) =>
    (s) => {
      const x = singleNumber(a!(s));
      const figures = attrNumber(node, 'figures', s);
      if (x === undefined || figures === undefined) return null;
      const r = roundToFigures(x, figures, node.attributes.roundingMode ?? 'significantFigures');
      return r === undefined ? null : float(r);
    },
  integerToFloat:
    (_n, [a]) =>
    (s) => {
      const x = singleNumber(a!(s));
      return x === undefined ? null : float(x);
    },
  max: (_n, args) => (s) => {
    const l = numberList(args, s);
    return l && l.nums.length ? numericResult(Math.max(...l.nums), l.isFloat) : null;
  },
  min: (_n, args) => (s) => {
    const l = numberList(args, s);
    return l && l.nums.length ? numericResult(Math.min(...l.nums), l.isFloat) : null;
  },
  gcd: (_n, args) => (s) => {
    const l = integerList(args, s);
    return l ? int(l.reduce((a, b) => gcd2(a, b))) : null;
  },
  lcm: (_n, args) => (s) => {
    const l = integerList(args, s);
    if (!l) return null;
    if (l.some((n) => n === 0)) return int(0);
    return int(l.reduce((a, b) => Math.abs(a * b) / gcd2(a, b)));
  },
  repeat: (node, args) => (s) => {
    const times = attrNumber(node, 'numberRepeats', s, 1)!;
    const out: Scalar[] = [];
    let baseType: BaseType | undefined;
    for (let i = 0; i < times; i++) {
      for (const a of args) {
        const v = a(s);
        if (v === null || v.cardinality === 'record') continue;
        baseType ??= v.baseType;
        out.push(...scalarsOf(v));
      }
    }
    return baseType ? container('ordered', baseType, out) : null;
  },
  mathOperator: (node, args) => {
    const name = node.attributes.name ?? '';
    const fn = MATH[name];
    if (!fn) throw new CompileError(`unknown mathOperator name "${name}"`, node);
    const arity = name === 'atan2' ? 2 : 1;
    const integral = name === 'signum' || name === 'floor' || name === 'ceil';
    return (s) => {
      const l = singleNumbers(args, s);
      if (!l || l.nums.length !== arity || l.nums.some(Number.isNaN)) return null;
      const r = fn(l.nums);
      // Outside the function's domain (log(0), asin(2)): NULL. An infinite result only from an
      // infinite operand (floor(INF) is INF; exp(1000) is out of range).
      if (Number.isNaN(r) || (!Number.isFinite(r) && l.nums.every(Number.isFinite))) return null;
      return integral ? int(r) : float(r);
    };
  },
  mathConstant: (node) => {
    const value = node.attributes.name === 'pi' ? Math.PI : node.attributes.name === 'e' ? Math.E : undefined;
    if (value === undefined)
      throw new CompileError(`unknown mathConstant name "${node.attributes.name}"`, node);
    const result = float(value);
    return () => result;
  },
  statsOperator: (node, [a]) => {
    const name = node.attributes.name ?? '';
    if (!STATS.has(name)) throw new CompileError(`unknown statsOperator name "${name}"`, node);
    return (s) => statsOf(name, a!(s));
  },
};

const BUILT_INS = new Set(['completionStatus', 'completion_status', 'numAttempts', 'duration']);

export type { Compiler };
export const numberOf = num;
