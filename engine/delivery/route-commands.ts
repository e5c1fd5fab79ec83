/**
 * Moving through a QTI test: navigation by each part's rules (linear or nonlinear, review,
 * skipping, minTime, preConditions and branchRules), item submission in individual mode
 * (attempts, validateResponses, feedback and solution after the attempt), and the server's own
 * moves when a level's maxTime runs out. Each command locks the session row and writes position,
 * progress and an event in one transaction.
 */
import type { ItemSessionResult } from '../../grading/index.ts';
import type { Database, Transaction } from '../platform/db/database.ts';
import type { ItemResponses } from '../protocol/candidate.ts';
import { deliveryErrors } from './delivery-errors.ts';
import {
  controlOf,
  type FormSpec,
  partAt,
  formParts,
  type AssembledForm,
  type FormEntry,
  type FormPart,
  type FormScope,
} from '../sittings/form.ts';
import { compiledItem, itemModels, itemSessionResults, typedResponses } from './item-sessions.ts';
import {
  activeMs,
  closeItems,
  expiredScopes,
  moveProgress,
  progressOf,
  scopeElapsed,
  scopeLimitMs,
  scopesAt,
  type RouteProgress,
} from './route-state.ts';
import { nextStep, routeEvaluator, type RouteStep } from './route-rules.ts';
import { hasAnswer, lockSession, record, update, type Actor, type SessionRow } from './session-commands.ts';
import { latestResponses } from './session-snapshot.ts';
import { responseProblem } from './validate-responses.ts';
import { sittingFormSpec } from './form-spec-cache.ts';
import { toJson, valueFromRaw } from '../../grading/index.ts';
import { eq } from 'drizzle-orm';
import { candidateSessions } from './tables.ts';
import { sittingCandidates } from '../sittings/tables.ts';
import { hasAdaptiveSlots } from './adaptive/adaptive-form.ts';
import { adaptiveMove } from './adaptive/adaptive-step.ts';

const hasRules = (form: AssembledForm) =>
  (form.scopes ?? []).some((s) => s.preConditions.length || s.branchRules.length);

/** Whether saves to this form need the route guard (parts, attempts, closed items, rules or time limits). */
export function routeGuarded(form: AssembledForm): boolean {
  return (
    (form.parts?.length ?? 0) > 1 ||
    hasRules(form) ||
    (form.parts ?? []).some((p) => p.submissionMode === 'individual') ||
    (form.scopes ?? []).some((s) => s.maxMs !== undefined)
  );
}

async function routeStep(
  tx: Transaction,
  session: SessionRow,
  spec: FormSpec,
  form: AssembledForm,
  from: number,
  branch: boolean,
): Promise<RouteStep> {
  if (!hasRules(form)) return { position: from + 1, skipped: [], decisions: [] };
  const latest = await latestResponses(tx, session.id);
  const done = form.entries.slice(0, Math.max(0, from + 1));
  const sessions: ItemSessionResult[] = await itemSessionResults(tx, done, latest, session.seed);
  const evaluate = routeEvaluator(spec, sessions, session.seed);
  const routed: AssembledForm = branch
    ? form
    : { ...form, scopes: (form.scopes ?? []).map((s) => ({ ...s, branchRules: [] })) };
  return nextStep(routed, from, evaluate);
}

export interface NavigateResult {
  position: number;
  skipped?: string[];
  ended?: boolean;
}

/** Writes a move from `from` to `step.position` (or the end of the route), closing what is left behind. */
async function moveTo(
  tx: Transaction,
  session: SessionRow,
  form: AssembledForm,
  progress: RouteProgress,
  from: number,
  step: RouteStep,
  close: string[],
  active: number,
  event: { type: string; data?: Record<string, unknown> },
  clock: { extraTimePercent: number; now: number; spec: FormSpec },
): Promise<NavigateResult> {
  const ended = step.position >= form.entries.length;
  const to = ended ? from : step.position;
  const skippedRefs = step.skipped.flatMap((p) => (form.entries[p] ? [form.entries[p].itemRef] : []));
  const actor: Actor = event.type === 'time_limit_move' ? { type: 'system' } : { type: 'candidate' };
  const fromPart = partAt(form, from, clock.spec);
  const leftPart = ended || step.position >= fromPart.end ? fromPart : undefined;
  let next = moveProgress(form, progress, from, to, active);
  next = closeItems(next, [...close, ...skippedRefs, ...(leftPart ? partItems(form, leftPart) : [])]);
  if (skippedRefs.length)
    next = { ...next, skipped: [...new Set([...(next.skipped ?? []), ...skippedRefs])] };
  if (ended) next = { ...next, ended: true };
  if (step.decisions.length || skippedRefs.length || ended || event.type !== 'navigated') {
    await record(tx, session.id, event.type, actor, {
      from,
      to,
      ...(ended ? { ended: true } : {}),
      ...(skippedRefs.length ? { skipped: skippedRefs } : {}),
      ...(step.decisions.length ? { decisions: step.decisions } : {}),
      ...event.data,
    });
  }
  if (leftPart) {
    const reason =
      event.type === 'time_limit_move'
        ? 'time_limit'
        : step.decisions.some((d) => d.kind === 'branch' && d.result)
          ? 'branch'
          : 'navigated';
    await recordPartLeft(tx, session.id, form, next, leftPart, actor, reason, clock.now);
  }
  await update(tx, session.id, {
    position: to,
    progress: next,
    ...lastPartDeadline(session, form, next, to, active, clock),
  });
  return {
    position: to,
    ...(skippedRefs.length ? { skipped: skippedRefs } : {}),
    ...(ended ? { ended } : {}),
  };
}

