import { z } from '@hono/zod-openapi';

export const ORGANISATION_KINDS = ['department', 'district_office', 'school'] as const;

export const Organisation = z
  .object({
    id: z.uuid(),
    kind: z.enum(ORGANISATION_KINDS),
    name: z.string(),
    code: z.string().nullable(),
    parentId: z.uuid().nullable(),
    path: z.string(),
  })
  .openapi('Organisation');

export const CreateOrganisation = z
  .object({
    /** district_office under a department; school under a district office or directly under a department. */
    kind: z.enum(['district_office', 'school']),
    name: z.string().trim().min(2).max(200),
    code: z.string().trim().min(1).max(50).optional(),
    parentId: z.uuid(),
  })
  .openapi('CreateOrganisation');

export const ListOrganisationsQuery = z.object({ kind: z.enum(ORGANISATION_KINDS).optional() });
