/**
 * What `npm run audit:verify` reports: the chain walked and held to every signed checkpoint in
 * DATA_DIR. One function so the CLI and the tamper tests judge a log by the same rule (the tests
 * call it in-process; spawning the CLI per case cost minutes of CI).
 */
import type { Database } from '../platform/db/database.ts';
import { readCheckpoints } from './audit-checkpoints.ts';
import { verifyAuditChain } from './audit-log.ts';

export interface AuditReport {
  intact: boolean;
  /** The sentence the CLI prints (stdout when intact, stderr when broken). */
  message: string;
}

export async function auditReport(db: Database, dataDir: string, auditKey: string): Promise<AuditReport> {
  const read = readCheckpoints(dataDir, auditKey);
  if (!read.ok)
    return {
      intact: false,
      message: `Audit checkpoints BROKEN: line ${read.line} of ${read.file}: ${read.reason}.`,
    };
  const result = await verifyAuditChain(db, { checkpoints: read.checkpoints });
  if (result.ok)
    return {
      intact: true,
      message: `Audit log intact: ${result.rows} entries, head ${result.head.slice(0, 16)}…, ${result.checkpoints} checkpoints hold.`,
    };
  return {
    intact: false,
    message: `Audit log BROKEN at entry ${result.brokenAt}: ${result.reason}. (${result.rows} entries read.)`,
  };
}
