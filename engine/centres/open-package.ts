/**
 * Checking and opening a package on a centre. `checkPackage` is what import does (no key): the
 * file is whole and signed by the central engine, and it is for this centre. `openPackage` also
 * takes a released key, either the sitting key (fetched from the central engine at the start
 * time) or one room's code read out by the exam board, and refuses, each with its own error:
 * a tampered file, a package for another centre, a key used before the start time, a mistyped
 * room code (caught by its check character before any decryption) and a wrong key.
 */
import { z } from 'zod';
import { centreErrors } from './centre-errors.ts';
import { sectionAad, roomSectionName, wrapAad } from './build-package.ts';
import { CommonContent, RoomContent } from './package-content.ts';
import { verifyPackageFile, type PackageHeader, type TrustedSigner } from './package-file.ts';
import { commonKeyOf, decrypt, keyIdOfSittingKey, roomKeyOf, roomWrapKeyOf } from './package-keys.ts';
import { parseRoomCode } from './room-code.ts';

/** A released key: the whole sitting key, or one room's code. */
export type ReleasedKey = { sittingKey: Buffer } | { roomId: string; roomCode: string };

export interface OpenedPackage {
  header: PackageHeader;
  common: CommonContent;
  /** The rooms the key opens: all of them for the sitting key, one for a room code. */
  rooms: RoomContent[];
}

/** Verifies a package for this centre without a key; returns its header. */
export function checkPackage(file: Buffer, centreId: string, signer: TrustedSigner): PackageHeader {
  const { header } = verifyPackageFile(file, signer);
  if (!header.centreIds.includes(centreId))
    throw centreErrors.packageForAnotherCentre(centreId, header.centreIds);
  return header;
}

const WrappedKeys = z.strictObject({ common: z.base64(), room: z.base64() });

export function openPackage(
  file: Buffer,
  options: { centreId: string; signer: TrustedSigner; key: ReleasedKey; now?: Date },
): OpenedPackage {
  const { key } = options;
  // A typo is told at once, before the file is even read.
  const codeBits = 'roomCode' in key ? parseRoomCode(key.roomCode) : undefined;
  const { header, body } = verifyPackageFile(file, options.signer);
  if (!header.centreIds.includes(options.centreId))
    throw centreErrors.packageForAnotherCentre(options.centreId, header.centreIds);
  const now = options.now ?? new Date();
  const notBefore = new Date(header.notBefore);
  if (now < notBefore) throw centreErrors.earlyKeyUse(notBefore, now);

  const { sittingId, packageId } = header;
  let commonKey: Buffer;
  let roomKeys: Array<{ roomId: string; key: Buffer }>;
  if ('sittingKey' in key) {
    if (key.sittingKey.length !== 32 || keyIdOfSittingKey(key.sittingKey, sittingId) !== header.keyId)
      throw centreErrors.wrongKey(`This key is not the key of this package (key id ${header.keyId}).`);
    commonKey = commonKeyOf(key.sittingKey, sittingId);
    roomKeys = header.rooms.map((r) => ({ roomId: r.id, key: roomKeyOf(key.sittingKey, sittingId, r.id) }));
  } else {
    const room = header.rooms.find((r) => r.id === key.roomId);
    if (!room) throw centreErrors.wrongKey(`Room ${key.roomId} is not in this package.`);
    const wrapKey = roomWrapKeyOf(codeBits!, sittingId, room.id);
    const unwrapped = decrypt(wrapKey, wrapAad(packageId, room.id), Buffer.from(room.wrappedKeys, 'base64'));
    if (!unwrapped)
      throw centreErrors.wrongKey(
        `This code does not open room "${room.name}" of this package (is it the code of another room or sitting?).`,
      );
    const keys = WrappedKeys.parse(JSON.parse(unwrapped.toString('utf8')));
    commonKey = Buffer.from(keys.common, 'base64');
    roomKeys = [{ roomId: room.id, key: Buffer.from(keys.room, 'base64') }];
  }

  const section = (name: string, sectionKey: Buffer) => {
    const where = header.sections.find((s) => s.name === name);
    if (!where) throw centreErrors.packageTampered('header', `its section ${name} is missing.`);
    const plain = decrypt(
      sectionKey,
      sectionAad(packageId, name),
      body.subarray(where.offset, where.offset + where.length),
    );
    if (!plain) throw centreErrors.wrongKey(`The key does not open the ${name} part of this package.`);
    return JSON.parse(plain.toString('utf8')) as unknown;
  };
  return {
    header,
    common: CommonContent.parse(section('common', commonKey)),
    rooms: roomKeys.map((r) => RoomContent.parse(section(roomSectionName(r.roomId), r.key))),
  };
}
