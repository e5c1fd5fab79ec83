/**
 * Where a result's score report can be fetched from outside (the e-records service): the
 * engine's public base URL and the secret its verification tokens are made with, set once per
 * engine for its database, so every path that scores (the queue, marking, re-scoring) links the
 * same way without threading configuration through each call.
 */
import { verificationToken } from '../../grading/index.ts';

export interface ReportLinks {
  /** Absolute base URL of the engine as the outside sees it, without a trailing slash. */
  publicUrl: string;
  secret: string;
}

const byDatabase = new WeakMap<object, ReportLinks>();

export function setReportLinks(db: object, links: ReportLinks): void {
  byDatabase.set(db, { ...links, publicUrl: links.publicUrl.replace(/\/+$/, '') });
}

/** The verify route of a result version (what its QR code holds). */
export function verifyPath(secret: string, resultId: string, version: number): string {
  return `/api/reports/verify/${verificationToken(secret, resultId, version)}`;
}

/** The absolute URL of a result version's PDF score report; undefined when the engine set no links. */
export function reportUrlOf(db: object, resultId: string, version: number): string | undefined {
  const links = byDatabase.get(db);
  return links && `${links.publicUrl}${verifyPath(links.secret, resultId, version)}/report.pdf`;
}
