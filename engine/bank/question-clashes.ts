/**
 * The identifier policy for the import preview's questions (Moodle, GIFT, Word... and QTI 1.2,
 * whose questions keep their source identifier): the same rules as a QTI package import
 * (import-clashes.ts), applied to the questions before they are saved. Questions of the other
 * formats are named by a hash of their content, so only identical content can meet its
 * identifier again, which is "unchanged", never a clash.
 */
import type { ClashPolicy, ImportedQuestion, ItemMetadata } from '../../item-bank/index.ts';
import type { Database } from '../platform/db/database.ts';
import { resolveClashes, type ClashReport } from './import-clashes.ts';
import { questionVersionInput } from './commands/save-questions.ts';

/**
 * The questions to save under `policy` (skipped ones left out, renamed ones under their new
 * identifier) and the clashes found; throws 409 for `refuse` (unless `dryRun`) when any.
 */
export async function resolveQuestionClashes(
  db: Database,
  props: {
    bankId: string;
    policy: ClashPolicy;
    questions: ImportedQuestion[];
    sourceFormat: string;
    filename?: string;
    metadata?: Partial<ItemMetadata>;
    dryRun?: boolean;
  },
): Promise<{ questions: ImportedQuestion[]; clashes: Array<ClashReport & { number: number }> }> {
  const valid = props.questions.filter((q) => q.item && q.qtiXml && !q.skipped);
  const entries = valid.map((q) => ({ file: q.label, input: questionVersionInput(q, props) }));
  const resolved = await resolveClashes(db, props.bankId, props.policy, entries, [], {
    dryRun: props.dryRun,
  });
  const clashes = resolved.clashes.map((c) => ({
    ...c,
    number: valid.find((q) => q.identifier === c.identifier)?.number ?? 0,
  }));
  const questions = valid.flatMap((q, i) => {
    const r = resolved.items[i]!;
    if ('keep' in r) return [];
    return r.input.identifier === q.identifier
      ? [q]
      : [{ ...q, identifier: r.input.identifier, qtiXml: r.input.qtiXml }];
  });
  return { questions, clashes };
}
