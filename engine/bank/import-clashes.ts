/**
 * The identifier policy of a QTI import (see item-bank's identifier-clashes.ts for what a clash
 * is): finds the items and tests of an upload whose identifier the bank holds with other content,
 * and applies the importer's choice. `refuse` (the default) throws 409 naming each clash;
 * `new-version` saves them as new versions of the bank's items (the behaviour before the policy);
 * `rename` saves them as new items under a new identifier (a test's item references resolve by
 * file, so a test of the upload uses the renamed item with no reference to rewrite); `skip`
 * leaves them out and a test of the upload uses the bank's current version instead.
 */
import {
  findItemClashes,
  findTestClashes,
  freeIdentifier,
  withRootIdentifier,
  type ClashPolicy,
  type IdentifierClash,
  type ItemBankExecutor,
  type ItemVersionInput,
} from '../../item-bank/index.ts';
import { errors } from '../platform/errors.ts';
import { refusalDetails } from './refusal-codes.ts';

export interface ClashReport extends IdentifierClash {
  /** The upload's file that holds the clashing item or test. */
  file: string;
  /** What the import does (or, in a dry run, would do) with it. */
  resolution: ClashPolicy;
  /** The identifier it is saved under, when renamed. */
  newIdentifier?: string;
}

export interface TestToSave {
  file: string;
  identifier: string;
  qtiXml: string;
  model: { identifier: string };
}

export interface ResolvedImport<T extends TestToSave> {
  /** Items to save (renamed where the policy says), or the bank's version a skipped one keeps. */
  items: Array<{ file: string; input: ItemVersionInput } | { file: string; keep: IdentifierClash }>;
  tests: Array<T | { file: string; keep: IdentifierClash }>;
  clashes: ClashReport[];
}

/** Finds the clashes of an upload and applies `policy`; throws 409 for `refuse` when there are any. */
export async function resolveClashes<T extends TestToSave>(
  db: ItemBankExecutor,
  bankId: string,
  policy: ClashPolicy,
  items: Array<{ file: string; input: ItemVersionInput }>,
  tests: T[],
  options: { dryRun?: boolean } = {},
): Promise<ResolvedImport<T>> {
  const itemClashes = await findItemClashes(
    db,
    bankId,
    items.map((i) => i.input),
  );
  const testClashes = await findTestClashes(db, bankId, tests);
  const clashes: ClashReport[] = [
    ...items.flatMap(({ file, input }) => {
      const clash = itemClashes.get(input.identifier);
      return clash ? [{ ...clash, file, resolution: policy }] : [];
    }),
    ...tests.flatMap((t) => {
      const clash = testClashes.get(t.identifier);
      return clash ? [{ ...clash, file: t.file, resolution: policy }] : [];
    }),
  ];
  if (policy === 'refuse' && clashes.length && !options.dryRun)
    throw errors.conflict(
      `Nothing was imported: ${clashes.length} identifier(s) already exist in the bank with other content: ` +
        clashes
          .slice(0, 5)
          .map(
            (c) =>
              `${c.kind} ${c.identifier} in ${c.file} (the bank has version ${c.existingVersion}` +
              `${c.existingSourceFile ? `, from ${c.existingSourceFile}` : ''})`,
          )
          .join('; ') +
        `${clashes.length > 5 ? '; ...' : ''}. Choose what to do with them: clash=new-version, rename or skip.`,
      refusalDetails('import_clashes', { count: clashes.length, clashes }),
    );
  if (policy === 'refuse' || policy === 'new-version' || !clashes.length) return { items, tests, clashes };
  const taken = {
    item: new Set(items.map((i) => i.input.identifier)),
    test: new Set(tests.map((t) => t.identifier)),
  };
  const report = (kind: 'item' | 'test', identifier: string) =>
    clashes.find((c) => c.kind === kind && c.identifier === identifier)!;
  const resolvedItems: ResolvedImport<T>['items'] = [];
  for (const entry of items) {
    const clash = itemClashes.get(entry.input.identifier);
    if (!clash) resolvedItems.push(entry);
    else if (policy === 'skip') resolvedItems.push({ file: entry.file, keep: clash });
    else {
      const identifier = await freeIdentifier(db, bankId, 'item', entry.input.identifier, taken.item);
      report('item', entry.input.identifier).newIdentifier = identifier;
      resolvedItems.push({
        file: entry.file,
        input: {
          ...entry.input,
          identifier,
          qtiXml: withRootIdentifier(entry.input.qtiXml, identifier),
          model: { ...(entry.input.model as object), identifier },
        },
      });
    }
  }
  const resolvedTests: ResolvedImport<T>['tests'] = [];
  for (const test of tests) {
    const clash = testClashes.get(test.identifier);
    if (!clash) resolvedTests.push(test);
    else if (policy === 'skip') resolvedTests.push({ file: test.file, keep: clash });
    else {
      const identifier = await freeIdentifier(db, bankId, 'test', test.identifier, taken.test);
      report('test', test.identifier).newIdentifier = identifier;
      resolvedTests.push({
        ...test,
        identifier,
        qtiXml: withRootIdentifier(test.qtiXml, identifier),
        model: { ...test.model, identifier },
      });
    }
  }
  return { items: resolvedItems, tests: resolvedTests, clashes };
}
