/**
 * Reads a zip (an IMS content package, or a .docx before it is handed to mammoth) with budgets:
 * entry count, bytes per entry, bytes in all, bytes of XML per file and in all, and compression
 * ratio. The zip's directory is checked first, so an honest bomb is refused before anything is
 * inflated; then every entry is inflated as a stream and its real bytes are counted, so a bomb
 * whose directory lies is stopped the moment it crosses a budget, never after. Entries that climb
 * out of the package (`../`, absolute paths) are refused too, and so is an entry whose bytes do
 * not match the CRC-32 the zip records for it (a corrupt or truncated file; yauzl does not check).
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipLimits {
  /** Entries (files and folders) in the zip. */
  maxEntries: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of one `.xml` entry (each one is parsed into a tree, which costs more). */
  maxXmlEntryBytes: number;
  /** Uncompressed bytes of all `.xml` entries together. */
  maxXmlTotalBytes: number;
  /** Uncompressed:compressed ratio allowed for entries over 1 MB. */
  maxRatio: number;
}

const MiB = 2 ** 20;

/** Budgets for QTI content packages: room for a large bank with its media, not for a bomb. */
export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 5000,
  maxTotalBytes: 256 * MiB,
  maxEntryBytes: 64 * MiB,
  maxXmlEntryBytes: 4 * MiB,
  maxXmlTotalBytes: 32 * MiB,
  maxRatio: 200,
});

export class PackageError extends Error {}

/** Rejects names that are absolute or leave the package once normalised. */
export function safeEntryName(name: string): string {
  const normalised = path.posix.normalize(name.replace(/\\/g, '/'));
  if (
    normalised.startsWith('/') ||
    /^[a-zA-Z]:/.test(normalised) ||
    normalised === '..' ||
    normalised.startsWith('../')
  ) {
    throw new PackageError(`The package entry "${name}" points outside the package; the package is refused.`);
  }
  return normalised;
}

const size = (bytes: number) =>
  bytes >= MiB ? `${(bytes / MiB).toFixed(bytes % MiB ? 1 : 0)} MiB` : `${bytes} bytes`;
const isXml = (name: string) => /\.(xml|rels)$/i.test(name);

function open(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      // autoClose off: entries are read after the whole directory has been checked.
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, autoClose: false },
      (error, zip) =>
        error || !zip
          ? reject(new PackageError(`The file is not a readable zip: ${error?.message ?? 'unknown error'}`))
          : resolve(zip),
    ),
  );
}

/** Every entry of the directory, checked against the budgets by the sizes it declares. */
function readDirectory(zip: yauzl.ZipFile, limits: ZipLimits): Promise<Array<[string, yauzl.Entry]>> {
  if (zip.entryCount > limits.maxEntries)
    return Promise.reject(
      new PackageError(
        `The zip has ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted (zip bomb guard).`,
      ),
    );
  return new Promise((resolve, reject) => {
    const entries: Array<[string, yauzl.Entry]> = [];
    let total = 0;
    let xmlTotal = 0;
    zip.on('error', (e: Error) => reject(e instanceof PackageError ? e : new PackageError(e.message)));
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        const name = safeEntryName(entry.fileName);
        if (!name.endsWith('/')) {
          const declared = entry.uncompressedSize;
          checkEntry(name, declared, limits);
          total += declared;
          if (isXml(name)) xmlTotal += declared;
          checkTotals(total, xmlTotal, limits);
          if (
            entry.compressedSize > 0 &&
            declared / entry.compressedSize > limits.maxRatio &&
            declared > 1_000_000
          )
            throw new PackageError(
              `${name} compresses ${Math.round(declared / entry.compressedSize)}:1; the file is refused (zip bomb guard).`,
            );
          entries.push([name, entry]);
        }
        zip.readEntry();
      } catch (e) {
        reject(e);
      }
    });
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

function checkEntry(name: string, bytes: number, limits: ZipLimits) {
  // The XML budget first: it is the tighter one, and the one that says what the file is.
  if (isXml(name) && bytes > limits.maxXmlEntryBytes)
    throw new PackageError(
      `${name} unpacks to more than ${size(limits.maxXmlEntryBytes)} (the limit for one XML file); the file is refused (zip bomb guard).`,
    );
  if (bytes > limits.maxEntryBytes)
    throw new PackageError(
      `${name} unpacks to more than ${size(limits.maxEntryBytes)} (the limit for one file); the file is refused (zip bomb guard).`,
    );
}

function checkTotals(total: number, xmlTotal: number, limits: ZipLimits) {
  if (total > limits.maxTotalBytes)
    throw new PackageError(
      `The zip unpacks to more than ${size(limits.maxTotalBytes)}; the file is refused (zip bomb guard).`,
    );
  if (xmlTotal > limits.maxXmlTotalBytes)
    throw new PackageError(
      `The zip's XML files unpack to more than ${size(limits.maxXmlTotalBytes)} together; the file is refused (zip bomb guard).`,
    );
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) =>
      error || !stream
        ? reject(new PackageError(`Cannot read ${name}: ${error?.message ?? ''}`))
        : resolve(stream),
    ),
  );
}

/**
 * Inflates every entry as a stream, counting the bytes that really come out against the budgets;
 * `keep` decides whether an entry's bytes are kept (false: inflated, counted and dropped).
 */
async function inflate(
  bytes: Uint8Array,
  limits: Partial<ZipLimits>,
  keep: (name: string) => boolean,
): Promise<Map<string, Buffer>> {
  const budget: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const zip = await open(bytes);
  try {
    const entries = await readDirectory(zip, budget);
    const files = new Map<string, Buffer>();
    let total = 0;
    let xmlTotal = 0;
    for (const [name, entry] of entries) {
      const stream = await openStream(zip, entry, name);
      const chunks: Buffer[] = [];
      const kept = keep(name);
      let entryBytes = 0;
      let crc = 0;
      await new Promise<void>((resolve, reject) => {
        stream.on('data', (chunk: Buffer) => {
          entryBytes += chunk.length;
          crc = crc32(chunk, crc);
          total += chunk.length;
          if (isXml(name)) xmlTotal += chunk.length;
          try {
            // The directory's sizes can lie (yauzl also stops an entry that outgrows its declared size).
            checkEntry(name, entryBytes, budget);
            checkTotals(total, xmlTotal, budget);
          } catch (e) {
            stream.destroy(e as Error);
            return;
          }
          if (kept) chunks.push(chunk);
        });
        stream.on('error', (e: Error) =>
          reject(
            e instanceof PackageError
              ? e
              : new PackageError(`${name} cannot be unpacked: ${e.message}; the file is refused.`),
          ),
        );
        stream.on('end', () => resolve());
      });
      if (crc !== entry.crc32)
        throw new PackageError(
          `${name} is corrupt: its bytes do not match the checksum (CRC-32) the zip records; the file is refused.`,
        );
      if (kept) files.set(name, Buffer.concat(chunks));
    }
    return files;
  } finally {
    zip.close();
  }
}

/** Reads every file of a zip into memory, within the budgets (PackageError names the one crossed). */
export function readZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): Promise<Map<string, Buffer>> {
  return inflate(bytes, limits, () => true);
}

/**
 * Checks a zip against the budgets by inflating every entry as a stream and dropping the bytes:
 * afterwards its directory's sizes are known to be true and within the budgets, so a library
 * that unpacks it whole (mammoth, for .docx) cannot be handed a bomb. Throws PackageError.
 */
export async function checkZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): Promise<void> {
  await inflate(bytes, limits, () => false);
}
