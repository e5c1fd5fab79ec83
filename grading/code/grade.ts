/**
 * Grades one submission of a code task in a sandbox pool: runs the tests, turns raw results into
 * verdicts outside the sandbox, re-runs the tests a killed child did not reach, and scores.
 */
import { lineDiff, outputMatches, showValue, valuesMatch } from './compare.ts';
import { sandboxLimits } from './limit-factor.ts';
import { verifyChecks } from './python-values.ts';
import type { CodePool, KillReason, RawResult } from './sandbox/pool.ts';
import type { CodeTask, CodeTest, JsonValue } from './task.ts';
import { scoreTests, type GradeResult, type TestResult, type Verdict } from './verdict.ts';

export interface GradeOptions {
  /** Attempt number, from 1, for the resubmission penalty. */
  attempt?: number;
  /** Only the visible tests (the candidate's "run visible tests"). */
  visibleOnly?: boolean;
}

type Partial = Omit<TestResult, 'score'>;

/** Sandbox values: big ints, non-finite floats and unknown objects are tagged. */
function decode(v: unknown): JsonValue {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$int === 'string' && Object.keys(o).length === 1) return Number(o.$int);
    if (typeof o.$float === 'string' && Object.keys(o).length === 1) {
      return o.$float === 'nan' ? NaN : o.$float.startsWith('-') ? -Infinity : Infinity;
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
  }
  return v as JsonValue;
}

function verdictOf(raw: RawResult): Verdict | null {
  switch (raw.s) {
    case 'memory':
      return 'memory_limit';
    case 'output':
      return 'output_limit';
    case 'error':
    case 'fatal':
    case 'tampered':
      return 'runtime_error';
    case 'fail':
      return 'wrong_answer';
    case 'pass':
      return 'passed';
    default:
      return (raw.s as string) === 'time' ? 'time_limit' : null;
  }
}

function messageOf(raw: RawResult, language: string): string | undefined {
  if (raw.s === 'tampered')
    return 'the test framework was modified by the submission; tests cannot be trusted';
  if (raw.s === 'fatal') return `the ${language} interpreter crashed (stack overflow or memory)`;
  if (raw.s === 'fail') return raw.msg;
  if (raw.s === 'error') return trimJsStack(raw.tb ?? raw.etype ?? 'error');
  return undefined;
}

/** JS stacks: keep only frames in the submission. */
function trimJsStack(tb: string): string {
  if (!tb.includes('    at ')) return tb;
  return tb
    .split('\n')
    .filter((l) => !l.startsWith('    at ') || l.includes('solution.js') || l.includes('tests.js'))
    .join('\n');
}

function judge(task: CodeTask, test: CodeTest, raw: RawResult): Partial {
  const base: Partial = {
    name: test.name,
    verdict: 'runtime_error',
    visible: test.visible,
    weight: test.weight,
    cpuMs: raw.cpuMs,
  };
  let verdict = verdictOf(raw);
  let expected: string | undefined;
  let actual: string | undefined;
  let diff: string | undefined;
  if (raw.s === 'ok') {
    if (test.kind === 'function') {
      const value = decode(raw.v);
      verdict = valuesMatch(test.expected, value, test.absTol, test.relTol) ? 'passed' : 'wrong_answer';
      expected = showValue(test.expected);
      actual = showValue(value);
    } else {
      const out = raw.out ?? '';
      verdict = outputMatches(test.expected, out, test.compare) ? 'passed' : 'wrong_answer';
      expected = test.expected;
      actual = out;
      diff = test.compare === 'regex' ? undefined : lineDiff(test.expected, out);
    }
  }
  if (raw.cpuMs !== undefined && raw.cpuMs > task.limits.cpuMsPerTest && verdict !== 'memory_limit')
    verdict = 'time_limit';
  const result: Partial = { ...base, verdict: verdict ?? 'runtime_error' };
  if (test.visible) {
    const message = messageOf(raw, task.language);
    if (verdict === 'wrong_answer' && expected !== undefined)
      Object.assign(result, { expected, actual, diff });
    if (message && verdict !== 'passed') result.message = message;
  } else if (raw.s === 'tampered') {
    result.message = messageOf(raw, task.language);
  }
  return result;
}

function killedVerdict(reason: KillReason, language: string): Verdict {
  if (reason === 'time') return 'time_limit';
  if (reason === 'memory') return 'memory_limit';
  // A JavaScript child dies by itself only when V8 runs out of heap.
  return language === 'javascript' ? 'memory_limit' : 'runtime_error';
}

