/**
 * The centre credential on the wire: a centre signs each request to the central engine with its
 * Ed25519 key (the one its result log is signed with) over the method, path, time and body hash.
 * The central engine checks the signature against the registered public key and refuses a request
 * more than five minutes from its own clock, so a captured request is of no use for long (and the
 * two requests a centre makes are harmless when repeated: a key release, an idempotent log import).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { AppError } from '../platform/errors.ts';
import { signBytes, verifyBytes } from './ed25519.ts';

export const CENTRE_ID_HEADER = 'x-centre-id';
export const CENTRE_TIME_HEADER = 'x-centre-time';
export const CENTRE_SIGNATURE_HEADER = 'x-centre-signature';
const MAX_SKEW_MS = 5 * 60_000;

const signedText = (method: string, path: string, time: string, body: string) =>
  Buffer.from(
    `exam-centre-request/v1\n${method.toUpperCase()}\n${path}\n${time}\n${createHash('sha256').update(body).digest('hex')}`,
    'utf8',
  );

export function signCentreRequest(
  centreId: string,
  privateKey: KeyObject,
  request: { method: string; path: string; body: string; now?: Date },
): Record<string, string> {
  const time = (request.now ?? new Date()).toISOString();
  return {
    [CENTRE_ID_HEADER]: centreId,
    [CENTRE_TIME_HEADER]: time,
    [CENTRE_SIGNATURE_HEADER]: signBytes(
      privateKey,
      signedText(request.method, request.path, time, request.body),
    ).toString('base64'),
  };
}

const refused = (message: string) => new AppError(401, 'centre_unauthenticated', message);

/** Checks a centre's request; `publicKeyOf` finds the registered key (undefined: unknown centre). */
export async function verifyCentreRequest(
  headers: (name: string) => string | undefined,
  request: { method: string; path: string; body: string },
  publicKeyOf: (centreId: string) => Promise<KeyObject | undefined>,
  now = new Date(),
): Promise<string> {
  const centreId = headers(CENTRE_ID_HEADER);
  const time = headers(CENTRE_TIME_HEADER);
  const signature = headers(CENTRE_SIGNATURE_HEADER);
  if (!centreId || !time || !signature)
    throw refused(
      `A centre request needs the ${CENTRE_ID_HEADER}, ${CENTRE_TIME_HEADER} and ${CENTRE_SIGNATURE_HEADER} headers.`,
    );
  const at = Date.parse(time);
  if (!Number.isFinite(at) || Math.abs(at - now.getTime()) > MAX_SKEW_MS)
    throw refused(
      `The request's time ${time} is more than 5 minutes from the central clock (${now.toISOString()}).`,
    );
  const key = /^[0-9a-f-]{36}$/i.test(centreId) ? await publicKeyOf(centreId) : undefined;
  if (!key) throw refused(`Centre ${centreId} is not registered with the central engine.`);
  if (
    !verifyBytes(
      key,
      signedText(request.method, request.path, time, request.body),
      Buffer.from(signature, 'base64'),
    )
  )
    throw refused(`The request is not signed by centre ${centreId}'s key.`);
  return centreId;
}
