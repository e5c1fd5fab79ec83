/**
 * `npm run audit:verify`: walk the audit log's chain (SHA-256 rows from before the audit key,
 * HMAC rows after) and hold it to every signed checkpoint in DATA_DIR/audit-checkpoints.jsonl;
 * exit 1 and name the first broken entry. Writes no checkpoint itself.
 *
 *   --feed <file>   also hold it to the checkpoints the e-records service received (the bodies of
 *                   kind "audit_checkpoint" it was sent, as a JSON array or one per line), each
 *                   checked by its Ed25519 signature
 *   --public-key    print the public key those signatures verify with (SPKI DER, base64, and PEM),
 *                   for the e-records service or an inspector, and exit
 *
 * The command itself is engine/people/audit-verify-command.ts (tests run it in-process).
 */
import { createEngine } from '../engine/index.ts';
import { runAuditVerify } from '../engine/people/audit-verify-command.ts';

process.exitCode = await runAuditVerify({
  open: (config) => createEngine(config, { logger: undefined, auditCheckpoints: false }),
});
