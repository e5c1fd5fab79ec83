/**
 * Our PCI fixture packages (item-bank/test/pci: a TAO-style likert, a QTI 3 audio recorder), read
 * as an import reads a package (module files stored as the item's media) and saved in a new bank.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { itemBankTables, plainText, readPackageFiles, saveItemVersion } from '../../../item-bank/index.ts';
import type { Engine } from '../../engine.ts';
import type { buildOrganisationTree } from './factories.ts';

export const pciFixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../item-bank/test/pci',
);

/** The files of a fixture folder, keyed as in a zip. */
export function pciPackage(folder: 'likert-tao' | 'recorder-qti3'): Map<string, Buffer> {
  const root = path.join(pciFixtures, folder);
  return new Map(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('.'))
      .map((f) => [f.split(path.sep).join('/'), readFileSync(path.join(root, f))]),
  );
}

/** Saves the fixture packages' items; returns item ids by item identifier. */
export async function savePciItems(
  engine: Engine,
  tree: Awaited<ReturnType<typeof buildOrganisationTree>>,
  folders: Array<'likert-tao' | 'recorder-qti3'>,
): Promise<Record<string, string>> {
  const [bank] = await engine.deps.db
    .insert(itemBankTables.itemBanks)
    .values({ name: `PCI ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
    .returning();
  const ids: Record<string, string> = {};
  for (const folder of folders) {
    const read = readPackageFiles(pciPackage(folder));
    if (!read.ok) throw new Error(`${folder}: ${JSON.stringify(read.items.map((i) => i.problems))}`);
    for (const entry of read.items) {
      const item = entry.item!;
      const saved = await engine.deps.db.transaction((tx) =>
        saveItemVersion(tx, bank!.id, {
          identifier: item.identifier,
          title: item.title,
          sourceFormat: `qti${item.qtiVersion}`,
          sourceFile: entry.file,
          qtiXml: entry.xml,
          model: item,
          text: plainText([item.body]),
          interactionTypes: [...new Set(item.interactions.map((i) => i.type))],
          media: entry.media,
        }),
      );
      ids[item.identifier] = saved.itemId;
    }
  }
  return ids;
}
