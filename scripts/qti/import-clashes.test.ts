/**
 * The identifier policy of a QTI import: an item or test whose identifier the bank holds with
 * other content is refused by default with the clash named (identifier, the bank's version, the
 * file); the dry run lists the clashes; new-version, rename and skip each do what they say, over
 * HTTP and on the command line; identical content stays "unchanged" and is no clash.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { itemBankTables, listAssessmentTests, loadAssessmentTest } from '../../item-bank/index.ts';
import { run as cliImport } from './import.ts';
import { importItems } from '../../engine/bank/commands/import-items.ts';
import { AppError } from '../../engine/platform/errors.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';

const { items, itemVersions } = itemBankTables;
const demo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../item-bank/demo-bank');
const ORIGINAL = readFileSync(path.join(demo, 'toan-dien-tich-hinh-tron.xml'), 'utf8');
/** Another question under the same identifier, as an unrelated source would have it. */
const OTHER = ORIGINAL.replace('bán kính', 'đường kính');
const ID = 'TOAN-9-DT-01';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let token: string;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  token = await tokenFor(engine, tree.teacherA);
}, 120_000);
afterAll(() => engine?.dispose());

async function newBank(name: string): Promise<string> {
  const created = await api(engine).post(
    '/api/item-banks',
    { name: `${name} ${crypto.randomUUID()}`, organisationId: tree.schoolA.id },
    token,
  );
  expect(created.status).toBe(201);
  return created.data.id as string;
}
const upload = (bankId: string, xml: string, query = '') =>
  api(engine).call('POST', `/api/item-banks/${bankId}/import?filename=cau-hoi.xml${query}`, {
    token,
    body: xml,
    headers: { 'content-type': 'application/xml' },
  });
const versionsOf = (bankId: string) =>
  engine.deps.db
    .select({ identifier: items.identifier, version: itemVersions.version, xml: itemVersions.qtiXml })
    .from(items)
    .innerJoin(itemVersions, eq(itemVersions.itemId, items.id))
    .where(eq(items.bankId, bankId))
    .orderBy(items.identifier, itemVersions.version);

describe('identifier clashes over HTTP', () => {
  it('refuses a clash by default naming identifier, version and file; the dry run lists it; identical content is unchanged', async () => {
    const bankId = await newBank('clash refuse');
    expect((await upload(bankId, ORIGINAL)).status).toBe(200);
    const again = await upload(bankId, ORIGINAL);
    expect(again.data).toMatchObject({ created: 0, unchanged: 1, clashes: [] });

    const refused = await upload(bankId, OTHER);
    expect(refused.status).toBe(409);
    expect(refused.data.error.message).toMatch(
      /item TOAN-9-DT-01 in cau-hoi\.xml \(the bank has version 1, from cau-hoi\.xml\).*clash=new-version, rename or skip/,
    );
    expect(refused.data.error.details.clashes).toEqual([
      expect.objectContaining({
        kind: 'item',
        identifier: ID,
        existingVersion: 1,
        file: 'cau-hoi.xml',
        resolution: 'refuse',
      }),
    ]);
    expect(await versionsOf(bankId)).toHaveLength(1);

    const preview = await upload(bankId, OTHER, '&dryRun=true');
    expect(preview.status).toBe(200);
    expect(preview.data).toMatchObject({
      dryRun: true,
      clashes: [{ identifier: ID, existingVersion: 1, resolution: 'refuse' }],
    });
    const previewRename = await upload(bankId, OTHER, '&dryRun=true&clash=rename');
    expect(previewRename.data.clashes).toEqual([expect.objectContaining({ resolution: 'rename' })]);
    expect(await versionsOf(bankId)).toHaveLength(1);
  });

  it('new-version adds version 2 of the bank item', async () => {
    const bankId = await newBank('clash new-version');
    await upload(bankId, ORIGINAL);
    const saved = await upload(bankId, OTHER, '&clash=new-version');
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({
      items: [{ identifier: ID, version: 2, created: true }],
      clashes: [{ identifier: ID, resolution: 'new-version' }],
    });
    expect((await versionsOf(bankId)).map((v) => [v.identifier, v.version])).toEqual([
      [ID, 1],
      [ID, 2],
    ]);
  });

  it('rename saves a new item under a new identifier, its XML rewritten, and leaves the bank item alone', async () => {
    const bankId = await newBank('clash rename');
    await upload(bankId, ORIGINAL);
    const saved = await upload(bankId, OTHER, '&clash=rename');
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({
      items: [{ identifier: `${ID}-imported`, version: 1, created: true }],
      clashes: [{ identifier: ID, resolution: 'rename', newIdentifier: `${ID}-imported` }],
    });
    const versions = await versionsOf(bankId);
    expect(versions.map((v) => [v.identifier, v.version])).toEqual([
      [ID, 1],
      [`${ID}-imported`, 1],
    ]);
    expect(versions[1]!.xml).toContain(`identifier="${ID}-imported"`);
    expect(versions[1]!.xml).toContain('đường kính');
    // Renaming the same content again finds the next free identifier.
    const third = await upload(bankId, OTHER.replace('đường kính', 'chu vi'), '&clash=rename');
    expect(third.data.items[0].identifier).toBe(`${ID}-imported-2`);
  });

  it('skip keeps the bank item and saves nothing for the clash', async () => {
    const bankId = await newBank('clash skip');
    await upload(bankId, ORIGINAL);
    const saved = await upload(bankId, OTHER, '&clash=skip');
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({
      items: [],
      skipped: 1,
      clashes: [{ identifier: ID, resolution: 'skip' }],
    });
    expect((await versionsOf(bankId)).map((v) => v.version)).toEqual([1]);
  });

  it('rejects an unknown policy with 400', async () => {
    const bankId = await newBank('clash bad');
    expect((await upload(bankId, ORIGINAL, '&clash=merge')).status).toBe(400);
  });
});

