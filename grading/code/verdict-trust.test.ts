import { afterAll, describe, expect, it } from 'vitest';
import { createCodeGrader } from './code-grader.ts';
import { parseCodeTask } from './task.ts';
import { probeVerdictTrust } from './verdict-trust.ts';

// The forging probe finds the comparisons a submission decides with its own code (two of its objects,
// or one against a teacher's own class), in passed and failed tests alike, and nothing else.
const grader = createCodeGrader({ size: 1 });
afterAll(() => grader.close());

const file = (source: string) => parseCodeTask({ language: 'python', testFile: { source } });

describe('verdict trust of a code task', () => {
  it('marks the tests whose comparison the submission decides', async () => {
    const task = file(
      'import unittest\nfrom dataclasses import dataclass\nfrom solution import Money, add, make_point\n' +
        '@dataclass\nclass P:\n    x: int\n    y: int\n' +
        'class T(unittest.TestCase):\n' +
        '    def test_plain(self):\n        self.assertEqual(add(1, 2), 3)\n        self.assertEqual(sorted(add(0, 0)), [1])\n' +
        '    def test_money(self):\n        self.assertEqual(Money(2) + Money(3), Money(5))\n' +
        '    def test_teacher_class(self):\n        self.assertEqual(make_point(1, 2), P(1, 2))\n' +
        'def test_then_plain():\n    assert Money(1) == Money(1)\n    assert add(1, 1) == 2\n' +
        // Truth tests give a forging object nothing a plain bool would not: not marked.
        'def test_truth():\n    assert add(1, 1)\n    assert not add(0, 0)\n' +
        'class U(unittest.TestCase):\n    def test_truth(self):\n        self.assertTrue(add(1, 1))\n        self.assertFalse(add(0, 0))\n',
    );
    const trust = await probeVerdictTrust(grader, task);
    expect(trust).toEqual({
      dependsOnSubmission: true,
      tests: ['T.test_money', 'T.test_teacher_class', 'test_then_plain'],
    });
  }, 180_000);

  it('trusts plain comparisons, function tests and JavaScript files without grading them', async () => {
    const plain = file(
      'from solution import add\nimport pytest\n' +
        'def test_a():\n    assert add(1, 2) == 3\n    assert add(0.1, 0.2) == pytest.approx(0.3)\n' +
        'def test_b():\n    with pytest.raises(ValueError):\n        add("a", 1)\n',
    );
    expect(await probeVerdictTrust(grader, plain)).toEqual({ dependsOnSubmission: false, tests: [] });
    const fn = parseCodeTask({
      language: 'python',
      entry: 'f',
      tests: [{ name: 'a', kind: 'function', args: [1], expected: 2 }],
    });
    const js = parseCodeTask({
      language: 'javascript',
      testFile: {
        source: "const { f } = require('solution');\ntest('a', () => expect(f()).toEqual(f()));\n",
      },
    });
    expect(await probeVerdictTrust(grader, fn)).toEqual({ dependsOnSubmission: false, tests: [] });
    expect(await probeVerdictTrust(grader, js)).toEqual({ dependsOnSubmission: false, tests: [] });
  }, 120_000);
});
