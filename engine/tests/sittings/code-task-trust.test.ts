import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables, loadDemoBank, plainText, saveItemVersion } from '../../../item-bank/index.ts';
import { sittings } from '../../sittings/tables.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

// A graded sitting refuses a code task whose verdicts the submission's own code decides (a Python test
// file comparing two of the submission's objects); a practice sitting takes it. The engine finds such
// tasks by grading a forging submission in its sandboxes, whether or not the item was saved with a
// reference solution.
const demo = loadDemoBank().find((d) => d.item.codeTasks?.length)!;
const SANDBOX_WAIT_MS = 180_000;

const MONEY_FILE =
  'import unittest\nfrom solution import Money, add\nclass T(unittest.TestCase):\n' +
  '    def test_add(self):\n        self.assertEqual(add(1, 2), 3)\n' +
  '    def test_money(self):\n        self.assertEqual(Money(2) + Money(3), Money(5))\n';
const PLAIN_FILE =
  'import unittest\nfrom solution import add\nclass T(unittest.TestCase):\n' +
  '    def test_add(self):\n        self.assertEqual(add(1, 2), 3)\n        self.assertIn(add(0, 0), [0])\n';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let board: string;
beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  board = await tokenFor(engine, tree.examBoard);
}, 120_000);
afterAll(() => engine?.dispose());

/** A bank item holding one Python code task with this teacher file (the demo item's body and XML). */
async function codeItem(identifier: string, source: string) {
  const [bank] = await engine.deps.db
    .insert(itemBankTables.itemBanks)
    .values({ name: `Tin học ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
    .returning();
  const [entry] = demo.item.codeTasks!;
  const model = {
    ...demo.item,
    identifier,
    title: `Bài ${identifier}`,
    codeTasks: [
      {
        ...entry!,
        task: { ...entry!.task, tests: [], testFile: { source, visible: false, weightPerTest: 1 } },
      },
    ],
  };
  const saved = await engine.deps.db.transaction((tx) =>
    saveItemVersion(tx, bank!.id, {
      identifier,
      title: model.title,
      sourceFormat: 'qti3.0',
      qtiXml: demo.xml,
      model,
      text: plainText([model.body]),
      interactionTypes: ['customInteraction'],
    }),
  );
  return saved.itemId;
}

const schedule = (itemIds: string[], extra: Record<string, unknown> = {}) =>
  api(engine).post(
    '/api/sittings',
    {
      organisationId: tree.office.id,
      name: 'Kiểm tra lập trình',
      opensAt: new Date(Date.now() + 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 7200_000).toISOString(),
      durationMinutes: 45,
      form: { sections: [{ identifier: 'S1', items: itemIds.map((itemId) => ({ itemId })) }] },
      ...extra,
    },
    board,
  );

describe('code tasks a graded sitting may hold', () => {
  it(
    'refuses a graded sitting with a task whose verdict the submission decides, naming the item in Vietnamese and English; a practice sitting takes it',
    async () => {
      const money = await codeItem('TIEN_TE', MONEY_FILE);
      const plain = await codeItem('CONG', PLAIN_FILE);
      const before = (await engine.deps.db.select({ id: sittings.id }).from(sittings)).length;

      const refused = await schedule([plain, money]);
      expect(refused.status).toBe(422);
      const error = (
        refused.data as { error: { id: string; message: string; details: Record<string, unknown> } }
      ).error;
      expect(error.id).toBe('code_task_practice_only');
      expect(error.message).toContain('Bài lập trình "Bài TIEN_TE" (TIEN_TE) chỉ dùng cho buổi luyện tập');
      expect(error.message).toContain('The code task "Bài TIEN_TE" (TIEN_TE) is for practice only');
      expect(error.message).not.toContain('CONG');
      expect(error.details.items).toEqual([
        expect.objectContaining({
          itemRef: 'TIEN_TE',
          responseIdentifier: 'RESPONSE',
          tests: ['T.test_money'],
        }),
      ]);
      expect((await engine.deps.db.select({ id: sittings.id }).from(sittings)).length).toBe(before);

      const practice = await schedule([plain, money], { practice: true });
      expect(practice.status).toBe(201);
      expect(practice.data).toMatchObject({ practice: true, itemCount: 2 });
      const [row] = await engine.deps.db
        .select({ practice: sittings.practice })
        .from(sittings)
        .where(eq(sittings.id, (practice.data as { id: string }).id));
      expect(row).toEqual({ practice: true });

      const graded = await schedule([plain]);
      expect(graded.status).toBe(201);
      expect(graded.data).toMatchObject({ practice: false });
    },
    SANDBOX_WAIT_MS,
  );
});
