/**
 * The one rule on code tasks in sittings: a graded sitting may not carry a code task whose verdicts
 * the submission's own code could decide (a Python teacher file comparing two of the submission's
 * objects: its `__eq__` answers). Such a task is fit for practice: a practice sitting
 * (`sittings.practice`) may carry it. Whether a task is such a task is learnt by grading a forging
 * submission on it (`probeVerdictTrust`, grading/code/verdict-trust.ts), so items imported or saved
 * without a reference solution are judged too. Every way a sitting is scheduled goes through
 * `scheduleSitting`, which calls this before writing anything.
 */
import { inArray } from 'drizzle-orm';
import { probeVerdictTrust, type CodeGrader } from '../../grading/index.ts';
import { itemBankTables, type AssessmentItem } from '../../item-bank/index.ts';
import type { Database } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { specItems, type FormSpec } from './form.ts';
import { parallelFormsOf } from './parallel-forms.ts';

/** A code task of the form whose verdicts depend on the submission's own code. */
export interface PracticeOnlyTask {
  itemRef: string;
  title: string;
  itemVersionId: string;
  responseIdentifier: string;
  /** The teacher's tests whose comparison a submission decides. */
  tests: string[];
}

/** The code tasks of a form that are fit for practice only (each probed once, in the sandboxes). */
export async function practiceOnlyCodeTasks(
  db: Database,
  grader: CodeGrader | undefined,
  formSpec: FormSpec,
): Promise<PracticeOnlyTask[]> {
  const refs = new Map<string, { itemRef: string; title: string }>();
  for (const form of parallelFormsOf(formSpec) ?? [{ spec: formSpec }])
    for (const item of specItems(form.spec))
      if (!refs.has(item.itemVersionId))
        refs.set(item.itemVersionId, { itemRef: item.itemRef, title: item.title });
  if (!refs.size) return [];
  const { itemVersions } = itemBankTables;
  const rows = await db
    .select({ id: itemVersions.id, model: itemVersions.model })
    .from(itemVersions)
    .where(inArray(itemVersions.id, [...refs.keys()]));
  const tasks = rows.flatMap((row) =>
    ((row.model as AssessmentItem).codeTasks ?? [])
      .filter(({ task }) => task.language === 'python' && task.testFile)
      .map((entry) => ({ ...entry, itemVersionId: row.id, ...refs.get(row.id)! })),
  );
  if (!tasks.length) return [];
  if (!grader)
    // Nothing can tell these tasks apart without the sandboxes: none is let through as trusted.
    return tasks.map((t) => ({
      itemRef: t.itemRef,
      title: t.title,
      itemVersionId: t.itemVersionId,
      responseIdentifier: t.responseIdentifier,
      tests: [],
    }));
  const found: PracticeOnlyTask[] = [];
  for (const t of tasks) {
    const trust = await probeVerdictTrust(grader, t.task);
    if (trust.dependsOnSubmission)
      found.push({
        itemRef: t.itemRef,
        title: t.title,
        itemVersionId: t.itemVersionId,
        responseIdentifier: t.responseIdentifier,
        tests: trust.tests,
      });
  }
  return found;
}

/**
 * Refuses (422 `code_task_practice_only`, naming each item in Vietnamese and English) a graded
 * sitting whose form holds a code task fit for practice only; a practice sitting passes.
 */
export async function assertCodeTasksFitSitting(
  db: Database,
  grader: CodeGrader | undefined,
  formSpec: FormSpec,
  practice: boolean,
): Promise<void> {
  if (practice) return;
  const found = await practiceOnlyCodeTasks(db, grader, formSpec);
  if (!found.length) return;
  const named = (t: PracticeOnlyTask) => `"${t.title || t.itemRef}" (${t.itemRef})`;
  const tests = (t: PracticeOnlyTask) => (t.tests.length ? t.tests.join(', ') : '');
  const vi = found
    .map((t) =>
      t.tests.length
        ? `Bài lập trình ${named(t)} chỉ dùng cho buổi luyện tập: kết quả của ${tests(t)} do chính mã của bài làm quyết định (so sánh hai đối tượng của bài làm).`
        : `Bài lập trình ${named(t)} chưa kiểm tra được (máy chấm mã không chạy), nên không dùng cho buổi thi tính điểm.`,
    )
    .join(' ');
  const en = found
    .map((t) =>
      t.tests.length
        ? `The code task ${named(t)} is for practice only: the verdicts of ${tests(t)} are decided by the submission's own code (two of its objects compared).`
        : `The code task ${named(t)} could not be checked (no code grader), so it cannot be in a graded sitting.`,
    )
    .join(' ');
  const hint =
    'Lên lịch thành buổi luyện tập (practice: true) hoặc sửa tệp kiểm thử để so sánh giá trị thuần. / ' +
    'Schedule it as a practice sitting (practice: true), or change the test file to compare plain values.';
  throw new AppError(422, 'code_task_practice_only', `${vi} / ${en} ${hint}`, {
    items: found,
    messageVi: vi,
    messageEn: en,
  });
}
