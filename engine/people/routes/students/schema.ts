import { z } from '@hono/zod-openapi';
import { Pagination } from '../../../platform/http/common-schemas.ts';

export const Student = z
  .object({
    id: z.uuid(),
    nationalId: z.string().openapi({ description: 'Mã định danh: 12-digit national identifier' }),
    fullName: z.string(),
    dateOfBirth: z.string().openapi({ description: 'ISO date' }),
    gender: z.enum(['male', 'female', 'other']).nullable(),
    schoolId: z.uuid(),
    classId: z.uuid().nullable(),
    hasPhoto: z.boolean(),
  })
  .openapi('Student');

export const CreateStudent = z
  .object({
    nationalId: z.string().regex(/^\d{12}$/, 'must be the 12-digit national identifier'),
    fullName: z.string().trim().min(2).max(200),
    dateOfBirth: z.iso.date('must be an ISO date (yyyy-mm-dd)'),
    gender: z.enum(['male', 'female', 'other']).optional(),
    schoolId: z.uuid(),
    classId: z.uuid().optional(),
  })
  .openapi('CreateStudent');

export const UpdateStudent = z
  .object({
    fullName: z.string().trim().min(2).max(200).optional(),
    dateOfBirth: z.iso.date().optional(),
    gender: z.enum(['male', 'female', 'other']).nullable().optional(),
    classId: z.uuid().nullable().optional(),
  })
  .openapi('UpdateStudent');

export const ListStudentsQuery = Pagination.extend({
  schoolId: z.uuid().optional(),
  classId: z.uuid().optional(),
  /** Part of the name or the start of the national identifier. */
  q: z.string().trim().max(100).optional(),
});
