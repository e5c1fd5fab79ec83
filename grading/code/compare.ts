/**
 * Comparison of raw sandbox results with expected values. It runs in the grader, outside every
 * sandbox, so a submission cannot forge a "passed".
 */
import type { JsonValue } from './task.ts';

/** Floats equal within |a-b| <= absTol + relTol*|b| (numpy's isclose). Tuples arrive as lists. */
export function valuesMatch(expected: JsonValue, actual: JsonValue, absTol: number, relTol: number): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected)) return Number.isNaN(actual);
    if (expected === actual) return true;
    if (!Number.isFinite(expected) || !Number.isFinite(actual)) return false;
    return Math.abs(expected - actual) <= absTol + relTol * Math.abs(expected);
  }
  if (expected === null || actual === null) return expected === actual;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((e, i) => valuesMatch(e, actual[i] as JsonValue, absTol, relTol))
    );
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual)) return false;
    const keys = Object.keys(expected);
    if (keys.length !== Object.keys(actual).length) return false;
    return keys.every(
      (k) =>
        Object.hasOwn(actual, k) &&
        valuesMatch(expected[k] as JsonValue, actual[k] as JsonValue, absTol, relTol),
    );
  }
  return expected === actual;
}

/** Whitespace runs collapsed, lines trimmed, trailing blank lines dropped, lower case. */
function tolerant(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n+$/, '')
    .toLowerCase();
}

/** Compares program output with the expected text; regex must match the whole output. */
export function outputMatches(
  expected: string,
  actual: string,
  mode: 'exact' | 'tolerant' | 'regex',
): boolean {
  if (mode === 'exact') return expected === actual;
  if (mode === 'tolerant') return tolerant(expected) === tolerant(actual);
  try {
    return new RegExp(`^(?:${expected})$`, 's').test(actual.replace(/\n$/, ''));
  } catch {
    return false;
  }
}

/** A small line diff (`-` expected, `+` actual) for visible tests; at most `maxLines` lines. */
export function lineDiff(expected: string, actual: string, maxLines = 40): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n && out.length < maxLines; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] !== undefined) out.push(`${i + 1}- ${a[i]}`);
    if (b[i] !== undefined) out.push(`${i + 1}+ ${b[i]}`);
  }
  return out.join('\n');
}

/** Canonical text of a JSON value for expected/actual display. */
export function showValue(v: JsonValue | undefined): string {
  return v === undefined ? '(nothing)' : JSON.stringify(v, (_k, x: unknown) => (Number.isNaN(x) ? 'NaN' : x));
}
