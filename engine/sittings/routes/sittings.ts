/** Sittings (exam boards): test form, window, rooms with access codes, candidates, and their sessions. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { itemBankTables, type AssessmentTest } from '../../../item-bank/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { formSpecFromTest, TestFormError } from '../form-from-test.ts';
import { appendAudit } from '../../people/audit-log.ts';
import { candidateNumber, newAccessCode } from '../access-codes.ts';
import { newSittingAccessCode } from '../sitting-access-code.ts';
import { FormSpec, plannedItemCount, specItems } from '../form.ts';
import { parallelFormSet, parallelFormsOf } from '../parallel-forms.ts';
import { sittingSebFile } from '../seb/sitting-seb.ts';
import { publicOrigin } from '../../platform/http/public-url.ts';
import { errors } from '../../platform/errors.ts';
import { access, target } from '../../people/access.ts';
import { sittingTarget } from '../organisation-of-sitting.ts';
import { withinSubtree } from '../../people/scope.ts';
import { organisations, students, users } from '../../people/tables.ts';
import { roomProctors, sittingCandidates, sittingRooms, sittings } from '../tables.ts';
import { IdParam, security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import type { FormInput } from './schema.ts';
import { AddCandidates, CreateRoom, CreateSitting, Sitting } from './schema.ts';
import { sittingMarkerRoutes } from './sitting-markers.ts';
import { assertRoomKeepsSeparation } from './separate-rooms.ts';

const { items, itemVersions, itemBanks, assessmentTests, assessmentTestVersions } = itemBankTables;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

/** The FormSpec of an inline form: bank items the actor may use, at the given or current version. */
async function inlineFormSpecFor(db: Database, scopePath: string, form: z.output<typeof FormInput>) {
  const itemIds = [...new Set(form.sections.flatMap((s) => s.items.map((i) => i.itemId)))];
  const rows = await db
    .select({
      id: items.id,
      identifier: items.identifier,
      title: items.title,
      currentVersion: items.currentVersion,
      orgPath: organisations.path,
    })
    .from(items)
    .innerJoin(itemBanks, eq(itemBanks.id, items.bankId))
    .innerJoin(organisations, eq(organisations.id, itemBanks.organisationId))
    .where(inArray(items.id, itemIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of itemIds) {
    const row = byId.get(id);
    const visible = row && (row.orgPath.startsWith(scopePath) || scopePath.startsWith(row.orgPath));
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
  const formSpec = FormSpec.parse({
    ...form,
    sections: form.sections.map((s) => ({
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
  });
  return formSpec;
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
      orgPath: organisations.path,
    })
    .from(assessmentTests)
    .innerJoin(itemBanks, eq(itemBanks.id, assessmentTests.bankId))
    .innerJoin(organisations, eq(organisations.id, itemBanks.organisationId))
    .where(eq(assessmentTests.id, wanted.testId));
  if (!test || !(test.orgPath.startsWith(scopePath) || scopePath.startsWith(test.orgPath)))
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

const formLabels = (spec: FormSpec) => spec.parallelForms?.map((f) => f.label) ?? [];

export function sittingRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/seb-config',
        summary:
          'The Safe Exam Browser configuration (.seb) of a sitting; SEB opens the candidate page with it',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'application/seb plist' }, ...staffErrors },
      }),
      async (c) => {
        const [s] = await c.var.deps.db
          .select()
          .from(sittings)
          .where(eq(sittings.id, c.req.valid('param').id));
        const { file, configKey } = sittingSebFile(s!, publicOrigin(c));
        return c.body(file, 200, {
          'content-type': 'application/seb',
          'content-disposition': `attachment; filename="sitting-${s!.id.slice(0, 8)}.seb"`,
          'x-seb-config-key': configKey,
        });
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Schedule a sitting: a form of items, a window and a duration',
        security,
        middleware: [access('sittings:write', target.organisation('organisationId', 'json'))] as const,
        request: { body: { ...json(CreateSitting), required: true } },
        responses: { 201: { description: 'Scheduled', ...json(Sitting) }, ...staffErrors },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const actor = c.var.actor;
        const db = c.var.deps.db;
        const formSpec = body.tests
          ? await parallelFormsOfStoredTests(db, actor.scopePath, body.tests)
          : body.test
            ? (await formSpecOfStoredTest(db, actor.scopePath, body.test)).spec
            : await inlineFormSpecFor(db, actor.scopePath, body.form!);
        for (const form of parallelFormsOf(formSpec) ?? [{ spec: formSpec }]) {
          const formRefs = specItems(form.spec).map((i) => i.itemRef);
          if (new Set(formRefs).size !== formRefs.length)
            throw errors.badRequest(
              'form: every item may appear only once (set itemRef to tell repeats apart).',
            );
        }
        const refs = specItems(formSpec).map((i) => i.itemRef);

        const created = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(sittings)
            .values({
              organisationId: body.organisationId,
              name: body.name,
              subject: body.subject,
              formSpec,
              opensAt: new Date(body.opensAt),
              closesAt: new Date(body.closesAt),
              // A test's own maxTime caps the sitting's duration (the deadline sweeper then ends it on time).
              durationSeconds: Math.min(
                body.durationMinutes * 60,
                Math.ceil(formSpec.timeLimits?.maxTime ?? Infinity),
              ),
              lateStartSeconds: body.lateStartMinutes === undefined ? null : body.lateStartMinutes * 60,
              graceSeconds: body.graceSeconds,
              scale: body.scale,
              releasePolicy: body.releasePolicy,
              ratingThresholds: body.ratingThresholds ?? null,
              securityPolicy: body.securityPolicy,
              accessCode: body.sittingAccessCode ? newSittingAccessCode() : null,
              createdBy: actor.userId,
            })
            .returning();
          await appendAudit(tx, {
            actorId: actor.userId,
            actorRole: actor.role,
            action: 'sitting.create',
            subjectType: 'sitting',
            subjectId: row!.id,
            organisationId: body.organisationId,
            ip: c.var.clientIp,
            details: { name: body.name, items: refs.length },
          });
          return row!;
        });
        return c.json(
          {
            id: created.id,
            organisationId: created.organisationId,
            name: created.name,
            subject: created.subject,
            opensAt: created.opensAt.toISOString(),
            closesAt: created.closesAt.toISOString(),
            durationMinutes: created.durationSeconds / 60,
            itemCount: refs.length,
            forms: formLabels(formSpec),
            accessCode: created.accessCode,
            rooms: [],
          },
          201,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'Sittings of your subtree',
        security,
        middleware: [access('sittings:read')] as const,
        responses: {
          200: {
            description: 'Sittings',
            ...json(z.object({ items: z.array(Sitting.omit({ rooms: true, accessCode: true })) })),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const rows = await c.var.deps.db
          .select({ sitting: sittings })
          .from(sittings)
          .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
          .where(withinSubtree(c.var.actor))
          .orderBy(asc(sittings.opensAt));
        return c.json(
          {
            items: rows.map(({ sitting: s }) => ({
              id: s.id,
              organisationId: s.organisationId,
              name: s.name,
              subject: s.subject,
              opensAt: s.opensAt.toISOString(),
              closesAt: s.closesAt.toISOString(),
              durationMinutes: s.durationSeconds / 60,
              itemCount: plannedItemCount(FormSpec.parse(s.formSpec)),
              forms: formLabels(FormSpec.parse(s.formSpec)),
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        summary: 'A sitting with its rooms and access codes',
        security,
        middleware: [access('sittings:read', sittingTarget())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The sitting', ...json(Sitting) }, ...staffErrors },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const db = c.var.deps.db;
        const [s] = await db.select().from(sittings).where(eq(sittings.id, id));
        const rooms = await db
          .select({
            id: sittingRooms.id,
            name: sittingRooms.name,
            accessCode: sittingRooms.accessCode,
            candidates: count(sittingCandidates.id),
            separateRoom: sql<boolean>`coalesce(bool_or(${sittingCandidates.separateRoom}), false)`,
          })
          .from(sittingRooms)
          .leftJoin(sittingCandidates, eq(sittingCandidates.roomId, sittingRooms.id))
          .where(eq(sittingRooms.sittingId, id))
          .groupBy(sittingRooms.id)
          .orderBy(asc(sittingRooms.name));
        return c.json(
          {
            id: s!.id,
            organisationId: s!.organisationId,
            name: s!.name,
            subject: s!.subject,
            opensAt: s!.opensAt.toISOString(),
            closesAt: s!.closesAt.toISOString(),
            durationMinutes: s!.durationSeconds / 60,
            itemCount: plannedItemCount(FormSpec.parse(s!.formSpec)),
            forms: formLabels(FormSpec.parse(s!.formSpec)),
            accessCode: s!.accessCode,
            rooms,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/rooms',
        summary: 'Add a room with its own access code and proctors',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam, body: { ...json(CreateRoom), required: true } },
        responses: {
          201: {
            description: 'Created',
            ...json(z.object({ id: z.uuid(), name: z.string(), accessCode: z.string() })),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const sittingId = c.req.valid('param').id;
        const body = c.req.valid('json');
        const actor = c.var.actor;
        const room = await c.var.deps.db.transaction(async (tx) => {
          if (body.proctorIds.length) {
            const found = await tx
              .select({ id: users.id, role: users.role, path: organisations.path })
              .from(users)
              .innerJoin(organisations, eq(organisations.id, users.organisationId))
              .where(inArray(users.id, body.proctorIds));
            const bad = body.proctorIds.filter(
              (id) => !found.some((u) => u.id === id && u.path.startsWith(c.var.target!.path)),
            );
            if (bad.length)
              throw errors.badRequest(
                `proctorIds: ${bad.join(', ')} are not staff of this sitting's organisation.`,
              );
          }
          const [row] = await tx
            .insert(sittingRooms)
            .values({ sittingId, name: body.name, accessCode: newAccessCode() })
            .returning();
          if (body.proctorIds.length)
            await tx
              .insert(roomProctors)
              .values(body.proctorIds.map((userId) => ({ roomId: row!.id, userId })));
          await appendAudit(tx, {
            actorId: actor.userId,
            actorRole: actor.role,
            action: 'sitting.room_add',
            subjectType: 'sitting',
            subjectId: sittingId,
            organisationId: c.var.target!.id,
            ip: c.var.clientIp,
            details: { room: body.name },
          });
          return row!;
        });
        return c.json({ id: room.id, name: room.name, accessCode: room.accessCode }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/candidates',
        summary: 'Enrol a class or students into a room; each gets a candidate number (số báo danh)',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam, body: { ...json(AddCandidates), required: true } },
        responses: {
          200: {
            description: 'Enrolled',
            ...json(
              z.object({
                added: z.number().int(),
                candidates: z.array(z.object({ studentId: z.uuid(), candidateNumber: z.string() })),
              }),
            ),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const sittingId = c.req.valid('param').id;
        const body = c.req.valid('json');
        const sittingOrg = c.var.target!;
        const actor = c.var.actor;
        const result = await c.var.deps.db.transaction(async (tx) => {
          const rooms = await tx
            .select({ id: sittingRooms.id, name: sittingRooms.name })
            .from(sittingRooms)
            .where(eq(sittingRooms.sittingId, sittingId))
            .orderBy(asc(sittingRooms.name));
          const roomIndex = rooms.findIndex((r) => r.id === body.roomId);
          if (roomIndex < 0) throw errors.badRequest('roomId: the room is not part of this sitting.');
          await assertRoomKeepsSeparation(tx, rooms[roomIndex]!, body.separateRoom);
          const chosen = await tx
            .select({ id: students.id, path: organisations.path })
            .from(students)
            .innerJoin(organisations, eq(organisations.id, students.schoolId))
            .where(body.classId ? eq(students.classId, body.classId) : inArray(students.id, body.studentIds!))
            .orderBy(asc(students.fullName));
          const outside = chosen.filter(
            (s) => !s.path.startsWith(sittingOrg.path) || !s.path.startsWith(actor.scopePath),
          );
          if (outside.length)
            throw errors.forbidden(`${outside.length} student(s) are outside this sitting's organisation.`);
          if (!chosen.length) throw errors.badRequest('No students were found to enrol.');
          const [{ n } = { n: 0 }] = await tx
            .select({ n: count() })
            .from(sittingCandidates)
            .where(eq(sittingCandidates.roomId, body.roomId));
          const already = new Set(
            (
              await tx
                .select({ id: sittingCandidates.studentId })
                .from(sittingCandidates)
                .where(
                  and(
                    eq(sittingCandidates.sittingId, sittingId),
                    inArray(
                      sittingCandidates.studentId,
                      chosen.map((s) => s.id),
                    ),
                  ),
                )
            ).map((r) => r.id),
          );
          const fresh = chosen.filter((s) => !already.has(s.id));
          const values = fresh.map((s, i) => ({
            sittingId,
            studentId: s.id,
            roomId: body.roomId,
            candidateNumber: candidateNumber(roomIndex + 1, n + i + 1),
            extraTimePercent: body.extraTimePercent,
            separateRoom: body.separateRoom,
          }));
          if (values.length) await tx.insert(sittingCandidates).values(values);
          await appendAudit(tx, {
            actorId: actor.userId,
            actorRole: actor.role,
            action: 'sitting.candidates_add',
            subjectType: 'sitting',
            subjectId: sittingId,
            organisationId: sittingOrg.id,
            ip: c.var.clientIp,
            details: { added: values.length, roomId: body.roomId, separateRoom: body.separateRoom },
          });
          return values;
        });
        return c.json(
          {
            added: result.length,
            candidates: result.map((v) => ({ studentId: v.studentId, candidateNumber: v.candidateNumber })),
          },
          200,
        );
      },
    )
    .route('/', sittingMarkerRoutes());
}
