/**
 * Checks the hashes Safe Exam Browser sends: `X-SafeExamBrowser-ConfigKeyHash` is
 * SHA-256(absolute URL + Config Key) and `X-SafeExamBrowser-RequestHash` is SHA-256(URL +
 * Browser Exam Key). A request passes when the Config Key hash matches, or when the request
 * hash matches any Browser Exam Key the sitting allows (they differ per SEB version and platform).
 */
import { timingSafeEqual } from 'node:crypto';
import { sha256Hex } from './seb-config.ts';

export interface SebPolicy {
  configKeys: string[];
  browserExamKeys: string[];
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function verifySebHeaders(
  url: string,
  headers: { configKeyHash?: string; requestHash?: string },
  policy: SebPolicy,
): boolean {
  const target = url.split('#')[0]!;
  const config = headers.configKeyHash?.toLowerCase();
  const request = headers.requestHash?.toLowerCase();
  if (config && policy.configKeys.some((key) => same(config, sha256Hex(target + key)))) return true;
  if (request && policy.browserExamKeys.some((key) => same(request, sha256Hex(target + key)))) return true;
  return false;
}
