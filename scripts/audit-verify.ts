/** `npm run audit:verify`: walk the audit log's hash chain; exit 1 and name the first broken row. */
import { createEngine, loadConfig, verifyAuditChain } from '../engine/index.ts';

const engine = await createEngine(loadConfig(), { logger: undefined });
try {
  const result = await verifyAuditChain(engine.deps.db);
  if (result.ok) {
    console.log(`Audit log intact: ${result.rows} entries, head ${result.head.slice(0, 16)}…`);
  } else {
    console.error(
      `Audit log BROKEN at entry ${result.brokenAt}: ${result.reason}. (${result.rows} entries read.)`,
    );
    process.exitCode = 1;
  }
} finally {
  await engine.close();
}
