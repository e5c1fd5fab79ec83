/**
 * Which of its form's items a candidate may see now: one rule for every path to item content (the
 * socket's `item:fetch` and the candidate media route). Only a started session that is neither paused
 * nor submitted, before its deadline; and only what the navigation allows at that moment: in a linear
 * part the item the session stands at, in a nonlinear part any item of the current part that
 * preConditions or branchRules did not pass over. Earlier parts are over once left; later parts are
 * not open yet.
 */
import type { AppError } from '../platform/errors.ts';
import { formParts, type AssembledForm, type FormNavigation } from '../sittings/form.ts';
import { deliveryErrors } from './delivery-errors.ts';
import { progressOf } from './route-state.ts';

export interface SessionForAccess {
  state: string;
  deadlineAt: Date | null;
  position: number;
  progress: unknown;
  form: unknown;
}

/** Why the session may not see the item at `position` now, or undefined when it may. */
export function itemAccessRefusal(
  session: SessionForAccess,
  position: number,
  spec?: FormNavigation,
  now = Date.now(),
): AppError | undefined {
  if (session.state === 'paused') return deliveryErrors.sessionPaused();
  if (session.state !== 'in_progress') return deliveryErrors.sessionLocked(session.state);
  if (session.deadlineAt && session.deadlineAt.getTime() <= now) return deliveryErrors.answerTooLate();
  const form = session.form as AssembledForm;
  const entry = form.entries[position];
  if (!entry) return deliveryErrors.navigationRefused('There is no item at that position.');
  if (!entry.itemVersionId)
    return deliveryErrors.navigationRefused('The adaptive test has not chosen that item yet.');
  const parts = formParts(form, spec);
  const here = parts.find((p) => session.position >= p.start && session.position < p.end);
  if (here && (position < here.start || position >= here.end))
    return position < here.start
      ? deliveryErrors.partClosed()
      : deliveryErrors.navigationRefused('That item belongs to a part not open yet.');
  const progress = progressOf(session);
  if (progress.ended) return deliveryErrors.itemClosed('part');
  if (here?.navigationMode === 'linear' && position !== session.position)
    return deliveryErrors.navigationRefused(
      'In a linear test only the current item can be opened; items come one after another.',
    );
  if ((progress.skipped ?? []).includes(entry.itemRef))
    return deliveryErrors.navigationRefused('That item is passed over by the test route.');
  return undefined;
}

/** Positions of the form the session may see now (for media: only files of these items are served). */
export function visiblePositions(
  session: SessionForAccess,
  spec?: FormNavigation,
  now = Date.now(),
): number[] {
  const form = session.form as AssembledForm;
  return form.entries
    .map((_, position) => position)
    .filter((position) => !itemAccessRefusal(session, position, spec, now));
}
