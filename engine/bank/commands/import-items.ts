/**
 * Imports QTI items, and the assessment tests that use them, into a bank from a content package
 * (zip), a folder's files or one XML file: every item and test is checked first; if any has an
 * error nothing is saved and every problem is reported with its file, line and column; otherwise
 * all are saved in one transaction (unchanged items and tests add no version), items with the
 * batched store, tests with each itemRef resolved to the item version just saved.
 */
import {
  itemRefsOf,
  plainText,
  readPackageFiles,
  readZip,
  saveAssessmentTestVersion,
  saveItemVersions,
  PackageError,
  type AssessmentTest,
  type ItemVersionInput,
  type PackageTest,
  type Section,
  type SectionRef,
  type ValidationProblem,
} from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';

type ImportedFile = { file: string; identifier: string; version: number; created: boolean };

export interface ImportItemsResult {
  items: ImportedFile[];
  tests: ImportedFile[];
  created: number;
  unchanged: number;
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
  ip?: string;
  /** Called as items are saved (for progress bars). */
  onProgress?(saved: number, total: number): void;
}): Promise<ImportItemsResult> {
  const isZip = props.bytes[0] === 0x50 && props.bytes[1] === 0x4b;
  let files: Map<string, Buffer>;
  try {
    files =
      props.files ??
      (isZip
        ? await readZip(props.bytes)
        : new Map([[props.filename ?? 'item.xml', Buffer.from(props.bytes)]]));
  } catch (error) {
    if (error instanceof PackageError) throw errors.validation(error.message, { files: [] });
    throw error;
  }
  const read = readPackageFiles(files);
  if (!read.items.length) throw errors.validation('The upload holds no QTI assessmentItem.', { files: [] });
  const testProblems = read.tests.map((t) => ({
    file: t.file,
    problems: storableTestProblems(t, read.items),
  }));
  const badTests = testProblems.filter((t) => t.problems.some((p) => p.severity === 'error'));
  if (!read.ok || badTests.length) {
    const bad = read.items.filter((i) => !i.item || i.problems.some((p) => p.severity === 'error'));
    throw errors.validation(
      `Nothing was imported: ${bad.length} of ${read.items.length} item file(s)` +
        (read.tests.length ? ` and ${badTests.length} of ${read.tests.length} test file(s)` : '') +
        ' have errors.',
      {
        files: [...bad.map((i) => ({ file: i.file, problems: i.problems })), ...badTests],
      },
    );
  }
  if (props.dryRun) {
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
      dryRun: true,
    };
  }
  const inputs: ItemVersionInput[] = read.items.map((entry) => {
    const item = entry.item!;
    return {
      identifier: item.identifier,
      title: item.title,
      sourceFormat: `qti${item.qtiVersion}`,
      sourceFile: entry.file,
      qtiXml: entry.xml,
      model: item,
      text: plainText([item.body]),
      interactionTypes: [...new Set(item.interactions.map((i) => i.type))],
      media: entry.media,
      metadata: item.language ? { language: item.language.slice(0, 20) } : undefined,
    };
  });
  const { items, tests } = await props.db.transaction(async (tx) => {
    const items: ImportedFile[] = [];
    const versionIdOfFile = new Map<string, string>();
    for (let start = 0; start < inputs.length; start += SAVE_BATCH) {
      const batch = inputs.slice(start, start + SAVE_BATCH);
      const saved = await saveItemVersions(tx, props.bankId, batch, props.actor.userId);
      saved.forEach((result, i) => {
        const file = read.items[start + i]!.file;
        versionIdOfFile.set(file, result.versionId);
        items.push({
          file,
          identifier: batch[i]!.identifier,
          version: result.version,
          created: result.created,
        });
      });
      props.onProgress?.(items.length, inputs.length);
    }
    const tests: ImportedFile[] = [];
    for (const entry of read.tests) {
      const test = entry.test!;
      const itemVersionIds = Object.fromEntries(
        Object.entries(entry.itemFiles).map(([ref, file]) => [ref, versionIdOfFile.get(file)!]),
      );
      const saved = await saveAssessmentTestVersion(
        tx,
        props.bankId,
        {
          identifier: test.identifier,
          title: test.title,
          sourceFormat: `qti${test.qtiVersion}`,
          qtiXml: entry.xml,
          model: test,
          itemVersionIds,
        },
        props.actor.userId,
      );
      tests.push({
        file: entry.file,
        identifier: test.identifier,
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
      },
    });
    return { items, tests };
  });
  return {
    items,
    tests,
    created: items.filter((i) => i.created).length,
    unchanged: items.filter((i) => !i.created).length,
    dryRun: false,
  };
}

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
