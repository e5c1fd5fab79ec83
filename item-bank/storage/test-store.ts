/**
 * Storing assessment tests: like items, every save of changed content adds an immutable version
 * (saving the same XML with the same item versions again is a no-op). A version records which
 * stored item version each itemRef points to, so a sitting built from it delivers exactly those.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { AssessmentTest } from '../model/test.ts';
import { assessmentTests, assessmentTestVersions } from '../schema.ts';
import type { ItemBankExecutor } from './database.ts';

export interface AssessmentTestInput {
  identifier: string;
  title: string;
  /** `qti2.1`, `qti2.2` or `qti3.0`. */
  sourceFormat: string;
  qtiXml: string;
  /** The parsed test model. */
  model: AssessmentTest;
  /** itemRef identifier -> item version id. */
  itemVersionIds: Record<string, string>;
}

export interface SavedAssessmentTest {
  testId: string;
  version: number;
  versionId: string;
  /** False when the content equalled the current version and nothing was written. */
  created: boolean;
}

export interface StoredAssessmentTest {
  testId: string;
  bankId: string;
  identifier: string;
  title: string;
  version: number;
  versionId: string;
  sourceFormat: string;
  qtiXml: string;
  /** The parsed test model (itemRefs keep their package hrefs; use itemVersionIds to reach the items). */
  test: AssessmentTest;
  /** itemRef identifier -> item version id. */
  itemVersionIds: Record<string, string>;
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sameIds = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** Saves a version of a test in a bank, creating the test on first save. Runs inside the caller's transaction. */
export async function saveAssessmentTestVersion(
  tx: ItemBankExecutor,
  bankId: string,
  input: AssessmentTestInput,
  actorId?: string,
): Promise<SavedAssessmentTest> {
  const [existing] = await tx
    .select()
    .from(assessmentTests)
    .where(and(eq(assessmentTests.bankId, bankId), eq(assessmentTests.identifier, input.identifier)))
    .for('update');
  let testId: string;
  let version: number;
  if (existing) {
    const [current] = await tx
      .select({
        id: assessmentTestVersions.id,
        qtiXml: assessmentTestVersions.qtiXml,
        itemVersionIds: assessmentTestVersions.itemVersionIds,
      })
      .from(assessmentTestVersions)
      .where(
        and(
          eq(assessmentTestVersions.testId, existing.id),
          eq(assessmentTestVersions.version, existing.currentVersion),
        ),
      );
    if (
      current &&
      current.qtiXml === input.qtiXml &&
      sameIds(current.itemVersionIds as Record<string, string>, input.itemVersionIds)
    ) {
      return { testId: existing.id, version: existing.currentVersion, versionId: current.id, created: false };
    }
    testId = existing.id;
    version = existing.currentVersion + 1;
    await tx
      .update(assessmentTests)
      .set({ title: input.title, currentVersion: version, updatedAt: new Date() })
      .where(eq(assessmentTests.id, testId));
  } else {
    version = 1;
    const [created] = await tx
      .insert(assessmentTests)
      .values({
        bankId,
        identifier: input.identifier,
        title: input.title,
        currentVersion: 1,
        createdBy: actorId,
      })
      .returning({ id: assessmentTests.id });
    testId = created!.id;
  }
  const [row] = await tx
    .insert(assessmentTestVersions)
    .values({
      testId,
      version,
      sourceFormat: input.sourceFormat,
      qtiXml: input.qtiXml,
      model: input.model as unknown as object,
      itemVersionIds: input.itemVersionIds,
      createdBy: actorId,
    })
    .returning({ id: assessmentTestVersions.id });
  return { testId, version, versionId: row!.id, created: true };
}

/** The tests of a bank (current version numbers), by title. */
export async function listAssessmentTests(db: ItemBankExecutor, bankId: string) {
  return db
    .select({
      testId: assessmentTests.id,
      identifier: assessmentTests.identifier,
      title: assessmentTests.title,
      currentVersion: assessmentTests.currentVersion,
      updatedAt: assessmentTests.updatedAt,
    })
    .from(assessmentTests)
    .where(eq(assessmentTests.bankId, bankId))
    .orderBy(asc(assessmentTests.title), asc(assessmentTests.identifier));
}

/**
 * One stored test with its parsed model and the item version each itemRef resolves to (the
 * current version when `version` is omitted); undefined when there is no such test or version.
 */
export async function loadAssessmentTest(
  db: ItemBankExecutor,
  testId: string,
  version?: number,
): Promise<StoredAssessmentTest | undefined> {
  if (!UUID.test(testId)) return undefined;
  const [row] = await db
    .select({ head: assessmentTests, version: assessmentTestVersions })
    .from(assessmentTestVersions)
    .innerJoin(assessmentTests, eq(assessmentTests.id, assessmentTestVersions.testId))
    .where(
      and(
        eq(assessmentTestVersions.testId, testId),
        version === undefined ? undefined : eq(assessmentTestVersions.version, version),
      ),
    )
    .orderBy(desc(assessmentTestVersions.version))
    .limit(1);
  if (!row) return undefined;
  return {
    testId,
    bankId: row.head.bankId,
    identifier: row.head.identifier,
    title: row.head.title,
    version: row.version.version,
    versionId: row.version.id,
    sourceFormat: row.version.sourceFormat,
    qtiXml: row.version.qtiXml,
    test: row.version.model as AssessmentTest,
    itemVersionIds: row.version.itemVersionIds as Record<string, string>,
    createdAt: row.version.createdAt,
  };
}
