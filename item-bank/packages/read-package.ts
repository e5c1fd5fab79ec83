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
import { DEFAULT_XML_LIMITS, type XmlLimits } from '../qti/xml-tree.ts';
import { convertQti12Package } from '../importers/qti12-package.ts';
import { manifestProblems } from './check-manifest.ts';
import { isQti12Document } from '../importers/qti12.ts';
import type { ValidationProblem } from '../qti/problems.ts';
import type { MediaFile } from '../storage/item-store.ts';

export interface PackageItem {
  /** Package path of the item's file; `path#ident` for a question of a QTI 1.2 file (several a file). */
  file: string;
  /** The item's XML: the file's own, or the QTI 3.0 item built from a QTI 1.2 question. */
  xml: string;
  /** Set for items converted from QTI 1.2 (their XML is then QTI 3.0 written by the importer). */
  sourceFormat?: 'qti1.2';
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
  /**
   * Problems of the package itself: a malformed `imsmanifest.xml`, a QTI 1.2 file that cannot be
   * read, nothing QTI in it at all.
   */
  problems: ValidationProblem[];
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

export interface ReadPackageOptions {
  /** Depth and nodes of each XML document (DEFAULT_XML_LIMITS where left out). */
  xmlLimits?: Partial<XmlLimits>;
  /**
   * Elements and text runs of all the package's items and tests together: parsing costs about
   * 8 µs and (kept) 200 bytes a node, so this bounds a package's CPU time and memory.
   */
  maxPackageNodes?: number;
}

/** One million nodes: a bank of thousands of ordinary items; a few seconds of parsing at most. */
export const DEFAULT_MAX_PACKAGE_NODES = 1_000_000;

/**
 * Reads items from a map of package-relative paths to file contents (from readZip, whose budgets
 * bound its bytes). Each XML document is parsed within `xmlLimits`, and all of them together
 * within `maxPackageNodes`: past it, the file that crosses it gets a `package-too-large` error and
 * the rest are not read.
 */
export function readPackageFiles(
  files: Map<string, Buffer>,
  options: ReadPackageOptions = {},
): ReadPackageResult {
  const items: PackageItem[] = [];
  const tests: PackageTest[] = [];
  const perDocument = { ...DEFAULT_XML_LIMITS, ...options.xmlLimits };
  const maxPackageNodes = options.maxPackageNodes ?? DEFAULT_MAX_PACKAGE_NODES;
  let remaining = maxPackageNodes;
  const packageProblems: ValidationProblem[] = [];
  const qti12Files: Array<{ file: string; xml: string }> = [];
  for (const [file, data] of files) {
    if (path.posix.basename(file) === 'imsmanifest.xml') {
      packageProblems.push(...manifestProblems(file, data.toString('utf8'), perDocument));
      continue;
    }
    if (!/\.(xml|qti)$/i.test(file)) continue;
    const xml = data.toString('utf8');
    if (isQti12Document(xml)) {
      // Converted together once all are known: a question group may draw from another file's bank.
      qti12Files.push({ file, xml });
      continue;
    }
    if (!file.toLowerCase().endsWith('.xml')) continue;
    const isTest = /<(qti-assessment-test|assessmentTest)[\s>]/.test(xml);
    // Tests, stimuli and other documents are not items; only item and test roots are read here.
    if (!isTest && !/<(qti-assessment-item|assessmentItem)[\s>]/.test(xml)) continue;
    const stats = { nodes: 0 };
    const parse: ParseOptions = {
      xmlLimits: { ...perDocument, maxNodes: Math.min(perDocument.maxNodes, remaining) },
      stats,
    };
    if (isTest) tests.push(readTest(file, xml, files, parse));
    const parsed = isTest ? undefined : parseItemXml(xml, file, parse);
    remaining -= stats.nodes;
    if (remaining < 0) {
      const tooLarge: ValidationProblem = {
        file,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'package-too-large',
        message: `The package's items and tests hold more than ${maxPackageNodes} XML elements and text runs in all (crossed in this file); it is refused, and the files after it are not read.`,
      };
      if (isTest) tests[tests.length - 1]!.problems.push(tooLarge);
      else items.push({ file, xml, media: [], problems: [tooLarge] });
      return { items, tests, problems: packageProblems, ok: false };
    }
    if (!parsed) continue;
    const { item, problems } = parsed;
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
  if (qti12Files.length) {
    const converted = readQti12(qti12Files, files);
    items.push(...converted.items);
    tests.push(...converted.tests);
    packageProblems.push(...converted.problems);
  }
  if (!items.length && !tests.length && !packageProblems.some((p) => p.severity === 'error'))
    packageProblems.push({
      line: 1,
      column: 1,
      severity: 'error',
      code: 'no-qti-content',
      message:
        qti12Files.length > 0
          ? 'The QTI 1.2 file(s) hold no question (<item>).'
          : 'No QTI item or test was found: no assessmentItem, assessmentTest or QTI 1.2 questestinterop.',
    });
  return {
    items,
    tests,
    problems: packageProblems,
    ok:
      items.length > 0 &&
      !packageProblems.some((p) => p.severity === 'error') &&
      items.every((i) => i.item && !i.problems.some((p) => p.severity === 'error')),
  };
}

/**
 * The questions of the package's QTI 1.2 files as package items (`file#identifier`), converted to
 * QTI 3.0 with their pictures and sounds, and each QTI 1.2 assessment as a QTI 3.0 test of them.
 */
function readQti12(
  documents: Array<{ file: string; xml: string }>,
  files: Map<string, Buffer>,
): { items: PackageItem[]; tests: PackageTest[]; problems: ValidationProblem[] } {
  const { questions, tests, problems } = convertQti12Package(documents, files);
  const sourceOf = new Map(documents.map((d) => [d.file, d.xml]));
  const items = questions.map((q): PackageItem => {
    const parsed = q.qtiXml ? parseItemXml(q.qtiXml, q.file) : undefined;
    return {
      file: `${q.file}#${q.identifier}`,
      xml: q.qtiXml ?? sourceOf.get(q.file) ?? '',
      sourceFormat: 'qti1.2',
      ...(parsed?.item ? { item: parsed.item } : {}),
      media: q.media,
      problems: [...q.problems, ...(parsed?.problems.filter((p) => p.severity === 'error') ?? [])],
    };
  });
  return {
    items,
    tests: tests.map((t): PackageTest => {
      const parsed = parseTestXml(t.xml, t.file);
      return {
        file: `${t.file}#${t.identifier}`,
        xml: t.xml,
        ...(parsed.test ? { test: parsed.test } : {}),
        itemFiles: t.itemFiles,
        problems: [...t.problems, ...parsed.problems.filter((p) => p.severity === 'error')],
      };
    }),
    problems,
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
