/**
 * Issue 18 #10: "Chấm thử" on an unsaved code task runs the teacher's trial code on every test of the
 * task (hidden ones too) in the engine's code sandboxes and answers each test's verdict; an item that is
 * not a code task is still scored by response processing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeTaskInteraction } from '../../../../../item-bank/index.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

let engine: TestEngine;
let token: string;
let bankId: string;
const SANDBOX_WAIT_MS = 120_000;

beforeAll(async () => {
  engine = await createTestEngine();
  const tree = await buildOrganisationTree(engine.deps.db);
  token = await tokenFor(engine, tree.teacherA);
  const bank = await api(engine).post(
    '/api/item-banks',
    { name: 'Tin học – Trường A', organisationId: tree.schoolA.id },
    token,
  );
  bankId = bank.data.id;
});
afterAll(() => engine.dispose());

/** A code task as the item editor builds it: two visible tests and a hidden one. */
const codeItem = () => ({
  identifier: 'ED-CODE-1',
  title: 'Tổng các số chẵn',
  language: 'vi',
  declarations: [
    { kind: 'response', identifier: 'RESPONSE', cardinality: 'single', baseType: 'string' },
    {
      kind: 'outcome',
      identifier: 'SCORE',
      cardinality: 'single',
      baseType: 'float',
      defaultValue: [{ text: '0' }],
      normalMaximum: 3,
      normalMinimum: 0,
      externalScored: 'externalMachine',
    },
  ],
  body: {
    kind: 'element',
    name: 'itemBody',
    ns: 'qti',
    attributes: {},
    children: [
      codeTaskInteraction('RESPONSE', {
        language: 'python',
        instructions: 'Viết hàm tong_chan(ds) trả về tổng các số chẵn trong danh sách ds.',
        starterCode: 'def tong_chan(ds):\n    pass\n',
        entry: 'tong_chan',
        tests: [
          { name: 'Ví dụ 1', kind: 'function', args: [[1, 2, 3, 4]], expected: 6, visible: true },
          { name: 'Ví dụ 2', kind: 'function', args: [[]], expected: 0, visible: true },
          { name: 'Số âm', kind: 'function', args: [[-2, 3, -4]], expected: -6 },
        ],
      }),
    ],
  },
});

describe('trying a code task in the item editor', () => {
  it(
    'runs the trial code on every test in the sandbox and answers each verdict',
    async () => {
      const right = await api(engine).post(
        '/api/items/authoring/preview',
        {
          bankId,
          item: codeItem(),
          responses: { RESPONSE: 'def tong_chan(ds):\n    return sum(x for x in ds if x % 2 == 0)\n' },
        },
        token,
      );
      expect(right.status).toBe(200);
      expect(right.data.outcomes).toEqual({ SCORE: 3, MAXSCORE: 3 });
      expect(right.data.codeTasks).toHaveLength(1);
      expect(
        right.data.codeTasks[0].tests.map((t: { name: string; verdict: string; visible: boolean }) => [
          t.name,
          t.verdict,
          t.visible,
        ]),
      ).toEqual([
        ['Ví dụ 1', 'passed', true],
        ['Ví dụ 2', 'passed', true],
        ['Số âm', 'passed', false],
      ]);

      // Only positive even numbers: the hidden negative case fails, the teacher sees which one.
      const almost = await api(engine).post(
        '/api/items/authoring/preview',
        {
          bankId,
          item: codeItem(),
          responses: {
            RESPONSE: 'def tong_chan(ds):\n    return sum(x for x in ds if x > 0 and x % 2 == 0)\n',
          },
        },
        token,
      );
      expect(almost.data.outcomes).toEqual({ SCORE: 2, MAXSCORE: 3 });
      const verdicts = almost.data.codeTasks[0].tests.map((t: { verdict: string }) => t.verdict);
      expect(verdicts).toEqual(['passed', 'passed', 'wrong_answer']);

      // Code that does not parse is not gradable, with the reason.
      const broken = await api(engine).post(
        '/api/items/authoring/preview',
        { bankId, item: codeItem(), responses: { RESPONSE: 'def tong_chan(ds)\n    return 0\n' } },
        token,
      );
      expect(broken.status).toBe(200);
      expect(broken.data.codeTasks[0].notGradable).toBe(true);
      expect(broken.data.codeTasks[0].message).toMatch(/SyntaxError|cú pháp|syntax/i);
    },
    SANDBOX_WAIT_MS,
  );

  it('previews a code task without answers and runs nothing', async () => {
    const preview = await api(engine).post(
      '/api/items/authoring/preview',
      { bankId, item: codeItem() },
      token,
    );
    expect(preview.status).toBe(200);
    expect(preview.data.codeTasks).toBeUndefined();
    expect(JSON.stringify(preview.data.candidate)).not.toContain('Số âm');
  });
});
