/**
 * What a sealed sitting package holds, and how it is gathered from the central database. The
 * common part (every room of the package shares it): the sitting's rules (times, navigation,
 * security policy), its form spec without scoring data, each item version as the candidate-safe
 * payload delivery serves (the item bank's projection: no keys, mappings, processing, hidden tests
 * or rubrics) and the media those payloads point at. Each room's part: its access code, proctors'
 * names, and its candidates with what check-in needs: the candidate number and a keyed hash of the
 * date of birth (HMAC under the package's credential key, never the date itself), names, and the
 * roster photo when the sitting checks identity. No national ids, no password hashes, no
 * sitting-wide access code (a centre seats candidates with its rooms' codes).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { itemBankTables } from '../../item-bank/index.ts';
import { proctoringEnabled, proctoringPolicyOf } from '../../proctor/index.ts';
import type { CandidateProjection, CandidateProjectionOption } from '../delivery/candidate-items.ts';
import { classes, organisations, studentPhotos, students, users } from '../people/tables.ts';
import type { Executor } from '../platform/db/database.ts';
import { errors } from '../platform/errors.ts';
import { rosterPhotos } from '../proctoring/tables.ts';
import { FormSpec, specItems } from '../sittings/form.ts';
import { roomProctors, sittingCandidates, sittingRooms, sittings } from '../sittings/tables.ts';

const isoTime = z.iso.datetime({ precision: 3 });

export const CommonContent = z.strictObject({
  sitting: z.strictObject({
    id: z.uuid(),
    name: z.string(),
    subject: z.string().nullable(),
    opensAt: isoTime,
    closesAt: isoTime,
    durationSeconds: z.number().int(),
    lateStartSeconds: z.number().int().nullable(),
    graceSeconds: z.number().int(),
    /**
     * A practice sitting (sittings.practice): delivered on the centre as practice, as centrally (the
     * candidate is told the score counts for no grade). Absent in packages sealed before it was carried.
     */
    practice: z.boolean().default(false),
    /** The stored security policy, the SEB quit password replaced by its SHA-256 (what a .seb file holds). */
    securityPolicy: z.record(z.string(), z.unknown()),
  }),
  /** The sitting's FormSpec without test outcome processing and item weights (scoring stays central). */
  formSpec: z.record(z.string(), z.unknown()),
  items: z.array(z.strictObject({ versionId: z.uuid(), payload: z.unknown() })),
  /** Media by SHA-256, as the payloads' `/api/candidate/media/<sha256>` URLs name them. */
  media: z.array(z.strictObject({ sha256: z.string(), contentType: z.string(), data: z.base64() })),
  /** Key of the candidates' date-of-birth checks (HMAC-SHA256 over "CANDIDATE NUMBER\nYYYY-MM-DD"). */
  credentialKey: z.base64(),
  rooms: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
});
export type CommonContent = z.output<typeof CommonContent>;

export const RoomContent = z.strictObject({
  room: z.strictObject({ id: z.uuid(), name: z.string(), accessCode: z.string() }),
  proctors: z.array(z.strictObject({ userId: z.uuid(), fullName: z.string() })),
  candidates: z.array(
    z.strictObject({
      sittingCandidateId: z.uuid(),
      candidateNumber: z.string(),
      fullName: z.string(),
      dateOfBirthCheck: z.string(),
      className: z.string().nullable(),
      schoolName: z.string(),
      extraTimePercent: z.number().int(),
      separateRoom: z.boolean(),
      photo: z.strictObject({ contentType: z.string(), sha256: z.string(), data: z.base64() }).optional(),
    }),
  ),
});
export type RoomContent = z.output<typeof RoomContent>;

/** The date-of-birth check a centre compares a typed date against (constant time). */
export function dateOfBirthCheck(
  credentialKey: Buffer,
  candidateNumber: string,
  dateOfBirth: string,
): string {
  return createHmac('sha256', credentialKey)
    .update(`${candidateNumber.toUpperCase()}\n${dateOfBirth}`)
    .digest('hex');
}

