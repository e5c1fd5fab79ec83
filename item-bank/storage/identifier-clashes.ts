/**
 * Identifier clashes: an imported item or test whose identifier the bank already holds with other
 * content. The bank cannot tell a revision of its item from an unrelated question that happens to
 * share its identifier (two exports both calling their first item "item1"), so any such import
 * is a clash, and the importer decides: a new version of the bank's item, a new item under a new
 * identifier, or leave it out. Content equal to the bank's current version is no clash: saving it
 * changes nothing ("unchanged"). Content is compared the way the store compares it: the same
 * sanitised XML, media and metadata give the same hash.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { sanitiseItemForStorage } from '../qti/sanitise-item.ts';
import { assessmentTests, assessmentTestVersions, items, itemVersions } from '../schema.ts';
import type { ItemBankExecutor } from './database.ts';
import { contentHash, sha256Hex, type ItemVersionInput } from './item-store.ts';

/** What an import does with an item or test whose identifier the bank holds with other content. */
export const CLASH_POLICIES = ['refuse', 'new-version', 'rename', 'skip'] as const;
export type ClashPolicy = (typeof CLASH_POLICIES)[number];

export interface IdentifierClash {
  kind: 'item' | 'test';
  identifier: string;
  /** The bank's current version of it. */
  existingVersion: number;
  existingVersionId: string;
  /** The file the bank's current version was imported from (null: written in the editor, or unknown). */
  existingSourceFile: string | null;
}

/** The bank's items among `inputs` whose current version differs from the input, by identifier. */
export async function findItemClashes(
  db: ItemBankExecutor,
  bankId: string,
  inputs: ItemVersionInput[],
): Promise<Map<string, IdentifierClash>> {
  const clashes = new Map<string, IdentifierClash>();
  const identifiers = [...new Set(inputs.map((i) => i.identifier))];
  if (!identifiers.length) return clashes;
  const current = await db
    .select({
      identifier: items.identifier,
      version: itemVersions.version,
      versionId: itemVersions.id,
      hash: itemVersions.contentSha256,
      sourceFile: itemVersions.sourceFile,
    })
    .from(items)
    .innerJoin(
      itemVersions,
      and(eq(itemVersions.itemId, items.id), eq(itemVersions.version, items.currentVersion)),
    )
    .where(and(eq(items.bankId, bankId), inArray(items.identifier, identifiers)));
  const byIdentifier = new Map(current.map((row) => [row.identifier, row]));
  for (const input of inputs) {
    const row = byIdentifier.get(input.identifier);
    if (!row) continue;
    const stored = sanitiseItemForStorage(input);
    const media = (stored.media ?? []).map((m) => `${m.href}=${sha256Hex(m.data)}`);
    if (contentHash(stored, media) === row.hash) continue;
    clashes.set(input.identifier, {
      kind: 'item',
      identifier: input.identifier,
      existingVersion: row.version,
      existingVersionId: row.versionId,
      existingSourceFile: row.sourceFile,
    });
  }
  return clashes;
}

/** The bank's tests among `inputs` whose current version has other XML, by identifier. */
export async function findTestClashes(
  db: ItemBankExecutor,
  bankId: string,
  inputs: Array<{ identifier: string; qtiXml: string }>,
): Promise<Map<string, IdentifierClash>> {
  const clashes = new Map<string, IdentifierClash>();
  const identifiers = [...new Set(inputs.map((i) => i.identifier))];
  if (!identifiers.length) return clashes;
  const current = await db
    .select({
      identifier: assessmentTests.identifier,
      version: assessmentTestVersions.version,
      versionId: assessmentTestVersions.id,
      qtiXml: assessmentTestVersions.qtiXml,
    })
    .from(assessmentTests)
    .innerJoin(
      assessmentTestVersions,
      and(
        eq(assessmentTestVersions.testId, assessmentTests.id),
        eq(assessmentTestVersions.version, assessmentTests.currentVersion),
      ),
    )
    .where(and(eq(assessmentTests.bankId, bankId), inArray(assessmentTests.identifier, identifiers)));
  const byIdentifier = new Map(current.map((row) => [row.identifier, row]));
  for (const input of inputs) {
    const row = byIdentifier.get(input.identifier);
    if (!row || row.qtiXml === input.qtiXml) continue;
    clashes.set(input.identifier, {
      kind: 'test',
      identifier: input.identifier,
      existingVersion: row.version,
      existingVersionId: row.versionId,
      existingSourceFile: null,
    });
  }
  return clashes;
}

/**
 * A new identifier for a renamed item or test: `<identifier>-imported`, then `-imported-2`, ...,
 * the first one neither the bank nor `taken` (this import's own) holds.
 */
export async function freeIdentifier(
  db: ItemBankExecutor,
  bankId: string,
  kind: 'item' | 'test',
  identifier: string,
  taken: Set<string>,
): Promise<string> {
  const table = kind === 'item' ? items : assessmentTests;
  for (let n = 1; ; n++) {
    const candidate = `${identifier}-imported${n === 1 ? '' : `-${n}`}`;
    if (taken.has(candidate)) continue;
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.bankId, bankId), eq(table.identifier, candidate)));
    if (!row) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/**
 * The XML with its root element's identifier replaced (the first `identifier="..."`, which is the
 * root's: QTI puts no identifier-bearing element before it).
 */
export function withRootIdentifier(xml: string, identifier: string): string {
  return xml.replace(
    /(<(?:qti-assessment-item|assessmentItem|qti-assessment-test|assessmentTest)\b[^>]*?\sidentifier\s*=\s*)(["'])[^"']*\2/,
    (_, head: string, quote: string) => `${head}${quote}${identifier}${quote}`,
  );
}
