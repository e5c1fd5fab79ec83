/**
 * Budgets for .xlsx files (question sheets, rosters) before ExcelJS loads them whole: every part
 * is inflated as a stream within its byte budgets (readZip), then the sheets' rows and cells and
 * the shared strings are counted, so a workbook of a million rows or of gigantic shared strings
 * (XLSX roster bombs held 3-3.5 GB for 15-31 s, issue 26 finding 2) is refused before ExcelJS.
 */
import { readZip, type ZipLimits } from '../packages/read-zip.ts';
import { checkElementCounts } from './count-elements.ts';

const MiB = 2 ** 20;

export interface XlsxLimits extends ZipLimits {
  /** Rows of one sheet. */
  maxRows: number;
  /** Cells of one sheet. */
  maxCells: number;
  /** Entries of the shared-string table. */
  maxSharedStrings: number;
}

/** A school's roster or a course's question sheet is well under 1 MiB of XML; room for 20x that. */
export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxEntries: 500,
  maxTotalBytes: 64 * MiB,
  maxEntryBytes: 32 * MiB,
  maxXmlEntryBytes: 24 * MiB,
  maxXmlTotalBytes: 48 * MiB,
  maxRatio: 500,
  maxRows: 20_000,
  maxCells: 400_000,
  maxSharedStrings: 400_000,
});

const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** Checks an .xlsx against its budgets; throws PackageError naming the part and the budget crossed. */
export async function checkXlsx(bytes: Uint8Array, limits: Partial<XlsxLimits> = {}): Promise<void> {
  const budget: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...limits };
  const parts = await readZip(bytes, budget);
  for (const [name, data] of parts) {
    if (isSheet(name))
      checkElementCounts(name, data.toString('utf8'), [
        { local: 'row', max: budget.maxRows, what: 'rows' },
        { local: 'c', max: budget.maxCells, what: 'cells' },
      ]);
    else if (name.toLowerCase() === 'xl/sharedstrings.xml')
      checkElementCounts(name, data.toString('utf8'), [
        { local: 'si', max: budget.maxSharedStrings, what: 'shared strings' },
      ]);
  }
}
