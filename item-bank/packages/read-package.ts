/**
 * Reads QTI items from a content package (zip with imsmanifest.xml), a folder's files or a
 * single XML: every item parsed and checked, every media file it refers to found in the package
 * (or reported missing), so an import can save all items or none.
 */
import path from 'node:path';
import type { AssessmentItem } from '../model/item.ts';
import { itemRefsOf, type AssessmentTest } from '../model/test.ts';
import { parseTestXml } from '../qti/parse-test.ts';
import { mediaReferencesOf, type MediaReference } from '../qti/media-references.ts';
import { parseItemXml, type ParseOptions } from '../qti/parse-item.ts';
import type { ValidationProblem } from '../qti/problems.ts';
import type { MediaFile } from '../storage/item-store.ts';

export interface PackageItem {
  file: string;
  xml: string;
  item?: AssessmentItem;
  media: MediaFile[];
  problems: ValidationProblem[];
}

export interface PackageTest {
  file: string;
  xml: string;
  test?: AssessmentTest;
  /** itemRef identifier -> package path of the item file it points to. */
  itemFiles: Record<string, string>;
  problems: ValidationProblem[];
}

export interface ReadPackageResult {
  items: PackageItem[];
  /** Assessment tests found in the package (their problems do not change `ok`, which is about items). */
  tests: PackageTest[];
  /** Whether every item can be imported (no error anywhere). */
  ok: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.css': 'text/css',
  '.pdf': 'application/pdf',
};
export const contentTypeOf = (file: string) =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Reads items from a map of package-relative paths to file contents (from readZip, whose budgets
 * bound its size); `options.xmlLimits` bounds each XML document's depth and nodes.
 */
export function readPackageFiles(files: Map<string, Buffer>, options: ParseOptions = {}): ReadPackageResult {
  const items: PackageItem[] = [];
  const tests: PackageTest[] = [];
  for (const [file, data] of files) {
    if (!file.toLowerCase().endsWith('.xml') || path.posix.basename(file) === 'imsmanifest.xml') continue;
    const xml = data.toString('utf8');
    if (/<(qti-assessment-test|assessmentTest)[\s>]/.test(xml)) {
      tests.push(readTest(file, xml, files, options));
      continue;
    }
    // Tests, stimuli and other documents are not items; only item roots are read here.
    if (!/<(qti-assessment-item|assessmentItem)[\s>]/.test(xml)) continue;
    const { item, problems } = parseItemXml(xml, file, options);
    const media: MediaFile[] = [];
    if (item) {
      const firstReference = new Map<string, MediaReference>();
      for (const ref of mediaReferencesOf(item))
        if (!firstReference.has(ref.href)) firstReference.set(ref.href, ref);
      for (const href of item.media) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), safeDecode(href)));
        const content = files.get(resolved);
        if (content) media.push({ href, contentType: contentTypeOf(resolved), data: content });
        else
          problems.push({
            file,
            line: firstReference.get(href)?.line ?? item.location.line,
            column: firstReference.get(href)?.column ?? item.location.column,
            severity: 'error',
            code: 'missing-media',
            message: `The item refers to ${href}, which is not in the package.`,
          });
      }
    }
    items.push({ file, xml, item, media, problems });
  }
  return {
    items,
    tests,
    ok: items.length > 0 && items.every((i) => i.item && !i.problems.some((p) => p.severity === 'error')),
  };
}

function readTest(file: string, xml: string, files: Map<string, Buffer>, options: ParseOptions): PackageTest {
  const { test, problems } = parseTestXml(xml, file, options);
  const itemFiles: Record<string, string> = {};
  for (const { ref } of test ? itemRefsOf(test) : []) {
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), safeDecode(ref.href)));
    if (files.has(resolved)) itemFiles[ref.identifier] = resolved;
    else
      problems.push({
        file,
        line: ref.location.line,
        column: ref.location.column,
        severity: 'error',
        code: 'missing-item',
        message: `The item reference ${ref.identifier} points to ${ref.href}, which is not in the package.`,
      });
  }
  return { file, xml, ...(test ? { test } : {}), itemFiles, problems };
}

function safeDecode(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
