/** Classes (lớp) of a school, and roster import from CSV or XLSX. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, count, eq } from 'drizzle-orm';
import { createClass } from '../../commands/create-class.ts';
import { importRoster } from '../../commands/import-roster.ts';
import { errors } from '../../../platform/errors.ts';
import { access, target } from '../../access.ts';
import { withinSubtree } from '../../scope.ts';
import { detectRosterFormat, readRosterFile } from '../../roster/read-roster-file.ts';
import { classes, organisations, students } from '../../tables.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { readRosterRows, readUploadedRoster, rosterBodyLimit } from '../../roster/roster-upload.ts';
import { CreateClass, ListClassesQuery, RosterQuery, RosterResult, SchoolClass } from './schema.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

export function classRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'Classes in your subtree (or one school)',
        security,
        middleware: [access('classes:read', target.organisation('schoolId', 'query', false))] as const,
        request: { query: ListClassesQuery },
        responses: {
          200: { description: 'Classes', ...json(z.object({ items: z.array(SchoolClass) })) },
          ...staffErrors,
        },
      }),
      async (c) => {
        const { schoolYear } = c.req.valid('query');
        const rows = await c.var.deps.db
          .select({ cls: classes, schoolName: organisations.name, studentCount: count(students.id) })
          .from(classes)
          .innerJoin(organisations, eq(organisations.id, classes.schoolId))
          .leftJoin(students, eq(students.classId, classes.id))
          .where(
            and(
              withinSubtree(c.var.actor, c.var.target),
              schoolYear ? eq(classes.schoolYear, schoolYear) : undefined,
            ),
          )
          .groupBy(classes.id, organisations.name)
          .orderBy(asc(classes.schoolYear), asc(organisations.name), asc(classes.name));
        return c.json(
          {
            items: rows.map(({ cls, schoolName, studentCount }) => ({
              ...cls,
              schoolName,
              studentCount,
              createdAt: undefined,
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
        summary: 'One class',
        security,
        middleware: [access('classes:read', target.class())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The class', ...json(SchoolClass) }, ...staffErrors },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const [row] = await c.var.deps.db
          .select({ cls: classes, studentCount: count(students.id) })
          .from(classes)
          .leftJoin(students, eq(students.classId, classes.id))
          .where(eq(classes.id, id))
          .groupBy(classes.id);
        if (!row) throw errors.notFound('The class');
        return c.json({ ...row.cls, studentCount: row.studentCount, createdAt: undefined }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Create a class in a school',
        security,
        middleware: [access('classes:write', target.organisation('schoolId', 'json'))] as const,
        request: { body: { ...json(CreateClass), required: true } },
        responses: {
          201: { description: 'Created', ...json(SchoolClass) },
          ...staffErrors,
          409: staffErrors[400],
        },
      }),
      async (c) => {
        const { schoolId: _schoolId, ...body } = c.req.valid('json');
        const created = await createClass(
          c.var.deps.db,
          c.var.actor,
          { school: c.var.target!, ...body },
          { ip: c.var.clientIp },
        );
        return c.json({ ...created, studentCount: 0, createdAt: undefined }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/roster',
        summary: 'Import the class roster from CSV or XLSX (all rows or none)',
        description:
          'Send the file as the raw body (Content-Type text/csv or the XLSX type) or as multipart field `file`. Headers may be Vietnamese with or without diacritics: Mã định danh, Họ và tên, Ngày sinh (dd/mm/yyyy), Giới tính. A 422 lists every bad row with its line.',
        security,
        middleware: [access('roster:import', target.class()), rosterBodyLimit()] as const,
        request: {
          params: IdParam,
          query: RosterQuery,
          body: {
            required: true,
            content: {
              // multipart/form-data (field `file`) is accepted too; it is not declared here because the
              // generated form validator would consume the raw bodies.
              'text/csv': { schema: z.string() },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
            },
          },
        },
        responses: {
          200: { description: 'Imported (or checked, with dryRun=true)', ...json(RosterResult) },
          ...staffErrors,
          413: { description: 'File too large', ...json(ErrorSchema) },
          422: { description: 'Rows with problems; nothing imported', ...json(ErrorSchema) },
        },
      }),
      async (c) => {
        const classId = c.req.valid('param').id;
        const { bytes, contentType, filename } = await readUploadedRoster(c);
        const rows = await readRosterRows(() =>
          readRosterFile(bytes, detectRosterFormat(contentType, filename, bytes)),
        );
        const result = await importRoster({
          db: c.var.deps.db,
          actor: c.var.actor,
          classId,
          schoolId: c.var.target!.id,
          rows,
          ip: c.var.clientIp,
          dryRun: c.req.valid('query').dryRun === 'true',
        });
        return c.json(result, 200);
      },
    );
}
