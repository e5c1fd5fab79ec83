import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createCodeGrader } from './code-grader.ts';
import { loadTask } from './load-task.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'exercises');
const grader = createCodeGrader({ size: 1 });
afterAll(() => grader.close());
const read = (ex: string, file: string) => readFileSync(path.join(dir, ex, file), 'utf8');

// [exercise, reference file, wrong file, tests the wrong solution fails]
const exercises: Array<[string, string, string, string[]]> = [
  ['py-fizzbuzz', 'reference.py', 'wrong.py', ['fifteen', 'program']],
  [
    'py-primes',
    'reference.py',
    'wrong.py',
    ['TestIsPrime.test_composites', 'TestPrimesBelow.test_below_twenty'],
  ],
  ['js-vowels', 'reference.js', 'wrong.js', ['upper case']],
  ['js-fib', 'reference.js', 'wrong.js', ['fib > larger']],
];

describe('classic exercises', () => {
  it.each(exercises)(
    '%s: reference 100 %%, starter less, wrong as its failing tests imply',
    async (ex, ref, wrong, failing) => {
      const task = loadTask(path.join(dir, ex));
      const best = await grader.grade(task, read(ex, ref));
      expect(best.tests.filter((t) => t.verdict !== 'passed')).toEqual([]);
      expect(best.score).toBe(best.maxScore);

      const starter = await grader.grade(task, task.starterCode);
      expect(starter.score).toBeLessThan(starter.maxScore);

      const bad = await grader.grade(task, read(ex, wrong));
      expect(bad.tests.filter((t) => t.verdict !== 'passed').map((t) => t.name)).toEqual(failing);
      const lost = bad.tests.filter((t) => failing.includes(t.name)).reduce((s, t) => s + t.weight, 0);
      expect(bad.score).toBeCloseTo(bad.maxScore - lost);
    },
    180_000,
  );

  it('applies the resubmission penalty and scores all-or-nothing tasks', async () => {
    const task = loadTask(path.join(dir, 'js-fib'));
    const third = await grader.grade(task, read('js-fib', 'reference.js'), { attempt: 3 });
    expect(third.score).toBeCloseTo(third.maxScore * 0.8);
    const strict = { ...loadTask(path.join(dir, 'js-vowels')), scoring: 'allOrNothing' as const };
    expect((await grader.grade(strict, read('js-vowels', 'wrong.js'))).score).toBe(0);
  }, 60_000);

  it('gives only verdicts, never expected values, for hidden tests', async () => {
    const task = loadTask(path.join(dir, 'py-fizzbuzz'));
    const r = await grader.grade(task, 'def fizzbuzz(n):\n    return "x"\n');
    const hidden = r.tests.filter((t) => !t.visible);
    expect(
      hidden.every((t) => t.expected === undefined && t.actual === undefined && t.diff === undefined),
    ).toBe(true);
    expect(r.tests.find((t) => t.name === 'three')).toMatchObject({
      verdict: 'wrong_answer',
      expected: '"Fizz"',
      actual: '"x"',
    });
  }, 60_000);
});
