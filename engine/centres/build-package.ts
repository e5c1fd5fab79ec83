/**
 * Builds a sealed package from gathered content and a sitting key (no database): the common part
 * under the common key, each room's part under its room key, and per room the pair of keys wrapped
 * under the key its room code derives (package-keys.ts); then the signed file (package-file.ts).
 */
import type { KeyObject } from 'node:crypto';
import type { CommonContent, RoomContent } from './package-content.ts';
import {
  commonKeyOf,
  encrypt,
  keyIdOfSittingKey,
  roomCodeBitsOf,
  roomKeyOf,
  roomWrapKeyOf,
} from './package-keys.ts';
import {
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  readPackageFile,
  writePackageFile,
  type DowntimeRule,
  type PackageHeader,
} from './package-file.ts';

/** Associated data of each encrypted part: bound to its package and its place, so parts cannot be swapped. */
export const sectionAad = (packageId: string, name: string) => `${PACKAGE_FORMAT}/${packageId}/${name}`;
export const wrapAad = (packageId: string, roomId: string) => `${PACKAGE_FORMAT}/${packageId}/wrap/${roomId}`;
export const roomSectionName = (roomId: string) => `room/${roomId}`;

export interface BuildPackageInput {
  packageId: string;
  centreIds: string[];
  notBefore: Date;
  now: Date;
  sittingKey: Buffer;
  signer: { keyId: string; privateKey: KeyObject };
  common: CommonContent;
  rooms: RoomContent[];
  /** The exam board's rule for a centre's downtime (default `pause`). */
  downtime?: DowntimeRule;
}

export function buildPackage(input: BuildPackageInput): { file: Buffer; header: PackageHeader } {
  const { packageId, sittingKey, common } = input;
  const sittingId = common.sitting.id;
  const commonKey = commonKeyOf(sittingKey, sittingId);
  const parts: Array<{ name: string; bytes: Buffer }> = [
    { name: 'common', bytes: encrypt(commonKey, sectionAad(packageId, 'common'), json(common)) },
  ];
  const rooms: PackageHeader['rooms'] = [];
  for (const content of input.rooms) {
    const roomId = content.room.id;
    const roomKey = roomKeyOf(sittingKey, sittingId, roomId);
    const name = roomSectionName(roomId);
    parts.push({ name, bytes: encrypt(roomKey, sectionAad(packageId, name), json(content)) });
    const wrapKey = roomWrapKeyOf(roomCodeBitsOf(sittingKey, sittingId, roomId), sittingId, roomId);
    const keys = json({ common: commonKey.toString('base64'), room: roomKey.toString('base64') });
    rooms.push({
      id: roomId,
      name: content.room.name,
      candidates: content.candidates.length,
      wrappedKeys: encrypt(wrapKey, wrapAad(packageId, roomId), keys).toString('base64'),
    });
  }
  let offset = 0;
  const sections = parts.map((p) => {
    const section = { name: p.name, offset, length: p.bytes.length };
    offset += p.bytes.length;
    return section;
  });
  const header = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    packageId,
    sittingId,
    sittingName: common.sitting.name,
    centreIds: input.centreIds,
    notBefore: input.notBefore.toISOString(),
    createdAt: input.now.toISOString(),
    cipher: 'aes-256-gcm',
    keyId: keyIdOfSittingKey(sittingKey, sittingId),
    signingKeyId: input.signer.keyId,
    sections,
    rooms,
    downtime: input.downtime ?? 'pause',
  } as const;
  const file = writePackageFile(header, Buffer.concat(parts.map((p) => p.bytes)), input.signer.privateKey);
  return { file, header: readPackageFile(file).header };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
