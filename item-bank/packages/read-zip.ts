/**
 * Reads a zip (an IMS content package) into memory with guards: a zip bomb (too many entries,
 * too much uncompressed data, an extreme compression ratio) and entries that climb out of the
 * package (`../`, absolute paths) are refused before anything is imported.
 */
import path from 'node:path';
import yauzl from 'yauzl';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 500 * 2 ** 20,
  maxEntryBytes: 50 * 2 ** 20,
  maxRatio: 200,
};

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

export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes),
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true },
      (error, zip) => {
        if (error || !zip)
          return reject(
            new PackageError(`The file is not a readable zip: ${error?.message ?? 'unknown error'}`),
          );
        if (zip.entryCount > limits.maxEntries) {
          zip.close();
          return reject(
            new PackageError(
              `The package has ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted.`,
            ),
          );
        }
        const files = new Map<string, Buffer>();
        let total = 0;
        const fail = (e: Error) => {
          zip.close();
          reject(e instanceof PackageError ? e : new PackageError(e.message));
        };
        zip.on('error', fail);
        zip.on('entry', (entry: yauzl.Entry) => {
          try {
            const name = safeEntryName(entry.fileName);
            if (name.endsWith('/')) return zip.readEntry();
            if (entry.uncompressedSize > limits.maxEntryBytes)
              throw new PackageError(
                `${name} is ${entry.uncompressedSize} bytes uncompressed; the limit is ${limits.maxEntryBytes}.`,
              );
            total += entry.uncompressedSize;
            if (total > limits.maxTotalBytes)
              throw new PackageError(
                `The package unpacks to more than ${limits.maxTotalBytes} bytes; it is refused (zip bomb guard).`,
              );
            if (
              entry.compressedSize > 0 &&
              entry.uncompressedSize / entry.compressedSize > limits.maxRatio &&
              entry.uncompressedSize > 1_000_000
            ) {
              throw new PackageError(
                `${name} compresses ${Math.round(entry.uncompressedSize / entry.compressedSize)}:1; the package is refused (zip bomb guard).`,
              );
            }
            zip.openReadStream(entry, (streamError, stream) => {
              if (streamError || !stream)
                return fail(streamError ?? new PackageError(`Cannot read ${name}.`));
              const chunks: Buffer[] = [];
              let size = 0;
              stream.on('data', (chunk: Buffer) => {
                size += chunk.length;
                // Sizes in the zip headers can lie; count what actually comes out.
                if (size > limits.maxEntryBytes)
                  stream.destroy(
                    new PackageError(
                      `${name} unpacks to more than ${limits.maxEntryBytes} bytes (zip bomb guard).`,
                    ),
                  );
                else chunks.push(chunk);
              });
              stream.on('error', fail);
              stream.on('end', () => {
                files.set(name, Buffer.concat(chunks));
                zip.readEntry();
              });
            });
          } catch (e) {
            fail(e as Error);
          }
        });
        zip.on('end', () => resolve(files));
        zip.readEntry();
      },
    );
  });
}
