/**
 * Limits as on the teacher's computer: a teacher states a task's CPU and wall limits as CPython runs
 * the program ("2 s as on my computer"); Pyodide runs the same program slower, so the Python sandbox
 * allows the stated limit times this factor. Measured with speed/measure-limit-factor.ts (ten typical
 * teaching programs, CPU time, best of three) on 2026-12-06: Pyodide 3.14 against CPython 3.11 was
 * 0.92-2.10 times slower, geometric mean 1.30; the factor covers the slowest (floating-point maths),
 * so no correct solution within the teacher's limit on CPython fails in the sandbox.
 */
import type { CodeTask, Limits } from './task.ts';

export const PYODIDE_LIMIT_FACTOR = 2.2;

/**
 * The limits the sandbox applies to `task`: the teacher's, scaled for the language's runtime (`factor`:
 * Pyodide's by default; the native CPython sandbox runs programs as the teacher's CPython does, 1).
 */
export function sandboxLimits(task: CodeTask, factor = PYODIDE_LIMIT_FACTOR): Limits {
  if (task.language !== 'python' || factor === 1) return task.limits;
  return {
    ...task.limits,
    cpuMsPerTest: Math.round(task.limits.cpuMsPerTest * factor),
    wallMs: Math.round(task.limits.wallMs * factor),
  };
}
