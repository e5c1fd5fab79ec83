import { z } from '@hono/zod-openapi';

export const SchoolClass = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    name: z.string(),
    grade: z.string(),
    schoolYear: z.string(),
    studentCount: z.number().int(),
    /** The school's name, so a picker can tell 9A1 of one school from 9A1 of another (listing only). */
    schoolName: z.string().optional(),
  })
  .openapi('Class');

export const CreateClass = z
  .object({
    schoolId: z.uuid(),
    /** Lớp, e.g. 9A1. */
    name: z.string().trim().min(1).max(50),
    grade: z.coerce.number().int().min(1).max(12).transform(String),
    schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'must look like 2026-2027'),
  })
  .openapi('CreateClass');

export const ListClassesQuery = z.object({
  schoolId: z.uuid().optional(),
  schoolYear: z.string().optional(),
});

export const RosterQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });

export const RosterResult = z
  .object({
    total: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    dryRun: z.boolean(),
  })
  .openapi('RosterImportResult');