/**
 * Entering the last part with a maxTime: its end becomes the session's deadline when sooner, so
 * the deadline sweeper submits on time even when the candidate is gone or the engine restarted.
 */
function lastPartDeadline(
  session: SessionRow,
  form: AssembledForm,
  progress: RouteProgress,
  to: number,
  active: number,
  clock: { extraTimePercent: number; now: number },
): Partial<SessionRow> {
  const parts = form.parts ?? [];
  const last = parts[parts.length - 1];
  if (!last || to < last.start || !session.deadlineAt || session.state !== 'in_progress') return {};
  const scope = (form.scopes ?? []).find((s) => s.key === `part:${last.identifier}` && s.maxMs !== undefined);
  if (!scope) return {};
  const limit = scopeLimitMs(scope, progress, clock.extraTimePercent)!;
  const partEnd = clock.now + Math.max(0, limit - scopeElapsed(scope, progress, to, active));
  return partEnd < session.deadlineAt.getTime() ? { deadlineAt: new Date(partEnd) } : {};
}

const partItems = (form: AssembledForm, part: FormPart) =>
  form.entries.slice(part.start, part.end).map((e) => e.itemRef);

/**
 * Leaving a testPart (moving past its end, a branch or EXIT_TESTPART, its time running out) ends
 * it: `part_left` always, and in simultaneous submission mode `part_submitted` with the item
 * sessions submitted together. Their responses are final from here (the items are closed, so
 * later saves are refused); scoring still happens when the test is submitted.
 */
async function recordPartLeft(
  tx: Transaction,
  sessionId: string,
  form: AssembledForm,
  progress: RouteProgress,
  part: FormPart,
  actor: Actor,
  reason: 'navigated' | 'branch' | 'time_limit',
  now: number,
) {
  const at = new Date(now).toISOString();
  await record(tx, sessionId, 'part_left', actor, {
    partId: part.identifier,
    submissionMode: part.submissionMode,
    reason,
    at,
  });
  if (part.submissionMode !== 'simultaneous') return;
  const skipped = new Set(progress.skipped ?? []);
  await record(tx, sessionId, 'part_submitted', actor, {
    partId: part.identifier,
    items: partItems(form, part).filter((ref) => !skipped.has(ref)),
    reason,
    at,
  });
}

/** Locks a session for a route command and reads its form and the sitting's form spec. */
async function lockRoute(tx: Transaction, sessionId: string) {
  const locked = await lockSession(tx, sessionId);
  const form = locked.session.form as AssembledForm;
  return { ...locked, form, spec: await sittingFormSpec(tx, locked.sitting.id) };
}

