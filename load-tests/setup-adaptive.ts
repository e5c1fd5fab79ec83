/**
 * The adaptive load's form (issue 23): a pool of calibrated one-choice items stored in the bank
 * with one 2PL parameter version each (what `npm run calibrate --store` writes), pinned into a
 * linear form whose one section is adaptive, as scheduling pins it (engine/sittings/adaptive-pool.ts).
 */
import type { Database } from '../engine/platform/db/database.ts';
import { pinAdaptivePool } from '../engine/sittings/adaptive-pool.ts';
import { FormSpec } from '../engine/sittings/form.ts';
import { parseItemXml, saveItemParameters, saveItemVersion } from '../item-bank/index.ts';
import { poolIdentifier, poolItemXml, poolParameters } from './adaptive-pool.ts';

export interface AdaptiveLoad {
  /** Items a candidate gets at most (the CAT's maxItems). */
  items: number;
  /** Calibrated items in the pool. */
  pool: number;
  /** The CAT stops once the ability's SE is at most this (after 5 items). */
  se: number;
}

export const ADAPTIVE_SECTION = 'CAT';

export async function adaptiveForm(db: Database, bankId: string, load: AdaptiveLoad) {
  const pool: { itemRef: string; itemId: string; itemVersionId: string }[] = [];
  for (let k = 0; k < load.pool; k++) {
    const xml = poolItemXml(k);
    const parsed = parseItemXml(xml);
    if (!parsed.item) throw new Error(JSON.stringify(parsed.problems));
    const saved = await db.transaction((tx) =>
      saveItemVersion(tx, bankId, {
        identifier: poolIdentifier(k),
        title: `Câu ${poolIdentifier(k)}`,
        sourceFormat: 'qti2.2',
        qtiXml: xml,
        model: parsed.item!,
        text: `Câu hỏi ${poolIdentifier(k)}`,
        interactionTypes: ['choiceInteraction'],
      }),
    );
    pool.push({ itemRef: poolIdentifier(k), itemId: saved.itemId, itemVersionId: saved.versionId });
  }
  await saveItemParameters(
    db,
    pool.map((p, k) => ({
      itemId: p.itemId,
      itemVersionId: p.itemVersionId,
      model: '2pl',
      parameters: poolParameters(k, load.pool),
      sampleSize: 1000,
    })),
    { source: 'load-test' },
  );
  return FormSpec.parse({
    navigationMode: 'linear',
    sections: [
      {
        identifier: ADAPTIVE_SECTION,
        title: 'Thích ứng',
        adaptive: {
          estimator: 'eap',
          selector: 'mfi',
          exposure: { kind: 'randomesque', k: 5 },
          stop: { minItems: Math.min(5, load.items), maxItems: load.items, se: load.se },
          seed: 23,
          parameters: await pinAdaptivePool(db, ADAPTIVE_SECTION, pool),
        },
        items: pool.map((p) => ({ itemRef: p.itemRef, itemVersionId: p.itemVersionId, title: p.itemRef })),
      },
    ],
  });
}
