/**
 * Sets how one item of a sitting is marked: its rubric (a new rubric row when one is given) and
 * marking rule (anonymous, double marking, discrepancy threshold), with the audit row
 * (`marking.configure`), in one transaction. Until this command the write had no audit row and
 * the rubric and the rule were written separately. A rubric worth more than the item is refused
 * (`rubric_above_maximum`).
 */
import { gradingTables, rubricMaximum, type RubricCriteria } from '../../../grading/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import { errors } from '../../platform/errors.ts';
import { loadSittingMarking } from '../sitting-marking.ts';

const { markingConfigs, rubrics } = gradingTables;

export async function setMarkingConfig(
  db: Database,
  actor: StaffActor,
  input: {
    sittingId: string;
    itemRef: string;
    /** The organisation owning the sitting: owns the rubric, and is named in the audit row. */
    organisationId: string;
    rubric?: { name: string; criteria: RubricCriteria };
    anonymous: boolean;
    doubleMarking: boolean;
    discrepancyThreshold: number;
  },
  context: CommandContext = {},
): Promise<{ rubricId: string | null }> {
  // A rubric may not give more than the item is worth: a marker could never save its top levels.
  if (input.rubric) {
    const marking = await loadSittingMarking(db, input.sittingId, input.itemRef);
    const worth = marking.sessions
      .map((s) => s.outcomes?.[input.itemRef]?.maxScore)
      .find((m) => m !== undefined);
    const most = rubricMaximum(input.rubric.criteria);
    if (worth !== undefined && most > worth + 1e-9)
      throw errors.badRequest(`The rubric gives up to ${most} points; the item is worth ${worth}.`, {
        code: 'rubric_above_maximum',
        rubricMax: most,
        itemMax: worth,
      });
  }
  return db.transaction(async (tx) => {
    let rubricId: string | null = null;
    if (input.rubric) {
      const [r] = await tx
        .insert(rubrics)
        .values({
          organisationId: input.organisationId,
          name: input.rubric.name,
          criteria: input.rubric.criteria,
          createdBy: actor.userId,
        })
        .returning({ id: rubrics.id });
      rubricId = r!.id;
    }
    const values = {
      anonymous: input.anonymous,
      doubleMarking: input.doubleMarking,
      discrepancyThreshold: input.discrepancyThreshold,
      rubricId,
    };
    await tx
      .insert(markingConfigs)
      .values({ sittingId: input.sittingId, itemRef: input.itemRef, ...values })
      .onConflictDoUpdate({ target: [markingConfigs.sittingId, markingConfigs.itemRef], set: values });
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'marking.configure',
      subjectType: 'sitting',
      subjectId: input.sittingId,
      organisationId: input.organisationId,
      ip: context.ip,
      details: { itemRef: input.itemRef, ...values, rubric: input.rubric?.name ?? null },
    });
    return { rubricId };
  });
}