/** Moves the candidate within the form, by the rules of the part they are in. */
export async function navigate(
  db: Database,
  sessionId: string,
  position: number,
  now = Date.now(),
): Promise<NavigateResult> {
  return db.transaction(async (tx) => {
    const { session, extraTimePercent, form, spec } = await lockRoute(tx, sessionId);
    if (session.state !== 'in_progress') throw deliveryErrors.sessionLocked(session.state);
    if (position < 0 || position >= form.entries.length)
      throw deliveryErrors.navigationRefused('There is no item at that position.');
    const progress = progressOf(session);
    const current = session.position;
    if (position === current) return { position };
    if (progress.ended) throw deliveryErrors.routeEnded();
    const part = partAt(form, current, spec);
    const targetPart = partAt(form, position, spec);
    const active = activeMs(session, now);
    const leavingPart = targetPart.start !== part.start;
    if (targetPart.start < part.start) throw deliveryErrors.partClosed();
    if (leavingPart && position !== part.end)
      throw deliveryErrors.navigationRefused(
        'Finish this part first: you can only go on to the start of the next part.',
      );
    if (part.navigationMode === 'linear' && !leavingPart && position !== current + 1)
      throw deliveryErrors.navigationRefused('This test is linear: you can only go on to the next item.');
    const target = form.entries[position]!;
    if (
      part.navigationMode === 'nonlinear' &&
      !leavingPart &&
      (progress.visited ?? []).includes(position) &&
      !controlOf(target, spec).allowReview
    )
      throw deliveryErrors.reviewNotAllowed();
    if (position > current) {
      // Every item passed over on the way forward must hold an answer where skipping is not allowed.
      const passed = leavingPart
        ? form.entries.slice(current, part.end)
        : form.entries.slice(current, position);
      const strict = passed.filter(
        (e) => !controlOf(e, spec).allowSkipping && !(progress.skipped ?? []).includes(e.itemRef),
      );
      if (strict.length) {
        const latest = await latestResponses(tx, sessionId);
        if (strict.some((e) => !hasAnswer(latest[e.itemRef]?.responses)))
          throw deliveryErrors.answerRequired();
      }
    }
    if (part.navigationMode === 'linear') {
      // minTime: a level of a linear part may not be left before its time.
      for (const scope of scopesAt(form, current)) {
        if (!scope.minMs || (position >= scope.start && position < scope.end)) continue;
        const elapsed = scopeElapsed(scope, progress, current, active);
        if (elapsed < scope.minMs)
          throw deliveryErrors.minTimeNotReached(scope.kind, scope.identifier, scope.minMs - elapsed);
      }
    }
    const linearStep = part.navigationMode === 'linear' || leavingPart;
    const step = linearStep
      ? await routeStep(
          tx,
          session,
          spec,
          form,
          leavingPart ? part.end - 1 : current,
          part.navigationMode === 'linear',
        )
      : { position, skipped: [], decisions: [] };
    const close = leavingPart
      ? partItems(form, part)
      : part.navigationMode === 'linear'
        ? [form.entries[current]!.itemRef]
        : [];
    // An adaptive section: the answer left behind is scored and the CAT chooses what follows (or stops).
    const adapted =
      hasAdaptiveSlots(form) && step.position === current + 1
        ? await adaptiveMove(tx, { session, spec, form, progress, from: current, to: step.position })
        : undefined;
    return moveTo(
      tx,
      session,
      adapted?.form ?? form,
      adapted?.progress ?? progress,
      current,
      step,
      close,
      active,
      { type: 'navigated' },
      { extraTimePercent, now, spec },
    );
  });
}

/** Where the server moves a candidate whose level ran out of time, or undefined when nothing is due. */
export interface TimeLimitMove {
  position: number;
  level: FormScope['kind'];
  identifier: string;
  /** The test's own time (or the last part's) is over: submit the session. */
  submit: boolean;
}

/** The first level around the candidate's place whose maxTime has run out and that moves them on. */
function dueScope(
  form: AssembledForm,
  progress: RouteProgress,
  position: number,
  active: number,
  extra: number,
  spec?: FormSpec,
) {
  const part = partAt(form, position, spec);
  const order = { test: 0, part: 1, section: 2, item: 3 } as const;
  return expiredScopes(form, progress, position, position, active, extra)
    .filter((s) => s.kind === 'test' || s.kind === 'part' || part.navigationMode === 'linear')
    .sort((a, b) => order[a.kind] - order[b.kind])[0];
}

/** Cheap check without a lock (for the time keeper): is some level of the current place out of time? */
export function timeLimitDue(
  row: Pick<SessionRow, 'state' | 'startedAt' | 'pausedAt' | 'progress' | 'position' | 'form'>,
  extraTimePercent: number,
  now = Date.now(),
): boolean {
  if (row.state !== 'in_progress') return false;
  const form = row.form as AssembledForm;
  if (!(form.scopes ?? []).some((s) => s.maxMs !== undefined)) return false;
  const progress = progressOf(row);
  if (progress.ended) return false;
  return Boolean(dueScope(form, progress, row.position, activeMs(row, now), extraTimePercent));
}

/**
 * The server is the clock: when a part's (or, in a linear part, a section's or item's) maxTime
 * runs out, the candidate is moved to what follows; when the test's runs out, or nothing follows,
 * the caller submits the session.
 */
