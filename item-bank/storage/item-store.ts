/**
 * Storing items: every save of changed content adds an immutable version; saving identical
 * content again is a no-op, so re-importing a package is idempotent. Media are stored once
 * by SHA-256. Status changes are recorded with who and when.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { itemStatusEvents, items, itemVersionMedia, itemVersions, media } from '../schema.ts';
import { sanitiseItemForStorage } from '../qti/sanitise-item.ts';
import { foldVietnamese } from '../search/fold-vietnamese.ts';
import type { ItemBankDatabase, ItemBankExecutor } from './database.ts';
import { canTransition, type ItemStatus } from './item-status.ts';
import type { ItemMetadata } from './metadata.ts';

export interface MediaFile {
  /** The path the item uses for the file, relative to the item. */
  href: string;
  contentType: string;
  data: Uint8Array;
}

export interface ItemVersionInput {
  identifier: string;
  title: string;
  /** `qti2.1`, `qti2.2`, `qti3.0` or `authoring`. */
  sourceFormat: string;
  sourceFile?: string;
  /** Canonical QTI 3.0 XML of the item. */
  qtiXml: string;
  /** The parsed item model, as JSON. */
  model: unknown;
  /** The item's visible text (stem, choices, prompts), indexed for search. */
  text: string;
  interactionTypes: string[];
  media?: MediaFile[];
  metadata?: Partial<ItemMetadata>;
}

export interface SavedItemVersion {
  itemId: string;
  version: number;
  versionId: string;
  /** False when the content equalled the current version and nothing was written. */
  created: boolean;
}

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export function contentHash(input: ItemVersionInput, mediaHashes: string[]): string {
  return sha256Hex(
    `${input.qtiXml}\n${[...mediaHashes].sort().join(',')}\n${JSON.stringify(input.metadata ?? {})}`,
  );
}

/**
 * Stores media files once by SHA-256: one query finds the hashes already stored, and only the
 * missing files are sent (in groups, so no statement carries too many bytes).
 */
async function storeMedia(tx: ItemBankExecutor, files: MediaFile[]): Promise<Map<MediaFile, string>> {
  const hashes = new Map<MediaFile, string>();
  const unique = new Map<string, MediaFile>();
  for (const file of files) {
    const sha256 = sha256Hex(file.data);
    hashes.set(file, sha256);
    unique.set(sha256, file);
  }
  if (!unique.size) return hashes;
  const stored = new Set(
    (
      await tx
        .select({ sha256: media.sha256 })
        .from(media)
        .where(inArray(media.sha256, [...unique.keys()]))
    ).map((r) => r.sha256),
  );
  const missing = [...unique].filter(([sha256]) => !stored.has(sha256));
  for (const group of groupsBy(missing, MEDIA_GROUP_BYTES, ([, f]) => f.data.byteLength)) {
    await tx
      .insert(media)
      .values(
        group.map(([sha256, file]) => ({
          sha256,
          contentType: file.contentType,
          byteLength: file.data.byteLength,
          data: Buffer.from(file.data),
        })),
      )
      .onConflictDoNothing();
  }
  return hashes;
}

function metadataColumns(metadata: Partial<ItemMetadata> | undefined) {
  if (!metadata) return {};
  const {
    subject,
    grade,
    topic,
    competencies,
    cognitiveLevel,
    tags,
    language,
    estimatedSeconds,
    difficulty,
  } = metadata;
  return Object.fromEntries(
    Object.entries({
      subject,
      grade,
      topic,
      competencies,
      cognitiveLevel,
      tags,
      language,
      estimatedSeconds,
      difficulty,
    }).filter(([, v]) => v !== undefined),
  );
}

/** Items per multi-row statement: well under PostgreSQL's 65,535 parameters, and a few MB of XML and JSON. */
const ROWS_PER_STATEMENT = 250;
/** Media bytes per insert statement. */
const MEDIA_GROUP_BYTES = 16 * 1024 * 1024;

function* groupsBy<T>(list: T[], limit: number, size: (x: T) => number): Generator<T[]> {
  let group: T[] = [];
  let total = 0;
  for (const x of list) {
    if (group.length && total + size(x) > limit) {
      yield group;
      group = [];
      total = 0;
    }
    group.push(x);
    total += size(x);
  }
  if (group.length) yield group;
}

const chunks = <T>(list: T[], length: number) => [...groupsBy(list, length, () => 1)];

