/**
 * The checks of a Python teacher file, decided outside the sandbox. The harness rewrites the teacher's
 * assertions (`assert a == b`, `self.assertEqual(a, b)`, `self.assertTrue(a in b)`...) so that each
 * records its operands as plain data (exact builtin types, as JSON: grading/code/python/harness.py,
 * `plain`); here they are compared as Python compares them. A submission can only change values it
 * returns, never how they are compared, so an object "equal to everything" cannot pass a test.
 */

/** A plain Python value as the harness encodes it. */
type PyValue =
  | { t: 'none' }
  | { t: 'bool'; v: boolean }
  | { t: 'num'; v: number }
  | { t: 'int'; v: bigint }
  | { t: 'complex'; re: number; im: number }
  | { t: 'str'; v: string }
  | { t: 'bytes'; hex: string }
  | { t: 'list' | 'tuple' | 'set'; v: PyValue[] }
  | { t: 'dict'; v: Array<[PyValue, PyValue]> }
  | { t: 'approx'; v: PyValue; rel: number | null; abs: number | null };

/** One check as the harness records it. */
export interface CheckRecord {
  /** `true`/`false`: an assert (negated for `false`) of `ops` between `v`; `method`: a unittest assertion;
   * `inside`: decided inside by the standard library only (identity, big or non-plain standard values);
   * `dep`: decided by the submission's own code on both sides. */
  m: 'true' | 'false' | 'method' | 'inside' | 'dep';
  ops?: string[];
  op?: string;
  v?: unknown[];
  x?: { places?: unknown; delta?: unknown } | null;
  ok: boolean;
  line?: number;
  src?: string;
}

export interface ChecksVerdict {
  /** The first check that does not hold when the grader compares its values. */
  failed?: { line: number; src: string; shown: string };
  /** Some check was decided by the submission's code on both sides (e.g. its own `__eq__`). */
  dependsOnSubmission: boolean;
}

function decode(raw: unknown): PyValue {
  if (raw === null) return { t: 'none' };
  if (typeof raw === 'boolean') return { t: 'bool', v: raw };
  if (typeof raw === 'number') return { t: 'num', v: raw };
  if (typeof raw === 'string') return { t: 'str', v: raw };
  if (Array.isArray(raw)) return { t: 'list', v: raw.map(decode) };
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (typeof o.$int === 'string') return { t: 'int', v: BigInt(o.$int) };
    if (typeof o.$float === 'string') {
      const f = o.$float;
      return { t: 'num', v: f === 'nan' ? NaN : f.startsWith('-') ? -Infinity : Infinity };
    }
    if (Array.isArray(o.$tuple)) return { t: 'tuple', v: o.$tuple.map(decode) };
    if (Array.isArray(o.$set)) return { t: 'set', v: o.$set.map(decode) };
    if (Array.isArray(o.$dict))
      return { t: 'dict', v: (o.$dict as unknown[][]).map(([k, v]) => [decode(k), decode(v)]) };
    if (typeof o.$bytes === 'string') return { t: 'bytes', hex: o.$bytes };
    if (Array.isArray(o.$complex))
      return { t: 'complex', re: Number(o.$complex[0]), im: Number(o.$complex[1]) };
    if (o.$approx && typeof o.$approx === 'object') {
      const a = o.$approx as { v: unknown; rel: unknown; abs: unknown };
      return {
        t: 'approx',
        v: decode(a.v),
        rel: typeof a.rel === 'number' ? a.rel : null,
        abs: typeof a.abs === 'number' ? a.abs : null,
      };
    }
  }
  throw new Error(`not a plain Python value: ${JSON.stringify(raw).slice(0, 100)}`);
}

/** Real numbers (bool, int, float) as Python compares them; undefined for anything else. */
type Real = { kind: 'f'; v: number } | { kind: 'i'; v: bigint };
function real(x: PyValue): Real | undefined {
  if (x.t === 'bool') return { kind: 'i', v: x.v ? 1n : 0n };
  if (x.t === 'int') return { kind: 'i', v: x.v };
  if (x.t === 'num') return Number.isInteger(x.v) ? { kind: 'i', v: BigInt(x.v) } : { kind: 'f', v: x.v };
  return undefined;
}
function realCompare(a: Real, b: Real): number {
  if (a.kind === 'i' && b.kind === 'i') return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  const x = a.kind === 'f' ? a.v : Number(a.v);
  const y = b.kind === 'f' ? b.v : Number(b.v);
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  return x < y ? -1 : x > y ? 1 : 0;
}
function toNumber(x: PyValue): number | undefined {
  const r = real(x);
  return r === undefined ? undefined : r.kind === 'f' ? r.v : Number(r.v);
}

