/** A code grader owning one sandbox pool per language, started on first use. */
import { availableParallelism } from 'node:os';
import { gradeSubmission, type GradeOptions } from './grade.ts';
import { createJavascriptPool } from './javascript/javascript-pool.ts';
import { detectNativePython, NativePythonPool, nativePythonUnavailable } from './native/native-pool.ts';
import { createPythonPool, type LanguagePoolOptions } from './python/python-pool.ts';
import type { CodePool } from './sandbox/pool.ts';
import { parseCodeTask, type CodeTask } from './task.ts';
import type { GradeResult } from './verdict.ts';

export interface CodeGrader {
  /** Grades a submission; `task` may be unparsed JSON. */
  grade(task: CodeTask | unknown, code: string, opts?: GradeOptions): Promise<GradeResult>;
  /** Starts the pools of the given languages now rather than on first use. */
  warm(languages?: Array<CodeTask['language']>): Promise<void>;
  /** The pool of a language (tests and benchmarks read its counters). */
  pool(language: CodeTask['language']): CodePool;
  close(): Promise<void>;
}

/** Creates a grader; pools are sized to the cores unless `size` says otherwise. */
export function createCodeGrader(
  opts: LanguagePoolOptions & {
    languages?: Partial<Record<CodeTask['language'], LanguagePoolOptions>>;
    /**
     * Python's sandbox: `native` (default), a CPython process per job in bubblewrap with seccomp and
     * rlimits, used only when the probe sees every one of those layers work here; otherwise, or with
     * `pyodide` (GRADER_PYTHON=pyodide), Pyodide, with a log line saying why.
     */
    python?: 'pyodide' | 'native';
  } = {},
): CodeGrader {
  const pools = new Map<CodeTask['language'], CodePool>();
  const wantNative =
    (opts.python ?? (process.env.GRADER_PYTHON === 'pyodide' ? 'pyodide' : 'native')) === 'native';
  const pythonPool = (o: LanguagePoolOptions): CodePool => {
    if (wantNative) {
      if (detectNativePython())
        return new NativePythonPool({ size: o.size ?? availableParallelism(), log: o.log });
      // Said even without a logger: a grader on Pyodide is ~4x slower and should not be so unknowingly.
      (o.log ?? console.warn)(
        `native Python sandbox unavailable (${nativePythonUnavailable()}): using Pyodide`,
      );
    }
    return createPythonPool(o);
  };
  const pool = (language: CodeTask['language']): CodePool => {
    let p = pools.get(language);
    if (!p) {
      const o = { ...opts, ...opts.languages?.[language] };
      p = language === 'python' ? pythonPool(o) : createJavascriptPool(o);
      pools.set(language, p);
    }
    return p;
  };
  return {
    async grade(task, code, gradeOpts) {
      const parsed = isParsed(task) ? task : parseCodeTask(task);
      return gradeSubmission(parsed, code, pool(parsed.language), gradeOpts);
    },
    async warm(languages = ['python', 'javascript']) {
      await Promise.all(languages.map((l) => pool(l).warm()));
    },
    pool,
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close()));
      pools.clear();
    },
  };
}

function isParsed(task: unknown): task is CodeTask {
  return (
    typeof task === 'object' &&
    task !== null &&
    'limits' in task &&
    'scoring' in task &&
    'resubmissionPenalty' in task
  );
}
