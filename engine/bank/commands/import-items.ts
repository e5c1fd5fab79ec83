/**
 * Imports QTI items, and the assessment tests that use them, into a bank from a content package
 * (zip), a folder's files or one XML file: every item and test is checked first; if any has an
 * error nothing is saved and every problem is reported with its file, line and column; otherwise
 * all are saved in one transaction (unchanged items and tests add no version), items with the
 * batched store, tests with each itemRef resolved to the item version just saved. An item or
 * test whose identifier the bank holds with other content is refused unless the importer chose
 * what to do with it (import-clashes.ts); QTI 1.2 files are converted to QTI 3.0 items first.
 */
import {
  itemRefsOf,
  plainText,
  saveAssessmentTestVersion,
  saveItemVersions,
  PackageError,
  type AssessmentTest,
  type ClashPolicy,
  type ItemVersionInput,
  type PackageTest,
  type ReadPackageResult,
  type Section,
  type SectionRef,
  type ValidationProblem,
} from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { resolveClashes, type ClashReport } from '../import-clashes.ts';
import { addSchemaProblems } from '../import-schema-check.ts';
import { readQtiUploadInWorker } from '../read-qti-upload.ts';
import { refusalDetails } from '../refusal-codes.ts';

type ImportedFile = { file: string; identifier: string; version: number; created: boolean };

export interface ImportItemsResult {
  items: ImportedFile[];
  tests: ImportedFile[];
  created: number;
  unchanged: number;
  /** Items and tests left out because their identifier clashed (policy `skip`). */
  skipped: number;
  /**
   * Items and tests whose identifier the bank holds with other content, and what was done with
   * each; in a dry run, what the policy would do (`refuse`: the import would be refused).
   */
  clashes: ClashReport[];
  dryRun: boolean;
}

export async function importItems(props: {
  db: Database;
  actor: StaffActor;
  bankId: string;
  organisationId: string;
  bytes: Uint8Array;
  filename?: string;
  /** Files already read (a folder), by package-relative path; used instead of `bytes` when given. */
  files?: Map<string, Buffer>;
  dryRun?: boolean;
  /** What to do with items and tests whose identifier the bank holds with other content (default `refuse`). */
  clash?: ClashPolicy;
  /** A folder of the official QTI XSDs (QTI_SCHEMA_DIR): schema errors then refuse the import too. */
  schemaDir?: string;
  ip?: string;
  /** Called as items are saved (for progress bars). */
  onProgress?(saved: number, total: number): void;
}): Promise<ImportItemsResult> {
  if (
    !props.files &&
    /\.zip$/i.test(props.filename ?? '') &&
    !(props.bytes[0] === 0x50 && props.bytes[1] === 0x4b)
  )
    throw errors.validation(
      `${props.filename} is not a readable zip (no zip signature): the file is corrupt or not a zip.`,
      refusalDetails('import_not_zip', { files: [] }),
    );
  let read: ReadPackageResult;
  try {
    // Read in a worker thread with a heap ceiling and a time budget: never on the event loop.
    read = await readQtiUploadInWorker(props);
  } catch (error) {
    if (error instanceof PackageError)
      throw errors.validation(error.message, refusalDetails('import_package_unreadable', { files: [] }));
    throw error;
  }
  if (!read.items.length)
    throw errors.validation(
      read.problems[0]?.message ?? 'The upload holds no QTI assessmentItem.',
      refusalDetails('import_no_items', {
        files: read.problems.length ? [{ file: props.filename ?? '', problems: read.problems }] : [],
      }),
    );
  if (props.schemaDir) await addSchemaProblems(read, props.schemaDir);
  const testProblems = read.tests.map((t) => ({
    file: t.file,
    problems: storableTestProblems(t, read.items),
  }));
  const badTests = testProblems.filter((t) => t.problems.some((p) => p.severity === 'error'));
  if (!read.ok || badTests.length) {
    const bad = read.items.filter((i) => !i.item || i.problems.some((p) => p.severity === 'error'));
    const packageErrors = read.problems.filter((p) => p.severity === 'error');
    throw errors.validation(
      `Nothing was imported: ${bad.length} of ${read.items.length} item file(s)` +
        (read.tests.length ? ` and ${badTests.length} of ${read.tests.length} test file(s)` : '') +
        ' have errors' +
        (packageErrors.length ? `, and the package has ${packageErrors.length} error(s)` : '') +
        '.',
      refusalDetails('import_has_errors', {
        bad: bad.length + badTests.length,
        total: read.items.length + read.tests.length,
        files: [
          ...groupByFile(packageErrors),
          ...bad.map((i) => ({ file: i.file, problems: i.problems })),
          ...badTests,
        ],
      }),
    );
  }
  const inputs = read.items.map((entry) => {
    const item = entry.item!;
    const input: ItemVersionInput = {
      identifier: item.identifier,
      title: item.title,
      sourceFormat: entry.sourceFormat ?? `qti${item.qtiVersion}`,
      sourceFile: entry.file,
      qtiXml: entry.xml,
      model: item,
      text: plainText([item.body]),
      interactionTypes: [...new Set(item.interactions.map((i) => i.type))],
      media: entry.media,
      metadata: item.language ? { language: item.language.slice(0, 20) } : undefined,
    };
    return { file: entry.file, input };
  });
  const testInputs = read.tests.map((entry) => ({
    file: entry.file,
    identifier: entry.test!.identifier,
    qtiXml: entry.xml,
    model: entry.test!,
    entry,
  }));
  const policy = props.clash ?? 'refuse';
  if (props.dryRun) {
    const { clashes } = await resolveClashes(props.db, props.bankId, policy, inputs, testInputs, {
      dryRun: true,
    });
    return {
      items: read.items.map((i) => ({
        file: i.file,
        identifier: i.item!.identifier,
        version: 0,
        created: false,
      })),
      tests: read.tests.map((t) => ({
        file: t.file,
        identifier: t.test!.identifier,
        version: 0,
        created: false,
      })),
      created: 0,
      unchanged: 0,
      skipped: 0,
      clashes,
      dryRun: true,
    };
  }
  const { items, tests, clashes } = await props.db.transaction(async (tx) => {
    const resolved = await resolveClashes(tx, props.bankId, policy, inputs, testInputs);
    const toSave = resolved.items.flatMap((r) => ('input' in r ? [r] : []));
    const items: ImportedFile[] = [];
    const versionIdOfFile = new Map<string, string>();
    // A skipped item keeps the bank's version: the upload's tests point to that one.
    for (const r of resolved.items) if ('keep' in r) versionIdOfFile.set(r.file, r.keep.existingVersionId);
    for (let start = 0; start < toSave.length; start += SAVE_BATCH) {
      const batch = toSave.slice(start, start + SAVE_BATCH);
      const saved = await saveItemVersions(
        tx,
        props.bankId,
        batch.map((b) => b.input),
        props.actor.userId,
      );
      saved.forEach((result, i) => {
        const file = batch[i]!.file;
        versionIdOfFile.set(file, result.versionId);
        items.push({
          file,
          identifier: batch[i]!.input.identifier,
          version: result.version,
          created: result.created,
        });
      });
      props.onProgress?.(items.length, toSave.length);
    }
    const tests: ImportedFile[] = [];
    for (const resolvedTest of resolved.tests) {
      if ('keep' in resolvedTest) continue;
      const { entry } = resolvedTest;
      const itemVersionIds = Object.fromEntries(
        Object.entries(entry.itemFiles).map(([ref, file]) => [ref, versionIdOfFile.get(file)!]),
      );
      const saved = await saveAssessmentTestVersion(
        tx,
        props.bankId,
        {
          identifier: resolvedTest.identifier,
          title: resolvedTest.model.title,
          sourceFormat: `qti${resolvedTest.model.qtiVersion}`,
          qtiXml: resolvedTest.qtiXml,
          model: resolvedTest.model,
          itemVersionIds,
        },
        props.actor.userId,
      );
      tests.push({
        file: entry.file,
        identifier: resolvedTest.identifier,
        version: saved.version,
        created: saved.created,
      });
    }
    await appendAudit(tx, {
      actorId: props.actor.userId,
      actorRole: props.actor.role,
      action: 'item_bank.import',
      subjectType: 'item_bank',
      subjectId: props.bankId,
      organisationId: props.organisationId,
      ip: props.ip,
      details: {
        items: items.length,
        created: items.filter((i) => i.created).length,
        tests: tests.length,
        testsCreated: tests.filter((t) => t.created).length,
        ...(resolved.clashes.length
          ? {
              clashes: resolved.clashes.length,
              clashPolicy: policy,
              clashIdentifiers: resolved.clashes.slice(0, 50).map((c) => c.identifier),
            }
          : {}),
      },
    });
    return { items, tests, clashes: resolved.clashes };
  });
  return {
    items,
    tests,
    created: items.filter((i) => i.created).length,
    unchanged: items.filter((i) => !i.created).length,
    skipped: clashes.filter((c) => c.resolution === 'skip').length,
    clashes,
    dryRun: false,
  };
}

