/**
 * Draws blueprint forms from a bank's published items and describes them (titles, versions,
 * points); a blueprint that cannot be filled is refused with the cells short of items.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  assembleForms,
  COGNITIVE_LEVEL_LABELS,
  itemBankTables,
  type AssembledForm,
  type AssessmentItem,
  type Blueprint,
  type PoolItem,
} from '../../../../item-bank/index.ts';
import { maxScoreOfItem } from '../../../../grading/index.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';

const { items, itemVersions } = itemBankTables;

export interface DescribedItem {
  itemId: string;
  version: number;
  versionId: string;
  identifier: string;
  title: string;
  topic: string;
  level: AssembledForm['items'][number]['level'];
  points: number;
  maxScore: number;
  interactionTypes: string[];
}

export interface DescribedForm {
  label: string;
  form: AssembledForm;
  items: DescribedItem[];
  points: number;
  information?: number[];
}

export async function assembleFromBank(
  db: Executor,
  props: { bankId: string; blueprint: Blueprint; formCount: number; seed?: string },
): Promise<{ forms: DescribedForm[]; informationSpread?: number }> {
  const rows = await db
    .select()
    .from(items)
    .where(and(eq(items.bankId, props.bankId), eq(items.status, 'published')));
  const pool: PoolItem[] = rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    cognitiveLevel: r.cognitiveLevel,
    subject: r.subject,
    grade: r.grade,
    ...(r.irtB === null ? {} : { irt: { a: r.irtA ?? 1, b: r.irtB, c: r.irtC ?? 0 } }),
  }));
  const result = assembleForms(props.blueprint, pool, {
    formCount: props.formCount,
    ...(props.seed ? { seed: props.seed } : {}),
  });
  if (!result.ok && result.reason === 'shortage') {
    const cells = result.shortages
      .map(
        (s) =>
          `${s.topic} × ${COGNITIVE_LEVEL_LABELS[s.level]}: ${s.missing} item(s) missing (needs ${s.needed}, ${s.available} published)`,
      )
      .join('; ');
    throw new AppError(422, 'blueprint_unfilled', `The bank cannot fill the blueprint. ${cells}.`, {
      shortages: result.shortages,
    });
  }
  if (!result.ok)
    throw new AppError(
      422,
      'information_mismatch',
      `The forms' test information differs by ${(result.informationSpread * 100).toFixed(1)} %, more than the tolerance of ${(result.tolerance * 100).toFixed(1)} %. Lower the form count or raise the tolerance.`,
      { informationSpread: result.informationSpread, tolerance: result.tolerance },
    );

  const used = [...new Set(result.forms.flatMap((f) => f.items.map((i) => i.itemId)))];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const versions = used.length
    ? await db
        .select({
          id: itemVersions.id,
          itemId: itemVersions.itemId,
          version: itemVersions.version,
          model: itemVersions.model,
        })
        .from(itemVersions)
        .where(inArray(itemVersions.itemId, used))
    : [];
  const current = new Map(
    versions.filter((v) => v.version === byId.get(v.itemId)!.currentVersion).map((v) => [v.itemId, v]),
  );
  return {
    ...(result.informationSpread === undefined ? {} : { informationSpread: result.informationSpread }),
    forms: result.forms.map((form) => {
      const described = form.items.map((i) => {
        const row = byId.get(i.itemId)!;
        const version = current.get(i.itemId)!;
        return {
          itemId: i.itemId,
          version: version.version,
          versionId: version.id,
          identifier: row.identifier,
          title: row.title,
          topic: i.topic,
          level: i.level,
          points: i.points,
          maxScore: maxScoreOfItem(version.model as AssessmentItem),
          interactionTypes: row.interactionTypes,
        };
      });
      return {
        label: form.label,
        form,
        items: described,
        points: described.reduce((s, i) => s + i.points, 0),
        ...(form.information ? { information: form.information } : {}),
      };
    }),
  };
}
