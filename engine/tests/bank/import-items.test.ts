import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeItemStatus,
  itemBankTables,
  listAssessmentTests,
  loadAssessmentTest,
  saveItemVersion,
  saveItemVersions,
  type ItemVersionInput,
  type SavedItemVersion,
  writePackage,
  type AssessmentItem,
} from '../../../item-bank/index.ts';
import { AppError } from '../../platform/errors.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { importItems } from '../../bank/commands/import-items.ts';

const { itemBanks, items, itemVersions, itemStatusEvents, itemVersionMedia, assessmentTests } =
  itemBankTables;
const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../item-bank/demo-bank');
const DEMO_FILES = ['toan-dien-tich-hinh-tron.xml', 'vatly-dai-luong-vector.xml', 'tinhoc-ham-print.xml'];

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;

async function newBank(name: string) {
  const [bank] = await engine.deps.db
    .insert(itemBanks)
    .values({ name: `${name} ${crypto.randomUUID()}`, organisationId: tree.schoolA.id })
    .returning();
  return bank!.id;
}

const png = (seed: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, seed]);
const input = (
  identifier: string,
  text: string,
  extra: Partial<ItemVersionInput> = {},
): ItemVersionInput => ({
  identifier,
  title: `Câu ${identifier}`,
  sourceFormat: 'qti3.0',
  qtiXml: `<qti-assessment-item identifier="${identifier}"><qti-item-body><p>${text}</p></qti-item-body></qti-assessment-item>`,
  model: { identifier, text },
  text,
  interactionTypes: ['choiceInteraction'],
  ...extra,
});

/** Everything stored for a bank, without generated ids and times, for comparing two banks. */
async function bankContents(bankId: string) {
  const db = engine.deps.db;
  const itemRows = await db
    .select()
    .from(items)
    .where(eq(items.bankId, bankId))
    .orderBy(asc(items.identifier));
  const ids = itemRows.map((i) => i.id);
  const identifierOf = new Map(itemRows.map((i) => [i.id, i.identifier]));
  const versions = await db.select().from(itemVersions).where(inArray(itemVersions.itemId, ids));
  const versionName = new Map(versions.map((v) => [v.id, `${identifierOf.get(v.itemId)}@${v.version}`]));
  const events = await db.select().from(itemStatusEvents).where(inArray(itemStatusEvents.itemId, ids));
  const links = await db
    .select()
    .from(itemVersionMedia)
    .where(
      inArray(
        itemVersionMedia.versionId,
        versions.map((v) => v.id),
      ),
    );
  return {
    items: itemRows.map((i) => ({
      identifier: i.identifier,
      title: i.title,
      status: i.status,
      currentVersion: i.currentVersion,
      subject: i.subject,
      grade: i.grade,
      language: i.language,
      competencies: i.competencies,
      searchText: i.searchText,
      interactionTypes: i.interactionTypes,
    })),
    versions: versions
      .map((v) => ({ name: versionName.get(v.id), hash: v.contentSha256, xml: v.qtiXml, model: v.model }))
      .sort((a, b) => a.name!.localeCompare(b.name!)),
    events: events
      .map((e) => `${identifierOf.get(e.itemId)} ${e.fromStatus}->${e.toStatus} ${e.comment}`)
      .sort(),
    links: links.map((l) => `${versionName.get(l.versionId)} ${l.href}=${l.sha256}`).sort(),
  };
}

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
});
afterAll(() => engine.dispose());