export async function enforceTimeLimits(
  db: Database,
  sessionId: string,
  now = Date.now(),
): Promise<TimeLimitMove | undefined> {
  return db.transaction(async (tx) => {
    const { session, sitting, extraTimePercent, form, spec } = await lockRoute(tx, sessionId);
    if (session.state !== 'in_progress') return undefined;
    const progress = progressOf(session);
    if (progress.ended) return undefined;
    const active = activeMs(session, now);
    const scope = dueScope(form, progress, session.position, active, extraTimePercent, spec);
    if (!scope) return undefined;
    const base = { level: scope.kind, identifier: scope.identifier };
    // Nothing follows: the deadline sweeper (on whichever process, restarts included) submits it at once.
    const submitNow = () => new Date(now - sitting.graceSeconds * 1000 - 1);
    if (scope.kind === 'test' || scope.end >= form.entries.length) {
      await record(tx, sessionId, 'time_limit_over', { type: 'system' }, base);
      const part = partAt(form, session.position, spec);
      await recordPartLeft(tx, sessionId, form, progress, part, { type: 'system' }, 'time_limit', now);
      await update(tx, sessionId, {
        progress: {
          ...closeItems(
            progress,
            form.entries.map((e) => e.itemRef),
          ),
          ended: true,
        },
        deadlineAt: submitNow(),
      });
      return { position: session.position, ...base, submit: true };
    }
    const part = partAt(form, session.position, spec);
    const step = await routeStep(tx, session, spec, form, scope.end - 1, false);
    const close = form.entries
      .slice(scope.kind === 'part' ? part.start : scope.start, scope.end)
      .map((e) => e.itemRef);
    const moved = await moveTo(
      tx,
      session,
      form,
      progress,
      session.position,
      step,
      close,
      active,
      {
        type: 'time_limit_move',
        data: base,
      },
      { extraTimePercent, now, spec },
    );
    if (moved.ended) await update(tx, sessionId, { deadlineAt: submitNow() });
    return { position: moved.position, ...base, submit: Boolean(moved.ended) };
  });
}

/** Refuses a save the route no longer allows: a closed item, a part that is over, a level out of time. */
export async function checkRouteSave(
  db: Database,
  sessionId: string,
  itemRef: string,
  now = Date.now(),
): Promise<void> {
  // A plain read is enough: the writer's own statement re-checks the state under its share lock.
  const [row] = await db
    .select({ session: candidateSessions, extraTimePercent: sittingCandidates.extraTimePercent })
    .from(candidateSessions)
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .where(eq(candidateSessions.id, sessionId));
  if (!row) throw deliveryErrors.sessionNotFound();
  const { session, extraTimePercent } = row;
  const form = session.form as AssembledForm;
  const entry = form.entries.find((e) => e.itemRef === itemRef);
  if (!entry) throw deliveryErrors.unknownItem(itemRef);
  const progress = progressOf(session);
  const parts = formParts(form);
  const here = parts.find((p) => session.position >= p.start && session.position < p.end);
  if ((progress.closed ?? []).includes(itemRef)) {
    const max = entry.control?.maxAttempts ?? 0;
    if (max > 0 && (progress.attempts?.[itemRef] ?? 0) >= max) throw deliveryErrors.attemptsExhausted(max);
    const partLeft = progress.ended || (here && (entry.position < here.start || entry.position >= here.end));
    throw deliveryErrors.itemClosed(partLeft ? 'part' : 'linear');
  }
  if (here && (entry.position < here.start || entry.position >= here.end)) throw deliveryErrors.partClosed();
  const late = expiredScopes(
    form,
    progress,
    entry.position,
    session.position,
    activeMs(session, now),
    extraTimePercent,
  ).find((s) => !s.allowLateSubmission);
  if (late) throw deliveryErrors.timeLimitReached(late.kind, late.identifier);
}

export interface ItemSubmitResult {
  itemRef: string;
  attempt: number;
  attemptsLeft: number | null;
  closed: boolean;
  feedback?: Array<{ identifier: string; title?: string; content: unknown }>;
  solution?: Record<string, unknown>;
}

/**
 * Individual submission mode: ends one attempt of an item with its latest saved responses.
 * Feedback (showFeedback) and the correct responses (showSolution, only once no attempt is left)
 * are given back here, after the attempt, never with the item.
 */