/** Test-level outcome processing and item weights are scoring data: they stay central. */
export function centreFormSpec(stored: unknown): Record<string, unknown> {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    const isItemRef = 'itemVersionId' in node;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'outcomes') continue;
      if (isItemRef && (key === 'weight' || key === 'weights')) continue;
      out[key] = strip(value);
    }
    return out;
  };
  return strip(stored) as Record<string, unknown>;
}

function centreSecurityPolicy(stored: unknown): Record<string, unknown> {
  const policy = { ...((stored ?? {}) as Record<string, unknown>) };
  const password = policy.sebQuitPassword;
  delete policy.sebQuitPassword;
  if (typeof password === 'string' && password)
    policy.sebHashedQuitPassword = createHash('sha256').update(password, 'utf8').digest('hex');
  return policy;
}

/** Every item version a form spec (and each of its parallel forms) can deliver. */
export function versionIdsOf(stored: unknown): string[] {
  const spec = FormSpec.parse(stored);
  const specs = [spec, ...(spec.parallelForms ?? []).map((f) => FormSpec.parse(f.spec))];
  return [...new Set(specs.flatMap((s) => specItems(s).map((i) => i.itemVersionId)))];
}

export interface GatheredSitting {
  sitting: typeof sittings.$inferSelect;
  common: CommonContent;
  rooms: RoomContent[];
}

export interface GatherOptions {
  /** The rooms to include (default: every room of the sitting). */
  roomIds?: string[];
  /** How stored item models become candidate payloads (delivery's projection unless a test says otherwise). */
  projection: CandidateProjectionOption;
}

