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
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditReport, checkpointSigner, createEngine, loadConfig } from '../engine/index.ts';

const { values } = parseArgs({
  options: { feed: { type: 'string' }, 'public-key': { type: 'boolean' } },
});
const config = loadConfig();

if (values['public-key']) {
  const { publicKey, keyId } = checkpointSigner(config.auditKey);
  const pem = publicKey.match(/.{1,64}/g)!.join('\n');
  console.log(`Audit checkpoint key ${keyId} (Ed25519), SPKI base64:\n${publicKey}\n`);
  console.log(`-----BEGIN PUBLIC KEY-----\n${pem}\n-----END PUBLIC KEY-----`);
} else {
  let feed: { text: string; source: string } | undefined;
  if (values.feed) {
    try {
      feed = { text: readFileSync(values.feed, 'utf8'), source: values.feed };
    } catch (error) {
      console.error(`Cannot read ${values.feed}: ${(error as Error).message}`);
      process.exit(2);
    }
  }
  const engine = await createEngine(config, { logger: undefined, auditCheckpoints: false });
  try {
    const report = await auditReport(engine.deps.db, config.dataDir, config.auditKey, { feed });
    if (report.intact) console.log(report.message);
    else {
      console.error(report.message);
      process.exitCode = 1;
    }
  } finally {
    await engine.close();
  }
}
