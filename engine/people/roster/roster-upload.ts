/**
 * A roster file sent to the API (a class roster, a sitting's enrolment list): as the raw body or as
 * the multipart field `file`, at most 5 MB, never empty; a file that cannot be read as a whole is a
 * 422 with its coded reason (RosterFileError).
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errors } from '../../platform/errors.ts';
import { RosterFileError } from './roster-file-error.ts';

const ROSTER_MAX_BYTES = 5 * 1024 * 1024;

/** The route middleware that refuses a larger body (413) before it is read. */
export const rosterBodyLimit = () =>
  bodyLimit({
    maxSize: ROSTER_MAX_BYTES,
    onError: () => {
      throw errors.tooLarge('A roster file may be at most 5 MB.');
    },
  });

export interface UploadedRoster {
  bytes: Uint8Array;
  contentType: string;
  /** The file's name when it came as a multipart field. */
  filename?: string;
}

export async function readUploadedRoster(c: Context): Promise<UploadedRoster> {
  const contentType = c.req.header('content-type') ?? '';
  let bytes: Uint8Array;
  let filename: string | undefined;
  if (contentType.startsWith('multipart/form-data')) {
    const file = (await c.req.formData()).get('file');
    if (!(file instanceof File)) throw errors.badRequest('The form has no file field named "file".');
    bytes = new Uint8Array(await file.arrayBuffer());
    filename = file.name;
  } else {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  }
  if (bytes.length === 0)
    throw errors.badRequest('The roster file is empty.', { code: 'file_empty', params: {} });
  return { bytes, contentType, filename };
}

/** Runs a roster reader, turning a file it cannot read into the API's 422. */
export async function readRosterRows<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof RosterFileError) throw errors.validation(error.message, error.details);
    throw error;
  }
}
