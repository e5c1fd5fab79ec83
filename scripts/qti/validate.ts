/**
 * `npm run qti -- validate <file|dir|zip> [--schemas <dir>]`: checks QTI items and tests (and, in a
 * folder or package, that the media they refer to exist); with `--schemas`, also every item, test
 * and manifest against the official XSDs in that folder, chosen by namespace. Prints every problem
 * with file, line and column; exit 1 when any error.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  readPackageFiles,
  readZip,
  schemaProblems,
  PackageError,
  type ValidationProblem,
} from '../../item-bank/index.ts';
import { parseOptions } from './lib/cli-database.ts';
import { schemaCheck, schemaSummary } from './lib/schema-report.ts';

export const summary =
  'validate QTI items and tests: a file, a folder or a content package (--schemas <dir>: also against the official XSDs)';

const USAGE = `Usage: npm run qti -- validate <item.xml | test.xml | folder | package.zip> [--schemas <folder of XSDs>]
--schemas: also check every item, test and imsmanifest.xml against the official XSDs in that folder
(QTI 2.1, 2.2, 3.0 and IMS content packaging; each file against the schema of its namespace).`;

async function readTarget(target: string): Promise<Map<string, Buffer>> {
  if ((await stat(target)).isDirectory()) {
    const files = new Map<string, Buffer>();
    for (const entry of await readdir(target, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(target, full).split(path.sep).join('/'), await readFile(full));
    }
    return files;
  }
  const bytes = await readFile(target);
  // A .zip that is not a zip (a truncated download, another file renamed) is refused by readZip.
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || /\.zip$/i.test(target)) return readZip(bytes);
  // A single file: its media are looked for beside it on disk.
  const files = new Map([[path.basename(target), bytes]]);
  return files;
}

export async function run(args: string[]): Promise<number> {
  const { positional, options } = parseOptions(args, ['schemas']);
  const target = positional[0];
  if (!target || target === '--help') {
    console.log(USAGE);
    return target ? 0 : 1;
  }
  if (args.includes('--schemas') && !options.schemas) {
    console.log(`--schemas needs a folder.\n${USAGE}`);
    return 1;
  }
  let files: Map<string, Buffer>;
  try {
    files = await readTarget(target);
  } catch (error) {
    if (error instanceof PackageError) {
      console.log(`${target}:1:1 error bad-package: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const single = !(await stat(target)).isDirectory() && files.size === 1;
  if (single) {
    // Add the files a single item refers to, when they exist beside it, so missing media are reported.
    const [name, data] = [...files][0]!;
    const xml = data.toString('utf8');
    for (const match of xml.matchAll(/\b(?:src|data|href)="([^":#]+)"/g)) {
      const ref = path.posix.normalize(path.posix.join(path.posix.dirname(name), match[1]!));
      const onDisk = path.join(path.dirname(target), ref);
      try {
        files.set(ref, await readFile(onDisk));
      } catch {
        // missing: reported by the package reader
      }
    }
  }
  const read = readPackageFiles(files);
  const problems: ValidationProblem[] = [
    ...read.problems,
    ...read.items.flatMap((i) => i.problems),
    ...read.tests.flatMap((t) => t.problems.filter((p) => !(single && p.code === 'missing-item'))),
  ];
  const schemas = options.schemas ? await schemaCheck(files, options.schemas) : undefined;
  if (options.schemas && !schemas) return 1;
  if (schemas) problems.push(...schemaProblems(schemas));
  const base = (await stat(target)).isDirectory() ? target : path.dirname(target);
  let errors = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    const file = single || !p.file ? (p.file ? path.join(base, p.file) : target) : path.join(target, p.file);
    console.log(`${file}:${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`);
  }
  if (schemas) for (const line of schemaSummary(schemas, options.schemas!)) console.log(line);
  else console.log('Semantics only: no XSD check (give --schemas <folder of the official XSDs> for one).');
  const qti12 = read.items.filter((i) => i.sourceFormat === 'qti1.2').length;
  console.log(
    `${read.items.length} item(s)${qti12 ? ` (${qti12} converted from QTI 1.2)` : ''} and ${read.tests.length} test(s) checked, ${errors} error(s).`,
  );
  return errors ? 1 : 0;
}
