/**
 * A practice sitting sealed for a centre is delivered there as practice (issue 22 with issue 25):
 * the package carries `sittings.practice`, the centre writes it into its own sitting, and its
 * check-in and session snapshot say practice as the central engine's do; a graded sitting's
 * package stays graded, and a package sealed before the flag was carried reads as graded.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealSittingPackage } from '../../centres/commands/seal-sitting-package.ts';
import { CommonContent } from '../../centres/package-content.ts';
import { sittings } from '../../sittings/tables.ts';
import {
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  type CandidateClient,
} from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { prepareCentralSitting } from './support/centre-engines.ts';
import { startCentreEngine } from './support/centre-engine.ts';

let central: TestEngine;
let centre: TestEngine;
let centrePort: number;
let prepared: Awaited<ReturnType<typeof prepareCentralSitting>>;
let practice: Awaited<ReturnType<typeof buildSitting>>;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  central = await createTestEngine();
  const centralPort = await central.listen(0, '127.0.0.1');
  prepared = await prepareCentralSitting(central, { students: 1, items: 2 });
  practice = await buildSitting(central, prepared.tree, prepared.items, { students: 1 });
  await central.deps.db.update(sittings).set({ practice: true }).where(eq(sittings.id, practice.sittingId));
  centre = await startCentreEngine({
    centralUrl: `http://127.0.0.1:${centralPort}`,
    credentialFile: prepared.credentialFile,
  });
  centrePort = await centre.listen(0, '127.0.0.1');
}, 60_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await centre?.dispose();
  await central?.dispose();
});

async function deliveredOnCentre(
  accessCode: string,
  candidate: { candidateNumber: string; dateOfBirth: string },
) {
  const checkedIn = (await checkInCandidate(centre, accessCode, candidate)) as unknown as {
    sessionToken: string;
    sitting: { practice: boolean };
  };
  const socket = await connectCandidate(centrePort, checkedIn.sessionToken);
  sockets.push(socket);
  const started = await request(socket, 'session:start', {});
  if (!started.ok) throw new Error(JSON.stringify(started));
  return { checkIn: checkedIn.sitting.practice, snapshot: started.snapshot.sitting.practice };
}

describe('the practice flag travels in the sealed package', () => {
  it('a practice sitting is practice on the centre, a graded one graded', async () => {
    const sealed = await sealSittingPackage(
      central.deps.db,
      null,
      { sittingId: practice.sittingId, centreIds: [prepared.credential.centreId] },
      { keySecret: central.config.auditKey },
    );
    await centre.centre!.importFile(prepared.packageFile);
    await centre.centre!.importFile(sealed.file);
    expect(await centre.centre!.fetchDueKeys()).toBe(2);
    const stored = await centre.deps.db
      .select({ id: sittings.id, practice: sittings.practice })
      .from(sittings);
    expect(stored.find((s) => s.id === practice.sittingId)?.practice).toBe(true);
    expect(stored.find((s) => s.id === prepared.sitting.sittingId)?.practice).toBe(false);

    expect(await deliveredOnCentre(practice.accessCode, practice.candidates[0]!)).toEqual({
      checkIn: true,
      snapshot: true,
    });
    expect(await deliveredOnCentre(prepared.sitting.accessCode, prepared.sitting.candidates[0]!)).toEqual({
      checkIn: false,
      snapshot: false,
    });
  });

  it('a package sealed before the flag was carried reads as a graded sitting', () => {
    const sitting = {
      id: practice.sittingId,
      name: 'Cũ',
      subject: null,
      opensAt: new Date().toISOString(),
      closesAt: new Date().toISOString(),
      durationSeconds: 60,
      lateStartSeconds: null,
      graceSeconds: 0,
      securityPolicy: {},
    };
    const old = CommonContent.parse({
      sitting,
      formSpec: {},
      items: [],
      media: [],
      credentialKey: Buffer.alloc(32).toString('base64'),
      rooms: [],
    });
    expect(old.sitting.practice).toBe(false);
  });
});
