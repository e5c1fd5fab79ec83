/**
 * `npm run audit:verify`: walk the audit log's chain (SHA-256 rows from before the audit key,
 * HMAC rows after) and hold it to every signed checkpoint in DATA_DIR/audit-checkpoints.jsonl;
 * exit 1 and name the first broken entry. Writes no checkpoint itself.
 */
import { auditReport, createEngine, loadConfig } from '../engine/index.ts';

const config = loadConfig();
const engine = await createEngine(config, { logger: undefined, auditCheckpoints: false });
try {
  const report = await auditReport(engine.deps.db, config.dataDir, config.auditKey);
  if (report.intact) console.log(report.message);
  else {
    console.error(report.message);
    process.exitCode = 1;
  }
} finally {
  await engine.close();
}
