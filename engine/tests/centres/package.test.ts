/**
 * Sealed sitting packages end to end on real databases: the central engine seals the demo sitting
 * (its items carry correct responses, mappings, response processing, a scorer rubric and a code
 * task with hidden tests) for a registered centre; a second engine, the centre node, imports it
 * and opens it with the released key or a room code. Every refusal has its own error.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoBank, splitCodeTask } from '../../../item-bank/index.ts';
import { DEMO_SITTING_NAME, seedDemo } from '../../demo/seed-demo.ts';
import { auditLog, organisations, students } from '../../people/tables.ts';
import { AppError } from '../../platform/errors.ts';
import { rosterPhotos } from '../../proctoring/tables.ts';
import { newAccessCode } from '../../sittings/access-codes.ts';
import { sittingCandidates, sittingRooms, sittings } from '../../sittings/tables.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { importPackage } from '../../centres/commands/import-package.ts';
import { issueRoomCode } from '../../centres/commands/issue-room-code.ts';
import { openHeldPackage } from '../../centres/commands/open-held-package.ts';
import { registerCentre } from '../../centres/commands/register-centre.ts';
import { releaseSittingKey } from '../../centres/commands/release-sitting-key.ts';
import { saveCentreIdentity } from '../../centres/commands/save-centre-identity.ts';
import { sealSittingPackage } from '../../centres/commands/seal-sitting-package.ts';
import { generateSigningKeyPair, publicKeyOf } from '../../centres/ed25519.ts';
import { checkPackage, openPackage } from '../../centres/open-package.ts';
import { dateOfBirthCheck, versionIdsOf } from '../../centres/package-content.ts';
import { readPackageFile, type TrustedSigner } from '../../centres/package-file.ts';
import { formatRoomCode } from '../../centres/room-code.ts';

let central: TestEngine;
let node: TestEngine;
let sittingId: string;
let opensAt: Date;
let roomA: string;
let roomB: string;
let centreA: string;
let centreB: string;
let signer: TrustedSigner;
const secrets = () => ({ keySecret: central.config.auditKey });

/** The error a call throws, for its id and details. */
function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
async function refusalOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  [central, node] = await Promise.all([createTestEngine(), createTestEngine()]);
  await seedDemo(central.deps.db);
  const db = central.deps.db;
  const [sitting] = await db.select().from(sittings).where(eq(sittings.name, DEMO_SITTING_NAME));
  sittingId = sitting!.id;
  opensAt = sitting!.opensAt;
  const [room] = await db.select().from(sittingRooms).where(eq(sittingRooms.sittingId, sittingId));
  roomA = room!.id;
  // A second room, with one of the candidates moved into it: a room code must open only its room.
  const [second] = await db
    .insert(sittingRooms)
    .values({ sittingId, name: 'Phòng 02', accessCode: newAccessCode() })
    .returning();
  roomB = second!.id;
  const [moved] = await db
    .select()
    .from(sittingCandidates)
    .where(eq(sittingCandidates.sittingId, sittingId))
    .limit(1);
  await db.update(sittingCandidates).set({ roomId: roomB }).where(eq(sittingCandidates.id, moved!.id));

  const [school] = await db.select().from(organisations).where(eq(organisations.kind, 'school')).limit(1);
  const keysA = generateSigningKeyPair();
  const regA = await registerCentre(
    db,
    null,
    { organisationId: school!.id, name: 'Điểm thi A', publicKey: keysA.publicKey },
    secrets(),
  );
  const regB = await registerCentre(
    db,
    null,
    { organisationId: school!.id, name: 'Điểm thi B', publicKey: generateSigningKeyPair().publicKey },
    secrets(),
  );
  centreA = regA.centreId;
  centreB = regB.centreId;
  expect(regB.central).toEqual(regA.central); // one central key, made on first use
  signer = { keyId: regA.central.keyId, publicKey: publicKeyOf(regA.central.publicKey) };
  await saveCentreIdentity(
    node.deps.db,
    { centreId: centreA, central: regA.central, privateKeyDer: keysA.privateKeyDer },
    { keySecret: node.config.auditKey },
  );
});
afterAll(async () => {
  await Promise.all([central?.dispose(), node?.dispose()]);
});

const seal = (centreIds = [centreA]) =>
  sealSittingPackage(central.deps.db, null, { sittingId, centreIds }, secrets());
const release = (now = new Date()) =>
  releaseSittingKey(central.deps.db, { sittingId, centreId: centreA }, { ...secrets(), now });

