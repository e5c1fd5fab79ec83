/**
 * An imported code task that gives no maxScore: the item's maximum (what a stored test, the results and
 * the reports add up) and the grader's maximum (the tests' weights scaled to the task's points) must be
 * the same number, or a fully right answer scores less than full marks. Before, the item counted its
 * declared maximum (or 1) while the grader counted the sum of its tests' weights.
 */
import { describe, expect, it } from 'vitest';
import { loadDemoBank, parseItemXml, type AssessmentItem } from '../../item-bank/index.ts';
import { maxScoreOfItem } from '../max-score.ts';
import { scoreTests } from './verdict.ts';

const demo = loadDemoBank().find((d) => d.item.identifier === 'TIN-10-CODE-01')!;
const withoutPoints = demo.xml.replace(',&quot;maxScore&quot;:1', '');

function imported(xml: string) {
  const { item, problems } = parseItemXml(xml, 'tong-chan.xml');
  return { item: item!, warnings: problems.filter((p) => p.code === 'code-task-points') };
}

/** What the grader gives a submission that passes every test. */
function gradedFull(item: AssessmentItem) {
  const { task } = item.codeTasks![0]!;
  return scoreTests(
    task,
    task.tests.map((t) => ({
      name: t.name,
      visible: t.visible,
      weight: t.weight,
      verdict: 'passed' as const,
    })),
  );
}

describe('a code task without points', () => {
  it('takes the points the item declares, and the grader gives full marks out of them', () => {
    expect(withoutPoints).not.toBe(demo.xml);
    const declared = withoutPoints.replace('normal-maximum="1"', 'normal-maximum="10"');
    const { item, warnings } = imported(declared);
    expect(item.codeTasks![0]!.task.maxScore).toBe(10);
    expect(maxScoreOfItem(item)).toBe(10);
    expect(gradedFull(item)).toMatchObject({ score: 10, maxScore: 10 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain("the item's declared maximum");
    expect(warnings[0]!.line).toBeGreaterThan(0);
  });

  it("takes its tests' weights when the item declares nothing, and both sides count 7", () => {
    const undeclared = withoutPoints.replace(' normal-maximum="1"', '');
    const { item, warnings } = imported(undeclared);
    // Weights 1 + 1 + 2 + 1 + 2 (two visible tests, three hidden).
    expect(item.codeTasks![0]!.task.maxScore).toBe(7);
    expect(maxScoreOfItem(item)).toBe(7);
    expect(gradedFull(item)).toMatchObject({ score: 7, maxScore: 7 });
    expect(warnings[0]!.message).toContain("its tests' weights");
  });

  it('keeps the points a task gives, with no warning', () => {
    const { item, warnings } = imported(demo.xml);
    expect(item.codeTasks![0]!.task.maxScore).toBe(1);
    expect(maxScoreOfItem(item)).toBe(1);
    expect(gradedFull(item)).toMatchObject({ score: 1, maxScore: 1 });
    expect(warnings).toEqual([]);
  });
});
