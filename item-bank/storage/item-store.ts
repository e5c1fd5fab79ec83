/**
 * Storing items: every save of changed content adds an immutable version; saving identical
 * content again is a no-op, so re-importing a package is idempotent. Media are stored once
 * by SHA-256. Status changes are recorded with who and when.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { itemStatusEvents, items, itemVersionMedia, itemVersions, media } from '../schema.ts';
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

function contentHash(input: ItemVersionInput, mediaHashes: string[]): string {
  return sha256Hex(
    `${input.qtiXml}\n${[...mediaHashes].sort().join(',')}\n${JSON.stringify(input.metadata ?? {})}`,
  );
}

async function storeMedia(tx: ItemBankExecutor, files: MediaFile[]) {
  const stored: Array<{ href: string; sha256: string }> = [];
  for (const file of files) {
    const sha256 = sha256Hex(file.data);
    await tx
      .insert(media)
      .values({
        sha256,
        contentType: file.contentType,
        byteLength: file.data.byteLength,
        data: Buffer.from(file.data),
      })
      .onConflictDoNothing();
    stored.push({ href: file.href, sha256 });
  }
  return stored;
}

function metadataColumns(metadata: Partial<ItemMetadata> | undefined) {
  if (!metadata) return {};
  const { subject, grade, topic, competencies, cognitiveLevel, language, estimatedSeconds, difficulty } =
    metadata;
  return Object.fromEntries(
    Object.entries({
      subject,
      grade,
      topic,
      competencies,
      cognitiveLevel,
      language,
      estimatedSeconds,
      difficulty,
    }).filter(([, v]) => v !== undefined),
  );
}

/** Saves a version of an item in a bank, creating the item on first save. Runs inside the caller's transaction. */
export async function saveItemVersion(
  tx: ItemBankExecutor,
  bankId: string,
  input: ItemVersionInput,
  actorId?: string,
): Promise<SavedItemVersion> {
  const storedMedia = await storeMedia(tx, input.media ?? []);
  const hash = contentHash(
    input,
    storedMedia.map((m) => `${m.href}=${m.sha256}`),
  );
  const searchText = foldVietnamese(`${input.title} ${input.text} ${input.metadata?.topic ?? ''}`);
  const [existing] = await tx
    .select()
    .from(items)
    .where(and(eq(items.bankId, bankId), eq(items.identifier, input.identifier)))
    .for('update');

  let itemId: string;
  let version: number;
  if (existing) {
    const [current] = await tx
      .select({ id: itemVersions.id, hash: itemVersions.contentSha256 })
      .from(itemVersions)
      .where(and(eq(itemVersions.itemId, existing.id), eq(itemVersions.version, existing.currentVersion)));
    if (current?.hash === hash) {
      return { itemId: existing.id, version: existing.currentVersion, versionId: current.id, created: false };
    }
    itemId = existing.id;
    version = existing.currentVersion + 1;
    // A changed item goes back to draft for review; earlier published versions stay deliverable as they are.
    const backToDraft = existing.status !== 'draft';
    await tx
      .update(items)
      .set({
        title: input.title,
        currentVersion: version,
        interactionTypes: input.interactionTypes,
        searchText,
        updatedAt: new Date(),
        ...metadataColumns(input.metadata),
        ...(backToDraft
          ? { status: 'draft' as const, statusChangedBy: actorId, statusChangedAt: new Date() }
          : {}),
      })
      .where(eq(items.id, itemId));
    if (backToDraft) {
      await tx.insert(itemStatusEvents).values({
        itemId,
        fromStatus: existing.status,
        toStatus: 'draft',
        actorId,
        comment: `Version ${version} saved`,
      });
    }
  } else {
    version = 1;
    const [created] = await tx
      .insert(items)
      .values({
        bankId,
        identifier: input.identifier,
        title: input.title,
        currentVersion: 1,
        interactionTypes: input.interactionTypes,
        searchText,
        createdBy: actorId,
        statusChangedBy: actorId,
        statusChangedAt: new Date(),
        ...metadataColumns(input.metadata),
      })
      .returning({ id: items.id });
    itemId = created!.id;
    await tx
      .insert(itemStatusEvents)
      .values({ itemId, fromStatus: null, toStatus: 'draft', actorId, comment: 'Created' });
  }

  const [versionRow] = await tx
    .insert(itemVersions)
    .values({
      itemId,
      version,
      sourceFormat: input.sourceFormat,
      sourceFile: input.sourceFile,
      qtiXml: input.qtiXml,
      model: input.model as object,
      contentSha256: hash,
      createdBy: actorId,
    })
    .returning({ id: itemVersions.id });
  if (storedMedia.length) {
    await tx.insert(itemVersionMedia).values(storedMedia.map((m) => ({ versionId: versionRow!.id, ...m })));
  }
  return { itemId, version, versionId: versionRow!.id, created: true };
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
