/**
 * `npm run audit:verify`: walk the audit log's chain (SHA-256 rows from before the audit key,
 * HMAC rows after) and hold it to every signed checkpoint in DATA_DIR/audit-checkpoints.jsonl;
 * exit 1 and name the first broken entry. Writes no checkpoint itself.
 */
import { createEngine, loadConfig, readCheckpoints, verifyAuditChain } from '../engine/index.ts';

const config = loadConfig();
const engine = await createEngine(config, { logger: undefined, auditCheckpoints: false });
try {
  const read = readCheckpoints(config.dataDir, config.auditKey);
  if (!read.ok) {
    console.error(`Audit checkpoints BROKEN: line ${read.line} of ${read.file}: ${read.reason}.`);
    process.exitCode = 1;
  } else {
    const result = await verifyAuditChain(engine.deps.db, { checkpoints: read.checkpoints });
    if (result.ok) {
      console.log(
        `Audit log intact: ${result.rows} entries, head ${result.head.slice(0, 16)}…, ${result.checkpoints} checkpoints hold.`,
      );
    } else {
      console.error(
        `Audit log BROKEN at entry ${result.brokenAt}: ${result.reason}. (${result.rows} entries read.)`,
      );
      process.exitCode = 1;
    }
  }
} finally {
  await engine.close();
}
