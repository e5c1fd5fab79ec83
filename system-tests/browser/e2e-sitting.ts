/**
 * The e2e sittings: our own QTI items in `items/` (one of every interaction type, with their
 * pictures and sound stored as item media), saved in a bank, and a sitting open now.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { itemBankTables, parseItemXml, plainText, saveItemVersion } from '../../item-bank/index.ts';
import type { AssessmentItem } from '../../item-bank/index.ts';
import { buildSitting, type SittingOptions } from '../../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'items');
const CONTENT_TYPES: Record<string, string> = { svg: 'image/svg+xml', wav: 'audio/wav', png: 'image/png' };

export interface E2eItem {
  file: string;
  xml: string;
  item: AssessmentItem;
}

export function loadE2eItems(): E2eItem[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((file) => {
      const xml = readFileSync(path.join(folder, file), 'utf8');
      const { item, problems } = parseItemXml(xml, file);
      const errors = problems.filter((p) => p.severity === 'error');
      if (!item || errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
      return { file, xml, item };
    });
}

const mediaOf = (xml: string) =>
  [...new Set([...xml.matchAll(/data="(media\/[^"]+)"/g)].map((m) => m[1]!))].map((href) => ({
    href,
    contentType: CONTENT_TYPES[href.split('.').pop()!] ?? 'application/octet-stream',
    data: new Uint8Array(readFileSync(path.join(folder, href))),
  }));

/** Saves the items (optionally renamed copies, for big forms) and schedules a sitting of them. */
export async function buildE2eSitting(
  engine: TestEngine,
  items: E2eItem[],
  options: SittingOptions & { copies?: number } = {},
) {
  const tree = await buildOrganisationTree(engine.deps.db);
  const [bank] = await engine.deps.db
    .insert(itemBankTables.itemBanks)
    .values({ name: 'E2E', organisationId: tree.office.id })
    .returning();
  const ids: string[] = [];
  for (let copy = 0; copy < (options.copies ?? 1); copy++) {
    for (const { file, xml, item } of items) {
      const identifier = copy ? `${item.identifier}-${copy + 1}` : item.identifier;
      const saved = await engine.deps.db.transaction((tx) =>
        saveItemVersion(tx, bank!.id, {
          identifier,
          title: item.title,
          sourceFormat: 'qti3.0',
          sourceFile: file,
          qtiXml: xml.replace(`identifier="${item.identifier}"`, `identifier="${identifier}"`),
          model: { ...item, identifier },
          text: plainText([item.body]),
          interactionTypes: [...new Set(item.interactions.map((i) => i.type))],
          media: mediaOf(xml),
        }),
      );
      ids.push(saved.itemId);
    }
  }
  return buildSitting(engine, tree, ids, { students: 3, durationMinutes: 60, ...options });
}

/** dd/mm/yyyy of a yyyy-mm-dd date, as candidates type it. */
export const typedDate = (iso: string) => iso.split('-').reverse().join('/');