describe('a sealed sitting package', () => {
  it('round trip: sealed centrally, imported and opened on the centre, it carries the forms, items and roster and no scoring data', async () => {
    const { file, header } = await seal();
    expect(header).toMatchObject({ sittingId, centreIds: [centreA], notBefore: opensAt.toISOString() });
    // Sealed: neither the questions nor the candidates can be read in the file.
    const bytes = file.toString('latin1');
    expect(bytes).not.toContain('tong_chan');
    const imported = await importPackage(node.deps.db, file, { keySecret: node.config.auditKey });
    expect(imported).toMatchObject({ alreadyHeld: false, header: { packageId: header.packageId } });
    expect((await importPackage(node.deps.db, file, { keySecret: node.config.auditKey })).alreadyHeld).toBe(
      true,
    );

    const { sittingKey } = await release();
    const opened = await openHeldPackage(
      node.deps.db,
      { packageId: header.packageId, key: { sittingKey } },
      { keySecret: node.config.auditKey },
    );
    const db = central.deps.db;
    const [sitting] = await db.select().from(sittings).where(eq(sittings.id, sittingId));
    expect(opened.common.sitting).toMatchObject({ id: sittingId, durationSeconds: sitting!.durationSeconds });
    expect(opened.common.formSpec.sections).toBeDefined();
    expect(opened.common.items.map((i) => i.versionId).sort()).toEqual(
      versionIdsOf(sitting!.formSpec).sort(),
    );
    const enrolled = await db
      .select({ number: sittingCandidates.candidateNumber, dob: students.dateOfBirth })
      .from(sittingCandidates)
      .innerJoin(students, eq(students.id, sittingCandidates.studentId))
      .where(eq(sittingCandidates.sittingId, sittingId));
    const roster = opened.rooms.flatMap((r) => r.candidates);
    expect(roster.map((c) => c.candidateNumber).sort()).toEqual(enrolled.map((e) => e.number).sort());
    expect(opened.rooms.map((r) => r.room.id).sort()).toEqual([roomA, roomB].sort());
    // The centre checks a typed date of birth against a keyed hash; the date itself is not in the package.
    const credentialKey = Buffer.from(opened.common.credentialKey, 'base64');
    for (const c of roster) {
      const dob = enrolled.find((e) => e.number === c.candidateNumber)!.dob;
      expect(c.dateOfBirthCheck).toBe(dateOfBirthCheck(credentialKey, c.candidateNumber, dob));
    }

    const everything = JSON.stringify(opened);
    const unescaped = everything.replaceAll('\\"', '"');
    expect(everything).toContain('Nối mỗi quốc gia'); // the items are there
    expect(unescaped).toContain('tong_chan'); // and the code task
    // As delivery's own payload test checks them (engine/tests/candidate-payloads.test.ts); a code task
    // travels as JSON inside JSON, so its hidden parts are looked for with the quotes unescaped too.
    const leaks = [
      'correctResponse',
      'mapping',
      'mapEntry',
      'responseProcessing',
      'responseCondition',
      'setOutcomeValue',
      'outcomeProcessing',
      '"solution"',
      'matchTable',
      'lookupTable',
      '"scorer"',
      'rubricBlock',
      'nationalId',
      'passwordHash',
      '"dateOfBirth"',
    ].filter((banned) => everything.includes(banned));
    const hiddenLeaks = ['hidden-tests', 'hiddenTests', 'data-visibility', '"visible":false'].filter(
      (banned) => unescaped.includes(banned),
    );
    expect([...leaks, ...hiddenLeaks]).toEqual([]);
    for (const { item } of loadDemoBank())
      for (const d of item.declarations)
        if (d.kind === 'response' && d.baseType === 'string')
          for (const v of d.correctResponse ?? [])
            expect(everything.includes(`"${v.text}"`), v.text).toBe(false);
    expect(everything).not.toContain('1 điểm: nêu được quán tính'); // the physics item's scorer rubric
    const hidden = loadDemoBank()
      .flatMap(({ item }) => item.codeTasks ?? [])
      .flatMap(({ task }) => splitCodeTask(task).hidden.tests);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.filter((test) => unescaped.includes(test.name))).toEqual([]);
    expect(enrolled.filter((e) => everything.includes(e.dob))).toEqual([]);
  });

  it('verify without the key: signed by the central engine, for this centre; the header says what it holds', async () => {
    const { file } = await seal();
    const header = checkPackage(file, centreA, signer);
    expect(header.rooms.map((r) => r.name).sort()).toEqual(['Phòng 01', 'Phòng 02']);
    expect(header.rooms.reduce((n, r) => n + r.candidates, 0)).toBeGreaterThan(1);
    expect(JSON.stringify(header)).not.toMatch(/accessCode|candidateNumber/);
  });

  it('a tampered package (a byte flipped in the header, the content or the signature) is refused as tampered', async () => {
    const { file } = await seal();
    const { header, body } = readPackageFile(file);
    const headerLength = file.readUInt32BE(8);
    const flip = (at: number) => {
      const copy = Buffer.from(file);
      copy[at] = copy[at]! ^ 0x01;
      return copy;
    };
    // In the header, a character of the sitting name (the JSON stays valid): the signature fails.
    const nameAt =
      12 + file.subarray(12, 12 + headerLength).indexOf(Buffer.from(header.sittingName.slice(0, 5)));
    const inHeader = refusal(() => checkPackage(flip(nameAt), centreA, signer));
    expect(inHeader).toMatchObject({ id: 'package_tampered', details: { reason: 'signature' } });
    // Anywhere else in the header (structure): refused too.
    expect(refusal(() => checkPackage(flip(14), centreA, signer)).id).toBe('package_tampered');
    const bodyAt = 12 + headerLength + 4;
    const inBody = refusal(() => checkPackage(flip(bodyAt + Math.floor(body.length / 2)), centreA, signer));
    expect(inBody).toMatchObject({ id: 'package_tampered', details: { reason: 'content_hash' } });
    const inSignature = refusal(() => checkPackage(flip(file.length - 5), centreA, signer));
    expect(inSignature).toMatchObject({ id: 'package_tampered', details: { reason: 'signature' } });
    const cut = refusal(() => checkPackage(file.subarray(0, file.length - 10), centreA, signer));
    expect(cut).toMatchObject({ id: 'package_tampered', details: { reason: 'malformed' } });
    // Signed by another key (someone's own central engine): refused.
    const other = generateSigningKeyPair();
    const stranger = refusal(() =>
      checkPackage(file, centreA, { keyId: signer.keyId, publicKey: publicKeyOf(other.publicKey) }),
    );
    expect(stranger).toMatchObject({ id: 'package_tampered', details: { reason: 'signature' } });
    // The centre node refuses to import it, and opening it with the right key is refused the same way.
    const imported = await refusalOf(() =>
      importPackage(node.deps.db, flip(bodyAt + 3), { keySecret: node.config.auditKey }),
    );
    expect(imported.id).toBe('package_tampered');
    const { sittingKey } = await release();
    expect(
      refusal(() => openPackage(flip(nameAt), { centreId: centreA, signer, key: { sittingKey } })).id,
    ).toBe('package_tampered');
  });

  it('a package for another centre is refused on import and on opening', async () => {
    const { file, header } = await seal([centreB]);
    const imported = await refusalOf(() =>
      importPackage(node.deps.db, file, { keySecret: node.config.auditKey }),
    );
    expect(imported).toMatchObject({ id: 'package_wrong_centre', details: { intended: [centreB] } });
    const { sittingKey } = await release();
    expect(refusal(() => openPackage(file, { centreId: centreA, signer, key: { sittingKey } })).id).toBe(
      'package_wrong_centre',
    );
    // Nor does the central engine release the key to a centre no package of the sitting was sealed for.
    const stranger = await refusalOf(() =>
      releaseSittingKey(central.deps.db, { sittingId: header.sittingId, centreId: randomUUID() }, secrets()),
    );
    expect(stranger.id).toBe('package_wrong_centre');
  });

  it('an early key use is refused: on the centre by its clock, and centrally by the central clock', async () => {
    const { file } = await seal();
    const { sittingKey } = await release();
    const early = new Date(opensAt.getTime() - 60_000);
    const onCentre = refusal(() =>
      openPackage(file, { centreId: centreA, signer, key: { sittingKey }, now: early }),
    );
    expect(onCentre).toMatchObject({ id: 'key_too_early', details: { notBefore: opensAt.toISOString() } });
    const { code } = await issueRoomCode(central.deps.db, null, { sittingId, roomId: roomA }, secrets());
    expect(
      refusal(() =>
        openPackage(file, { centreId: centreA, signer, key: { roomId: roomA, roomCode: code }, now: early }),
      ).id,
    ).toBe('key_too_early');
    const centrally = await refusalOf(() => release(early));
    expect(centrally.id).toBe('key_too_early');
  });

  it('a wrong sitting key is refused before any part is decrypted', async () => {
    const { file } = await seal();
    const wrong = refusal(() =>
      openPackage(file, { centreId: centreA, signer, key: { sittingKey: randomBytes(32) } }),
    );
    expect(wrong.id).toBe('package_wrong_key');
  });

  it('a room code opens the shared part and its own room only; a mistyped code is caught by its check character', async () => {
    const { file } = await seal();
    const { code } = await issueRoomCode(central.deps.db, null, { sittingId, roomId: roomB }, secrets());
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z*~$=U]$/);
    const opened = openPackage(file, {
      centreId: centreA,
      signer,
      key: { roomId: roomB, roomCode: code.toLowerCase() },
    });
    expect(opened.rooms.map((r) => r.room.id)).toEqual([roomB]);
    expect(opened.rooms[0]!.candidates).toHaveLength(1);
    expect(opened.common.items.length).toBeGreaterThan(0);

    // One character wrong, or two neighbours swapped: caught by the check, never tried as a key.
    const chars = code.replaceAll('-', '');
    const other = chars[3] === '7' ? '8' : '7';
    const typo = `${chars.slice(0, 3)}${other}${chars.slice(4)}`;
    const swapAt = [...chars].findIndex((c, i) => i < 15 && c !== chars[i + 1]);
    const swapped = `${chars.slice(0, swapAt)}${chars[swapAt + 1]}${chars[swapAt]}${chars.slice(swapAt + 2)}`;
    for (const typed of [typo, swapped, chars.slice(0, 12), `${chars.slice(0, 5)}!${chars.slice(6)}`]) {
      const refused = refusal(() =>
        openPackage(file, { centreId: centreA, signer, key: { roomId: roomB, roomCode: typed } }),
      );
      expect(refused.id, typed).toBe('room_code_mistyped');
    }
    // A well-formed code of another room, or a random one, does not open this room.
    const { code: codeA } = await issueRoomCode(
      central.deps.db,
      null,
      { sittingId, roomId: roomA },
      secrets(),
    );
    for (const roomCode of [codeA, formatRoomCode(randomBytes(10))]) {
      const refused = refusal(() =>
        openPackage(file, { centreId: centreA, signer, key: { roomId: roomB, roomCode } }),
      );
      expect(refused.id).toBe('package_wrong_key');
    }
  });

  it('refusals on the centre are audited, and so is each room code issued', async () => {
    const actions = (await node.deps.db.select({ action: auditLog.action }).from(auditLog)).map(
      (r) => r.action,
    );
    expect(actions).toContain('centre.package_import');
    expect(actions).toContain('centre.package_open');
    const centralActions = (await central.deps.db.select({ action: auditLog.action }).from(auditLog)).map(
      (r) => r.action,
    );
    expect(centralActions).toEqual(
      expect.arrayContaining(['centre.package_seal', 'centre.room_code_issue', 'centre.key_release']),
    );
    const { file, header } = await seal();
    await importPackage(node.deps.db, file, { keySecret: node.config.auditKey });
    const refused = await refusalOf(() =>
      openHeldPackage(
        node.deps.db,
        { packageId: header.packageId, key: { sittingKey: randomBytes(32) } },
        { keySecret: node.config.auditKey },
      ),
    );
    expect(refused.id).toBe('package_wrong_key');
    const [last] = await node.deps.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(last).toMatchObject({
      action: 'centre.package_open_refused',
      details: { error: 'package_wrong_key' },
    });
  });

  it('carries roster photos only when the sitting checks identity', async () => {
    const db = central.deps.db;
    const [candidate] = await db.select().from(sittingCandidates).where(eq(sittingCandidates.roomId, roomB));
    const photo = Buffer.from('a roster photo, as uploaded (validated on upload)');
    await db.insert(rosterPhotos).values({
      sittingCandidateId: candidate!.id,
      contentType: 'image/jpeg',
      data: photo,
      sha256: createHash('sha256').update(photo).digest('hex'),
      width: 1,
      height: 1,
    });
    const { sittingKey } = await release();
    const photosOf = async () => {
      const { file } = await seal();
      const opened = openPackage(file, { centreId: centreA, signer, key: { sittingKey } });
      return opened.rooms.flatMap((r) => r.candidates).filter((c) => c.photo);
    };
    expect(await photosOf()).toEqual([]);
    await db
      .update(sittings)
      .set({ securityPolicy: { proctoring: true, proctoringRules: { identityCheck: true } } })
      .where(eq(sittings.id, sittingId));
    const withPhotos = await photosOf();
    expect(withPhotos.map((c) => c.candidateNumber)).toEqual([candidate!.candidateNumber]);
    expect(Buffer.from(withPhotos[0]!.photo!.data, 'base64')).toEqual(photo);
  });
});
