/**
 * The importable part of the shared QTI corpus (items and tests that parse without an error),
 * exported as content packages of one QTI version: one package of every item, and one package
 * per test with the items it refers to. Used by the schema and round-trip tests of the writers.
 */
import path from 'node:path';
import {
  itemRefsOf,
  NOT_IN_SCHEMA,
  parseItemXml,
  parseTestXml,
  readZip,
  writePackage,
  type AssessmentItem,
  type AssessmentTest,
  type ExportVersion,
  type SchemaDocument,
  type ValidationProblem,
} from '../../../item-bank/index.ts';
import { corpusIndex, readCorpusFile } from '../../../item-bank/test/corpus.ts';

export interface CorpusImport {
  items: Array<{ path: string; item: AssessmentItem; notInSchema: string[] }>;
  /** Tests with the corpus items their references resolve to (itemRef identifier -> item path). */
  tests: Array<{
    path: string;
    test: AssessmentTest;
    itemPaths: Record<string, string>;
    notInSchema: string[];
  }>;
}

const errors = (problems: ValidationProblem[]) => problems.filter((p) => p.severity === 'error');

/** The import's refusals of a construct in no QTI schema (see item-bank/qti/not-in-schema.ts), as `line: message`. */
const notInSchema = (problems: ValidationProblem[]) =>
  problems.filter((p) => p.code === NOT_IN_SCHEMA).map((p) => `${p.line}: ${p.message}`);

/**
 * Parses every corpus item and test; keeps those without errors (the importable corpus), and apart
 * those whose only errors are not-in-qti-schema refusals (`refused`, with their reasons).
 */
export function importCorpus(): CorpusImport & { refused: CorpusImport } {
  const index = corpusIndex();
  const refused: CorpusImport = { items: [], tests: [] };
  /** importable, refused only for a construct of no schema, or refused for other errors. */
  const verdict = (problems: ValidationProblem[]) => {
    const found = errors(problems);
    if (!found.length) return 'importable';
    return found.every((p) => p.code === NOT_IN_SCHEMA) ? 'not-in-schema' : 'error';
  };
  const items = index
    .filter((e) => e.kind === 'item')
    .flatMap((entry) => {
      const { item, problems } = parseItemXml(readCorpusFile(entry.path), entry.path);
      const v = verdict(problems);
      if (!item || v === 'error') return [];
      const parsed = { path: entry.path, item, notInSchema: notInSchema(problems) };
      if (v === 'importable') return [parsed];
      refused.items.push(parsed);
      return [];
    });
  const itemPaths = new Set(items.map((i) => i.path));
  const tests = index
    .filter((e) => e.kind === 'test')
    .flatMap((entry) => {
      const { test, problems } = parseTestXml(readCorpusFile(entry.path), entry.path);
      const v = verdict(problems);
      if (!test || v === 'error') return [];
      const refs: Record<string, string> = {};
      for (const { ref } of itemRefsOf(test)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(entry.path), ref.href));
        if (itemPaths.has(target)) refs[ref.identifier] = target;
      }
      const parsed = { path: entry.path, test, itemPaths: refs, notInSchema: notInSchema(problems) };
      if (v === 'importable') return [parsed];
      refused.tests.push(parsed);
      return [];
    });
  return { items, tests, refused };
}

export interface ExportedDocument extends SchemaDocument {
  kind: 'item' | 'test' | 'manifest';
  /** The corpus file it was exported from (items and tests). */
  source?: string;
}

/** The package's name of each item file, as writePackage gives them (identifier, `-2` on a clash). */
function packageNames(identifiers: string[], folder: string): string[] {
  const used = new Set<string>();
  return identifiers.map((identifier) => {
    const base = identifier.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'item';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return `${folder}/${name}.xml`;
  });
}

/** Every XML document of the packages the corpus exports to, named `<package>/<path in the zip>`. */
export async function exportCorpus(
  corpus: CorpusImport,
  version: ExportVersion,
  /** Put before each package's name (to export two corpora side by side). */
  prefix = '',
): Promise<ExportedDocument[]> {
  const byPath = new Map(corpus.items.map((i) => [i.path, i.item]));
  const packages: Array<{ name: string; bytes: Buffer; testOnly: boolean; sources: Map<string, string> }> = [
    {
      name: 'items',
      bytes: await writePackage({ items: corpus.items.map(({ item }) => ({ item })) }, { version }),
      testOnly: false,
      sources: new Map(
        packageNames(
          corpus.items.map((i) => i.item.identifier),
          'items',
        ).map((name, i) => [name, corpus.items[i]!.path]),
      ),
    },
  ];
  for (const [n, { path: source, test, itemPaths }] of corpus.tests.entries()) {
    const paths = [...new Set(Object.values(itemPaths))];
    // The package's own items refer to by identifier; a path that two refs share is one item.
    const identifierOf = new Map(paths.map((p) => [p, byPath.get(p)!.identifier]));
    packages.push({
      name: `test-${n}`,
      bytes: await writePackage(
        {
          items: paths.map((p) => ({ item: byPath.get(p)! })),
          tests: [
            {
              test,
              itemRefs: Object.fromEntries(
                Object.entries(itemPaths).map(([ref, p]) => [ref, identifierOf.get(p)!]),
              ),
            },
          ],
        },
        { version },
      ),
      testOnly: true,
      sources: new Map(packageNames([test.identifier], 'tests').map((name) => [name, source])),
    });
  }
  const documents: ExportedDocument[] = [];
  for (const pkg of packages) {
    for (const [file, data] of await readZip(pkg.bytes)) {
      if (!file.endsWith('.xml')) continue;
      const kind = file === 'imsmanifest.xml' ? 'manifest' : file.startsWith('tests/') ? 'test' : 'item';
      // Items of a test package are the same documents as in the items package.
      if (pkg.testOnly && kind === 'item') continue;
      documents.push({
        fileName: `${version}/${prefix}${pkg.name}/${file}`,
        xml: data.toString('utf8'),
        kind,
        source: pkg.sources.get(file),
      });
    }
  }
  return documents;
}
