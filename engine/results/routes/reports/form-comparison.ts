/**
 * Results of a sitting form by form: which parallel form (mã đề) each scored candidate sat, and
 * each form's score statistics, so the board can see whether the forms were equally hard.
 * A sitting of one form gives one group with a null label.
 */
import { analyseSitting, type AnalysisCandidate } from '../../../../grading/index.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AssembledForm } from '../../../sittings/form.ts';
import { loadSittingResults } from '../../sitting-results.ts';

interface StoredItem {
  score: number;
  maxScore: number;
}

export interface FormResults {
  label: string | null;
  testId: string | null;
  candidates: Array<{
    candidateNumber: string;
    fullName: string;
    raw: number;
    max: number;
    tenPoint: number;
  }>;
  mean: number;
  sd: number;
  alpha: number;
  /** Mean of the 10-point scores. */
  meanTenPoint: number;
}

export async function loadFormComparison(db: Database, sittingId: string): Promise<FormResults[]> {
  const { candidates } = await loadSittingResults(db, sittingId);
  const groups = new Map<
    string,
    {
      label: string | null;
      testId: string | null;
      rows: FormResults['candidates'];
      maxByRef: Map<string, number>;
      analysis: AnalysisCandidate[];
    }
  >();
  for (const { session, candidateNumber, student, result } of candidates) {
    if (!result) continue;
    const form = session.form as AssembledForm;
    const key = form.parallelForm?.label ?? '';
    const group = groups.get(key) ?? {
      label: form.parallelForm?.label ?? null,
      testId: form.parallelForm?.testId ?? null,
      rows: [],
      maxByRef: new Map<string, number>(),
      analysis: [],
    };
    const items = result.outcomes as Record<string, StoredItem>;
    group.rows.push({
      candidateNumber,
      fullName: student.fullName,
      raw: result.rawScore,
      max: result.maxScore,
      tenPoint: result.scaledScore ?? 0,
    });
    for (const e of form.entries) group.maxByRef.set(e.itemRef, items[e.itemRef]?.maxScore ?? 1);
    group.analysis.push({
      id: session.id,
      scores: Object.fromEntries(Object.entries(items).map(([ref, it]) => [ref, it.score])),
    });
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => {
      const { test } = analyseSitting(
        [...g.maxByRef].map(([ref, maxScore]) => ({ ref, maxScore })),
        g.analysis,
        { irtModel: 'none' },
      );
      return {
        label: g.label,
        testId: g.testId,
        candidates: g.rows,
        mean: test.mean,
        sd: test.sd,
        alpha: test.alpha,
        meanTenPoint: g.rows.reduce((s, r) => s + r.tenPoint, 0) / g.rows.length,
      };
    })
    .sort((a, b) => (a.label ?? '').localeCompare(b.label ?? ''));
}
