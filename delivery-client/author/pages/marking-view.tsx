import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, ok, type components } from '../api.ts';
import { isNotAssignedMarker } from './marking-refusal.ts';
import { useT } from '../i18n.tsx';
import { MarkingResponse } from './marking-response.tsx';
import { ratingLabel } from '../../shared/rating.ts';
import { describeRefusal } from './refusals.ts';

type Queue = components['schemas']['MarkingQueue'];
/** The two marks a moderator sees are a first and a second marker's (the engine stores the role as text). */
const givenRole = (role: string) => role as 'first' | 'second';

/** One item's responses, one at a time: the prompt, the response, the rubric (or points) and a comment; save and next. */
export function MarkingView(props: { sittingId: string; itemRef: string; title: string; onBack(): void }) {
  const { sittingId, itemRef } = props;
  const { t, lang } = useT();
  const [data, setData] = useState<Queue>();
  const [index, setIndex] = useState(0);
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [points, setPoints] = useState('');
  const [comment, setComment] = useState('');
  const [notices, setNotices] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const queue = await ok(
      api.GET('/api/marking/sittings/{id}/queue', {
        params: { path: { id: sittingId }, query: { item: itemRef } },
      }),
    );
    setData(queue);
    return queue;
  }, [sittingId, itemRef]);
  useEffect(() => {
    load().catch((e: Error) =>
      setError(isNotAssignedMarker(e) ? t('mark.notAssigned') : describeRefusal(t, e, lang)),
    );
  }, [load, t]);
  const fresh = () => {
    setLevels({});
    setPoints('');
    setComment('');
    heading.current?.focus();
  };

  const number = (x: number) =>
    x.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
  if (!data) return <p>{error || '…'}</p>;
  const entries = data.queue;
  const entry = entries[Math.min(index, entries.length - 1)];
  const rubric = data.rubric;
  const rubricMax = rubric?.reduce((s, c) => s + Math.max(...c.levels.map((l) => l.points)), 0);
  const max = rubricMax ?? data.maxScore ?? undefined;
  const rubricTotal = rubric?.reduce((s, c) => s + (c.levels[levels[c.id] ?? -1]?.points ?? 0), 0) ?? 0;
  const complete = rubric ? rubric.every((c) => levels[c.id] !== undefined) : points.trim() !== '';

  async function save() {
    if (!entry) return;
    setError('');
    // Points as a Vietnamese teacher types them: "0,75" and "0.75" are the same mark.
    const score = Number(points.trim().replace(',', '.'));
    if (!rubric && (!/^\d+([.,]\d+)?$/.test(points.trim()) || (max !== undefined && score > max))) {
      setError(t('mark.scoreInvalid', { max: max === undefined ? '–' : number(max) }));
      return;
    }
    setBusy(true);
    try {
      const saved = await ok(
        api.POST('/api/marking/sittings/{id}/marks', {
          params: { path: { id: sittingId } },
          body: {
            sessionId: entry.sessionId,
            itemRef,
            ...(rubric ? { levels } : { score }),
            ...(comment.trim() ? { comment: comment.trim() } : {}),
          },
        }),
      );
      const said = [t('mark.saved', { score: number(saved.score), role: t(`mark.role.${saved.role}`) })];
      // A recorded mark leaves the response at least marked once ('unmarked' never follows a mark).
      const state = saved.itemState;
      if (state !== 'unmarked' && (state !== 'resolved' || !saved.result))
        said.push(t(`mark.state.${state}`));
      if (saved.result)
        said.push(
          t('mark.rescored', {
            version: saved.result.version,
            score: saved.result.scaledScore === null ? '–' : number(saved.result.scaledScore),
            rating: saved.result.rating ? `, ${ratingLabel(saved.result.rating, lang)}` : '',
          }),
        );
      setNotices(said);
      // The saved response leaves this marker's queue, so the same position shows the next one.
      const next = await load();
      setIndex((i) => Math.min(i, Math.max(0, next.queue.length - 1)));
      fresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setError(t('mark.taken'));
        await load().catch(() => undefined);
      } else if (isNotAssignedMarker(e)) setError(t('mark.notAssigned'));
      else setError(describeRefusal(t, e, lang));
    } finally {
      setBusy(false);
    }
  }

  const who = entry
    ? 'label' in entry.candidate
      ? t('mark.anonymous', { label: entry.candidate.label })
      : t('mark.named', { name: entry.candidate.fullName, number: entry.candidate.candidateNumber })
    : '';
  return (
    <section aria-labelledby="marking-item-title" className="marking">
      <button type="button" className="secondary" onClick={props.onBack}>
        {t('mark.backToItems')}
      </button>
      <h2 id="marking-item-title" ref={heading} tabIndex={-1}>
        {t('mark.markItem', { title: data.item?.title ?? props.title })}
      </h2>
      <div aria-live="polite" className="marking-notices">
        {notices.map((n) => (
          <p key={n} className="notice">
            {n}
          </p>
        ))}
        {error && <p className="error">{error}</p>}
      </div>
      {data.item?.prompt && (
        <section aria-labelledby="marking-prompt" className="card marking-prompt">
          <h3 id="marking-prompt">{t('mark.prompt')}</h3>
          <div className="marking-text">{data.item.prompt}</div>
        </section>
      )}
      {data.item?.scorerRubric && (
        <section aria-labelledby="marking-guide" className="card marking-prompt">
          <h3 id="marking-guide">{t('mark.scorerRubric')}</h3>
          <div className="marking-text">{data.item.scorerRubric}</div>
        </section>
      )}
      {!entry ? (
        <p>{t('mark.empty')}</p>
      ) : (
        <form
          className="marking-form"
          aria-labelledby="marking-position"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p id="marking-position" className="marking-head">
            <strong>
              {t('mark.position', { n: Math.min(index, entries.length - 1) + 1, total: entries.length })}
            </strong>
            <span>{who}</span>
            <span className={`badge role-${entry.role}`}>
              {t('mark.yourRole', { role: t(`mark.role.${entry.role}`) })}
            </span>
          </p>
          <section aria-labelledby="marking-response-title" className="card">
            <h3 id="marking-response-title">{t('mark.response')}</h3>
            <MarkingResponse responses={entry.response} interactions={data.item?.interactions ?? []} />
          </section>
          {entry.role === 'moderator' && entry.marks && (
            <section aria-labelledby="marking-moderation" className="card marking-moderation">
              <h3 id="marking-moderation">{t('mark.moderation')}</h3>
              <ul>
                {entry.marks.map((m) => (
                  <li key={m.role}>
                    <strong>
                      {t('mark.markBy', {
                        role: t(`mark.role.${givenRole(m.role)}`),
                        score: number(m.score),
                      })}
                    </strong>
                    {rubric && (
                      <span className="muted">
                        {' '}
                        ·{' '}
                        {rubric
                          .map((c) => `${c.name}: ${c.levels[m.levels[c.id] ?? -1]?.label ?? '–'}`)
                          .join(' · ')}
                      </span>
                    )}
                    {m.comment && <div>{t('mark.markComment', { comment: m.comment })}</div>}
                  </li>
                ))}
              </ul>
              {entry.discrepancy !== null && entry.discrepancy !== undefined && (
                <p className="marking-discrepancy">
                  {t('mark.discrepancy', {
                    diff: number(entry.discrepancy),
                    threshold: number(data.discrepancyThreshold),
                  })}
                </p>
              )}
            </section>
          )}
          {rubric ? (
            <fieldset className="marking-rubric">
              <legend>{entry.role === 'moderator' ? t('mark.finalScore') : t('mark.rubric')}</legend>
              {rubric.map((c) => (
                <fieldset key={c.id} className="marking-criterion">
                  <legend>{c.name}</legend>
                  {c.levels.map((l, i) => (
                    <label key={i} className="marking-level">
                      <input
                        type="radio"
                        name={`criterion-${c.id}`}
                        checked={levels[c.id] === i}
                        onChange={() => setLevels((all) => ({ ...all, [c.id]: i }))}
                      />
                      {t('mark.level', { label: l.label, points: number(l.points) })}
                    </label>
                  ))}
                </fieldset>
              ))}
              <p className="marking-total" aria-live="polite">
                {t('mark.total', { score: number(rubricTotal), max: number(rubricMax ?? 0) })}
              </p>
            </fieldset>
          ) : (
            <label className="field marking-points">
              {t('mark.score', { max: max === undefined ? '–' : number(max) })}
              {/* Text, not type=number: a number field drops the decimal comma ("0,75" became 075). */}
              <input
                type="text"
                inputMode="decimal"
                pattern="[0-9]+([.,][0-9]+)?"
                required
                value={points}
                onChange={(e) => setPoints(e.target.value)}
              />
            </label>
          )}
          <label className="field">
            {t('mark.comment')}
            <textarea
              rows={3}
              value={comment}
              maxLength={4000}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          {rubric && !complete && <p className="muted">{t('mark.needsAllCriteria')}</p>}
          <div className="actions">
            <button type="submit" disabled={busy || !complete}>
              {t('mark.save')}
            </button>
            {entries.length > 1 && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setIndex((i) => (i + 1) % entries.length);
                  fresh();
                }}
              >
                {t('mark.skip')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
