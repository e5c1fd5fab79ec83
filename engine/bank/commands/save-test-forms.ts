/**
 * Stores assembled forms as assessment tests of the bank, one test per form, all or none,
 * with one audit row (`tests.generate`). The blueprint travels in the stored model (under `blueprint`) so a
 * test can be regenerated or explained later; readers of the QTI model ignore it.
 */
import { randomUUID } from 'node:crypto';
import {
  formToTest,
  itemBankTables,
  qtiIdentifier,
  writeTestXml,
  type AssembledForm,
  type Blueprint,
} from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CommandContext } from '../../platform/command-context.ts';

const { assessmentTests, assessmentTestVersions } = itemBankTables;

export interface BlueprintInfo {
  spec: Blueprint;
  formLabel: string;
  group: string;
  points: number;
}

/** A form drawn from the bank (the blueprint routes' `DescribedForm` fits), as much as is stored. */
export interface FormToStore {
  label: string;
  form: AssembledForm;
  points: number;
  items: Array<{ itemId: string; identifier: string; versionId: string; maxScore: number }>;
}

export async function saveTestForms(
  db: Database,
  actor: StaffActor,
  props: {
    bankId: string;
    /** The organisation owning the bank, for the audit row. */
    organisationId: string;
    blueprint: Blueprint;
    forms: FormToStore[];
  },
  context: CommandContext = {},
) {
  const group = randomUUID().slice(0, 8);
  const base = `${qtiIdentifier(props.blueprint.title).slice(0, 80)}-${group}`;
  return db.transaction(async (tx) => {
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
          createdBy: actor.userId,
        })
        .returning();
      await tx.insert(assessmentTestVersions).values({
        testId: row!.id,
        version: 1,
        sourceFormat: 'blueprint',
        qtiXml: writeTestXml(test),
        model: { ...test, blueprint },
        itemVersionIds: Object.fromEntries(form.items.map((i) => [i.identifier, i.versionId])),
        createdBy: actor.userId,
      });
      saved.push({ id: row!.id, identifier, title: test.title, formLabel: form.label, group });
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'tests.generate',
      subjectType: 'item_bank',
      subjectId: props.bankId,
      organisationId: props.organisationId,
      ip: context.ip,
      details: { blueprint: props.blueprint.title, forms: saved.map((s) => s.identifier) },
    });
    return saved;
  });
}