export async function gatherSitting(
  db: Executor,
  sittingId: string,
  options: GatherOptions,
): Promise<GatheredSitting> {
  const [sitting] = await db.select().from(sittings).where(eq(sittings.id, sittingId));
  if (!sitting) throw errors.notFound(`Sitting ${sittingId}`);
  if (sitting.cancelledAt) throw errors.conflict(`Sitting ${sittingId} was cancelled.`);
  const allRooms = await db
    .select()
    .from(sittingRooms)
    .where(eq(sittingRooms.sittingId, sittingId))
    .orderBy(asc(sittingRooms.name));
  const unknown = (options.roomIds ?? []).filter((id) => !allRooms.some((r) => r.id === id));
  if (unknown.length) throw errors.notFound(`Room ${unknown.join(', ')} of sitting ${sittingId}`);
  const rooms = options.roomIds ? allRooms.filter((r) => options.roomIds!.includes(r.id)) : allRooms;
  if (!rooms.length) throw errors.conflict(`Sitting ${sittingId} has no rooms to put in a package.`);

  const projection: CandidateProjection =
    typeof options.projection === 'function' ? { shared: options.projection } : options.projection;
  const versionIds = versionIdsOf(sitting.formSpec);
  const { itemVersions, itemVersionMedia, media } = itemBankTables;
  const [models, mediaRefs] = await Promise.all([
    versionIds.length
      ? db
          .select({ id: itemVersions.id, model: itemVersions.model })
          .from(itemVersions)
          .where(inArray(itemVersions.id, versionIds))
      : [],
    versionIds.length
      ? db.select().from(itemVersionMedia).where(inArray(itemVersionMedia.versionId, versionIds))
      : [],
  ]);
  const missing = versionIds.filter((id) => !models.some((m) => m.id === id));
  if (missing.length) throw errors.conflict(`Item versions ${missing.join(', ')} of the form are missing.`);
  const items = versionIds.map((versionId) => {
    const refs = mediaRefs.filter((m) => m.versionId === versionId);
    const model = models.find((m) => m.id === versionId)!.model;
    return { versionId, payload: projection.shared(model, new Map(refs.map((m) => [m.href, m.sha256]))) };
  });
  const shas = [...new Set(mediaRefs.map((m) => m.sha256))];
  const blobs = shas.length ? await db.select().from(media).where(inArray(media.sha256, shas)) : [];

  const credentialKey = randomBytes(32);
  const photos =
    proctoringEnabled(sitting.securityPolicy) && proctoringPolicyOf(sitting.securityPolicy).identityCheck;
  const roomContents: RoomContent[] = [];
  for (const room of rooms) {
    const [proctors, candidates] = await Promise.all([
      db
        .select({ userId: users.id, fullName: users.fullName })
        .from(roomProctors)
        .innerJoin(users, eq(users.id, roomProctors.userId))
        .where(eq(roomProctors.roomId, room.id))
        .orderBy(asc(users.fullName)),
      db
        .select({
          sittingCandidateId: sittingCandidates.id,
          candidateNumber: sittingCandidates.candidateNumber,
          extraTimePercent: sittingCandidates.extraTimePercent,
          separateRoom: sittingCandidates.separateRoom,
          fullName: students.fullName,
          dateOfBirth: students.dateOfBirth,
          photoSha256: students.photoSha256,
          className: classes.name,
          schoolName: organisations.name,
        })
        .from(sittingCandidates)
        .innerJoin(students, eq(students.id, sittingCandidates.studentId))
        .innerJoin(organisations, eq(organisations.id, students.schoolId))
        .leftJoin(classes, eq(classes.id, students.classId))
        .where(and(eq(sittingCandidates.sittingId, sittingId), eq(sittingCandidates.roomId, room.id)))
        .orderBy(asc(sittingCandidates.candidateNumber)),
    ]);
    const photoOf = async (c: (typeof candidates)[number]) => {
      if (!photos) return undefined;
      const [roster] = await db
        .select({ contentType: rosterPhotos.contentType, data: rosterPhotos.data })
        .from(rosterPhotos)
        .where(eq(rosterPhotos.sittingCandidateId, c.sittingCandidateId));
      const [own] =
        roster || !c.photoSha256
          ? []
          : await db
              .select({ contentType: studentPhotos.contentType, data: studentPhotos.data })
              .from(studentPhotos)
              .where(eq(studentPhotos.sha256, c.photoSha256));
      const photo = roster ?? own;
      return photo
        ? {
            contentType: photo.contentType,
            sha256: createHash('sha256').update(photo.data).digest('hex'),
            data: photo.data.toString('base64'),
          }
        : undefined;
    };
    const roster = [];
    for (const c of candidates) {
      const photo = await photoOf(c);
      roster.push({
        sittingCandidateId: c.sittingCandidateId,
        candidateNumber: c.candidateNumber,
        fullName: c.fullName,
        dateOfBirthCheck: dateOfBirthCheck(credentialKey, c.candidateNumber, c.dateOfBirth),
        className: c.className,
        schoolName: c.schoolName,
        extraTimePercent: c.extraTimePercent,
        separateRoom: c.separateRoom,
        ...(photo ? { photo } : {}),
      });
    }
    roomContents.push({
      room: { id: room.id, name: room.name, accessCode: room.accessCode },
      proctors,
      candidates: roster,
    });
  }

  const common: CommonContent = {
    sitting: {
      id: sitting.id,
      name: sitting.name,
      subject: sitting.subject,
      opensAt: sitting.opensAt.toISOString(),
      closesAt: sitting.closesAt.toISOString(),
      durationSeconds: sitting.durationSeconds,
      lateStartSeconds: sitting.lateStartSeconds,
      graceSeconds: sitting.graceSeconds,
      practice: sitting.practice,
      securityPolicy: centreSecurityPolicy(sitting.securityPolicy),
    },
    formSpec: centreFormSpec(sitting.formSpec),
    items,
    media: blobs.map((b) => ({
      sha256: b.sha256,
      contentType: b.contentType,
      data: b.data.toString('base64'),
    })),
    credentialKey: credentialKey.toString('base64'),
    rooms: rooms.map((r) => ({ id: r.id, name: r.name })),
  };
  return { sitting, common, rooms: roomContents };
}
