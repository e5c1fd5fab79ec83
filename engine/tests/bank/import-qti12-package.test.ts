/**
 * Issue 19: a Canvas-style QTI 1.2 package (our own fixture, item-bank/importers/fixtures/
 * canvas-package-qti12) imported into a bank as a package: every question stored as a QTI 3.0
 * item with the pictures it shows as its media, and the quiz stored as a test whose sections keep
 * the question groups' selection and shuffling, each item reference resolved to the item version
 * just saved. The warnings (a bank not in the package, a section rubric) do not stop the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  itemBankTables,
  listAssessmentTests,
  loadAssessmentTest,
  type Section,
} from '../../../item-bank/index.ts';
import { importItems } from '../../bank/commands/import-items.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

const { itemBanks, items, itemVersions, itemVersionMedia } = itemBankTables;
const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../item-bank/importers/fixtures/canvas-package-qti12',
);
const files = () =>
  new Map(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('.'))
      .map((f) => [f.split(path.sep).join('/'), readFileSync(path.join(root, f))]),
  );

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
}, 120_000);
afterAll(async () => {
  await engine?.dispose();
});

describe('importing a QTI 1.2 package', () => {
  it('stores the questions with their pictures and the quiz as a test with its sections and selections', async () => {
    const db = engine.deps.db;
    const [bank] = await db
      .insert(itemBanks)
      .values({ name: `Canvas ${crypto.randomUUID()}`, organisationId: tree.schoolA.id })
      .returning();
    const result = await importItems({
      db,
      actor: tree.teacherA,
      bankId: bank!.id,
      organisationId: tree.schoolA.id,
      bytes: new Uint8Array(),
      files: files(),
    });
    expect(result.created).toBe(11);
    expect(result.tests).toEqual([
      { file: 'g1quiz02/g1quiz02.xml#g1quiz02', identifier: 'g1quiz02', version: 1, created: true },
    ]);

    const stored = await db
      .select({ id: itemVersions.id, identifier: items.identifier, sourceFormat: itemVersions.sourceFormat })
      .from(itemVersions)
      .innerJoin(items, eq(items.id, itemVersions.itemId))
      .where(eq(items.bankId, bank!.id));
    expect(stored.every((v) => v.sourceFormat === 'qti1.2')).toBe(true);
    const versionOf = (id: string) => stored.find((v) => v.identifier === id)!.id;
    const media = await db
      .select({ href: itemVersionMedia.href })
      .from(itemVersionMedia)
      .where(eq(itemVersionMedia.versionId, versionOf('g1im01')));
    expect(media).toEqual([{ href: 'media/ban-do.png' }]);

    const [listed] = await listAssessmentTests(db, bank!.id);
    const test = (await loadAssessmentTest(db, listed!.testId))!;
    expect(test).toMatchObject({
      identifier: 'g1quiz02',
      title: 'Địa lý và hình học',
      sourceFormat: 'qti3.0',
    });
    expect(Object.keys(test.itemVersionIds).sort()).toEqual(stored.map((v) => v.identifier).sort());
    for (const [ref, versionId] of Object.entries(test.itemVersionIds))
      expect(versionId).toBe(versionOf(ref));
    const rootSection = test.test.testParts[0]!.sections[0] as Section;
    const groups = rootSection.parts.filter((p): p is Section => p.kind === 'section');
    expect(groups.map((g) => [g.identifier, g.selection?.select, g.ordering?.shuffle ?? false])).toEqual([
      ['g1grp01', 2, true],
      ['g1grp02', 1, false],
      ['g1sec04', undefined, false],
    ]);
  }, 60_000);
});