/** Saves a version of an item in a bank, creating the item on first save. Runs inside the caller's transaction. */
export async function saveItemVersion(
  tx: ItemBankExecutor,
  bankId: string,
  input: ItemVersionInput,
  actorId?: string,
): Promise<SavedItemVersion> {
  const [saved] = await saveItemVersions(tx, bankId, [input], actorId);
  return saved!;
}

/**
 * Saves many items at once with multi-row statements (the import path): the same rows and results
 * as calling saveItemVersion for each input in order, in far fewer round trips. Runs inside the
 * caller's transaction, so a failure leaves nothing written. Results are in input order.
 */
export async function saveItemVersions(
  tx: ItemBankExecutor,
  bankId: string,
  inputs: ItemVersionInput[],
  actorId?: string,
): Promise<SavedItemVersion[]> {
  // Content is sanitised on every save, whoever built the input (see qti/sanitise-item.ts).
  inputs = inputs.map(sanitiseItemForStorage);
  const results: SavedItemVersion[] = new Array(inputs.length);
  const mediaHashes = await storeMedia(
    tx,
    inputs.flatMap((i) => i.media ?? []),
  );
  // An identifier given twice is saved in a later round, after its first save, as one-by-one saves would.
  let pending = inputs.map((input, index) => ({ input, index }));
  while (pending.length) {
    const seen = new Set<string>();
    const round: typeof pending = [];
    const later: typeof pending = [];
    for (const entry of pending) {
      (seen.has(entry.input.identifier) ? later : round).push(entry);
      seen.add(entry.input.identifier);
    }
    for (const chunk of chunks(round, ROWS_PER_STATEMENT)) {
      await saveRound(tx, bankId, chunk, mediaHashes, actorId, results);
    }
    pending = later;
  }
  return results;
}

/** Saves inputs with distinct identifiers. */
async function saveRound(
  tx: ItemBankExecutor,
  bankId: string,
  round: Array<{ input: ItemVersionInput; index: number }>,
  mediaHashes: Map<MediaFile, string>,
  actorId: string | undefined,
  results: SavedItemVersion[],
): Promise<void> {
  const prepared = round.map(({ input, index }) => {
    const storedMedia = (input.media ?? []).map((file) => ({
      href: file.href,
      sha256: mediaHashes.get(file)!,
    }));
    return {
      input,
      index,
      storedMedia,
      hash: contentHash(
        input,
        storedMedia.map((m) => `${m.href}=${m.sha256}`),
      ),
      searchText: foldVietnamese(
        `${input.title} ${input.text} ${input.metadata?.topic ?? ''} ${(input.metadata?.tags ?? []).join(' ')}`,
      ),
    };
  });
  const existingRows = await tx
    .select()
    .from(items)
    .where(
      and(
        eq(items.bankId, bankId),
        inArray(
          items.identifier,
          round.map((r) => r.input.identifier),
        ),
      ),
    )
    .orderBy(items.id)
    .for('update');
  const existing = new Map(existingRows.map((row) => [row.identifier, row]));
  const currentVersions = existingRows.length
    ? await tx
        .select({ id: itemVersions.id, itemId: itemVersions.itemId, hash: itemVersions.contentSha256 })
        .from(itemVersions)
        .innerJoin(
          items,
          and(eq(items.id, itemVersions.itemId), eq(items.currentVersion, itemVersions.version)),
        )
        .where(
          inArray(
            itemVersions.itemId,
            existingRows.map((r) => r.id),
          ),
        )
    : [];
  const currentByItem = new Map(currentVersions.map((v) => [v.itemId, v]));

  const toVersion: Array<(typeof prepared)[number] & { itemId: string; version: number }> = [];
  const fresh: typeof prepared = [];
  const events: Array<typeof itemStatusEvents.$inferInsert> = [];
  for (const entry of prepared) {
    const row = existing.get(entry.input.identifier);
    if (!row) {
      fresh.push(entry);
      continue;
    }
    const current = currentByItem.get(row.id);
    if (current?.hash === entry.hash) {
      results[entry.index] = {
        itemId: row.id,
        version: row.currentVersion,
        versionId: current.id,
        created: false,
      };
      continue;
    }
    const version = row.currentVersion + 1;
    // A changed item goes back to draft for review; earlier published versions stay deliverable as they are.
    const backToDraft = row.status !== 'draft';
    await tx
      .update(items)
      .set({
        title: entry.input.title,
        currentVersion: version,
        interactionTypes: entry.input.interactionTypes,
        searchText: entry.searchText,
        updatedAt: new Date(),
        ...metadataColumns(entry.input.metadata),
        ...(backToDraft
          ? { status: 'draft' as const, statusChangedBy: actorId, statusChangedAt: new Date() }
          : {}),
      })
      .where(eq(items.id, row.id));
    if (backToDraft) {
      events.push({
        itemId: row.id,
        fromStatus: row.status,
        toStatus: 'draft',
        actorId,
        comment: `Version ${version} saved`,
      });
    }
    toVersion.push({ ...entry, itemId: row.id, version });
  }

  if (fresh.length) {
    const now = new Date();
    const created = await tx
      .insert(items)
      .values(
        fresh.map(({ input, searchText }) => ({
          bankId,
          identifier: input.identifier,
          title: input.title,
          currentVersion: 1,
          interactionTypes: input.interactionTypes,
          searchText,
          createdBy: actorId,
          statusChangedBy: actorId,
          statusChangedAt: now,
          // drizzle writes DEFAULT for a column another row sets and this one lacks.
          ...metadataColumns(input.metadata),
        })),
      )
      .returning({ id: items.id, identifier: items.identifier });
    const idOf = new Map(created.map((c) => [c.identifier, c.id]));
    for (const entry of fresh) {
      const itemId = idOf.get(entry.input.identifier)!;
      events.push({ itemId, fromStatus: null, toStatus: 'draft', actorId, comment: 'Created' });
      toVersion.push({ ...entry, itemId, version: 1 });
    }
  }
  if (events.length) await tx.insert(itemStatusEvents).values(events);
  if (!toVersion.length) return;

  const versionRows = await tx
    .insert(itemVersions)
    .values(
      toVersion.map(({ input, itemId, version, hash }) => ({
        itemId,
        version,
        sourceFormat: input.sourceFormat,
        sourceFile: input.sourceFile,
        qtiXml: input.qtiXml,
        model: input.model as object,
        contentSha256: hash,
        createdBy: actorId,
      })),
    )
    .returning({ id: itemVersions.id, itemId: itemVersions.itemId });
  const versionIdOf = new Map(versionRows.map((v) => [v.itemId, v.id]));
  const links = toVersion.flatMap(({ itemId, storedMedia }) =>
    storedMedia.map((m) => ({ versionId: versionIdOf.get(itemId)!, ...m })),
  );
  for (const group of chunks(links, 5000)) await tx.insert(itemVersionMedia).values(group);
  for (const { index, itemId, version } of toVersion) {
    results[index] = { itemId, version, versionId: versionIdOf.get(itemId)!, created: true };
  }
}

