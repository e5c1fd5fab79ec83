/**
 * Issue 25: saving a code task grades its reference solution first. It must score full marks and the
 * starter code must not; otherwise the save is refused with the failing tests listed, and nothing is
 * stored. A save without a reference solution is not checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeTaskInteraction } from '../../../../../item-bank/index.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

let engine: TestEngine;
let token: string;
let bankId: string;
const SANDBOX_WAIT_MS = 240_000;

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

const codeItem = (identifier: string, starterCode: string) => ({
  identifier,
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
      normalMaximum: 2,
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
        starterCode,
        entry: 'tong_chan',
        tests: [
          { name: 'Ví dụ 1', kind: 'function', args: [[1, 2, 3, 4]], expected: 6, visible: true },
          { name: 'Số âm', kind: 'function', args: [[-2, 3, -4]], expected: -6 },
        ],
      }),
    ],
  },
});
const starter = 'def tong_chan(ds):\n    pass\n';
const reference = 'def tong_chan(ds):\n    return sum(x for x in ds if x % 2 == 0)\n';

describe('saving a code task checks its reference solution', () => {
  it(
    'saves when the reference scores full marks and the starter does not, and refuses otherwise',
    async () => {
      const saved = await api(engine).post(
        '/api/items/authoring',
        { bankId, item: codeItem('REF-OK', starter), codeReferences: { RESPONSE: reference } },
        token,
      );
      expect(saved.status).toBe(200);
      expect(saved.data.codeChecks).toEqual([
        {
          responseIdentifier: 'RESPONSE',
          reference: { score: 2, maxScore: 2, failing: [] },
          starter: { score: 0, maxScore: 2 },
          practiceOnly: false,
          ok: true,
        },
      ]);

      // Only positive even numbers: the hidden negative case fails, and it is named.
      const wrongReference = await api(engine).post(
        '/api/items/authoring',
        {
          bankId,
          item: codeItem('REF-WRONG', starter),
          codeReferences: {
            RESPONSE: 'def tong_chan(ds):\n    return sum(x for x in ds if x > 0 and x % 2 == 0)\n',
          },
        },
        token,
      );
      expect(wrongReference.status).toBe(422);
      const check = wrongReference.data.error.details.codeChecks[0];
      expect(check.ok).toBe(false);
      expect(check.reference).toMatchObject({
        score: 1,
        maxScore: 2,
        failing: [{ name: 'Số âm', verdict: 'wrong_answer' }],
      });

      // A starter that already solves the task grades nothing.
      const fullStarter = await api(engine).post(
        '/api/items/authoring',
        { bankId, item: codeItem('REF-STARTER', reference), codeReferences: { RESPONSE: reference } },
        token,
      );
      expect(fullStarter.status).toBe(422);
      expect(fullStarter.data.error.details.codeChecks[0].starter).toEqual({ score: 2, maxScore: 2 });

      const list = await api(engine).get(`/api/item-banks/${bankId}/items`, token);
      const identifiers = list.data.items.map((i: { identifier: string }) => i.identifier);
      expect(identifiers).toContain('REF-OK');
      expect(identifiers).not.toContain('REF-WRONG');
      expect(identifiers).not.toContain('REF-STARTER');
    },
    SANDBOX_WAIT_MS,
  );
});
