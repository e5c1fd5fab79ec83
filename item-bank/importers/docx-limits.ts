/**
 * Budgets for .docx files (a zip of XML parts and pictures) before mammoth unpacks them whole:
 * every entry is inflated as a stream and counted first (readZip), so a document.xml that
 * inflates to a gigabyte is refused once it crosses its budget, before mammoth sees it; then its
 * paragraphs are counted, so 2 KB that hold 100,000 "Câu" paragraphs never reach mammoth either.
 */
import { readZip, type ZipLimits } from '../packages/read-zip.ts';
import { checkElementCounts } from './count-elements.ts';

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

/** Paragraphs of the document (table cells' included): a 200-page test has a few thousand. */
export const MAX_DOCX_PARAGRAPHS = 20_000;

/** Checks a .docx against its budgets; throws PackageError naming the part and the budget crossed. */
export async function checkDocx(
  bytes: Uint8Array,
  limits: Partial<ZipLimits> = {},
  maxParagraphs = MAX_DOCX_PARAGRAPHS,
): Promise<void> {
  const parts = await readZip(bytes, { ...DEFAULT_DOCX_LIMITS, ...limits });
  const document = parts.get('word/document.xml');
  if (document)
    checkElementCounts('word/document.xml', document.toString('utf8'), [
      { local: 'p', max: maxParagraphs, what: 'paragraphs' },
    ]);
}