export class ItemStatusError extends Error {}

/** Moves an item through the review workflow; throws ItemStatusError for a move the workflow does not allow. */
export async function changeItemStatus(
  db: ItemBankDatabase,
  itemId: string,
  to: ItemStatus,
  actorId: string,
  comment?: string,
): Promise<{ from: ItemStatus; to: ItemStatus }> {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select({ status: items.status })
      .from(items)
      .where(eq(items.id, itemId))
      .for('update');
    if (!item) throw new ItemStatusError('The item does not exist.');
    if (!canTransition(item.status, to)) {
      throw new ItemStatusError(`An item cannot move from ${item.status} to ${to}.`);
    }
    const now = new Date();
    await tx
      .update(items)
      .set({ status: to, statusChangedBy: actorId, statusChangedAt: now })
      .where(eq(items.id, itemId));
    await tx
      .insert(itemStatusEvents)
      .values({ itemId, fromStatus: item.status, toStatus: to, actorId, comment, at: now });
    return { from: item.status, to };
  });
}

/** One version of an item (the current one when `version` is omitted). */
export async function getItemVersion(db: ItemBankExecutor, itemId: string, version?: number) {
  const [row] = await db
    .select()
    .from(itemVersions)
    .where(
      and(
        eq(itemVersions.itemId, itemId),
        version === undefined ? undefined : eq(itemVersions.version, version),
      ),
    )
    .orderBy(desc(itemVersions.version))
    .limit(1);
  return row;
}

/** Records that a sitting delivered this version; the database keeps delivered versions frozen. */
export async function markVersionDelivered(db: ItemBankExecutor, versionId: string): Promise<void> {
  await db
    .update(itemVersions)
    .set({ firstDeliveredAt: sql`coalesce(${itemVersions.firstDeliveredAt}, now())` })
    .where(eq(itemVersions.id, versionId));
}
