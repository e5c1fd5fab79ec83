/**
 * Tests of a bank built from blueprints (ma trận đề): draw one or N parallel forms from the
 * bank's published items, store them as assessment tests, list and read them (with the form a
 * sitting takes), and preview a form as a candidate sees it (no keys).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import {
  Blueprint,
  itemBankTables,
  itemRefsOf,
  toCandidateItem,
  type AssessmentItem,
  type AssessmentTest,
  type CognitiveLevel,
} from '../../../../item-bank/index.ts';
import { maxScoreOfItem } from '../../../../grading/index.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { access } from '../../../people/access.ts';
import { bankTarget } from '../../bank-target.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { assembleFromBank, type DescribedForm } from './assemble-from-bank.ts';
import { saveTestForms, type BlueprintInfo } from '../../commands/save-test-forms.ts';
import { AssembleBody, AssembledForms, BankQuery, StoredTest, StoredTestSummary } from './schema.ts';
import { refusalDetails } from '../../refusal-codes.ts';

const { assessmentTests, assessmentTestVersions, items, itemVersions } = itemBankTables;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

type StoredModel = AssessmentTest & { blueprint?: BlueprintInfo };

const presentForms = (forms: DescribedForm[], informationSpread?: number) => ({
  forms: forms.map((f) => ({
    label: f.label,
    points: f.points,
    ...(f.information ? { information: f.information } : {}),
    items: f.items.map((i) => ({
      itemId: i.itemId,
      version: i.version,
      identifier: i.identifier,
      title: i.title,
      topic: i.topic,
      level: i.level,
      points: i.points,
      interactionTypes: i.interactionTypes,
    })),
  })),
  ...(informationSpread === undefined ? {} : { informationSpread }),
});

/** Every item of a stored test version, in order, with its section, points and item version. */
async function loadTestItems(db: Executor, model: StoredModel, versionIds: Record<string, string>) {
  const refs = [...itemRefsOf(model)];
  const ids = refs.map((r) => versionIds[r.ref.identifier]).filter((v): v is string => !!v);
  const rows = ids.length
    ? await db
        .select({ version: itemVersions, item: items })
        .from(itemVersions)
        .innerJoin(items, eq(items.id, itemVersions.itemId))
        .where(inArray(itemVersions.id, ids))
    : [];
  const byVersion = new Map(rows.map((r) => [r.version.id, r]));
  return refs.map(({ ref, path }) => {
    const row = byVersion.get(versionIds[ref.identifier] ?? '');
    if (!row)
      throw errors.conflict(
        `The test refers to ${ref.identifier}, which is no longer in the bank.`,
        refusalDetails('test_item_missing', { identifier: ref.identifier }),
      );
    const weight = ref.weights[0]?.value ?? 1;
    const model = row.version.model as AssessmentItem;
    return {
      section: path[0] ?? { identifier: 'S1', title: '' },
      weight,
      model,
      itemId: row.item.id,
      version: row.version.version,
      identifier: ref.identifier,
      title: row.item.title,
      topic: path[0]?.title ?? row.item.topic ?? '',
      level: (ref.categories[0] ?? row.item.cognitiveLevel ?? 'nhan_biet') as CognitiveLevel,
      points: Math.round(weight * maxScoreOfItem(model) * 1e6) / 1e6,
      interactionTypes: row.item.interactionTypes,
    };
  });
}

async function loadTest(db: Executor, id: string) {
  const [row] = await db
    .select({ test: assessmentTests, version: assessmentTestVersions })
    .from(assessmentTests)
    .innerJoin(assessmentTestVersions, eq(assessmentTestVersions.testId, assessmentTests.id))
    .where(eq(assessmentTests.id, id))
    .orderBy(desc(assessmentTestVersions.version))
    .limit(1);
  if (!row) throw errors.notFound('The test');
  return { ...row, model: row.version.model as StoredModel };
}

const summary = (
  test: typeof assessmentTests.$inferSelect,
  model: StoredModel,
  itemCount: number,
  points: number,
) => ({
  id: test.id,
  bankId: test.bankId,
  identifier: test.identifier,
  title: test.title,
  version: test.currentVersion,
  formLabel: model.blueprint?.formLabel ?? null,
  group: model.blueprint?.group ?? null,
  itemCount,
  points,
  createdAt: test.createdAt.toISOString(),
});

