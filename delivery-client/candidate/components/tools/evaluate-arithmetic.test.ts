/** The calculator evaluates arithmetic only: keypad symbols, decimal commas, and nothing that is code. */
import { describe, expect, it } from 'vitest';
import { evaluateArithmetic } from './evaluate-arithmetic.ts';

describe('evaluateArithmetic', () => {
  it.each([
    ['1 + 2 × 3', 7],
    ['(1 + 2) × 3', 9],
    ['7 ÷ 2', 3.5],
    ['3,5 − 1,25', 2.25],
    ['2^10', 1024],
    ['√(16) + 1', 5],
    ['50%', 0.5],
    ['-4 + 1', -3],
    ['0.1 + 0.2', 0.3],
  ])('%s = %s', (typed, value) => {
    expect(evaluateArithmetic(typed)).toEqual({ ok: true, value });
  });

  it('reports a division by zero as undefined, not Infinity', () => {
    expect(evaluateArithmetic('1 ÷ 0')).toEqual({ ok: false, reason: 'undefined' });
  });

  it.each(['', '1 +', '(2', 'a = 3', 'import({}, {})', 'cos(1)', '"abc"', 'f(x) = x', '[1, 2]', 'alert(1)'])(
    'refuses %j',
    (typed) => {
      expect(evaluateArithmetic(typed)).toMatchObject({ ok: false, reason: 'invalid' });
    },
  );
});
