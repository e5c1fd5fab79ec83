/**
 * Counts the elements of an XML part of an Office file (a Word document's paragraphs, a sheet's
 * rows and cells) with saxes, streaming and keeping no tree, and refuses the file at the first
 * count over its budget: the libraries that read these files (mammoth, ExcelJS) build everything
 * in memory, so a part that is small in bytes but holds a million rows is stopped before them.
 */
import { SaxesParser } from 'saxes';
import { PackageError } from '../packages/read-zip.ts';

export interface ElementBudget {
  /** Local name of the element (`p`, `row`, `c`), whatever its prefix. */
  local: string;
  max: number;
  /** What the elements are, for the message: `paragraphs`, `rows`. */
  what: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Throws PackageError naming the part, the budget and what to do when `xml` holds more. */
export function checkElementCounts(part: string, xml: string, budgets: readonly ElementBudget[]): void {
  const counts = new Map(budgets.map((b) => [b.local, { budget: b, n: 0 }]));
  // Without namespaces saxes keeps no prefix map, so deep nesting costs no more than flat text.
  const parser = new SaxesParser({ xmlns: false });
  let refusal: PackageError | undefined;
  parser.on('opentag', (tag) => {
    const colon = tag.name.indexOf(':');
    const counted = counts.get(colon < 0 ? tag.name : tag.name.slice(colon + 1));
    if (counted && ++counted.n > counted.budget.max) {
      refusal = new PackageError(
        `${part} holds more than ${count(counted.budget.max)} ${counted.budget.what}; the file is refused. Split it into several files.`,
      );
      throw refusal;
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (refusal) throw refusal;
    // Malformed XML is the reading library's to report, with its own words.
    if (!(error instanceof Error)) throw error;
  }
}
