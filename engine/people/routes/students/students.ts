/** Students: listing within scope, create and edit, photos for the identity check. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, count, eq, ilike, like, or } from 'drizzle-orm';
import { bodyLimit } from 'hono/body-limit';
import { createStudent } from '../../commands/create-student.ts';
import { setStudentPhoto } from '../../commands/set-student-photo.ts';
import { updateStudent } from '../../commands/update-student.ts';
import { errors } from '../../../platform/errors.ts';
import { access, target } from '../../access.ts';
import { withinSubtree } from '../../scope.ts';
import { organisations, studentPhotos, students } from '../../tables.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { CreateStudent, ListStudentsQuery, Student, UpdateStudent } from './schema.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const present = (row: typeof students.$inferSelect) => ({
  id: row.id,
  nationalId: row.nationalId,
  fullName: row.fullName,
  dateOfBirth: row.dateOfBirth,
  gender: row.gender,
  schoolId: row.schoolId,
  classId: row.classId,
  hasPhoto: row.photoSha256 !== null,
});

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export function studentRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary: 'Students in your subtree, filtered by school, class or name',
        security,
        middleware: [access('students:read', target.organisation('schoolId', 'query', false))] as const,
        request: { query: ListStudentsQuery },
        responses: {
          200: {
            description: 'Students',
            ...json(z.object({ items: z.array(Student), total: z.number().int() })),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const { page, pageSize, classId, q } = c.req.valid('query');
        const where = and(
          withinSubtree(c.var.actor, c.var.target),
          classId ? eq(students.classId, classId) : undefined,
          q
            ? or(
                ilike(students.fullName, `%${escapeLike(q)}%`),
                like(students.nationalId, `${escapeLike(q)}%`),
              )
            : undefined,
        );
        const db = c.var.deps.db;
        const [rows, [total]] = await Promise.all([
          db
            .select({ student: students })
            .from(students)
            .innerJoin(organisations, eq(organisations.id, students.schoolId))
            .where(where)
            .orderBy(asc(students.fullName), asc(students.id))
            .limit(pageSize)
            .offset((page - 1) * pageSize),
          db
            .select({ n: count() })
            .from(students)
            .innerJoin(organisations, eq(organisations.id, students.schoolId))
            .where(where),
        ]);
        return c.json({ items: rows.map((r) => present(r.student)), total: total?.n ?? 0 }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        summary: 'One student',
        security,
        middleware: [access('students:read', target.student())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The student', ...json(Student) }, ...staffErrors },
      }),
      async (c) => {
        const [row] = await c.var.deps.db
          .select()
          .from(students)
          .where(eq(students.id, c.req.valid('param').id));
        if (!row) throw errors.notFound('The student');
        return c.json(present(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary: 'Register a student in a school',
        security,
        middleware: [access('students:write', target.organisation('schoolId', 'json'))] as const,
        request: { body: { ...json(CreateStudent), required: true } },
        responses: {
          201: { description: 'Created', ...json(Student) },
          ...staffErrors,
          409: staffErrors[400],
        },
      }),
      async (c) => {
        const { schoolId: _schoolId, ...body } = c.req.valid('json');
        const created = await createStudent(
          c.var.deps.db,
          c.var.actor,
          { school: c.var.target!, ...body },
          { ip: c.var.clientIp },
        );
        return c.json(present(created), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        summary: 'Edit a student',
        security,
        middleware: [access('students:write', target.student())] as const,
        request: { params: IdParam, body: { ...json(UpdateStudent), required: true } },
        responses: { 200: { description: 'Updated', ...json(Student) }, ...staffErrors },
      }),
      async (c) => {
        const updated = await updateStudent(
          c.var.deps.db,
          c.var.actor,
          { studentId: c.req.valid('param').id, schoolId: c.var.target!.id, changes: c.req.valid('json') },
          { ip: c.var.clientIp },
        );
        return c.json(present(updated), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/photo',
        summary:
          'Set the roster photo used for the identity check (JPEG or PNG, at most 2 MB; only its pixels are kept)',
        security,
        middleware: [
          access('students:write', target.student()),
          bodyLimit({
            maxSize: 2 * 1024 * 1024,
            onError: () => {
              throw errors.tooLarge('A photo may be at most 2 MB.');
            },
          }),
        ] as const,
        request: { params: IdParam },
        responses: {
          204: { description: 'Stored' },
          ...staffErrors,
          413: { description: 'Too large', ...json(ErrorSchema) },
        },
      }),
      async (c) => {
        await setStudentPhoto(
          c.var.deps.db,
          c.var.actor,
          {
            studentId: c.req.valid('param').id,
            schoolId: c.var.target!.id,
            contentType: (c.req.header('content-type') ?? '').split(';')[0]!.trim(),
            data: Buffer.from(await c.req.arrayBuffer()),
          },
          { ip: c.var.clientIp },
        );
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/photo',
        summary: 'The roster photo',
        security,
        middleware: [access('students:read', target.student())] as const,
        request: { params: IdParam },
        responses: { 200: { description: 'The image' }, ...staffErrors },
      }),
      async (c) => {
        const [row] = await c.var.deps.db
          .select({ contentType: studentPhotos.contentType, data: studentPhotos.data })
          .from(students)
          .innerJoin(studentPhotos, eq(studentPhotos.sha256, students.photoSha256))
          .where(eq(students.id, c.req.valid('param').id));
        if (!row) throw errors.notFound('The photo');
        return c.body(new Uint8Array(row.data), 200, {
          'content-type': row.contentType,
          'cache-control': 'private, max-age=300',
        });
      },
    );
}
