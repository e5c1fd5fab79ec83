/**
 * Loads what the PDF reports of a sitting show from the database: the current final result of
 * every scored session, with the candidate, class, school, sections and competencies (QTI
 * categories of the form entries), the candidate's responses where release allows, and the
 * sitting's item analysis. Results still waiting for a marker or a sandbox are left out (they are
 * not final, and a report must not print a score as if it were); the summary counts them.
 * Ratings are the stored ones (under the sitting's own thresholds).
 */
import { eq } from 'drizzle-orm';
import {
  ratingOf,
  verificationCode,
  type CandidateReportData,
  type FlagThresholds,
  type RatingThresholds,
  type SittingSummaryData,
} from '../../../../grading/index.ts';
import { loadSittingResults } from '../../sitting-results.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AssembledForm } from '../../../sittings/form.ts';
import { isPretest } from '../../../sittings/pretest.ts';
import { displayedChoiceOrder } from '../../../delivery/displayed-choice-order.ts';
import { formSpecOf } from '../../../delivery/form-spec-cache.ts';
import { itemModels } from '../../../delivery/item-sessions.ts';
import { verifyPath } from '../../report-links.ts';
import type { AssessmentItem } from '../../../../item-bank/index.ts';
import { organisations } from '../../../people/tables.ts';
import { responseSummary } from './response-summary.ts';
import {
  analyseResults,
  latestResponsesOf,
  type AnalysedSession,
  type StoredItem,
} from './sitting-analysis.ts';
import { calendarDate, vietnamDate } from '../../vietnam-dates.ts';

export { verificationToken } from '../../../../grading/index.ts';

export interface LoadOptions {
  /** Key material of verification codes (the engine's secret). */
  secret: string;
  /** Public base URL printed under the QR code. */
  baseUrl: string;
  /** Only this session's report (a candidate downloading their own). */
  sessionId?: string;
}

function sumParts(
  form: AssembledForm,
  items: Record<string, StoredItem>,
  keysOf: (e: AssembledForm['entries'][number]) => string[],
) {
  const parts = new Map<string, { name: string; score: number; max: number }>();
  for (const entry of form.entries) {
    const item = items[entry.itemRef];
    if (!item || isPretest(entry)) continue;
    for (const key of keysOf(entry)) {
      const part = parts.get(key) ?? { name: key, score: 0, max: 0 };
      part.score += item.score * (item.weight ?? entry.weight);
      part.max += item.maxScore * (item.weight ?? entry.weight);
      parts.set(key, part);
    }
  }
  return [...parts.values()];
}

/** The rating a result was stored with; one stored before ratings were kept gets the sitting's thresholds. */
export function ratingOfResult(
  result: { rating: string | null; scaledScore: number | null },
  thresholds: unknown,
): string {
  return (
    result.rating ?? ratingOf(result.scaledScore ?? 0, (thresholds as RatingThresholds | null) ?? undefined)
  );
}

/** An adaptive section's ability as the result stored it (θ, its SE, the items given). */
export function adaptiveOfResult(testOutcomes: unknown): {
  adaptive?: { theta: number; se: number; items: number };
} {
  const a = (testOutcomes as { adaptive?: { theta: number; se: number; items: number } } | null)?.adaptive;
  return a ? { adaptive: { theta: a.theta, se: a.se, items: a.items } } : {};
}

/** The choice order the candidate saw, so the report's letters are the ones on their screen. */
function shownChoiceOrder(
  model: AssessmentItem | undefined,
  seed: number,
  itemRef: string,
  shuffleChoices: boolean,
): Map<string, string[]> | undefined {
  // Only QTI item models have a body to show (tests' stand-in models have none): else the authored order.
  return model?.body ? displayedChoiceOrder(model, { seed, itemRef, shuffleChoices }) : undefined;
}

