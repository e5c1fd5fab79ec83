/**
 * What `npm run audit:verify` reports: the chain walked and held to every signed checkpoint in
 * DATA_DIR and, when given, to the checkpoints the e-records service received through its feed
 * (checked by their Ed25519 signatures). One function so the CLI and the tamper tests judge a log
 * by the same rule (the tests call it in-process; spawning the CLI per case cost minutes of CI).
 */
import type { Database } from '../platform/db/database.ts';
import { readCheckpoints, readPublishedCheckpoints } from './audit-checkpoints.ts';
import { checkpointPublicKey, checkpointSigner } from './audit-checkpoint-signature.ts';
import { verifyAuditChain } from './audit-log.ts';

export interface AuditReport {
  intact: boolean;
  /** The sentence the CLI prints (stdout when intact, stderr when broken). */
  message: string;
}

export interface AuditReportOptions {
  /** Checkpoints as the e-records service received them (a JSON array, or JSON lines), and where from. */
  feed?: { text: string; source: string };
}

export async function auditReport(
  db: Database,
  dataDir: string,
  auditKey: string,
  options: AuditReportOptions = {},
): Promise<AuditReport> {
  const read = readCheckpoints(dataDir, auditKey);
  if (!read.ok)
    return {
      intact: false,
      message: `Audit checkpoints BROKEN: line ${read.line} of ${read.file}: ${read.reason}.`,
    };
  const checkpoints = [...read.checkpoints];
  let fromFeed = '';
  if (options.feed) {
    const publicKey = checkpointPublicKey(checkpointSigner(auditKey).publicKey);
    const published = readPublishedCheckpoints(options.feed.text, publicKey);
    if (!published.ok)
      return {
        intact: false,
        message: `Published audit checkpoints BROKEN: entry ${published.entry} of ${options.feed.source}: ${published.reason}.`,
      };
    checkpoints.push(...published.checkpoints);
    fromFeed = ` (${published.checkpoints.length} of them from ${options.feed.source})`;
  }
  const result = await verifyAuditChain(db, { checkpoints });
  if (result.ok)
    return {
      intact: true,
      message: `Audit log intact: ${result.rows} entries, head ${result.head.slice(0, 16)}…, ${result.checkpoints} checkpoints hold${fromFeed}.`,
    };
  return {
    intact: false,
    message: `Audit log BROKEN at entry ${result.brokenAt}: ${result.reason}. (${result.rows} entries read.)`,
  };
}
