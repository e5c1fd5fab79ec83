import { z } from '@hono/zod-openapi';
import { PERMISSIONS } from '../../permissions.ts';
import { STAFF_ROLES } from '../../actor.ts';

export const LoginBody = z
  .object({
    username: z.string().trim().min(1, 'is required').max(200),
    password: z.string().min(1, 'is required').max(1000),
  })
  .openapi('LoginRequest');

export const RefreshBody = z.object({ refreshToken: z.string().min(10).max(200) }).openapi('RefreshRequest');

export const Me = z
  .object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    role: z.enum(STAFF_ROLES),
    organisation: z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(['department', 'district_office', 'school']),
    }),
    abilities: z.array(z.enum(PERMISSIONS)),
  })
  .openapi('Me');

export const Session = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
    user: Me,
  })
  .openapi('StaffSession');