/** Report data of every candidate with a final result in the sitting, and the sitting summary. */
export async function loadSittingReports(
  db: Database,
  sittingId: string,
  options: LoadOptions,
): Promise<{ candidates: CandidateReportData[]; summary: SittingSummaryData; pending: number }> {
  const { sitting, organisation: org, candidates: sessions } = await loadSittingResults(db, sittingId);
  const parent = org?.parentId
    ? (await db.select().from(organisations).where(eq(organisations.id, org.parentId)))[0]
    : undefined;
  const showItems = sitting.releasePolicy === 'with_items';
  const shuffle = formSpecOf(sitting.id, sitting.formSpec).shuffleChoices;
  const school = { name: org?.name ?? '', parent: parent?.name };
  const sittingInfo = {
    name: sitting.name,
    subject: sitting.subject ?? undefined,
    date: vietnamDate(sitting.opensAt),
    ...(sitting.practice ? { practice: true } : {}),
  };
  const wanted = sessions.filter(
    (s) => s.result && (!options.sessionId || s.session.id === options.sessionId),
  );
  const final = wanted.filter((s) => s.result!.status === 'final');
  // The item table shows what each candidate answered, from the item versions they were scored on.
  const responses = showItems
    ? await latestResponsesOf(
        db,
        final.map((s) => s.session.id),
      )
    : new Map();
  const models = showItems
    ? await itemModels(
        db,
        final.flatMap((s) => (s.session.form as AssembledForm).entries.map((e) => e.itemVersionId)),
      )
    : new Map();
  const candidates: CandidateReportData[] = [];
  const analysed: AnalysedSession[] = [];
  for (const { session, candidateNumber, student, className, result } of final) {
    if (!result) continue;
    const form = session.form as AssembledForm;
    const items = result.outcomes as Record<string, StoredItem>;
    const answered = responses.get(session.id) ?? {};
    const operational = form.entries.filter((e) => !isPretest(e));
    candidates.push({
      school,
      candidate: {
        fullName: student.fullName,
        candidateNumber,
        className: className ?? undefined,
        dateOfBirth: calendarDate(student.dateOfBirth),
        ...(form.parallelForm ? { form: form.parallelForm.label } : {}),
      },
      sitting: sittingInfo,
      result: {
        raw: result.rawScore,
        max: result.maxScore,
        tenPoint: result.scaledScore ?? 0,
        rating: ratingOfResult(result, sitting.ratingThresholds),
        version: result.version,
        ...adaptiveOfResult(result.testOutcomes),
      },
      sections: sumParts(form, items, (e) => [e.sectionTitle || e.sectionIdentifier]),
      competencies: sumParts(form, items, (e) => e.categories),
      // Pretest items are in no total, and not on the report either.
      items: showItems
        ? operational.map((e, i) => ({
            number: i + 1,
            title: e.title || e.itemRef,
            response: responseSummary(
              models.get(items[e.itemRef]?.correctedVersionId ?? e.itemVersionId) ??
                models.get(e.itemVersionId),
              answered[e.itemRef],
              shownChoiceOrder(models.get(e.itemVersionId), session.seed, e.itemRef, shuffle),
            ),
            score: items[e.itemRef]?.score ?? 0,
            max: items[e.itemRef]?.maxScore ?? 0,
          }))
        : undefined,
      verification: {
        code: verificationCode(options.secret, result.id, result.version),
        url: `${options.baseUrl}${verifyPath(options.secret, result.id, result.version)}`,
      },
      issuedAt: vietnamDate(new Date()),
    });
    analysed.push({ sessionId: session.id, form, items });
  }
  const ratings: Record<string, number> = { Tốt: 0, Khá: 0, Đạt: 0, 'Chưa đạt': 0 };
  for (const c of candidates) ratings[c.result.rating] = (ratings[c.result.rating] ?? 0) + 1;
  const pending = wanted.length - final.length;
  // A single candidate's report needs no item analysis of the sitting.
  const { analysis, titles } = options.sessionId
    ? await analyseResults(db, [], null)
    : await analyseResults(db, analysed, sitting.flagThresholds as Partial<FlagThresholds> | null);
  const summary: SittingSummaryData = {
    school,
    sitting: sittingInfo,
    candidates: candidates.length,
    pending,
    tenPointScores: candidates.map((c) => c.result.tenPoint),
    ratings,
    analysis,
    itemTitles: titles,
    issuedAt: vietnamDate(new Date()),
  };
  return { candidates, summary, pending };
}