const groupByFile = (problems: ValidationProblem[]) =>
  [...new Set(problems.map((p) => p.file ?? ''))].map((file) => ({
    file,
    problems: problems.filter((p) => (p.file ?? '') === file),
  }));

/** Items per batched save: progress moves in these steps; the store splits statements further. */
const SAVE_BATCH = 500;

/**
 * A test's problems, plus what keeps it from being stored: each itemRef must point to an item
 * of this upload, and sections kept in other files (assessmentSectionRef) are not resolved.
 */
function storableTestProblems(entry: PackageTest, items: Array<{ file: string }>): ValidationProblem[] {
  const problems = [...entry.problems];
  if (!entry.test) return problems;
  const itemFiles = new Set(items.map((i) => i.file));
  const refAt = new Map([...itemRefsOf(entry.test)].map(({ ref }) => [ref.identifier, ref.location]));
  for (const [ref, file] of Object.entries(entry.itemFiles)) {
    const at = refAt.get(ref) ?? entry.test.location;
    if (!itemFiles.has(file))
      problems.push({
        file: entry.file,
        line: at.line,
        column: at.column,
        severity: 'error',
        code: 'not-an-item',
        message: `The item reference ${ref} points to ${file}, which holds no assessmentItem.`,
      });
  }
  for (const sectionRef of sectionRefsOf(entry.test))
    problems.push({
      file: entry.file,
      line: sectionRef.location.line,
      column: sectionRef.location.column,
      severity: 'error',
      code: 'section-ref-unsupported',
      message: `The section reference ${sectionRef.identifier} keeps its section in ${sectionRef.href}; tests with sections in other files cannot be stored yet.`,
    });
  return problems;
}

function sectionRefsOf(test: AssessmentTest): SectionRef[] {
  const found: SectionRef[] = [];
  const visit = (parts: Array<Section | SectionRef | { kind: 'itemRef' }>) => {
    for (const part of parts) {
      if (part.kind === 'sectionRef') found.push(part);
      else if (part.kind === 'section') visit(part.parts);
    }
  };
  for (const part of test.testParts) visit(part.sections);
  return found;
}
