import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeGrader, type CodeGrader } from './code-grader.ts';
import { pythonModes } from './python-modes.ts';
import { parseCodeTask } from './task.ts';

// pytest-style teacher files, run by the sandbox's pytest shim. One child; every grade gets a fresh
// interpreter.
describe.each(pythonModes())('Python sandbox: %s', (python) => {
  let grader: CodeGrader;
  beforeAll(async () => {
    grader = createCodeGrader({ size: 1, maxRuns: 50, python });
    await grader.warm(['python']);
  }, 300_000);
  afterAll(() => grader.close());

  const source = `import pytest
from solution import add, div, Stack

CASES = [(1, 2, 3), (0, 0, 0), (-1, 1, 0)]

@pytest.fixture
def stack():
    s = Stack()
    s.push(1)
    yield s
    s.items.clear()

def test_add():
    assert add(2, 3) == 5

@pytest.mark.parametrize("a,b,expected", CASES)
def test_add_many(a, b, expected):
    assert add(a, b) == expected, f"add({a}, {b})"

@pytest.mark.parametrize("x", [1.5, "s", pytest.param(4, id="four")])
def test_double(x):
    assert add(x, x) == x * 2

def test_div_raises():
    with pytest.raises(ZeroDivisionError):
        div(1, 0)

def test_approx():
    assert div(1, 3) == pytest.approx(0.3333333)

def test_stack(stack):
    stack.push(2)
    assert stack.pop() == 2
    assert len(stack.items) == 1

@pytest.mark.skip(reason="later")
def test_skipped():
    assert False

@pytest.mark.xfail
def test_xfail():
    assert add(1, 1) == 3

class TestGroup:
    def setup_method(self, method):
        self.base = 10
    def test_in_class(self):
        assert add(self.base, 1) == 11
    def test_capsys(self, capsys):
        print(add(1, 1))
        assert capsys.readouterr().out == "2\\n"
`;
  const task = parseCodeTask({
    language: 'python',
    limits: { cpuMsPerTest: 5_000, wallMs: 120_000 },
    testFile: { visible: true, source },
  });
  const names = [
    'test_add',
    'test_add_many[1-2-3]',
    'test_add_many[0-0-0]',
    'test_add_many[-1-1-0]',
    'test_double[1.5]',
    'test_double[s]',
    'test_double[four]',
    'test_div_raises',
    'test_approx',
    'test_stack',
    'test_xfail',
    'TestGroup.test_in_class',
    'TestGroup.test_capsys',
  ];
  const right =
    'def add(a, b):\n    return a + b\ndef div(a, b):\n    return a / b\n' +
    'class Stack:\n    def __init__(self):\n        self.items = []\n    def push(self, x):\n        self.items.append(x)\n' +
    '    def pop(self):\n        return self.items.pop()\n';

  describe('pytest-style teacher files', () => {
    it('runs test functions and classes, parametrize, fixtures, raises, approx, skip, xfail and capsys', async () => {
      const r = await grader.grade(task, right);
      expect(r.tests.map((t) => t.name)).toEqual(names);
      expect(r.tests.filter((t) => t.verdict !== 'passed')).toEqual([]);
      expect(r.score).toBe(13);
      // add(a, b) = a - b: only what a - b gets right passes; the message shows the assertion and values.
      const wrong = await grader.grade(task, right.replace('return a + b', 'return a - b'));
      const passed = wrong.tests.filter((t) => t.verdict === 'passed').map((t) => t.name);
      expect(passed).toEqual([
        'test_add_many[0-0-0]',
        'test_div_raises',
        'test_approx',
        'test_stack',
        'test_xfail',
      ]);
      const failed = wrong.tests.find((t) => t.name === 'test_add');
      expect(failed?.verdict).toBe('wrong_answer');
      expect(failed?.message).toMatch(/assert add\(2, 3\) == 5[\s\S]*-1 == 5/);
    }, 300_000);

    it('knows every test before running: a missing name fails each with the ImportError, a syntax error none counted', async () => {
      const missing = await grader.grade(task, 'def add(a, b):\n    return a + b\n');
      expect(missing.tests.map((t) => t.name)).toEqual(names);
      expect(missing.maxScore).toBe(13);
      expect(
        missing.tests.every((t) => t.verdict === 'runtime_error' && /ImportError.*div/.test(t.message ?? '')),
      ).toBe(true);
      const syntax = await grader.grade(task, 'def add(a, b)\n    return a + b\n');
      expect(syntax.notGradable).toBe(true);
      expect(syntax.tests.map((t) => t.name)).toEqual(names);
    }, 300_000);

    it("reports the teacher's own failures (an import, a fixture) as such", async () => {
      const brokenImport = parseCodeTask({
        language: 'python',
        testFile: {
          source:
            'import no_such_module\nfrom solution import add\ndef test_a():\n    assert add(1, 1) == 2\n',
        },
      });
      const r = await grader.grade(brokenImport, right);
      expect(r.teacherError).toBe(true);
      expect(r.maxScore).toBe(1);
      const brokenFixture = parseCodeTask({
        language: 'python',
        testFile: {
          source:
            'import pytest\nfrom solution import add\n@pytest.fixture\ndef data():\n    return {}["missing"]\n' +
            'def test_a(data):\n    assert add(1, 1) == 2\n',
        },
      });
      const f = await grader.grade(brokenFixture, right);
      expect(f.teacherError).toBe(true);
      expect(f.message).toMatch(/fixture 'data' failed/);
      expect(f.tests.map((t) => t.verdict)).toEqual(['runtime_error']);
    }, 300_000);
  });
});
