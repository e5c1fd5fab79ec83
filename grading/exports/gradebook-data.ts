/**
 * What the grade exports of a sitting show, as plain data: the engine loads it from its tables
 * (grading does not import the engine), and the OneRoster and sổ điểm writers only format it.
 */
export interface GradebookSection {
  /** The section identifier of the form. */
  id: string;
  title: string;
  /** Points the section is worth (weighted). */
  max: number;
}

export interface GradebookCandidate {
  studentId: string;
  /** The 12-digit national identifier (mã định danh). */
  nationalId: string;
  fullName: string;
  /** ISO date (YYYY-MM-DD). */
  dateOfBirth: string;
  classId: string | null;
  className: string | null;
  candidateNumber: string;
  /** The label of the parallel form (mã đề) the candidate sat; null when the sitting has one form. */
  form: string | null;
  /** Points per section id. */
  sections: Record<string, number>;
  raw: number;
  max: number;
  tenPoint: number;
  /** Thông tư 22 rating; null while the result waits for a marker. */
  rating: string | null;
  status: 'final' | 'pending';
  /** When the current result version was stored. */
  scoredAt: Date;
}

export interface GradebookData {
  sitting: { id: string; name: string; subject: string | null; opensAt: Date };
  school: { id: string; name: string };
  /** Labels of the sitting's parallel forms (mã đề); empty for a sitting of one form. */
  forms: string[];
  sections: GradebookSection[];
  candidates: GradebookCandidate[];
}