function codePointCompare(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

function approxScalar(a: PyValue, e: PyValue, rel: number | null, abs: number | null): boolean {
  const x = a.t === 'bool' ? undefined : toNumber(a);
  const y = e.t === 'bool' ? undefined : toNumber(e);
  if (x === undefined || y === undefined) return eq(a, e);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  if (x === y) return true;
  if (!Number.isFinite(y)) return false;
  const bothDefault = rel === null && abs === null;
  const tol = Math.max((bothDefault ? 1e-6 : (rel ?? 0)) * Math.abs(y), bothDefault ? 1e-12 : (abs ?? 0));
  return Math.abs(x - y) <= tol;
}

/** pytest.approx, as the sandbox's shim decides it (pytest_shim.py, ApproxValue). */
function approxEq(actual: PyValue, ap: Extract<PyValue, { t: 'approx' }>): boolean {
  const close = (a: PyValue, e: PyValue): boolean => {
    if (e.t === 'list' || e.t === 'tuple') {
      return (
        (a.t === 'list' || a.t === 'tuple') &&
        a.v.length === e.v.length &&
        e.v.every((x, i) => close(a.v[i] as PyValue, x))
      );
    }
    if (e.t === 'dict') {
      if (a.t !== 'dict' || a.v.length !== e.v.length) return false;
      return e.v.every(([k, x]) => {
        const found = a.v.find(([k2]) => eq(k, k2));
        return found !== undefined && close(found[1], x);
      });
    }
    return approxScalar(a, e, ap.rel, ap.abs);
  };
  return close(actual, ap.v);
}

/** Python's `a == b` for plain values. */
export function eq(a: PyValue, b: PyValue): boolean {
  if (a.t === 'approx') return approxEq(b, a);
  if (b.t === 'approx') return approxEq(a, b);
  const ra = real(a);
  const rb = real(b);
  if (ra && rb) return realCompare(ra, rb) === 0;
  if (a.t === 'complex' || b.t === 'complex') {
    const c = (x: PyValue) => (x.t === 'complex' ? x : { re: toNumber(x), im: 0 });
    const x = c(a);
    const y = c(b);
    return x.re !== undefined && y.re !== undefined && x.re === y.re && x.im === y.im;
  }
  if (a.t !== b.t) {
    return false;
  }
  switch (a.t) {
    case 'none':
      return true;
    case 'str':
      return a.v === (b as typeof a).v;
    case 'bytes':
      return a.hex === (b as typeof a).hex;
    case 'list':
    case 'tuple': {
      const y = (b as typeof a).v;
      return a.v.length === y.length && a.v.every((x, i) => eq(x, y[i] as PyValue));
    }
    case 'set': {
      const y = (b as typeof a).v;
      return a.v.length === y.length && a.v.every((x) => y.some((z) => eq(x, z)));
    }
    case 'dict': {
      const y = (b as typeof a).v;
      return (
        a.v.length === y.length &&
        a.v.every(([k, v]) => {
          const found = y.find(([k2]) => eq(k, k2));
          return found !== undefined && eq(v, found[1]);
        })
      );
    }
    default:
      return false;
  }
}

/** Python's ordering of `a` and `b` (-1, 0, 1), or undefined where Python raises TypeError. */
function order(a: PyValue, b: PyValue): number | undefined {
  const ra = real(a);
  const rb = real(b);
  if (ra && rb) {
    const c = realCompare(ra, rb);
    return Number.isNaN(c) ? undefined : c;
  }
  if (a.t === 'str' && b.t === 'str') return codePointCompare(a.v, b.v);
  if ((a.t === 'list' && b.t === 'list') || (a.t === 'tuple' && b.t === 'tuple')) {
    const x = a.v;
    const y = (b as typeof a).v;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (!eq(x[i] as PyValue, y[i] as PyValue)) return order(x[i] as PyValue, y[i] as PyValue);
    }
    return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
  }
  return undefined;
}

function subset(a: PyValue[], b: PyValue[]): boolean {
  return a.every((x) => b.some((y) => eq(x, y)));
}

function compare(op: string, a: PyValue, b: PyValue): boolean {
  switch (op) {
    case '==':
    case 'eq':
      return eq(a, b);
    case '!=':
    case 'ne':
      return !eq(a, b);
    case 'in':
      return contains(b, a);
    case 'not in':
    case 'notin':
      return !contains(b, a);
    default:
      break;
  }
  if (a.t === 'set' && b.t === 'set') {
    const le = subset(a.v, b.v);
    const ge = subset(b.v, a.v);
    return { '<': le && !ge, '<=': le, '>': ge && !le, '>=': ge }[symbol(op)] ?? false;
  }
  const c = order(a, b);
  if (c === undefined) return false;
  return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[symbol(op)] ?? false;
}

function symbol(op: string): string {
  return { lt: '<', le: '<=', gt: '>', ge: '>=' }[op] ?? op;
}