async function runFunctionAndIo(
  task: CodeTask,
  code: string,
  tests: CodeTest[],
  pool: CodePool,
): Promise<Partial[] | string> {
  const results: (Partial | undefined)[] = tests.map(() => undefined);
  const deadline = Date.now() + task.limits.wallMs;
  const perTestMs = task.limits.cpuMsPerTest * 2 + 1_000;
  for (let round = 0; round <= tests.length; round++) {
    // Visible tests first: a hidden test's input enters the sandbox only after every visible result
    // (whose actual value the candidate sees) is fixed.
    const pending = tests
      .map((t, i) => i)
      .filter((i) => !results[i])
      .sort((x, y) => Number(!tests[x]?.visible) - Number(!tests[y]?.visible) || x - y);
    if (pending.length === 0) break;
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    const job = {
      kind: 'tests',
      code,
      moduleName: task.moduleName,
      limits: task.limits,
      tests: pending.map((i) => {
        const t = tests[i] as CodeTest;
        return t.kind === 'function'
          ? { kind: 'function', fn: t.function ?? task.entry, args: t.args }
          : { kind: 'io', stdin: t.stdin };
      }),
    };
    const outcome = await pool.run(
      job,
      {
        onProgress: (k, raw) =>
          (results[pending[k] as number] = judge(task, tests[pending[k] as number] as CodeTest, raw)),
      },
      false,
      perTestMs,
      remaining,
    );
    if (outcome.prep?.s === 'syntax') return outcome.prep.msg ?? 'syntax error';
    if (outcome.killed) {
      const i = pending[outcome.killed.index];
      if (i !== undefined && !results[i]) {
        const t = tests[i] as CodeTest;
        const verdict = killedVerdict(outcome.killed.reason, task.language);
        results[i] = { name: t.name, verdict, visible: t.visible, weight: t.weight };
      }
    }
  }
  return tests.map(
    (t, i) => results[i] ?? { name: t.name, verdict: 'time_limit', visible: t.visible, weight: t.weight },
  );
}

/** What a teacher test file run gives besides per-test results. */
type FileOutcome =
  | { kind: 'tests'; tests: Partial[]; teacherError?: string }
  | { kind: 'syntax'; message: string; names: string[] }
  | { kind: 'teacherError'; message: string; names: string[] };