describe('batched item store', () => {
  it('writes the same rows and results as saving the items one by one', async () => {
    const db = engine.deps.db;
    const actor = tree.teacherA.userId;
    const first = [
      input('M1', 'Tính diện tích hình vuông.', {
        media: [{ href: 'a.png', contentType: 'image/png', data: png(1) }],
      }),
      input('M2', 'Giải phương trình x + 2 = 5.', { metadata: { subject: 'Toán', grade: 9 } }),
      input('M3', 'Hình có ảnh chung.', {
        media: [{ href: 'img/a.png', contentType: 'image/png', data: png(1) }],
      }),
    ];
    // Unchanged, changed after publishing, new, and identifiers given twice (changed, then the same).
    const second = [
      input('M1', 'Tính diện tích hình vuông.', {
        media: [{ href: 'a.png', contentType: 'image/png', data: png(1) }],
      }),
      input('M2', 'Giải phương trình x + 3 = 7.', {
        metadata: { subject: 'Toán', grade: 9, topic: 'Phương trình' },
      }),
      input('M4', 'Đổi đơn vị đo.', { metadata: { language: 'en', competencies: ['tính toán'] } }),
      input('M5', 'Lần một.', { media: [{ href: 'b.png', contentType: 'image/png', data: png(2) }] }),
      input('M5', 'Lần hai.'),
      input('M6', 'Giống hệt.'),
      input('M6', 'Giống hệt.'),
    ];
    const oneByOne = await newBank('one by one');
    const batched = await newBank('batched');

    const singleResults: SavedItemVersion[] = [];
    await db.transaction(async (tx) => {
      for (const i of first) singleResults.push(await saveItemVersion(tx, oneByOne, i, actor));
    });
    const batchResults = await db.transaction((tx) => saveItemVersions(tx, batched, first, actor));
    for (const bank of [oneByOne, batched]) {
      const [m2] = await db
        .select()
        .from(items)
        .where(eq(items.bankId, bank))
        .orderBy(asc(items.identifier))
        .offset(1);
      await changeItemStatus(db, m2!.id, 'in_review', actor);
      await changeItemStatus(db, m2!.id, 'published', actor);
    }
    await db.transaction(async (tx) => {
      for (const i of second) singleResults.push(await saveItemVersion(tx, oneByOne, i, actor));
    });
    batchResults.push(...(await db.transaction((tx) => saveItemVersions(tx, batched, second, actor))));

    const summary = (r: { version: number; created: boolean }) => ({
      version: r.version,
      created: r.created,
    });
    expect(batchResults.map(summary)).toEqual(singleResults.map(summary));
    expect(batchResults.slice(3).map(summary)).toEqual([
      { version: 1, created: false },
      { version: 2, created: true },
      { version: 1, created: true },
      { version: 1, created: true },
      { version: 2, created: true },
      { version: 1, created: true },
      { version: 1, created: false },
    ]);
    // Results point at the rows written: the repeated M6 resolves to the version created just before.
    expect(batchResults.at(-1)!.versionId).toBe(batchResults.at(-2)!.versionId);

    const single = await bankContents(oneByOne);
    const batch = await bankContents(batched);
    expect(batch).toEqual(single);
    expect(batch.items.find((i) => i.identifier === 'M2')).toMatchObject({
      status: 'draft',
      currentVersion: 2,
    });
    expect(batch.items.find((i) => i.identifier === 'M4')).toMatchObject({
      language: 'en',
      competencies: ['tính toán'],
    });
    expect(batch.links).toHaveLength(3);
  });

  it('writes nothing when one item of a batch fails', async () => {
    const db = engine.deps.db;
    const bankId = await newBank('failing');
    const bad = { ...input('B2', 'Hỏng.'), title: null as unknown as string };
    await expect(
      db.transaction((tx) => saveItemVersions(tx, bankId, [input('B1', 'Đúng.'), bad, input('B3', 'Đúng.')])),
    ).rejects.toThrow();
    expect(await db.select().from(items).where(eq(items.bankId, bankId))).toEqual([]);
  });
});

const testXml = (refs: Array<[string, string]>, identifier = 'DE-THI-THU') =>
  `<qti-assessment-test xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="${identifier}" title="Đề thi thử">
  <qti-test-part identifier="P1" navigation-mode="nonlinear" submission-mode="simultaneous">
    <qti-assessment-section identifier="S1" title="Phần 1" visible="true">
${refs.map(([id, href]) => `      <qti-assessment-item-ref identifier="${id}" href="${href}"/>`).join('\n')}
    </qti-assessment-section>
  </qti-test-part>
</qti-assessment-test>`;

function packageFiles(extra: Array<[string, string]> = []) {
  const files = new Map<string, Buffer>();
  for (const f of DEMO_FILES) files.set(`items/${f}`, readFileSync(path.join(demoDir, f)));
  for (const [name, text] of extra) files.set(name, Buffer.from(text));
  return files;
}

const importInto = (bankId: string, files: Map<string, Buffer>, clash?: 'new-version') =>
  importItems({
    db: engine.deps.db,
    actor: tree.teacherA,
    bankId,
    organisationId: tree.schoolA.id,
    bytes: new Uint8Array(),
    files,
    clash,
  });

