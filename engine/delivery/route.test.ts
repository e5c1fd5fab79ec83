import { describe, expect, it } from 'vitest';
import { assembleForm, FormSpec, plannedItemCount, type ExpressionNode } from '../sittings/form.ts';
import { nextStep } from './route-rules.ts';
import { activeMs, moveProgress, scopeTimes } from './route-state.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const item = (n: number, extra: Record<string, unknown> = {}) => ({
  itemRef: `Q${n}`,
  itemVersionId: id(n),
  ...extra,
});
const TRUE: ExpressionNode = {
  name: 'baseValue',
  attributes: { baseType: 'boolean' },
  children: [],
  text: 'true',
};
const FALSE: ExpressionNode = { ...TRUE, text: 'false' };
const truth = (e: ExpressionNode) => e.text === 'true';

const spec = FormSpec.parse({
  itemSessionControl: { maxAttempts: 3 },
  testParts: [
    {
      identifier: 'P1',
      navigationMode: 'linear',
      submissionMode: 'individual',
      itemSessionControl: { showFeedback: true },
      sections: [
        {
          identifier: 'S1',
          items: [
            item(1, { branchRules: [{ target: 'EXIT_TESTPART', expression: FALSE }] }),
            {
              identifier: 'S1a',
              select: 2,
              shuffle: true,
              itemSessionControl: { allowSkipping: false },
              timeLimits: { maxTime: 60 },
              items: [item(2), item(3), item(4, { itemSessionControl: { maxAttempts: 0 } })],
            },
            item(5, { branchRules: [{ target: 'EXIT_TESTPART', expression: TRUE }] }),
            item(6),
          ],
        },
      ],
    },
    {
      identifier: 'P2',
      navigationMode: 'nonlinear',
      timeLimits: { maxTime: 120, allowLateSubmission: true },
      preConditions: [FALSE],
      sections: [{ identifier: 'S2', items: [item(7), item(8)] }],
    },
    {
      identifier: 'P3',
      sections: [{ identifier: 'S3', preConditions: [TRUE], items: [item(9)] }],
    },
  ],
});

describe('test parts, nested sections and inherited item session control', () => {
  it('assembles parts in order with nested selection, and the same seed gives the same form', () => {
    const form = assembleForm(spec, 7);
    expect(assembleForm(spec, 7)).toEqual(form);
    expect(form.entries).toHaveLength(8); // part 1: Q1, 2 of S1a's 3, Q5, Q6; part 2: 2; part 3: 1
    expect(form.parts!.map((p) => [p.identifier, p.start, p.end])).toEqual([
      ['P1', 0, 5],
      ['P2', 5, 7],
      ['P3', 7, 8],
    ]);
    const nested = form.entries.filter((e) => e.sectionPath?.join('/') === 'S1/S1a');
    expect(nested).toHaveLength(2);
    expect(plannedItemCount(spec)).toBe(8);
  });

  it('inherits itemSessionControl test -> part -> section -> itemRef', () => {
    const form = assembleForm(spec, 1);
    const q1 = form.entries.find((e) => e.itemRef === 'Q1')!;
    expect(q1.control).toMatchObject({
      maxAttempts: 3,
      showFeedback: true,
      allowSkipping: true,
      showSolution: false,
    });
    for (const e of form.entries.filter((x) => x.sectionPath?.includes('S1a')))
      expect(e.control).toMatchObject({
        allowSkipping: false,
        showFeedback: true,
        maxAttempts: e.itemRef === 'Q4' ? 0 : 3,
      });
    expect(form.entries.find((e) => e.itemRef === 'Q7')!.control).toMatchObject({
      maxAttempts: 3,
      showFeedback: false,
    });
  });

  it('branch rules jump forward, EXIT_TESTPART leaves the part, false preconditions skip a whole part', () => {
    const form = assembleForm(spec, 3);
    // Q1's rule is false: on to the next item.
    expect(nextStep(form, 0, truth).position).toBe(1);
    // Q5's EXIT_TESTPART is true: P2 follows, but its precondition is false, so P3 (its section's precondition holds).
    const q5 = form.entries.find((e) => e.itemRef === 'Q5')!.position;
    const step = nextStep(form, q5, truth);
    expect(step.position).toBe(7);
    expect(step.skipped.map((p) => form.entries[p]!.itemRef)).toEqual(['Q6', 'Q7', 'Q8']);
    expect(step.decisions).toEqual([
      { kind: 'branch', scope: 'item:Q5', target: 'EXIT_TESTPART', result: true },
      { kind: 'precondition', scope: 'part:P2', result: false },
      { kind: 'precondition', scope: 'section:S3', result: true },
    ]);
  });

  it('counts time per level on the active clock: pauses stand still', () => {
    const form = assembleForm(spec, 3);
    const startedAt = new Date(1_000_000);
    const row = { state: 'in_progress', startedAt, pausedAt: null, progress: {} };
    expect(activeMs(row, 1_010_000)).toBe(10_000);
    const paused = { state: 'paused', startedAt, pausedAt: new Date(1_005_000), progress: {} };
    expect(activeMs(paused, 1_050_000)).toBe(5_000);
    const resumed = { state: 'in_progress', startedAt, pausedAt: null, progress: { pausedTotalMs: 45_000 } };
    expect(activeMs(resumed, 1_050_000)).toBe(5_000);
    // In S1a (60 s) for 20 s, then leave and come back: the time spent is kept.
    const inS1a = form.entries.find((e) => e.sectionPath?.includes('S1a'))!.position;
    const progress = moveProgress(form, { arrivedAtMs: 0 }, inS1a, inS1a + 2, 20_000);
    expect(progress.spentMs).toEqual({ 'section:S1a': 20_000 });
    const times = scopeTimes(form, { ...progress, arrivedAtMs: 20_000 }, inS1a, 30_000, 50);
    // 60 s with 50 % extra time = 90 s, minus 20 s before and 10 s now.
    expect(times).toEqual([
      {
        level: 'section',
        identifier: 'S1a',
        elapsedMs: 30_000,
        remainingMs: 60_000,
        minRemainingMs: null,
        allowLateSubmission: false,
      },
    ]);
  });

  it('still reads the flat form as one part with the test-wide modes', () => {
    const flat = FormSpec.parse({
      navigationMode: 'linear',
      allowSkipping: false,
      sections: [{ identifier: 'S', items: [item(1), item(2)] }],
    });
    const form = assembleForm(flat, 1);
    expect(form.parts).toEqual([
      { identifier: 'P1', navigationMode: 'linear', submissionMode: 'simultaneous', start: 0, end: 2 },
    ]);
    expect(form.entries[0]!.control).toMatchObject({ allowSkipping: false, allowReview: true });
    expect(FormSpec.safeParse({ sections: [], testParts: [] }).success).toBe(false);
  });
});
