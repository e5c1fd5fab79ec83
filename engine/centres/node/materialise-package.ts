/**
 * On a centre node: writes an opened package into the engine's own tables, so check-in, delivery
 * (the same client and Socket.IO protocol) and the proctor dashboard run from it unchanged. What
 * is written is what the package holds and nothing more: the sitting with its form spec stripped
 * of scoring data, its rooms and candidates, and each item version as a delivery model rebuilt
 * from the candidate-safe payload (body, response shapes; no keys, mappings, processing, feedback
 * or hidden tests). Student dates of birth are not in the package: a candidate's row holds an
 * impossible date until the check-in gate (check-in-gate.ts) has matched the typed date against
 * the package's keyed hash. Idempotent: opening again, or opening another room, adds what is new.
 */
import { createHash } from 'node:crypto';
import { itemBankTables } from '../../../item-bank/index.ts';
import { classes, organisations, students } from '../../people/tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { sittingCandidates, sittingRooms, sittings } from '../../sittings/tables.ts';
import type { OpenedPackage } from '../open-package.ts';

/** A date no typed date of birth parses to (years below 100 are refused by the date reader). */
export const UNCHECKED_DATE_OF_BIRTH = '0001-01-01';

/** A UUID derived from names, so every centre node writes the same rows for the same package. */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha256')
    .update(`exam-centre/v1/${parts.join('/')}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface CandidatePayload {
  identifier?: string;
  title?: string;
  language?: string;
  body?: unknown;
  responses?: Array<{ identifier: string; baseType?: string; cardinality: string }>;
  stylesheets?: string[];
}

/**
 * The item model delivery reads on a centre (response shapes for the save checks, the body), with
 * the candidate payload itself kept beside it for the centre's projection (centre-projection.ts).
 */
export function centreItemModel(payload: unknown): Record<string, unknown> {
  const p = (payload ?? {}) as CandidatePayload;
  return {
    identifier: p.identifier ?? 'item',
    title: p.title ?? '',
    qtiVersion: '3.0',
    ...(p.language ? { language: p.language } : {}),
    adaptive: false,
    timeDependent: false,
    declarations: (p.responses ?? []).map((r) => ({
      kind: 'response',
      identifier: r.identifier,
      cardinality: r.cardinality,
      ...(r.baseType ? { baseType: r.baseType } : {}),
    })),
    body: p.body ?? { name: 'div', attributes: {}, children: [] },
    interactions: [],
    modalFeedback: [],
    stylesheets: p.stylesheets ?? [],
    media: [],
    location: { line: 1, column: 1 },
    centrePayload: payload,
  };
}

export async function materialisePackage(db: Database, opened: OpenedPackage): Promise<void> {
  const { common, header } = opened;
  const sittingId = common.sitting.id;
  await db.transaction(async (tx) => {
    const rootId = stableId('organisation', sittingId);
    await tx
      .insert(organisations)
      .values({ id: rootId, kind: 'school', name: `Điểm thi: ${common.sitting.name}`, path: `/${rootId}/` })
      .onConflictDoNothing();
    await tx
      .insert(sittings)
      .values({
        id: sittingId,
        organisationId: rootId,
        name: common.sitting.name,
        subject: common.sitting.subject,
        formSpec: common.formSpec,
        opensAt: new Date(common.sitting.opensAt),
        closesAt: new Date(common.sitting.closesAt),
        durationSeconds: common.sitting.durationSeconds,
        lateStartSeconds: common.sitting.lateStartSeconds,
        graceSeconds: common.sitting.graceSeconds,
        practice: common.sitting.practice,
        securityPolicy: common.sitting.securityPolicy,
      })
      .onConflictDoNothing();

    // Items: one bank per sitting, one item per version, the version under its central id.
    const { itemBanks, items, itemVersions, media, itemVersionMedia } = itemBankTables;
    const bankId = stableId('bank', sittingId);
    await tx
      .insert(itemBanks)
      .values({ id: bankId, name: `Gói đề ${header.packageId}`, organisationId: rootId })
      .onConflictDoNothing();
    for (const m of common.media) {
      const data = Buffer.from(m.data, 'base64');
      await tx
        .insert(media)
        .values({ sha256: m.sha256, contentType: m.contentType, byteLength: data.length, data })
        .onConflictDoNothing();
    }
    for (const item of common.items) {
      const itemId = stableId('item', item.versionId);
      const model = centreItemModel(item.payload);
      await tx
        .insert(items)
        .values({
          id: itemId,
          bankId,
          identifier: `${String(model.identifier)}-${item.versionId.slice(0, 8)}`,
          title: String(model.title),
          currentVersion: 1,
        })
        .onConflictDoNothing();
      const text = JSON.stringify(item.payload);
      await tx
        .insert(itemVersions)
        .values({
          id: item.versionId,
          itemId,
          version: 1,
          sourceFormat: 'centre-package',
          qtiXml: '',
          model,
          contentSha256: createHash('sha256').update(text).digest('hex'),
        })
        .onConflictDoNothing();
      // The payload names its media by SHA-256: the candidate media route finds them by version.
      for (const sha of new Set(text.match(/\/api\/candidate\/media\/([0-9a-f]{64})/g) ?? []))
        await tx
          .insert(itemVersionMedia)
          .values({ versionId: item.versionId, href: sha, sha256: sha.slice(-64) })
          .onConflictDoNothing();
    }

    for (const room of opened.rooms) {
      await tx
        .insert(sittingRooms)
        .values({ id: room.room.id, sittingId, name: room.room.name, accessCode: room.room.accessCode })
        .onConflictDoNothing();
      for (const c of room.candidates) {
        const schoolId = stableId('school', sittingId, c.schoolName);
        await tx
          .insert(organisations)
          .values({
            id: schoolId,
            kind: 'school',
            name: c.schoolName,
            parentId: rootId,
            path: `/${rootId}/${schoolId}/`,
          })
          .onConflictDoNothing();
        let classId: string | null = null;
        if (c.className) {
          classId = stableId('class', schoolId, c.className);
          await tx
            .insert(classes)
            .values({ id: classId, schoolId, name: c.className, grade: '', schoolYear: '' })
            .onConflictDoNothing();
        }
        await tx
          .insert(students)
          .values({
            id: c.sittingCandidateId,
            nationalId: `centre:${c.sittingCandidateId}`,
            fullName: c.fullName,
            dateOfBirth: UNCHECKED_DATE_OF_BIRTH,
            schoolId,
            classId,
          })
          .onConflictDoNothing();
        await tx
          .insert(sittingCandidates)
          .values({
            id: c.sittingCandidateId,
            sittingId,
            studentId: c.sittingCandidateId,
            roomId: room.room.id,
            candidateNumber: c.candidateNumber,
            extraTimePercent: c.extraTimePercent,
            separateRoom: c.separateRoom,
          })
          .onConflictDoNothing();
      }
    }
  });
}

/** The keyed date-of-birth check of a candidate of an opened package, by room access code and number. */
export function findPackagedCandidate(
  opened: OpenedPackage,
  accessCode: string,
  candidateNumber: string,
): { sittingCandidateId: string; dateOfBirthCheck: string } | undefined {
  for (const room of opened.rooms) {
    if (room.room.accessCode.toUpperCase() !== accessCode.toUpperCase()) continue;
    const c = room.candidates.find((x) => x.candidateNumber.toUpperCase() === candidateNumber.toUpperCase());
    if (c) return { sittingCandidateId: c.sittingCandidateId, dateOfBirthCheck: c.dateOfBirthCheck };
  }
  return undefined;
}
