/**
 * Loads a sitting's grade export data: every candidate with a result (its current version),
 * with student, class and section points summed from the stored item scores of the form.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { GradebookCandidate, GradebookData } from '../../../../grading/index.ts';
import type { Database } from '../../../db/database.ts';
import type { AssembledForm } from '../../../delivery/form.ts';
import { candidateSessions, sessionResults, sittingCandidates, sittings } from '../../../delivery/tables.ts';
import { classes, organisations, students } from '../../../schema.ts';

type StoredItems = Record<string, { score: number; maxScore: number; weight?: number }>;

export async function loadGradebook(db: Database, sittingId: string): Promise<GradebookData> {
  const [sitting] = await db.select().from(sittings).where(eq(sittings.id, sittingId));
  if (!sitting) throw new Error(`sitting ${sittingId} does not exist`);
  const [org] = await db.select().from(organisations).where(eq(organisations.id, sitting.organisationId));
  const rows = await db
    .select({
      session: candidateSessions,
      candidateNumber: sittingCandidates.candidateNumber,
      student: students,
      className: classes.name,
    })
    .from(candidateSessions)
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .leftJoin(classes, eq(classes.id, students.classId))
    .where(
      and(
        eq(candidateSessions.sittingId, sittingId),
        inArray(candidateSessions.state, ['submitted', 'scored']),
      ),
    )
    .orderBy(sittingCandidates.candidateNumber);
  const results = rows.length
    ? await db
        .select()
        .from(sessionResults)
        .where(
          inArray(
            sessionResults.sessionId,
            rows.map((r) => r.session.id),
          ),
        )
        .orderBy(desc(sessionResults.version))
    : [];
  const latest = new Map<string, (typeof results)[number]>();
  for (const r of results) if (!latest.has(r.sessionId)) latest.set(r.sessionId, r);
  const sections = new Map<string, { id: string; title: string; max: number }>();
  const candidates: GradebookCandidate[] = [];
  for (const { session, candidateNumber, student, className } of rows) {
    const result = latest.get(session.id);
    if (!result) continue;
    const items = result.outcomes as StoredItems;
    const points: Record<string, number> = {};
    const maxima: Record<string, number> = {};
    for (const entry of (session.form as AssembledForm).entries) {
      const item = items[entry.itemRef];
      if (!item) continue;
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
    sections: [...sections.values()],
    candidates,
  };
}
