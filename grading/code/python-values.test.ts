import { describe, expect, it } from 'vitest';
import { checkHolds, verifyChecks, type CheckRecord } from './python-values.ts';

const assertOp = (op: string, a: unknown, b: unknown, ok = true): CheckRecord => ({
  m: 'true',
  ops: [op],
  v: [a, b],
  ok,
});
const method = (op: string, v: unknown[], x?: CheckRecord['x']): CheckRecord => ({
  m: 'method',
  op,
  v,
  x: x ?? null,
  ok: true,
});

describe('Python comparisons decided by the grader', () => {
  it('compares plain values as Python does', () => {
    expect(checkHolds(assertOp('==', 1, true))).toBe(true); // 1 == True
    expect(checkHolds(assertOp('==', 1, 1.0))).toBe(true);
    expect(checkHolds(assertOp('==', [1, 2], { $tuple: [1, 2] }))).toBe(false); // [1, 2] != (1, 2)
    expect(checkHolds(assertOp('==', { $set: [1, 2] }, { $set: [2, 1] }))).toBe(true);
    expect(checkHolds(assertOp('==', { $dict: [['a', 1]] }, { $dict: [['a', 1]] }))).toBe(true);
    expect(
      checkHolds(assertOp('==', { $int: '12345678901234567890' }, { $int: '12345678901234567891' })),
    ).toBe(false);
    expect(checkHolds(assertOp('==', { $float: 'nan' }, { $float: 'nan' }))).toBe(false);
    expect(checkHolds(assertOp('<', 'abc', 'abd'))).toBe(true);
    expect(checkHolds(assertOp('<', [1, 2], [1, 3]))).toBe(true);
    expect(checkHolds(assertOp('<=', { $set: [1] }, { $set: [1, 2] }))).toBe(true);
    expect(checkHolds(assertOp('in', 'ell', 'hello'))).toBe(true);
    expect(checkHolds(assertOp('in', 'a', { $dict: [['a', 1]] }))).toBe(true);
    expect(checkHolds(assertOp('not in', 3, [1, 2]))).toBe(true);
    expect(checkHolds({ m: 'true', ops: [], v: [[]], ok: true })).toBe(false); // assert []
    expect(checkHolds({ m: 'false', ops: ['>'], v: [1, 2], ok: true })).toBe(true); // assert not 1 > 2
    expect(checkHolds({ m: 'true', ops: ['<', '<'], v: [1, 2, 2], ok: true })).toBe(false);
  });

  it('knows unittest assertions and pytest.approx', () => {
    expect(
      checkHolds(
        method('counteq', [
          [1, 2, 2],
          [2, 1, 2],
        ]),
      ),
    ).toBe(true);
    expect(
      checkHolds(
        method('counteq', [
          [1, 2, 2],
          [2, 1, 1],
        ]),
      ),
    ).toBe(false);
    expect(checkHolds(method('seqeq', [[1, 2], { $tuple: [1, 2] }]))).toBe(true);
    expect(checkHolds(method('almost', [0.1 + 0.2, 0.3]))).toBe(true);
    expect(checkHolds(method('almost', [1.0, 1.1], { places: 1, delta: null }))).toBe(false);
    expect(checkHolds(method('almost', [1.0, 1.1], { places: null, delta: 0.2 }))).toBe(true);
    expect(checkHolds(method('isnone', [null]))).toBe(true);
    expect(checkHolds(method('falsy', [0]))).toBe(true);
    const approx = (v: unknown, rel: number | null = null, abs: number | null = null) => ({
      $approx: { v, rel, abs },
    });
    expect(checkHolds(assertOp('==', 0.30000000000000004, approx(0.3)))).toBe(true);
    expect(checkHolds(assertOp('==', 0.31, approx(0.3)))).toBe(false);
    expect(checkHolds(assertOp('==', 0.31, approx(0.3, null, 0.02)))).toBe(true);
    expect(checkHolds(assertOp('==', [0.1 + 0.2, 1], approx([0.3, 1])))).toBe(true);
  });

  it('fails a test whose inside comparison was fooled, and notes verdicts the submission decided', () => {
    // The interpreter said the values were equal; the grader sees 42 and 3.
    const fooled = verifyChecks([{ ...assertOp('==', 42, 3), line: 5, src: 'assert add(1, 2) == 3' }]);
    expect(fooled.failed).toEqual({ line: 5, src: 'assert add(1, 2) == 3', shown: '42 == 3' });
    const dep = verifyChecks([
      { m: 'dep', ok: true },
      { m: 'inside', ok: true },
    ]);
    expect(dep).toEqual({ dependsOnSubmission: true });
    expect(verifyChecks([{ m: 'inside', ok: false }]).failed).toBeDefined();
  });
});
