/**
 * Schedules a sitting: resolves the form the request names (an inline form of bank items, a stored
 * assessmentTest, or parallel forms from several tests, each within the actor's scope), refuses a graded
 * sitting holding a code task fit for practice only (code-task-trust.ts), then writes the sitting and
 * its audit row in one transaction.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import type { CodeGrader } from '../../../grading/index.ts';
import { itemBankTables, type AssessmentTest } from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import { loadBankAccess } from '../../bank/policy.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { assertCodeTasksFitSitting } from '../code-task-trust.ts';
import { formSpecFromTest, TestFormError } from '../form-from-test.ts';
import { FormSpec, specItems } from '../form.ts';
import { parallelFormSet, parallelFormsOf } from '../parallel-forms.ts';
import type { CreateSitting, FormInput } from '../schemas.ts';
import { newSittingAccessCode } from '../sitting-access-code.ts';
import { pinAdaptivePool } from '../adaptive-pool.ts';
import { sittings } from '../tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

const { items, itemVersions, assessmentTests, assessmentTestVersions } = itemBankTables;

export type ScheduleSittingInput = z.output<typeof CreateSitting>;

export interface ScheduledSitting {
  sitting: typeof sittings.$inferSelect;
  formSpec: FormSpec;
  /** How many items the form names (every parallel form's, for a set). */
  itemCount: number;
}

export async function scheduleSitting(
  db: Database,
  actor: StaffActor,
  input: ScheduleSittingInput,
  context: CommandContext,
  /** The code sandboxes, to judge the form's code tasks (without it a Python test file is not trusted). */
  codeGrader?: CodeGrader,
): Promise<ScheduledSitting> {
  const formSpec = input.tests
    ? await parallelFormsOfStoredTests(db, actor.scopePath, input.tests)
    : input.test
      ? (await formSpecOfStoredTest(db, actor.scopePath, input.test)).spec
      : await inlineFormSpecFor(db, actor.scopePath, input.form!);
  for (const form of parallelFormsOf(formSpec) ?? [{ spec: formSpec }]) {
    const formRefs = specItems(form.spec).map((i) => i.itemRef);
    if (new Set(formRefs).size !== formRefs.length)
      throw errors.badRequest('form: every item may appear only once (set itemRef to tell repeats apart).');
  }
  const refs = specItems(formSpec).map((i) => i.itemRef);
  await assertCodeTasksFitSitting(db, codeGrader, formSpec, input.practice);

  const sitting = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sittings)
      .values({
        organisationId: input.organisationId,
        name: input.name,
        subject: input.subject,
        formSpec,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        // A test's own maxTime caps the sitting's duration (the deadline sweeper then ends it on time).
        durationSeconds: Math.min(
          input.durationMinutes * 60,
          Math.ceil(formSpec.timeLimits?.maxTime ?? Infinity),
        ),
        lateStartSeconds: input.lateStartMinutes === undefined ? null : input.lateStartMinutes * 60,
        graceSeconds: input.graceSeconds,
        scale: input.scale,
        practice: input.practice,
        releasePolicy: input.releasePolicy,
        ratingThresholds: input.ratingThresholds ?? null,
        securityPolicy: input.securityPolicy,
        accessCode: input.sittingAccessCode ? newSittingAccessCode() : null,
        createdBy: actor.userId,
      })
      .returning();
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'sitting.create',
      subjectType: 'sitting',
      subjectId: row!.id,
      organisationId: input.organisationId,
      ip: context.ip,
      details: { name: input.name, items: refs.length, ...(input.practice ? { practice: true } : {}) },
    });
    return row!;
  });
  return { sitting, formSpec, itemCount: refs.length };
}

