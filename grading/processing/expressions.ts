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

const numberList = (args: Expression[], state: ScoringState) => {
  const vals = args.map((a) => a(state));
  if (vals.some((v) => v === null)) return null;
  const nums = vals.flatMap((v) => scalarsOf(v)).map((s) => (typeof s === 'number' ? s : NaN));
  if (nums.some((n) => Number.isNaN(n))) return null;
  return { nums, isFloat: anyFloat(vals) };
};

const gcd2 = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd2(b, a % b));

/** Round half up in the QTI sense (towards +infinity on .5) with a decimal-safe nudge. */
const roundHalfUp = (n: number) => Math.floor(n + 0.5 + 1e-12 * Math.max(1, Math.abs(n)));

function roundToFigures(n: number, figures: number, mode: string): number {
  if (mode === 'decimalPlaces') {
    const f = 10 ** figures;
    return roundHalfUp(n * f) / f;
  }
  if (n === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(n))) + 1;
  const f = 10 ** (figures - magnitude);
  return roundHalfUp(n * f) / f;
}

export function stats(name: string, nums: number[]): number | undefined {
  const n = nums.length;
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
  multiple: (_n, args) => (s) => {
    const vals = args.map((a) => a(s)).filter((v) => v !== null);
    const baseType =
      vals.find((v) => v!.cardinality !== 'record')?.cardinality !== undefined
        ? (vals[0] as SingleValue).baseType
        : 'identifier';
    return container(
      'multiple',
      baseType,
      vals.flatMap((v) => scalarsOf(v)),
    );
  },
  ordered: (_n, args) => (s) => {
    const vals = args.map((a) => a(s)).filter((v) => v !== null);
    const baseType = vals.length ? (vals[0] as SingleValue).baseType : 'identifier';
    return container(
      'ordered',
      baseType,
      vals.flatMap((v) => scalarsOf(v)),
    );
  },
  containerSize:
    (_n, [a]) =>
    (s) =>
      int(scalarsOf(a!(s)).length),
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
      if (v === null || n === undefined || v.cardinality !== 'ordered') return null;
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
      if (v === null || v.cardinality === 'record' || v.cardinality === 'single') return v;
      return single(v.baseType, v.values[Math.floor(s.random() * v.values.length)]!);
    },
  member:
    (_n, [a, b]) =>
    (s) => {
      const x = a!(s);
      const c = b!(s);
      if (x === null || c === null || x.cardinality !== 'single' || c.cardinality === 'record') return null;
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
      const [lo, hi] = mode === 'absolute' ? [x - t0, x + t1] : [x * (1 - t0 / 100), x * (1 + t1 / 100)];
      const includeLower = node.attributes.includeLowerBound !== 'false';
      const includeUpper = node.attributes.includeUpperBound !== 'false';
      return bool((includeLower ? y >= lo : y > lo) && (includeUpper ? y <= hi : y < hi));
    },
  equalRounded:
    (node, [a, b]) =>
    (s) => {
      const x = num(a!(s));
      const y = num(b!(s));
      const figures = attrNumber(node, 'figures', s);
      if (x === undefined || y === undefined || figures === undefined) return null;
      const mode = node.attributes.roundingMode ?? 'significantFigures';
      return bool(roundToFigures(x, figures, mode) === roundToFigures(y, figures, mode));
    },
  inside: (node, [a]) => {
    const shape = (node.attributes.shape ?? 'default') as AreaShape;
    const coords = (node.attributes.coords ?? '')
      .split(',')
      .filter((c) => c.trim() !== '')
      .map(Number);
    return (s) => {
      const v = a!(s);
      if (v === null || v.cardinality === 'record') return null;
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
    const l = numberList(args, s);
    return l ? numericResult(l.nums[0]! - l.nums[1]!, l.isFloat) : null;
  },
  divide: (_n, args) => (s) => {
    const l = numberList(args, s);
    if (!l || l.nums[1] === 0) return null;
    return float(l.nums[0]! / l.nums[1]!);
  },
  power: (_n, args) => (s) => {
    const l = numberList(args, s);
    if (!l) return null;
    const r = l.nums[0]! ** l.nums[1]!;
    return Number.isFinite(r) ? numericResult(r, l.isFloat) : null;
  },
  integerDivide: (_n, args) => (s) => {
    const l = numberList(args, s);
    if (!l || l.nums[1] === 0) return null;
    return int(Math.floor(l.nums[0]! / l.nums[1]!));
  },
  integerModulus: (_n, args) => (s) => {
    const l = numberList(args, s);
    if (!l || l.nums[1] === 0) return null;
    const [x, y] = [l.nums[0]!, l.nums[1]!];
    return int(x - y * Math.floor(x / y));
  },
  truncate:
    (_n, [a]) =>
    (s) => {
      const x = num(a!(s));
      return x === undefined ? null : int(Math.trunc(x));
    },
  round:
    (_n, [a]) =>
    (s) => {
      const x = num(a!(s));
      return x === undefined || !Number.isFinite(x) ? null : int(Math.floor(x + 0.5));
    },
  roundTo:
    (node, [a]) =>
    (s) => {
      const x = num(a!(s));
      const figures = attrNumber(node, 'figures', s);
      if (x === undefined || figures === undefined) return null;
      return float(roundToFigures(x, figures, node.attributes.roundingMode ?? 'significantFigures'));
    },
  integerToFloat:
    (_n, [a]) =>
    (s) => {
      const x = num(a!(s));
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
    const l = numberList(args, s);
    return l && l.nums.length ? int(l.nums.reduce((a, b) => gcd2(a, b))) : null;
  },
  lcm: (_n, args) => (s) => {
    const l = numberList(args, s);
    if (!l || !l.nums.length) return null;
    if (l.nums.some((n) => n === 0)) return int(0);
    return int(l.nums.reduce((a, b) => Math.abs(a * b) / gcd2(a, b)));
  },
  repeat: (node, args) => (s) => {
    const times = attrNumber(node, 'numberRepeats', s, 1)!;
    const out: Scalar[] = [];
    let baseType: BaseType = 'identifier';
    for (let i = 0; i < times; i++) {
      for (const a of args) {
        const v = a(s);
        if (v === null || v.cardinality === 'record') continue;
        baseType = v.baseType;
        out.push(...scalarsOf(v));
      }
    }
    return container('ordered', baseType, out);
  },
  mathOperator: (node, args) => {
    const fn = MATH[node.attributes.name ?? ''];
    if (!fn) throw new CompileError(`unknown mathOperator name "${node.attributes.name}"`, node);
    return (s) => {
      const l = numberList(args, s);
      if (!l) return null;
      const r = fn(l.nums);
      if (!Number.isFinite(r)) return null;
      const integral = ['signum', 'floor', 'ceil'].includes(node.attributes.name!);
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
  statsOperator:
    (node, [a]) =>
    (s) => {
      const v = a!(s);
      if (v === null || v.cardinality === 'single' || v.cardinality === 'record') return null;
      const nums = v.values.map((x) => (typeof x === 'number' ? x : NaN));
      if (nums.some(Number.isNaN)) return null;
      const r = stats(node.attributes.name ?? '', nums);
      return r === undefined ? null : float(r);
    },
};

const BUILT_INS = new Set(['completionStatus', 'completion_status', 'numAttempts', 'duration']);

export type { Compiler };
export const numberOf = num;
