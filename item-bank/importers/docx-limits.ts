/**
 * Budgets for .docx files (a zip of XML parts and pictures) before mammoth unpacks them whole:
 * every entry is inflated as a stream and counted first (checkZip), so a document.xml that
 * inflates to a gigabyte is refused once it crosses its budget, before mammoth sees it.
 */
import { checkZip, type ZipLimits } from '../packages/read-zip.ts';

const MiB = 2 ** 20;

/** Room for a long test with pictures (a 200-page document.xml is a few MiB), not for a bomb. */
export const DEFAULT_DOCX_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 2000,
  maxTotalBytes: 128 * MiB,
  maxEntryBytes: 32 * MiB,
  maxXmlEntryBytes: 16 * MiB,
  maxXmlTotalBytes: 32 * MiB,
  maxRatio: 500,
});

/** Checks a .docx against its budgets; throws PackageError naming the part and the budget crossed. */
export function checkDocx(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): Promise<void> {
  return checkZip(bytes, { ...DEFAULT_DOCX_LIMITS, ...limits });
}