const testXml = (identifier: string, title: string) =>
  `<qti-assessment-test xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="${identifier}" title="${title}">
  <qti-test-part identifier="P1" navigation-mode="nonlinear" submission-mode="simultaneous">
    <qti-assessment-section identifier="S1" title="Phần 1" visible="true">
      <qti-assessment-item-ref identifier="Q1" href="../items/item.xml"/>
    </qti-assessment-section>
  </qti-test-part>
</qti-assessment-test>`;

describe('identifier clashes of a package with a test', () => {
  const importPackage = (bankId: string, item: string, test: string, clash?: 'rename' | 'skip') =>
    importItems({
      db: engine.deps.db,
      actor: tree.teacherA,
      bankId,
      organisationId: tree.schoolA.id,
      bytes: new Uint8Array(),
      files: new Map([
        ['items/item.xml', Buffer.from(item)],
        ['tests/de.xml', Buffer.from(test)],
      ]),
      clash,
    });
  const currentTest = async (bankId: string, identifier: string) => {
    const listed = (await listAssessmentTests(engine.deps.db, bankId)).find(
      (t) => t.identifier === identifier,
    );
    return listed ? loadAssessmentTest(engine.deps.db, listed.testId) : undefined;
  };
  const versionId = async (bankId: string, identifier: string, version: number) => {
    const [row] = await engine.deps.db
      .select({ id: itemVersions.id })
      .from(itemVersions)
      .innerJoin(items, eq(items.id, itemVersions.itemId))
      .where(
        and(eq(items.bankId, bankId), eq(items.identifier, identifier), eq(itemVersions.version, version)),
      );
    return row!.id;
  };

  it('rename: the test is renamed too, and its reference leads to the renamed item', async () => {
    const bankId = await newBank('package rename');
    await importPackage(bankId, ORIGINAL, testXml('DE-1', 'Đề 1'));
    await expect(importPackage(bankId, OTHER, testXml('DE-1', 'Đề khác'))).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof AppError && e.status === 409 && /item TOAN-9-DT-01.*test DE-1/.test(e.message),
    );
    const result = await importPackage(bankId, OTHER, testXml('DE-1', 'Đề khác'), 'rename');
    expect(result.tests).toEqual([expect.objectContaining({ identifier: 'DE-1-imported', created: true })]);
    const renamed = await currentTest(bankId, 'DE-1-imported');
    expect(renamed!.itemVersionIds).toEqual({ Q1: await versionId(bankId, `${ID}-imported`, 1) });
    const original = await currentTest(bankId, 'DE-1');
    expect(original!.itemVersionIds).toEqual({ Q1: await versionId(bankId, ID, 1) });
  });

  it("skip: a new test of the package uses the bank's own version of a skipped item", async () => {
    const bankId = await newBank('package skip');
    await importPackage(bankId, ORIGINAL, testXml('DE-1', 'Đề 1'));
    const result = await importPackage(bankId, OTHER, testXml('DE-2', 'Đề 2'), 'skip');
    expect(result).toMatchObject({ items: [], skipped: 1 });
    const added = await currentTest(bankId, 'DE-2');
    expect(added!.itemVersionIds).toEqual({ Q1: await versionId(bankId, ID, 1) });
  });
});

describe('identifier clashes on the command line', () => {
  it('refuses by default listing the clash, and --clash rename / skip / new-version do what they say', async () => {
    const handle = {
      db: engine.deps.db,
      kind: engine.deps.databaseKind,
      location: 'test',
      close: async () => {},
    };
    const dir = await import('node:fs/promises').then((fs) =>
      fs.mkdtemp(path.join(process.env.TMPDIR ?? '/tmp', 'clash-')),
    );
    const original = path.join(dir, 'goc.xml');
    const other = path.join(dir, 'khac.xml');
    const fs = await import('node:fs/promises');
    await fs.writeFile(original, ORIGINAL);
    await fs.writeFile(other, OTHER);
    const bank = `Ngân hàng CLI ${crypto.randomUUID()}`;
    const user = tree.teacherA.username;
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const log = vi
        .spyOn(console, 'log')
        .mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
      const error = vi
        .spyOn(console, 'error')
        .mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
      try {
        const code = await cliImport([...args, '--bank', bank, '--user', user], async () => handle);
        return { code, out: out.join('\n') };
      } finally {
        log.mockRestore();
        error.mockRestore();
      }
    };
    expect((await cli(original)).code).toBe(0);
    const refused = await cli(other);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /clash: item TOAN-9-DT-01 in khac\.xml — the bank has version 1 \(from goc\.xml\) with other content; refused/,
    );
    const dry = await cli(other, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(
      /1 identifier clash\(es\): the import would be refused; choose --clash new-version, rename or skip/,
    );
    expect((await cli(other, '--clash', 'maybe')).code).toBe(1);
    const skipped = await cli(other, '--clash', 'skip');
    expect(skipped.out).toMatch(
      /skipped \(the bank's version is kept\)[\s\S]*1 clashing item\(s\) or test\(s\) skipped/,
    );
    const renamed = await cli(other, '--clash', 'rename');
    expect(renamed.out).toMatch(/saved as TOAN-9-DT-01-imported/);
    const versioned = await cli(other, '--clash', 'new-version');
    expect(versioned.code).toBe(0);
    expect(versioned.out).toMatch(/1 new version\(s\)/);
  });
});
