/**
 * An adaptive section's places in an assembled form (form.ts): filled by the CAT one by one,
 * and the places it does not use dropped when it stops (or when the session is submitted
 * before it stopped). The adaptive section is the form's last, so its open places are the form's
 * tail but for pretest items seeded among them (sittings/pretest.ts): those stay, and move up.
 */
import type { AssembledForm, FormEntry } from '../../sittings/form.ts';

export const isOpenSlot = (e: FormEntry | undefined): boolean => Boolean(e?.adaptive && !e.itemVersionId);

/** Whether a form holds adaptive places at all (filled or not). */
export const hasAdaptiveSlots = (form: AssembledForm): boolean => form.entries.some((e) => e.adaptive);

/** The form without its open adaptive places (the same object when there are none). */
export function dropOpenSlots(form: AssembledForm): AssembledForm {
  if (!form.entries.some(isOpenSlot)) return form;
  const entries = form.entries
    .filter((e) => !isOpenSlot(e))
    .map((e, position) => (e.position === position ? e : { ...e, position }));
  const n = entries.length;
  return {
    ...form,
    entries,
    ...(form.parts
      ? { parts: form.parts.map((p) => ({ ...p, start: Math.min(p.start, n), end: Math.min(p.end, n) })) }
      : {}),
    ...(form.scopes
      ? {
          scopes: form.scopes.filter((s) => s.start < n).map((s) => ({ ...s, end: Math.min(s.end, n) })),
        }
      : {}),
  };
}

/** The form with the place of `slot` in `section` given the chosen pool item. */
export function fillSlot(
  form: AssembledForm,
  section: string,
  slot: number,
  chosen: { poolRef: string; itemVersionId: string },
): AssembledForm {
  const index = form.entries.findIndex((e) => e.adaptive?.section === section && e.adaptive.slot === slot);
  if (index < 0 || !isOpenSlot(form.entries[index]))
    throw new Error(`adaptive section ${section} has no open place ${slot}`);
  const entries = form.entries.slice();
  const entry = entries[index]!;
  entries[index] = {
    ...entry,
    itemVersionId: chosen.itemVersionId,
    adaptive: { section, slot, poolRef: chosen.poolRef },
  };
  return { ...form, entries };
}
