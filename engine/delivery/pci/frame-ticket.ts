/**
 * PCI frame tickets: the capability in a PCI frame's URL. A sandboxed frame sends no
 * Authorization header and has no cookies of ours, so the URL carries a signed ticket naming the
 * session, the item version and the interaction; it opens only that interaction's page and module
 * files, and every request checks again that the session may see the item now. It is never a
 * session token (another audience), so a PCI that reads its own URL learns nothing more.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { errors } from '../../platform/errors.ts';

const ISSUER = 'exam-engine';
const AUDIENCE = 'pci-frame';
/** A frame is reopened (a new ticket) whenever the candidate comes back to the item. */
export const PCI_TICKET_SECONDS = 4 * 60 * 60;

export interface PciFrameTicket {
  sessionId: string;
  itemVersionId: string;
  responseIdentifier: string;
}

export function issuePciFrameTicket(
  secret: string,
  ticket: PciFrameTicket,
  now = Date.now(),
): Promise<string> {
  return new SignJWT({ v: ticket.itemVersionId, r: ticket.responseIdentifier })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(ticket.sessionId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + PCI_TICKET_SECONDS)
    .sign(new TextEncoder().encode(secret));
}

/** The ticket's contents, or throws invalid_token (401). */
export async function verifyPciFrameTicket(secret: string, token: string): Promise<PciFrameTicket> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.v !== 'string' || typeof payload.r !== 'string')
      throw errors.invalidToken('The PCI frame ticket is malformed.');
    return { sessionId: payload.sub, itemVersionId: payload.v, responseIdentifier: payload.r };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError)
      throw errors.invalidToken('The PCI frame ticket is invalid or expired.');
    throw error;
  }
}
