/** `npm run qti -- export <bank> <out.zip> [--version 3.0|2.2]`: writes a bank's current items and tests as a content package. */
import { writeFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import {
  itemBankTables,
  writePackage,
  type AssessmentItem,
  type AssessmentTest,
  type ExportVersion,
  type MediaFile,
} from '../../item-bank/index.ts';
import { openCliDatabase, parseOptions } from './lib/cli-database.ts';
import { progressBar } from './lib/progress-bar.ts';

export const summary = 'export a bank (name or id) as a QTI 3.0 or 2.2 content package';

const USAGE = `Usage: npm run qti -- export <bank name or id> <out.zip> [--version 3.0|2.2]
Reads DATABASE_URL when set, otherwise the embedded database under DATA_DIR.`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function run(args: string[]): Promise<number> {
  const { positional, options } = parseOptions(args, ['version']);
  const [bankArg, out] = positional;
  if (!bankArg || !out || bankArg === '--help') {
    console.log(USAGE);
    return bankArg === '--help' ? 0 : 1;
  }
  const version = (options.version ?? '3.0') as ExportVersion;
  if (version !== '3.0' && version !== '2.2') {
    console.error(`--version must be 3.0 or 2.2, not ${version}.`);
    return 1;
  }
  const { itemBanks, items, itemVersions, itemVersionMedia, media, assessmentTests, assessmentTestVersions } =
    itemBankTables;
  const handle = await openCliDatabase();
  try {
    const { db } = handle;
    const banks = await db
      .select()
      .from(itemBanks)
      .where(UUID.test(bankArg) ? eq(itemBanks.id, bankArg) : eq(itemBanks.name, bankArg));
    if (banks.length !== 1) {
      console.error(
        banks.length
          ? `${banks.length} banks are called "${bankArg}"; give the bank's id.`
          : `No bank "${bankArg}".`,
      );
      return 1;
    }
    const bank = banks[0]!;
    const rows = await db
      .select({ identifier: items.identifier, versionId: itemVersions.id, model: itemVersions.model })
      .from(items)
      .innerJoin(
        itemVersions,
        and(eq(itemVersions.itemId, items.id), eq(itemVersions.version, items.currentVersion)),
      )
      .where(eq(items.bankId, bank.id))
      .orderBy(items.identifier);
    const progress = progressBar('exporting');
    const packageItems: Array<{ item: AssessmentItem; media: MediaFile[] }> = [];
    const identifierOfVersion = new Map<string, string>();
    for (const [i, row] of rows.entries()) {
      const files = await db
        .select({ href: itemVersionMedia.href, contentType: media.contentType, data: media.data })
        .from(itemVersionMedia)
        .innerJoin(media, eq(media.sha256, itemVersionMedia.sha256))
        .where(eq(itemVersionMedia.versionId, row.versionId));
      packageItems.push({ item: row.model as AssessmentItem, media: files });
      identifierOfVersion.set(row.versionId, row.identifier);
      progress(i + 1, rows.length);
    }
    const testRows = await db
      .select({ model: assessmentTestVersions.model, itemVersionIds: assessmentTestVersions.itemVersionIds })
      .from(assessmentTests)
      .innerJoin(
        assessmentTestVersions,
        and(
          eq(assessmentTestVersions.testId, assessmentTests.id),
          eq(assessmentTestVersions.version, assessmentTests.currentVersion),
        ),
      )
      .where(eq(assessmentTests.bankId, bank.id));
    const tests = testRows.map((t) => ({
      test: t.model as AssessmentTest,
      itemRefs: Object.fromEntries(
        Object.entries(t.itemVersionIds as Record<string, string>).flatMap(([ref, versionId]) => {
          const identifier = identifierOfVersion.get(versionId);
          return identifier ? [[ref, identifier]] : [];
        }),
      ),
    }));
    // What the target schema made the writers drop or rename (e.g. catalogs in 2.2, `fixed` on gap texts in 3.0).
    const adjusted = new Map<string, string[]>();
    await writeFile(
      out,
      await writePackage(
        { items: packageItems, tests },
        {
          version,
          identifier: `MANIFEST-${bank.id}`,
          onAdjust: (file, note) => adjusted.set(file, [...(adjusted.get(file) ?? []), note]),
        },
      ),
    );
    for (const [file, notes] of adjusted) for (const note of notes) console.log(`${file}: ${note}`);
    if (adjusted.size)
      console.log(
        `${adjusted.size} file(s) adjusted to be valid under the QTI ${version} schemas (listed above).`,
      );
    console.log(
      `${packageItems.length} item(s) and ${tests.length} test(s) of "${bank.name}" written to ${out} as QTI ${version}.`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
