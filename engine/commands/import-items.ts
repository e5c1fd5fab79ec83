/**
 * Imports QTI items into a bank from a content package (zip) or one XML file: every item is
 * checked first; if any has an error nothing is saved and every problem is reported with its
 * file, line and column; otherwise all are saved in one transaction (unchanged items add no version).
 */
import {
  plainText,
  readPackageFiles,
  readZip,
  saveItemVersion,
  PackageError,
} from '../../item-bank/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { StaffActor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { errors } from '../errors.ts';

export interface ImportItemsResult {
  items: Array<{ file: string; identifier: string; version: number; created: boolean }>;
  created: number;
  unchanged: number;
  dryRun: boolean;
}

export async function importItems(props: {
  db: Database;
  actor: StaffActor;
  bankId: string;
  organisationId: string;
  bytes: Uint8Array;
  filename?: string;
  /** Files already read (a folder), by package-relative path; used instead of `bytes` when given. */
  files?: Map<string, Buffer>;
  dryRun?: boolean;
  ip?: string;
  /** Called after each item is saved (for progress bars). */
  onProgress?(saved: number, total: number): void;
}): Promise<ImportItemsResult> {
  const isZip = props.bytes[0] === 0x50 && props.bytes[1] === 0x4b;
  let files: Map<string, Buffer>;
  try {
    files =
      props.files ??
      (isZip
        ? await readZip(props.bytes)
        : new Map([[props.filename ?? 'item.xml', Buffer.from(props.bytes)]]));
  } catch (error) {
    if (error instanceof PackageError) throw errors.validation(error.message, { files: [] });
    throw error;
  }
  const read = readPackageFiles(files);
  if (!read.items.length) throw errors.validation('The upload holds no QTI assessmentItem.', { files: [] });
  if (!read.ok) {
    const bad = read.items.filter((i) => i.problems.some((p) => p.severity === 'error'));
    throw errors.validation(
      `Nothing was imported: ${bad.length} of ${read.items.length} item file(s) have errors.`,
      {
        files: bad.map((i) => ({ file: i.file, problems: i.problems })),
      },
    );
  }
  if (props.dryRun) {
    return {
      items: read.items.map((i) => ({
        file: i.file,
        identifier: i.item!.identifier,
        version: 0,
        created: false,
      })),
      created: 0,
      unchanged: 0,
      dryRun: true,
    };
  }
  const saved = await props.db.transaction(async (tx) => {
    const out: ImportItemsResult['items'] = [];
    for (const entry of read.items) {
      const item = entry.item!;
      const result = await saveItemVersion(
        tx,
        props.bankId,
        {
          identifier: item.identifier,
          title: item.title,
          sourceFormat: `qti${item.qtiVersion}`,
          sourceFile: entry.file,
          qtiXml: entry.xml,
          model: item,
          text: plainText([item.body]),
          interactionTypes: [...new Set(item.interactions.map((i) => i.type))],
          media: entry.media,
          metadata: item.language ? { language: item.language.slice(0, 20) } : undefined,
        },
        props.actor.userId,
      );
      out.push({
        file: entry.file,
        identifier: item.identifier,
        version: result.version,
        created: result.created,
      });
      props.onProgress?.(out.length, read.items.length);
    }
    await appendAudit(tx, {
      actorId: props.actor.userId,
      actorRole: props.actor.role,
      action: 'item_bank.import',
      subjectType: 'item_bank',
      subjectId: props.bankId,
      organisationId: props.organisationId,
      ip: props.ip,
      details: { items: out.length, created: out.filter((i) => i.created).length },
    });
    return out;
  });
  return {
    items: saved,
    created: saved.filter((i) => i.created).length,
    unchanged: saved.filter((i) => !i.created).length,
    dryRun: false,
  };
}
