/**
 * Loads a sitting's grade export data: every candidate with a result (its current version),
 * with student, class, the parallel form sat (if several) and section points summed from the
 * stored item scores of the form. A practice sitting (luyện tập) has no grade export: its scores are
 * the candidates' feedback, so they enter neither a grade book (sổ điểm) nor the OneRoster feed
 * (409 `practice_not_graded`, worded in Vietnamese and English).
 */
import { AppError } from '../../../platform/errors.ts';
import type { GradebookCandidate, GradebookData } from '../../../../grading/index.ts';
import { loadSittingResults } from '../../sitting-results.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AssembledForm, FormSpec } from '../../../sittings/form.ts';
import { isPretest } from '../../../sittings/pretest.ts';

type StoredItems = Record<string, { score: number; maxScore: number; weight?: number }>;

const PRACTICE_VI =
  'Đây là buổi luyện tập: điểm chỉ để học sinh tự đánh giá, không đưa vào sổ điểm hay kết quả OneRoster. Xem báo cáo buổi thi (PDF) hoặc phiếu điểm của từng em.';
const PRACTICE_EN =
  "This is a practice sitting: its scores are the students' own feedback and go into no grade book or OneRoster results. See the sitting report (PDF) or each student's score report.";

/** The refusal of a grade export of a practice sitting. */
export const practiceNotGraded = () =>
  new AppError(409, 'practice_not_graded', `${PRACTICE_VI} / ${PRACTICE_EN}`, {
    messageVi: PRACTICE_VI,
    messageEn: PRACTICE_EN,
  });

export async function loadGradebook(db: Database, sittingId: string): Promise<GradebookData> {
  const { sitting, organisation: org, candidates: rows } = await loadSittingResults(db, sittingId);
  if (sitting.practice) throw practiceNotGraded();
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
