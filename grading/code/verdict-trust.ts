/**
 * Whether a code task's verdicts can be decided by the submission's own code, found by grading a
 * forging submission. Function and I/O tests are compared by the grader, and JavaScript teacher files
 * are decided by the host: never. A Python teacher file compares plain data outside the sandbox and
 * refuses a plain value against one of the submission's objects, but a comparison of two objects that
 * both come from the submission (`make_cart().items() == other.items()`, `Money(5) == Money(5)`) is
 * decided by the submission's `__eq__`: the grader marks it (`dependsOnSubmission`). The probe hands
 * in a module where every name the teacher's file takes from the submission is an object equal to
 * anything, so every such comparison the tests reach is marked.
 */
import type { CodeGrader } from './code-grader.ts';
import type { CodeTask } from './task.ts';

/** The forging submission: every name is a class whose instances (and results) compare equal to anything. */
export const TRUST_PROBE = `class _AnyMeta(type):
    def __getattr__(cls, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Any()
    def __eq__(cls, other):
        return True
    def __ne__(cls, other):
        return False
    def __hash__(cls):
        return 0

class _Any(metaclass=_AnyMeta):
    def __init__(self, *a, **k):
        pass
    def __call__(self, *a, **k):
        return _Any()
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Any()
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    def __lt__(self, other):
        return True
    __le__ = __gt__ = __ge__ = __lt__
    def __hash__(self):
        return 0
    def __bool__(self):
        return True
    def __len__(self):
        return 0
    def __iter__(self):
        return iter(())
    def __contains__(self, item):
        return True
    def __getitem__(self, key):
        return _Any()
    def __setitem__(self, key, value):
        pass
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
    def __repr__(self):
        return "<any>"
    def _op(self, *a):
        return _Any()
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _op
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = _op

def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return _AnyMeta(name, (_Any,), {})
`;

export interface VerdictTrust {
  /** Some verdict can be decided by code the submission controls: fit for practice, not for a grade. */
  dependsOnSubmission: boolean;
  /** The tests with such a comparison. */
  tests: string[];
  /** The probe could not run the tests (the teacher's file failed under it): nothing was learnt. */
  unprobed?: boolean;
}

/** Grades the forging probe on a task (only Python teacher files need it; the rest are trusted). */
export async function probeVerdictTrust(grader: CodeGrader, task: CodeTask): Promise<VerdictTrust> {
  if (task.language !== 'python' || !task.testFile) return { dependsOnSubmission: false, tests: [] };
  const r = await grader.grade(task, TRUST_PROBE);
  const tests = r.tests.filter((t) => t.dependsOnSubmission).map((t) => t.name);
  return {
    dependsOnSubmission: tests.length > 0,
    tests,
    ...(r.teacherError || r.notGradable ? { unprobed: true } : {}),
  };
}