/** The FormSpec of an inline form: bank items the actor may use, at the given or current version. */
async function inlineFormSpecFor(db: Database, scopePath: string, form: z.output<typeof FormInput>) {
  const pretestItems = form.pretest?.items ?? [];
  const itemIds = [
    ...new Set([
      ...form.sections.flatMap((s) => s.items.map((i) => i.itemId)),
      ...pretestItems.map((i) => i.itemId),
    ]),
  ];
  const rows = await db
    .select({
      id: items.id,
      identifier: items.identifier,
      title: items.title,
      currentVersion: items.currentVersion,
      bankId: items.bankId,
    })
    .from(items)
    .where(inArray(items.id, itemIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  // The bank rule (engine/bank/policy.ts) decides which banks the actor may use, shares included.
  const usable = new Map<string, boolean>();
  for (const bankId of new Set(rows.map((r) => r.bankId)))
    usable.set(bankId, (await loadBankAccess(db, { scopePath }, bankId))?.access !== 'none');
  for (const id of itemIds) {
    const row = byId.get(id);
    const visible = row && usable.get(row.bankId);
    if (!visible) throw errors.badRequest(`form: item ${id} does not exist or is not in a bank you can use.`);
  }
  const versions = await db
    .select({ id: itemVersions.id, itemId: itemVersions.itemId, version: itemVersions.version })
    .from(itemVersions)
    .where(inArray(itemVersions.itemId, itemIds));
  const versionId = (itemId: string, version?: number) => {
    const wanted = version ?? byId.get(itemId)!.currentVersion;
    const found = versions.find((v) => v.itemId === itemId && v.version === wanted);
    if (!found)
      throw errors.badRequest(`form: item ${byId.get(itemId)!.identifier} has no version ${wanted}.`);
    return found.id;
  };
  const refOf = (i: { itemRef?: string; itemId: string }) => i.itemRef ?? byId.get(i.itemId)!.identifier;
  const sections = [];
  for (const s of form.sections)
    sections.push(
      s.adaptive
        ? {
            ...s,
            adaptive: {
              ...s.adaptive,
              parameters: await pinAdaptivePool(
                db,
                s.identifier,
                s.items.map((i) => ({ itemRef: refOf(i), itemId: i.itemId })),
              ),
            },
          }
        : s,
    );
  const parsed = FormSpec.safeParse({
    ...form,
    sections: sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({
        itemRef: i.itemRef ?? byId.get(i.itemId)!.identifier,
        itemVersionId: versionId(i.itemId, i.version),
        title: byId.get(i.itemId)!.title,
        fixed: i.fixed,
        required: i.required,
        weight: i.weight,
        categories: i.categories,
      })),
    })),
    ...(form.pretest
      ? {
          pretest: {
            rate: form.pretest.rate,
            items: pretestItems.map((i) => ({
              itemRef: refOf(i),
              itemVersionId: versionId(i.itemId, i.version),
              title: byId.get(i.itemId)!.title,
            })),
          },
        }
      : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw errors.badRequest(`form.${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** The FormSpec of a stored assessmentTest the actor may use (its bank within their scope). */
async function formSpecOfStoredTest(
  db: Database,
  scopePath: string,
  wanted: { testId: string; version?: number },
): Promise<{ spec: FormSpec; label?: string }> {
  const [test] = await db
    .select({
      id: assessmentTests.id,
      currentVersion: assessmentTests.currentVersion,
      bankId: assessmentTests.bankId,
    })
    .from(assessmentTests)
    .where(eq(assessmentTests.id, wanted.testId));
  if (!test || (await loadBankAccess(db, { scopePath }, test.bankId))?.access === 'none')
    throw errors.badRequest(`test: ${wanted.testId} does not exist or is not in a bank you can use.`);
  const version = wanted.version ?? test.currentVersion;
  const [stored] = await db
    .select()
    .from(assessmentTestVersions)
    .where(and(eq(assessmentTestVersions.testId, test.id), eq(assessmentTestVersions.version, version)));
  if (!stored) throw errors.badRequest(`test: there is no version ${version}.`);
  const itemVersionIds = stored.itemVersionIds as Record<string, string>;
  const ids = [...new Set(Object.values(itemVersionIds))];
  const titles = ids.length
    ? await db
        .select({ id: itemVersions.id, title: items.title })
        .from(itemVersions)
        .innerJoin(items, eq(items.id, itemVersions.itemId))
        .where(inArray(itemVersions.id, ids))
    : [];
  const blueprint = (stored.model as { blueprint?: { formLabel?: string } }).blueprint;
  const label = blueprint?.formLabel;
  try {
    const spec = formSpecFromTest({
      testId: test.id,
      testVersionId: stored.id,
      version,
      model: stored.model as AssessmentTest,
      itemVersionIds,
      titles: Object.fromEntries(titles.map((t) => [t.id, t.title])),
    });
    if (blueprint) weighByBlueprintPoints(spec);
    return { spec, label };
  } catch (error) {
    if (error instanceof TestFormError) throw errors.badRequest(`test: ${error.message}`);
    throw error;
  }
}

/**
 * A blueprint form weighs each itemRef with QTI weight `W` (its cell's points over the item's
 * maximum) and has no outcome processing to read it, so `W` is the item's weight in the total.
 */
function weighByBlueprintPoints(spec: FormSpec) {
  for (const item of specItems(spec)) item.weight = item.weights.W ?? item.weight;
}

/** Parallel forms from stored tests, labelled as their blueprint labelled them (else A, B, ...). */
async function parallelFormsOfStoredTests(
  db: Database,
  scopePath: string,
  tests: Array<{ testId: string; version?: number }>,
): Promise<FormSpec> {
  const forms = [];
  for (const wanted of tests) forms.push(await formSpecOfStoredTest(db, scopePath, wanted));
  const labels = forms.map((f, i) => f.label ?? String.fromCharCode(65 + i));
  const unique = new Set(labels).size === labels.length;
  return parallelFormSet(
    forms.map((f, i) => ({ label: unique ? labels[i]! : String.fromCharCode(65 + i), spec: f.spec })),
  );
}
