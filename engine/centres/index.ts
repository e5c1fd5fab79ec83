/**
 * @module centres
 * Test centres (issue 22): the same engine on a school's LAN, fed by sealed sitting packages and
 * sending back a signed result log.
 * - Central engine: `registerCentre`, `sealSittingPackage`, `issueRoomCode`, `releaseSittingKey`,
 *   `importResultLog` (commands, each one transaction with its audit row).
 * - Centre node: `saveCentreIdentity`, `importPackage`, `openHeldPackage`, `appendLogEntry`,
 *   `readLogEntries`, and `CentreNode` (CENTRE_MODE: packages opened into the engine's tables, every
 *   acknowledged answer logged, the log pushed upward with `signCentreRequest`).
 * - Pure parts: the package file (`verifyPackageFile`, `checkPackage`, `openPackage`), room codes,
 *   the log's hashing and signing and its batch verifier.
 */
export { centreErrors } from './centre-errors.ts';
export {
  registerCentre,
  type RegisterCentreInput,
  type RegisteredCentre,
} from './commands/register-centre.ts';
export {
  sealSittingPackage,
  MAX_KEY_RELEASE_LEAD_MINUTES,
  type SealSittingPackageInput,
} from './commands/seal-sitting-package.ts';
export { issueRoomCode } from './commands/issue-room-code.ts';
export { releaseSittingKey } from './commands/release-sitting-key.ts';
export { importResultLog, type ImportedBatch } from './commands/import-result-log.ts';
export { saveCentreIdentity } from './commands/save-centre-identity.ts';
export { importPackage } from './commands/import-package.ts';
export { openHeldPackage } from './commands/open-held-package.ts';
export { generateSigningKeyPair, publicKeyOf, privateKeyOf, keyIdOf } from './ed25519.ts';
export { checkPackage, openPackage, type OpenedPackage, type ReleasedKey } from './open-package.ts';
export { verifyPackageFile, readPackageFile, PackageHeader, type TrustedSigner } from './package-file.ts';
export { CommonContent, RoomContent, dateOfBirthCheck } from './package-content.ts';
export { formatRoomCode, parseRoomCode } from './room-code.ts';
export { LogEntry, LOG_GENESIS_HASH, nextLogEntry, signLogEntry, hashLogEntry } from './result-log.ts';
export { verifyLogBatch } from './verify-log-batch.ts';
export { appendLogEntry, readLogEntries, chainHead } from './result-log-store.ts';
export { parseCentreArgs, runCentreCommand, CENTRE_USAGE } from './centre-cli.ts';
export { CentreNode, type CentreCredential, type SyncReport } from './node/centre-node.ts';
export { signCentreRequest, verifyCentreRequest } from './signed-request.ts';
export { applyLogEntries } from './central/apply-log-entries.ts';
