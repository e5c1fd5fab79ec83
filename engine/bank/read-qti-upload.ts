/**
 * The QTI items and tests of an upload (a content package zip, a folder's files or one XML file),
 * read and checked within item-bank's budgets (readZip's sizes, readPackageFiles' XML depth and
 * nodes). The reading runs in an upload-parser worker, so a hostile package costs a worker with a
 * heap ceiling and a time budget, never the engine's event loop.
 */
import { readPackageFiles, readZip, PackageError, type ReadPackageResult } from '../../item-bank/index.ts';
import { uploadParsers } from '../platform/workers/upload-parsers.ts';

/** Buffers cross threads as plain Uint8Arrays; the package reader decodes with Buffer's methods. */
const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** The reader itself (runs in the worker): bytes or files in, every item and test read and checked. */
export async function readQtiUpload(
  bytes: Uint8Array,
  filename: string | undefined,
  files: Map<string, Uint8Array> | undefined,
): Promise<ReadPackageResult> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const read = files
    ? new Map([...files].map(([name, data]) => [name, asBuffer(data)]))
    : isZip
      ? await readZip(bytes)
      : new Map([[filename ?? 'item.xml', asBuffer(bytes)]]);
  return readPackageFiles(read);
}

/**
 * Reads an upload in a worker. Throws PackageError when the zip is refused (budgets, zip-slip),
 * AppError 422 when reading it runs out of time or memory, 503 when the readers are all busy.
 */
export function readQtiUploadInWorker(upload: {
  bytes: Uint8Array;
  filename?: string;
  files?: Map<string, Uint8Array>;
}): Promise<ReadPackageResult> {
  return uploadParsers().run({
    reader: readQtiUpload,
    module: new URL(import.meta.url),
    args: [upload.bytes, upload.filename, upload.files],
    file: upload.filename ? `"${upload.filename}"` : 'The upload',
    revive: [PackageError],
  });
}
