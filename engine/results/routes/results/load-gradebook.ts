/**
 * Loads a sitting's grade export data: every candidate with a result (its current version),
 * with student, class, the parallel form sat (if several) and section points summed from the
 * stored item scores of the form.
 */
import type { GradebookCandidate, GradebookData } from '../../../../grading/index.ts';
import { loadSittingResults } from '../../sitting-results.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AssembledForm, FormSpec } from '../../../sittings/form.ts';
import { isPretest } from '../../../sittings/pretest.ts';

type StoredItems = Record<string, { score: number; maxScore: number; weight?: number }>;

export async function loadGradebook(db: Database, sittingId: string): Promise<GradebookData> {
  const { sitting, organisation: org, candidates: rows } = await loadSittingResults(db, sittingId);
  const sections = new Map<string, { id: string; title: string; max: number }>();
  const candidates: GradebookCandidate[] = [];
  for (const { session, candidateNumber, student, className, result } of rows) {
    if (!result) continue;
    const items = result.outcomes as StoredItems;
    const points: Record<string, number> = {};
    const maxima: Record<string, number> = {};
    for (const entry of (session.form as AssembledForm).entries) {
      const item = items[entry.itemRef];
      // Pretest items count in no section's points (the one rule, sittings/pretest.ts).
      if (!item || isPretest(entry)) continue;
      const weight = item.weight ?? entry.weight;
      points[entry.sectionIdentifier] = (points[entry.sectionIdentifier] ?? 0) + item.score * weight;
      maxima[entry.sectionIdentifier] = (maxima[entry.sectionIdentifier] ?? 0) + item.maxScore * weight;
      if (!sections.has(entry.sectionIdentifier))
        sections.set(entry.sectionIdentifier, {
          id: entry.sectionIdentifier,
          title: entry.sectionTitle,
          max: 0,
        });
    }
    for (const [id, max] of Object.entries(maxima))
      sections.get(id)!.max = Math.max(sections.get(id)!.max, max);
    candidates.push({
      studentId: student.id,
      nationalId: student.nationalId,
      fullName: student.fullName,
      dateOfBirth: String(student.dateOfBirth),
      classId: student.classId,
      className: className ?? null,
      candidateNumber,
      form: (session.form as AssembledForm).parallelForm?.label ?? null,
      sections: points,
      raw: result.rawScore,
      max: result.maxScore,
      tenPoint: result.scaledScore ?? 0,
      rating: result.status === 'final' ? result.rating : null,
      status: result.status === 'final' ? 'final' : 'pending',
      scoredAt: result.createdAt,
    });
  }
  return {
    sitting: { id: sitting.id, name: sitting.name, subject: sitting.subject, opensAt: sitting.opensAt },
    school: { id: org?.id ?? sitting.organisationId, name: org?.name ?? '' },
    forms: (sitting.formSpec as Pick<FormSpec, 'parallelForms'>).parallelForms?.map((f) => f.label) ?? [],
    sections: [...sections.values()],
    candidates,
  };
}
