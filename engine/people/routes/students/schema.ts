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

/** A date of birth: an ISO date from 1900 up to today (year 0000 or 2999 is a typing slip, not a student). */
const BirthDate = z.iso
  .date('must be an ISO date (yyyy-mm-dd)')
  .refine((iso) => iso >= '1900-01-01' && iso <= new Date().toISOString().slice(0, 10), {
    error: 'must be a date of birth between 1900-01-01 and today',
  });

export const CreateStudent = z
  .object({
    nationalId: z.string().regex(/^\d{12}$/, 'must be the 12-digit national identifier'),
    fullName: z.string().trim().min(2).max(200),
    dateOfBirth: BirthDate,
    gender: z.enum(['male', 'female', 'other']).optional(),
    schoolId: z.uuid(),
    classId: z.uuid().optional(),
  })
  .openapi('CreateStudent');

export const UpdateStudent = z
  .object({
    fullName: z.string().trim().min(2).max(200).optional(),
    dateOfBirth: BirthDate.optional(),
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
