/**
 * The calculator's evaluator: math.js's expression parser built with arithmetic only (no
 * variables' functions beyond these, no import, no units, no strings), so a typed expression is
 * parsed, never run as code. Loaded on first use, so the exam page carries none of it otherwise.
 */
import {
  addDependencies,
  create,
  divideDependencies,
  evaluateDependencies,
  modDependencies,
  multiplyDependencies,
  powDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  type FactoryFunctionMap,
} from 'mathjs';

// The typings declare each *Dependencies export as possibly undefined; every one exists at run time.
const math = create({
  evaluateDependencies,
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  powDependencies,
  sqrtDependencies,
  modDependencies,
} as Record<string, FactoryFunctionMap>);

/** Digits, the operators on the keypad, brackets, percent and square roots; nothing else. */
const ALLOWED = /^(?:[\d\s.+\-*/^()%]|sqrt)*$/;

export type Evaluation = { ok: true; value: number } | { ok: false; reason: 'invalid' | 'undefined' };

/**
 * Evaluates what the candidate typed. Accepts the keypad's ×, ÷, − and √ and a decimal comma
 * (Vietnamese writes 3,5); results are rounded to 12 significant digits so 0.1 + 0.2 shows 0.3.
 */
export function evaluateArithmetic(typed: string): Evaluation {
  const expression = typed
    .replace(/×/g, '*')
    .replace(/÷/g, '/')
    .replace(/[−–]/g, '-')
    .replace(/√/g, 'sqrt')
    .replace(/,/g, '.')
    .trim();
  if (!expression || !ALLOWED.test(expression)) return { ok: false, reason: 'invalid' };
  let value: unknown;
  try {
    value = math.evaluate(expression);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof value !== 'number') return { ok: false, reason: 'invalid' };
  if (!Number.isFinite(value)) return { ok: false, reason: 'undefined' };
  return { ok: true, value: Number(value.toPrecision(12)) };
}