async function runTestFile(task: CodeTask, code: string, pool: CodePool): Promise<FileOutcome> {
  const file = task.testFile;
  if (!file) return { kind: 'tests', tests: [] };
  let names: string[] = [];
  const results = new Map<number, Partial>();
  /** Tests the file skipped (unittest.skip, skipIf...): not counted, as CPython does not count them. */
  const skipped = new Set<number>();
  const deadline = Date.now() + task.limits.wallMs;
  const test = (i: number) => ({
    name: names[i] ?? `test ${i}`,
    visible: file.visible,
    weight: file.weightPerTest,
  });
  let startAt = 0;
  /** A fixture of the teacher's file failed: the task needs fixing (reported as teacherError). */
  let fixtureError: string | undefined;
  for (let round = 0; round < 1_000; round++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    const job = {
      kind: task.language === 'python' ? 'unittest' : 'testfile',
      code,
      moduleName: task.moduleName,
      source: file.source,
      limits: task.limits,
      startAt,
    };
    const outcome = await pool.run(
      job,
      {
        onNames: (n) => (names = n),
        onProgress: (i, raw) => {
          if (raw.s === 'skipped') {
            skipped.add(i);
            results.set(i, { ...test(i), verdict: 'passed' });
            return;
          }
          const t = test(i);
          let verdict = verdictOf(raw) ?? 'runtime_error';
          let message = messageOf(raw, task.language);
          // Also a test that failed after comparing two of the submission's objects: a submission that
          // forges that comparison and answers the rest honestly passes it.
          let depends = raw.dep === true;
          // A Python test passes only if every check it recorded holds when the grader compares the
          // values (an expected failure recorded failing checks on purpose).
          if (raw.s === 'pass' && !raw.xfail && raw.checks) {
            const checked = verifyChecks(raw.checks);
            depends = checked.dependsOnSubmission;
            if (checked.failed) {
              verdict = 'wrong_answer';
              const f = checked.failed;
              message = `line ${f.line}: ${f.src}\n  does not hold when the grader compares the values (${f.shown})`;
            }
          }
          if (raw.s === 'error' && raw.teacher) fixtureError ??= raw.tb;
          const timeLimit = raw.cpuMs !== undefined && raw.cpuMs > task.limits.cpuMsPerTest;
          const r: Partial = {
            ...t,
            verdict: timeLimit ? 'time_limit' : verdict,
            cpuMs: raw.cpuMs,
            ...(depends ? { dependsOnSubmission: true } : {}),
          };
          if (message && r.verdict !== 'passed' && (file.visible || raw.s === 'tampered'))
            r.message = message;
          results.set(i, r);
        },
      },
      true,
      task.limits.cpuMsPerTest * 2 + 1_000,
      remaining,
    );
    const prep = outcome.prep as { s: string; msg?: string; names?: string[] } | undefined;
    if (prep?.s === 'syntax')
      return { kind: 'syntax', message: prep.msg ?? 'syntax error', names: prep.names ?? names };
    if (prep?.s === 'teacher_error')
      return {
        kind: 'teacherError',
        message: `the teacher's test file failed: ${prep.msg ?? 'unknown error'}`,
        names: prep.names ?? names,
      };
    if (prep?.s === 'error') throw new Error(`teacher test file failed to load: ${prep.msg}`);
    if (outcome.killed && names.length > 0) {
      const i = Math.max(outcome.killed.index, startAt);
      if (!results.has(i))
        results.set(i, { ...test(i), verdict: killedVerdict(outcome.killed.reason, task.language) });
    }
    const next = names.findIndex((_n, i) => !results.has(i));
    if (next < 0 || names.length === 0) break;
    startAt = next;
  }
  return {
    kind: 'tests',
    tests: names
      .map((_n, i) => results.get(i) ?? { ...test(i), verdict: 'time_limit' as const })
      .filter((_t, i) => !skipped.has(i)),
    ...(fixtureError ? { teacherError: `the teacher's test file failed: ${fixtureError}` } : {}),
  };
}

/** Grades `code` against `task` in `pool`. Syntax errors give a not-gradable result (no attempt used). */
export async function gradeSubmission(
  stated: CodeTask,
  code: string,
  pool: CodePool,
  opts: GradeOptions = {},
): Promise<GradeResult> {
  // The teacher's limits are CPython's; the sandbox applies them scaled to its runtime.
  const task = { ...stated, limits: sandboxLimits(stated, pool.limitFactor) };
  const tests = task.tests.filter((t) => !opts.visibleOnly || t.visible);
  const parts: Partial[] = [];
  let syntax: string | undefined;
  let teacherError: string | undefined;
  const file = task.testFile && (!opts.visibleOnly || task.testFile.visible) ? task.testFile : undefined;
  /** The test file's tests, known from its syntax even when the submission does not compile. */
  let fileNames: string[] = [];
  if (tests.length > 0) {
    const r = await runFunctionAndIo(task, code, tests, pool);
    if (typeof r === 'string') syntax = r;
    else parts.push(...r);
  }
  if (file) {
    const r = await runTestFile(task, code, pool);
    if (r.kind === 'tests') {
      if (!syntax) parts.push(...r.tests);
      if (r.teacherError) teacherError = r.teacherError;
    } else if (r.kind === 'syntax') {
      syntax ??= r.message;
      fileNames = r.names;
    } else {
      teacherError = r.message;
      parts.push(
        ...r.names.map((name) => ({
          name,
          verdict: 'runtime_error' as const,
          visible: file.visible,
          weight: file.weightPerTest,
          message: r.message,
        })),
      );
    }
  }
  if (teacherError) {
    return { ...scoreTests(task, parts, opts.attempt), message: teacherError, teacherError: true };
  }
  if (syntax) {
    const all = [
      ...tests.map((t) => ({ name: t.name, visible: t.visible, weight: t.weight })),
      ...fileNames.map((name) => ({
        name,
        visible: file?.visible ?? false,
        weight: file?.weightPerTest ?? 1,
      })),
    ].map((t) => ({ ...t, verdict: 'not_gradable' as const }));
    // No attempt is used, so no resubmission penalty either (also when only a test file could say so).
    return { ...scoreTests(task, all, opts.attempt), notGradable: true, penalty: 0, message: syntax };
  }
  return scoreTests(task, parts, opts.attempt);
}