describe('importing a package with an assessment test', () => {
  it('stores the test with each itemRef resolved to the item version saved, idempotently, and loads it', async () => {
    const bankId = await newBank('with test');
    const refs: Array<[string, string]> = [
      ['Q1', '../items/toan-dien-tich-hinh-tron.xml'],
      ['Q2', '../items/vatly-dai-luong-vector.xml'],
      ['Q3', '../items/tinhoc-ham-print.xml'],
    ];
    const files = packageFiles([['tests/de-thi.xml', testXml(refs)]]);
    const progress: number[] = [];
    const first = await importItems({
      db: engine.deps.db,
      actor: tree.teacherA,
      bankId,
      organisationId: tree.schoolA.id,
      bytes: new Uint8Array(),
      files,
      onProgress: (saved) => progress.push(saved),
    });
    expect(first.created).toBe(3);
    expect(progress.at(-1)).toBe(3);
    expect(first.tests).toEqual([
      { file: 'tests/de-thi.xml', identifier: 'DE-THI-THU', version: 1, created: true },
    ]);

    const listed = await listAssessmentTests(engine.deps.db, bankId);
    expect(listed).toEqual([
      expect.objectContaining({ identifier: 'DE-THI-THU', title: 'Đề thi thử', currentVersion: 1 }),
    ]);
    const stored = await loadAssessmentTest(engine.deps.db, listed[0]!.testId);
    expect(stored).toMatchObject({ identifier: 'DE-THI-THU', version: 1, sourceFormat: 'qti3.0', bankId });
    expect(stored!.test.testParts[0]!.sections[0]).toMatchObject({ kind: 'section', identifier: 'S1' });
    const versionRows = await engine.deps.db
      .select({ id: itemVersions.id, identifier: items.identifier })
      .from(itemVersions)
      .innerJoin(items, eq(items.id, itemVersions.itemId))
      .where(eq(items.bankId, bankId));
    const versionOf = (identifier: string) => versionRows.find((v) => v.identifier === identifier)!.id;
    expect(stored!.itemVersionIds).toEqual({
      Q1: versionOf('TOAN-9-DT-01'),
      Q2: versionOf(first.items[1]!.identifier),
      Q3: versionOf(first.items[2]!.identifier),
    });

    const again = await importInto(bankId, files);
    expect(again).toMatchObject({ created: 0, unchanged: 3 });
    expect(again.tests[0]).toMatchObject({ version: 1, created: false });

    // An edited item is a clash unless the importer says it is a revision; then it gets a new
    // version, the test's new version points to it, and the old one stays as it was.
    const edited = packageFiles([['tests/de-thi.xml', testXml(refs)]]);
    const file = 'items/toan-dien-tich-hinh-tron.xml';
    edited.set(file, Buffer.from(edited.get(file)!.toString('utf8').replace('28,26 cm²', '28,3 cm²')));
    await expect(importInto(bankId, edited)).rejects.toMatchObject({ status: 409 });
    const third = await importInto(bankId, edited, 'new-version');
    expect(third).toMatchObject({ created: 1, unchanged: 2 });
    expect(third.tests[0]).toMatchObject({ version: 2, created: true });
    const v2 = await loadAssessmentTest(engine.deps.db, listed[0]!.testId);
    const v1 = await loadAssessmentTest(engine.deps.db, listed[0]!.testId, 1);
    expect(v2!.itemVersionIds.Q1).not.toBe(v1!.itemVersionIds.Q1);
    expect(v2!.itemVersionIds.Q2).toBe(v1!.itemVersionIds.Q2);
    expect(v1!.itemVersionIds.Q1).toBe(stored!.itemVersionIds.Q1);

    expect(await loadAssessmentTest(engine.deps.db, crypto.randomUUID())).toBeUndefined();
    expect(await loadAssessmentTest(engine.deps.db, 'not-an-id')).toBeUndefined();
  });

  it.each(['3.0', '2.2'] as const)(
    'a stored test exports as a QTI %s package with its items and imports again as the same test',
    async (version) => {
      const db = engine.deps.db;
      const source = await newBank('export source');
      const refs: Array<[string, string]> = DEMO_FILES.map((f, i) => [`Q${i + 1}`, `../items/${f}`]);
      await importInto(source, packageFiles([['tests/de-thi.xml', testXml(refs)]]));
      const [listed] = await listAssessmentTests(db, source);
      const stored = (await loadAssessmentTest(db, listed!.testId))!;
      const versionRows = await db
        .select({ id: itemVersions.id, identifier: items.identifier, model: itemVersions.model })
        .from(itemVersions)
        .innerJoin(items, eq(items.id, itemVersions.itemId))
        .where(inArray(itemVersions.id, Object.values(stored.itemVersionIds)));
      const identifierOf = new Map(versionRows.map((r) => [r.id, r.identifier]));
      const zip = await writePackage(
        {
          items: versionRows.map((r) => ({ item: r.model as AssessmentItem })),
          tests: [
            {
              test: stored.test,
              itemRefs: Object.fromEntries(
                Object.entries(stored.itemVersionIds).map(([ref, id]) => [ref, identifierOf.get(id)!]),
              ),
            },
          ],
        },
        { version },
      );

      const target = await newBank(`export target ${version}`);
      const imported = await importItems({
        db,
        actor: tree.teacherA,
        bankId: target,
        organisationId: tree.schoolA.id,
        bytes: new Uint8Array(zip),
        filename: 'de-thi.zip',
      });
      expect(imported).toMatchObject({ created: 3, tests: [{ identifier: 'DE-THI-THU', created: true }] });
      const [again] = await listAssessmentTests(db, target);
      const reloaded = (await loadAssessmentTest(db, again!.testId))!;
      expect(reloaded.sourceFormat).toBe(`qti${version}`);
      const targetRows = await db
        .select({ id: itemVersions.id, identifier: items.identifier })
        .from(itemVersions)
        .innerJoin(items, eq(items.id, itemVersions.itemId))
        .where(inArray(itemVersions.id, Object.values(reloaded.itemVersionIds)));
      const targetIdentifierOf = new Map(targetRows.map((r) => [r.id, r.identifier]));
      // Every itemRef leads to the same item as before, through the item stored in the new bank.
      expect(
        Object.fromEntries(
          Object.entries(reloaded.itemVersionIds).map(([ref, id]) => [ref, targetIdentifierOf.get(id)]),
        ),
      ).toEqual(
        Object.fromEntries(
          Object.entries(stored.itemVersionIds).map(([ref, id]) => [ref, identifierOf.get(id)]),
        ),
      );
      const sectionOf = (t: typeof stored) => {
        const section = t.test.testParts[0]!.sections[0]!;
        return section.kind === 'section'
          ? {
              identifier: section.identifier,
              title: section.title,
              refs: section.parts.map((p) => p.identifier),
            }
          : undefined;
      };
      expect(sectionOf(reloaded)).toEqual(sectionOf(stored));
    },
  );

  it('imports nothing when an itemRef points to a file that holds no item, naming the itemRef', async () => {
    const bankId = await newBank('ref to a non-item');
    const files = packageFiles([
      [
        'tests/de-thi.xml',
        testXml([
          ['Q1', '../items/toan-dien-tich-hinh-tron.xml'],
          ['Q2', '../notes/ghi-chu.xml'],
        ]),
      ],
      ['notes/ghi-chu.xml', '<ghi-chu>Không phải câu hỏi</ghi-chu>'],
    ]);
    const error = await importInto(bankId, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual({
      code: 'import_has_errors',
      bad: 1,
      total: 4,
      files: [
        {
          file: 'tests/de-thi.xml',
          problems: [expect.objectContaining({ code: 'not-an-item', line: 5, column: 7 })],
        },
      ],
    });
    expect(await engine.deps.db.select().from(items).where(eq(items.bankId, bankId))).toEqual([]);
  });

  it('imports nothing, items included, when a test refers to an item the package lacks', async () => {
    const bankId = await newBank('broken test');
    const files = packageFiles([
      [
        'tests/de-thi.xml',
        testXml([
          ['Q1', '../items/toan-dien-tich-hinh-tron.xml'],
          ['Q9', '../items/khong-co.xml'],
        ]),
      ],
    ]);
    const error = await importInto(bankId, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /0 of 3 item file\(s\) and 1 of 1 test file\(s\) have errors/,
    );
    expect((error as AppError).details).toEqual({
      code: 'import_has_errors',
      bad: 1,
      total: 4,
      files: [
        {
          file: 'tests/de-thi.xml',
          problems: [expect.objectContaining({ code: 'missing-item', line: 5, column: 7 })],
        },
      ],
    });
    expect(await engine.deps.db.select().from(items).where(eq(items.bankId, bankId))).toEqual([]);
    expect(
      await engine.deps.db.select().from(assessmentTests).where(eq(assessmentTests.bankId, bankId)),
    ).toEqual([]);
  });
});
