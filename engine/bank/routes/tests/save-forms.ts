/**
 * Stores assembled forms as assessment tests of the bank, one test per form, all or none,
 * with one audit row. The blueprint travels in the stored model (under `blueprint`) so a
 * test can be regenerated or explained later; readers of the QTI model ignore it.
 */
import { randomUUID } from 'node:crypto';
import { formToTest, itemBankTables, qtiIdentifier, type Blueprint } from '../../../../item-bank/index.ts';
import { writeTestXml } from '../../../../item-bank/index.ts';
import { appendAudit } from '../../../people/audit-log.ts';
import type { StaffActor } from '../../../people/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { DescribedForm } from './assemble-from-bank.ts';

const { assessmentTests, assessmentTestVersions } = itemBankTables;

export interface BlueprintInfo {
  spec: Blueprint;
  formLabel: string;
  group: string;
  points: number;
}

export async function saveForms(props: {
  db: Database;
  actor: StaffActor;
  bankId: string;
  organisationId: string;
  blueprint: Blueprint;
  forms: DescribedForm[];
  ip?: string;
}) {
  const group = randomUUID().slice(0, 8);
  const base = `${qtiIdentifier(props.blueprint.title).slice(0, 80)}-${group}`;
  return props.db.transaction(async (tx) => {
    const saved = [];
    for (const form of props.forms) {
      const identifier = `${base}-${form.label}`;
      const info = new Map(
        form.items.map((i) => [i.itemId, { identifier: i.identifier, maxScore: i.maxScore }]),
      );
      const test = formToTest(props.blueprint, form.form, identifier, info);
      const blueprint: BlueprintInfo = {
        spec: props.blueprint,
        formLabel: form.label,
        group,
        points: form.points,
      };
      const [row] = await tx
        .insert(assessmentTests)
        .values({
          bankId: props.bankId,
          identifier,
          title: test.title,
          currentVersion: 1,
          createdBy: props.actor.userId,
        })
        .returning();
      await tx.insert(assessmentTestVersions).values({
        testId: row!.id,
        version: 1,
        sourceFormat: 'blueprint',
        qtiXml: writeTestXml(test),
        model: { ...test, blueprint },
        itemVersionIds: Object.fromEntries(form.items.map((i) => [i.identifier, i.versionId])),
        createdBy: props.actor.userId,
      });
      saved.push({ id: row!.id, identifier, title: test.title, formLabel: form.label, group });
    }
    await appendAudit(tx, {
      actorId: props.actor.userId,
      actorRole: props.actor.role,
      action: 'tests.generate',
      subjectType: 'item_bank',
      subjectId: props.bankId,
      organisationId: props.organisationId,
      ip: props.ip,
      details: { blueprint: props.blueprint.title, forms: saved.map((s) => s.identifier) },
    });
    return saved;
  });
}