export async function submitItem(
  db: Database,
  sessionId: string,
  itemRef: string,
  now = Date.now(),
): Promise<ItemSubmitResult> {
  return db.transaction(async (tx) => {
    const { session, extraTimePercent, form, spec } = await lockRoute(tx, sessionId);
    if (session.state !== 'in_progress') throw deliveryErrors.sessionLocked(session.state);
    const entry: FormEntry | undefined = form.entries.find((e) => e.itemRef === itemRef);
    if (!entry) throw deliveryErrors.unknownItem(itemRef);
    const part = partAt(form, entry.position, spec);
    if (part.submissionMode !== 'individual') throw deliveryErrors.notIndividualSubmission();
    const progress = progressOf(session);
    const control = controlOf(entry, spec);
    const used = progress.attempts?.[itemRef] ?? 0;
    if (control.maxAttempts > 0 && used >= control.maxAttempts)
      throw deliveryErrors.attemptsExhausted(control.maxAttempts);
    if ((progress.closed ?? []).includes(itemRef)) throw deliveryErrors.itemClosed();
    const here = partAt(form, session.position, spec);
    if (here.start !== part.start) throw deliveryErrors.partClosed();
    if (part.navigationMode === 'linear' && entry.position !== session.position)
      throw deliveryErrors.itemClosed();
    const late = expiredScopes(
      form,
      progress,
      entry.position,
      session.position,
      activeMs(session, now),
      extraTimePercent,
    ).find((s) => !s.allowLateSubmission);
    if (late) throw deliveryErrors.timeLimitReached(late.kind, late.identifier);

    const latest = await latestResponses(tx, sessionId);
    const responses: ItemResponses | undefined = latest[itemRef]?.responses;
    const model = (await itemModels(tx, [entry.itemVersionId])).get(entry.itemVersionId);
    if (!model) throw deliveryErrors.unknownItem(itemRef);
    if (control.validateResponses) {
      const problem = responseProblem(model, responses);
      if (problem) throw deliveryErrors.invalidResponse(problem.responseIdentifier, problem.message);
    }
    const attempt = used + 1;
    const closed = control.maxAttempts > 0 && attempt >= control.maxAttempts;
    const item = compiledItem(entry.itemVersionId, model);
    const outcomes = item.score(typedResponses(item, responses), session.seed);
    const result: ItemSubmitResult = {
      itemRef,
      attempt,
      attemptsLeft: control.maxAttempts > 0 ? control.maxAttempts - attempt : null,
      closed,
    };
    if (control.showFeedback) {
      result.feedback = model.modalFeedback
        .filter((f) => {
          const v = outcomes.get(f.outcomeIdentifier);
          const values = !v ? [] : v.cardinality === 'single' ? [v.value] : 'values' in v ? v.values : [];
          const matches = values.some((x) => String(x) === f.identifier);
          return f.showHide === 'show' ? matches : !matches;
        })
        .map((f) => ({
          identifier: f.identifier,
          ...(f.title ? { title: f.title } : {}),
          content: f.content,
        }));
    }
    if (control.showSolution && closed) {
      result.solution = Object.fromEntries(
        model.declarations.flatMap((d) =>
          d.kind === 'response' && d.correctResponse
            ? [[d.identifier, toJson(valueFromRaw(d.correctResponse, d.baseType, d.cardinality))]]
            : [],
        ),
      );
    }
    const attempts = { ...(progress.attempts ?? {}), [itemRef]: attempt };
    const next = closeItems({ ...progress, attempts }, closed ? [itemRef] : []);
    await record(
      tx,
      sessionId,
      'item_submitted',
      { type: 'candidate' },
      {
        itemRef,
        attempt,
        closed,
        seq: latest[itemRef]?.seq ?? null,
        outcomes: Object.fromEntries([...outcomes].map(([k, v]) => [k, toJson(v)])),
      },
    );
    await update(tx, sessionId, { progress: next });
    return result;
  });
}

/** The route's first place: preconditions of the levels that open the test (linear first part). */
export async function startRoute(
  db: Database,
  sessionId: string,
  now = Date.now(),
): Promise<NavigateResult | undefined> {
  return db.transaction(async (tx) => {
    const { session, extraTimePercent, form, spec } = await lockRoute(tx, sessionId);
    const progress = progressOf(session);
    if (session.state !== 'in_progress' || session.position !== 0 || progress.visited?.length)
      return undefined;
    if (!(form.scopes ?? []).some((s) => s.start === 0 && s.preConditions.length)) return undefined;
    const step = await routeStep(tx, session, spec, form, -1, false);
    if (step.position === 0) return undefined;
    return moveTo(
      tx,
      session,
      form,
      progress,
      0,
      step,
      [],
      activeMs(session, now),
      { type: 'route_started' },
      { extraTimePercent, now, spec },
    );
  });
}
