/** zod schemas shared by several routes. */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({ id: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .openapi('Error');

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** A stored file's content address (media and PCI module files are kept by their SHA-256). */
export const Sha256Param = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .openapi({ param: { name: 'sha256', in: 'path' } });

export const Pagination = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** The error responses every authenticated route can give. */
export const staffErrors = {
  400: errorResponse('The request is invalid'),
  401: errorResponse('Not signed in, or the token is invalid'),
  403: errorResponse('The role or organisation scope does not allow this'),
  404: errorResponse('Not found'),
} as const;

export const security = [{ bearer: [] }];
