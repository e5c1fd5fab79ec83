/**
 * Verification codes printed on score reports: an HMAC-SHA256 of the result id and version under
 * a key derived from the engine's secret, shown as ten base32 characters (XXXXX-XXXXX). The engine
 * stores each issued code with its result, so `GET /api/reports/verify/:code` can answer whether a
 * paper report is genuine and still current; the code cannot be forged without the key.
 */
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I to misread

/** The verification code of one result version. */
export function verificationCode(secret: string, resultId: string, version: number): string {
  const key = createHmac('sha256', secret).update('score-report-verification').digest();
  const mac = createHmac('sha256', key).update(`${resultId}:${version}`).digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[mac[i]! % 32];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Normalises what a person typed (lower case, spaces, missing dash) to the printed form. */
export function normaliseCode(input: string): string | undefined {
  const plain = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (plain.length !== 10 || [...plain].some((c) => !ALPHABET.includes(c))) return undefined;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

/**
 * The token of a result version as printed in the QR code's URL, `<result id>.<code>`, so the
 * verify route finds the result without a lookup table.
 */
export function verificationToken(secret: string, resultId: string, version: number): string {
  return `${resultId}.${verificationCode(secret, resultId, version).replace('-', '')}`;
}
