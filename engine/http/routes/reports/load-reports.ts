/**
 * Loads what the PDF reports of a sitting show from the database: the current result version of
 * every scored session, with the candidate, class, school, sections and competencies (QTI
 * categories of the form entries), and the sitting's item analysis. Verification tokens are
 * `<result id>.<code>`, so the verify route finds the result without a lookup table.
 */
import { eq } from 'drizzle-orm';
import {
  analyseSitting,
  ratingOf,
  verificationCode,
  type CandidateReportData,
  type SittingSummaryData,
} from '../../../../grading/index.ts';
import { loadSittingResults } from '../../../delivery/sitting-results.ts';
import type { Database } from '../../../db/database.ts';
import type { AssembledForm } from '../../../delivery/form.ts';
import { organisations } from '../../../schema.ts';

interface StoredItem {
  score: number;
  maxScore: number;
  weight: number;
  pending: boolean;
}

export interface LoadOptions {
  /** Key material of verification codes (the engine's secret). */
  secret: string;
  /** Public base URL printed under the QR code. */
  baseUrl: string;
  /** Only this session's report (a candidate downloading their own). */
  sessionId?: string;
}

const vnDate = (d: Date | string) => {
  const date = typeof d === 'string' ? new Date(d) : d;
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
};

/** The verification token of a result version, as printed in the QR code's URL. */
export function verificationToken(secret: string, resultId: string, version: number): string {
  return `${resultId}.${verificationCode(secret, resultId, version).replace('-', '')}`;
}

function sumParts(
  form: AssembledForm,
  items: Record<string, StoredItem>,
  keysOf: (e: AssembledForm['entries'][number]) => string[],
) {
  const parts = new Map<string, { name: string; score: number; max: number }>();
  for (const entry of form.entries) {
    const item = items[entry.itemRef];
    if (!item) continue;
    for (const key of keysOf(entry)) {
      const part = parts.get(key) ?? { name: key, score: 0, max: 0 };
      part.score += item.score * (item.weight ?? entry.weight);
      part.max += item.maxScore * (item.weight ?? entry.weight);
      parts.set(key, part);
    }
  }
  return [...parts.values()];
}

/** Report data of every candidate with a result in the sitting, and the sitting summary. */
export async function loadSittingReports(
  db: Database,
  sittingId: string,
  options: LoadOptions,
): Promise<{ candidates: CandidateReportData[]; summary: SittingSummaryData }> {
  const { sitting, organisation: org, candidates: sessions } = await loadSittingResults(db, sittingId);
  const parent = org?.parentId
    ? (await db.select().from(organisations).where(eq(organisations.id, org.parentId)))[0]
    : undefined;
  const showItems = sitting.releasePolicy === 'with_items';
  const school = { name: org?.name ?? '', parent: parent?.name };
  const sittingInfo = {
    name: sitting.name,
    subject: sitting.subject ?? undefined,
    date: vnDate(sitting.opensAt),
  };
  const candidates: CandidateReportData[] = [];
  const analysisCandidates: { id: string; scores: Record<string, number> }[] = [];
  const maxByRef = new Map<string, number>();
  const titles: Record<string, string> = {};
  for (const { session, candidateNumber, student, className, result } of sessions) {
    if (!result || (options.sessionId && session.id !== options.sessionId)) continue;
    const form = session.form as AssembledForm;
    const items = result.outcomes as Record<string, StoredItem>;
    const tenPoint = result.scaledScore ?? 0;
    const token = verificationToken(options.secret, result.id, result.version);
    candidates.push({
      school,
      candidate: {
        fullName: student.fullName,
        candidateNumber,
        className: className ?? undefined,
        dateOfBirth: vnDate(student.dateOfBirth),
        ...(form.parallelForm ? { form: form.parallelForm.label } : {}),
      },
      sitting: sittingInfo,
      result: {
        raw: result.rawScore,
        max: result.maxScore,
        tenPoint,
        rating: ratingOf(tenPoint),
        version: result.version,
      },
      sections: sumParts(form, items, (e) => [e.sectionTitle || e.sectionIdentifier]),
      competencies: sumParts(form, items, (e) => e.categories),
      items: showItems
        ? form.entries.map((e, i) => ({
            number: i + 1,
            title: e.title || e.itemRef,
            response: items[e.itemRef]?.pending ? 'Đang chấm' : '',
            score: items[e.itemRef]?.score ?? 0,
            max: items[e.itemRef]?.maxScore ?? 0,
          }))
        : undefined,
      verification: {
        code: verificationCode(options.secret, result.id, result.version),
        url: `${options.baseUrl}/api/reports/verify/${token}`,
      },
      issuedAt: vnDate(new Date()),
    });
    analysisCandidates.push({
      id: session.id,
      scores: Object.fromEntries(Object.entries(items).map(([ref, it]) => [ref, it.score])),
    });
    for (const e of form.entries) {
      maxByRef.set(e.itemRef, items[e.itemRef]?.maxScore ?? 1);
      titles[e.itemRef] = e.title || e.itemRef;
    }
  }
  const ratings: Record<string, number> = { Tốt: 0, Khá: 0, Đạt: 0, 'Chưa đạt': 0 };
  for (const c of candidates) ratings[c.result.rating] = (ratings[c.result.rating] ?? 0) + 1;
  const summary: SittingSummaryData = {
    school,
    sitting: sittingInfo,
    candidates: candidates.length,
    tenPointScores: candidates.map((c) => c.result.tenPoint),
    ratings,
    analysis: analyseSitting(
      [...maxByRef].map(([ref, maxScore]) => ({ ref, maxScore })),
      analysisCandidates,
    ),
    itemTitles: titles,
    issuedAt: vnDate(new Date()),
  };
  return { candidates, summary };
}
