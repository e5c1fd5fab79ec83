/**
 * Parallel forms (mã đề) in one sitting. The sitting's FormSpec lists the forms; each candidate
 * gets form `seat mod N`, where the seat is their place in their room in candidate-number order,
 * so neighbours sit different forms. The choice depends only on the roster, and the assembled
 * form (stored with the session, which a resume reuses) records which form it is, for results
 * and reports.
 */
import { and, count, eq, lt } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { assembleForm, FormSpec, type AssembledForm } from './form.ts';
import { sittingCandidates } from './tables.ts';

export interface ParallelForm {
  label: string;
  spec: FormSpec;
}

/** The sitting's FormSpec of several parallel forms: the first form, with every form listed. */
export function parallelFormSet(forms: ParallelForm[]): FormSpec {
  if (forms.length < 2) throw new Error('a parallel form set needs at least two forms');
  const { parallelForms: _nested, ...first } = forms[0]!.spec;
  return FormSpec.parse({
    ...first,
    parallelForms: forms.map((f) => ({ label: f.label, spec: f.spec })),
  });
}

const parsed = new WeakMap<FormSpec, ParallelForm[]>();

/** The parallel forms of a sitting's spec, parsed once per spec object; undefined for one form. */
export function parallelFormsOf(spec: FormSpec): ParallelForm[] | undefined {
  if (!spec.parallelForms) return undefined;
  let forms = parsed.get(spec);
  if (!forms) {
    forms = spec.parallelForms.map((f) => ({ label: f.label, spec: FormSpec.parse(f.spec) }));
    parsed.set(spec, forms);
  }
  return forms;
}

/** The form a seat (0-based, in the room) is given. */
export const parallelFormIndex = (seat: number, forms: number) => ((seat % forms) + forms) % forms;

/** A candidate's place in their room: how many candidates of the room have a lower candidate number. */
export async function seatInRoom(
  db: Database,
  candidate: { roomId: string; candidateNumber: string },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sittingCandidates)
    .where(
      and(
        eq(sittingCandidates.roomId, candidate.roomId),
        lt(sittingCandidates.candidateNumber, candidate.candidateNumber),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The form of a candidate: the assigned parallel form (when there are several), assembled from the seed. */
export function assembleCandidateForm(spec: FormSpec, seed: number, seat: number): AssembledForm {
  const forms = parallelFormsOf(spec);
  if (!forms) return assembleForm(spec, seed);
  const index = parallelFormIndex(seat, forms.length);
  const chosen = forms[index]!;
  return {
    ...assembleForm(chosen.spec, seed),
    parallelForm: {
      index,
      label: chosen.label,
      ...(chosen.spec.source ? { testId: chosen.spec.source.testId } : {}),
    },
  };
}

/** The spec of the form a session was given (its outcome processing, its modes). */
export function specOfSession(spec: FormSpec, form: Pick<AssembledForm, 'parallelForm'>): FormSpec {
  const forms = parallelFormsOf(spec);
  if (!forms || !form.parallelForm) return spec;
  return forms[form.parallelForm.index]?.spec ?? spec;
}