function contains(container: PyValue, member: PyValue): boolean {
  if (container.t === 'str') return member.t === 'str' && container.v.includes(member.v);
  if (container.t === 'bytes') {
    if (member.t !== 'bytes') return false;
    for (let i = container.hex.indexOf(member.hex); i >= 0; i = container.hex.indexOf(member.hex, i + 1)) {
      if (i % 2 === 0) return true;
    }
    return false;
  }
  if (container.t === 'list' || container.t === 'tuple' || container.t === 'set')
    return container.v.some((x) => eq(member, x));
  if (container.t === 'dict') return container.v.some(([k]) => eq(member, k));
  return false;
}

function truthy(x: PyValue): boolean {
  switch (x.t) {
    case 'none':
      return false;
    case 'bool':
      return x.v;
    case 'num':
      return x.v !== 0;
    case 'int':
      return x.v !== 0n;
    case 'complex':
      return x.re !== 0 || x.im !== 0;
    case 'str':
      return x.v.length > 0;
    case 'bytes':
      return x.hex.length > 0;
    case 'approx':
      return true;
    default:
      return x.v.length > 0;
  }
}

/** The items `list(x)` gives (assertCountEqual, assertSequenceEqual). */
function items(x: PyValue): PyValue[] | undefined {
  if (x.t === 'list' || x.t === 'tuple' || x.t === 'set') return x.v;
  if (x.t === 'dict') return x.v.map(([k]) => k);
  if (x.t === 'str') return [...x.v].map((c) => ({ t: 'str', v: c }));
  return undefined;
}

function countEqual(a: PyValue, b: PyValue): boolean {
  const x = items(a);
  const y = items(b);
  if (!x || !y || x.length !== y.length) return false;
  const used = new Array<boolean>(y.length).fill(false);
  return x.every((v) => {
    const i = y.findIndex((w, j) => !used[j] && eq(v, w));
    if (i < 0) return false;
    used[i] = true;
    return true;
  });
}

function almostEqual(a: PyValue, b: PyValue, places: unknown, delta: unknown): boolean {
  if (eq(a, b)) return true;
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === undefined || y === undefined) return false;
  const diff = Math.abs(x - y);
  if (typeof delta === 'number') return diff <= delta;
  // round(diff, places) == 0; Python rounds half to even, so exactly half a unit rounds to 0.
  return diff * 10 ** (typeof places === 'number' ? places : 7) <= 0.5;
}

function methodHolds(op: string, v: PyValue[], x: CheckRecord['x']): boolean {
  const [a, b] = v as [PyValue, PyValue];
  switch (op) {
    case 'seqeq': {
      const p = a.t === 'str' || b.t === 'str' ? undefined : items(a);
      const q = a.t === 'str' || b.t === 'str' ? undefined : items(b);
      if (!p || !q) return eq(a, b);
      return p.length === q.length && p.every((y, i) => eq(y, q[i] as PyValue));
    }
    case 'counteq':
      return countEqual(a, b);
    case 'almost':
      return almostEqual(a, b, x?.places, x?.delta);
    case 'notalmost':
      return !almostEqual(a, b, x?.places, x?.delta);
    case 'isnone':
      return a.t === 'none';
    case 'isnotnone':
      return a.t !== 'none';
    case 'truthy':
      return truthy(a);
    case 'falsy':
      return !truthy(a);
    default:
      return compare(op, a, b);
  }
}

/** Whether one recorded check holds when the grader compares its values. */
export function checkHolds(c: CheckRecord): boolean {
  if (c.m === 'inside' || c.m === 'dep') return c.ok;
  const v = (c.v ?? []).map(decode);
  if (c.m === 'method') return methodHolds(c.op ?? '', v, c.x);
  const ops = c.ops ?? [];
  let result: boolean;
  if (ops.length === 0) result = truthy(v[0] ?? { t: 'none' });
  else {
    result = ops.every((op, i) => {
      if (op === 'is' || op === 'is not') return true; // identity: decided inside (C code), recorded as ok
      return compare(op, v[i] as PyValue, v[i + 1] as PyValue);
    });
    // Identity parts of a mixed chain could only be decided inside.
    if (ops.some((op) => op === 'is' || op === 'is not')) result = result && c.ok;
  }
  return c.m === 'false' ? !result : result;
}

/** Shows a recorded value the way Python's repr would, roughly (for the teacher and the candidate). */
function show(raw: unknown): string {
  return JSON.stringify(raw)?.slice(0, 200) ?? String(raw);
}

/** Verifies every check a test recorded; a test passes only if all hold. */
export function verifyChecks(checks: readonly unknown[]): ChecksVerdict {
  let dependsOnSubmission = false;
  for (const raw of checks) {
    const c = raw as CheckRecord;
    if (c.m === 'dep') dependsOnSubmission = true;
    let holds: boolean;
    try {
      holds = checkHolds(c);
    } catch {
      holds = false;
    }
    if (!holds) {
      return {
        failed: {
          line: c.line ?? 0,
          src: c.src ?? '',
          shown: (c.v ?? []).map(show).join(c.ops?.length ? ` ${c.ops[0]} ` : ', '),
        },
        dependsOnSubmission,
      };
    }
  }
  return { dependsOnSubmission };
}