export function testRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/assemble',
        summary: 'Draw forms of a blueprint from the published items of a bank, without saving (a preview)',
        security,
        middleware: [access('items:read', bankTarget.itemBank('read', 'bankId', 'json'))] as const,
        request: { body: { ...json(AssembleBody), required: true } },
        responses: { 200: { description: 'The forms', ...json(AssembledForms) }, ...staffErrors },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const result = await assembleFromBank(c.var.deps.db, body);
        return c.json(presentForms(result.forms, result.informationSpread), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary:
          'Draw forms of a blueprint from the published items of `bankId` and store each as an assessment test of `targetBankId` (default: the same bank), all or none',
        security,
        // Drawn from a bank the actor can read; stored in one they can write (the last check sets `target`).
        middleware: [
          access('items:read', bankTarget.itemBank('read', 'bankId', 'json')),
          access('items:write', bankTarget.savingBank()),
        ] as const,
        request: { body: { ...json(AssembleBody), required: true } },
        responses: {
          201: {
            description: 'Stored',
            ...json(AssembledForms.extend({ tests: z.array(StoredTestSummary) })),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const db = c.var.deps.db;
        const result = await assembleFromBank(db, body);
        const saved = await saveTestForms(
          db,
          c.var.actor,
          {
            bankId: body.targetBankId ?? body.bankId,
            organisationId: c.var.target!.id,
            blueprint: body.blueprint,
            forms: result.forms,
          },
          { ip: c.var.clientIp },
        );
        const now = new Date().toISOString();
        return c.json(
          {
            ...presentForms(result.forms, result.informationSpread),
            tests: saved.map((s, i) => ({
              id: s.id,
              bankId: body.targetBankId ?? body.bankId,
              identifier: s.identifier,
              title: s.title,
              version: 1,
              formLabel: s.formLabel,
              group: s.group,
              itemCount: result.forms[i]!.items.length,
              points: result.forms[i]!.points,
              createdAt: now,
            })),
          },
          201,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'Stored tests of a bank, newest first',
        security,
        middleware: [access('items:read', bankTarget.itemBank('read', 'bankId', 'query'))] as const,
        request: { query: BankQuery },
        responses: {
          200: { description: 'Tests', ...json(z.object({ items: z.array(StoredTestSummary) })) },
          ...staffErrors,
        },
      }),
      async (c) => {
        const rows = await c.var.deps.db
          .select({ test: assessmentTests, version: assessmentTestVersions })
          .from(assessmentTests)
          .innerJoin(assessmentTestVersions, eq(assessmentTestVersions.testId, assessmentTests.id))
          .where(eq(assessmentTests.bankId, c.req.valid('query').bankId))
          .orderBy(desc(assessmentTests.createdAt), asc(assessmentTests.identifier));
        const current = rows.filter((r) => r.version.version === r.test.currentVersion);
        return c.json(
          {
            items: current.map(({ test, version }) => {
              const model = version.model as StoredModel;
              const refs = [...itemRefsOf(model)];
              return summary(test, model, refs.length, model.blueprint?.points ?? refs.length);
            }),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        summary: 'A stored test: its items with points, its blueprint, and the form a sitting takes',
        security,
        middleware: [access('items:read', bankTarget.storedTest())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The test', ...json(StoredTest) }, ...staffErrors },
      }),
      async (c) => {
        const db = c.var.deps.db;
        const { test, version, model } = await loadTest(db, c.req.valid('param').id);
        const list = await loadTestItems(db, model, version.itemVersionIds as Record<string, string>);
        const sections = new Map<
          string,
          {
            identifier: string;
            title: string;
            items: Array<{ itemId: string; version: number; itemRef: string; weight: number }>;
          }
        >();
        for (const i of list) {
          const section = sections.get(i.section.identifier) ?? {
            identifier: i.section.identifier,
            title: i.section.title,
            items: [],
          };
          section.items.push({
            itemId: i.itemId,
            version: i.version,
            itemRef: i.identifier,
            weight: i.weight,
          });
          sections.set(i.section.identifier, section);
        }
        const points = list.reduce((s, i) => s + i.points, 0);
        return c.json(
          {
            ...summary(test, model, list.length, points),
            blueprint: model.blueprint ? Blueprint.parse(model.blueprint.spec) : null,
            items: list.map((i) => ({
              itemId: i.itemId,
              version: i.version,
              identifier: i.identifier,
              title: i.title,
              topic: i.topic,
              level: i.level,
              points: i.points,
              interactionTypes: i.interactionTypes,
            })),
            sittingForm: { sections: [...sections.values()] },
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/preview',
        summary: 'A stored test as a candidate sees it: candidate-safe items in order, without keys',
        security,
        middleware: [access('items:read', bankTarget.storedTest())] as const,
        request: { params: IdParam },
        responses: {
          200: {
            description: 'Candidate view',
            ...json(
              z.object({
                title: z.string(),
                items: z.array(
                  z.object({
                    identifier: z.string(),
                    section: z.string(),
                    points: z.number(),
                    item: z.unknown(),
                  }),
                ),
              }),
            ),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const db = c.var.deps.db;
        const { test, version, model } = await loadTest(db, c.req.valid('param').id);
        const list = await loadTestItems(db, model, version.itemVersionIds as Record<string, string>);
        return c.json(
          {
            title: test.title,
            items: list.map((i) => ({
              identifier: i.identifier,
              section: i.section.title,
              points: i.points,
              item: toCandidateItem(i.model),
            })),
          },
          200,
        );
      },
    );
}
