/**
 * A central engine and a centre node for the centre tests: the central engine with a sitting of
 * real QTI items, a registered centre with its credential file, and a package sealed for it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerCentre } from '../../../centres/commands/register-centre.ts';
import { sealSittingPackage } from '../../../centres/commands/seal-sitting-package.ts';
import { generateSigningKeyPair } from '../../../centres/ed25519.ts';
import type { CentreCredential } from '../../../centres/node/centre-node.ts';
import type { Engine } from '../../../engine.ts';
import { buildOrganisationTree } from '../../support/factories.ts';
import { buildQtiItems, buildSitting, type SittingOptions } from '../../support/delivery-fixtures.ts';

export async function prepareCentralSitting(
  central: Engine & { config: { auditKey: string } },
  options: SittingOptions & { items?: number },
) {
  const tree = await buildOrganisationTree(central.deps.db);
  const items = await buildQtiItems(central, tree, options.items ?? 5);
  const sitting = await buildSitting(central, tree, items, options);
  const keys = generateSigningKeyPair();
  const secrets = { keySecret: central.config.auditKey };
  const registered = await registerCentre(
    central.deps.db,
    null,
    { organisationId: tree.schoolA.id, name: `Điểm thi ${Date.now()}`, publicKey: keys.publicKey },
    secrets,
  );
  const credential: CentreCredential = {
    centreId: registered.centreId,
    central: registered.central,
    privateKey: keys.privateKeyDer.toString('base64'),
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'exam-centre-cred-'));
  const credentialFile = path.join(dir, 'centre.json');
  writeFileSync(credentialFile, JSON.stringify(credential), { mode: 0o600 });
  const sealed = await sealSittingPackage(
    central.deps.db,
    null,
    { sittingId: sitting.sittingId, centreIds: [registered.centreId] },
    secrets,
  );
  return {
    tree,
    items,
    sitting,
    credential,
    credentialFile,
    packageFile: sealed.file,
    header: sealed.header,
  };
}
