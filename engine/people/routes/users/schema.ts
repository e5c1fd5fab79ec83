import { z } from '@hono/zod-openapi';
import { STAFF_ROLES } from '../../actor.ts';
import { Pagination } from '../../../platform/http/common-schemas.ts';

export const User = z
  .object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    role: z.enum(STAFF_ROLES),
    organisationId: z.uuid(),
    disabled: z.boolean(),
  })
  .openapi('User');

export const CreateUser = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(100)
      .regex(/^[A-Za-z0-9._@-]+$/, 'may hold only letters without diacritics, digits and . _ @ -'),
    fullName: z.string().trim().min(2).max(200),
    email: z.email().optional(),
    role: z.enum(STAFF_ROLES),
    organisationId: z.uuid(),
    password: z.string().min(10, 'must be at least 10 characters').max(200),
  })
  .openapi('CreateUser');

export const ListUsersQuery = Pagination.extend({
  organisationId: z.uuid().optional(),
  role: z.enum(STAFF_ROLES).optional(),
});
