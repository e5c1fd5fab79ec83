/**
 * What one imported question means, as the import preview shows it to a teacher before anything is
 * saved: the stem with its pictures and sound (named: the files are not stored yet), code kept as
 * written, cloze gaps marked and listed with their answers and weights, numeric answers with their
 * tolerance, matching pairs, partial credit, feedback, and Moodle's category and tags.
 */
import type { ReactNode } from 'react';
import type { Draft } from '../api.ts';
import { useT } from '../i18n.tsx';

type Media = NonNullable<Draft['media']>[number];

function useNumbers() {
  const { lang } = useT();
  // No grouping: "1945" is a year as often as a number, and "1.945" reads as a decimal in English.
  const format = new Intl.NumberFormat(lang === 'en' ? 'en' : 'vi-VN', {
    maximumFractionDigits: 6,
    useGrouping: false,
  });
  /** A number as the teacher writes it (decimal comma in Vietnamese); other text as it is. */
  const number = (text: string | number) => {
    const n = typeof text === 'number' ? text : Number(String(text).trim().replace(',', '.'));
    return String(text).trim() !== '' && Number.isFinite(n) ? format.format(n) : String(text);
  };
  const percent = (fraction: number) => `${fraction < 0 ? '−' : ''}${Math.round(Math.abs(fraction) * 100)}%`;
  return { number, percent };
}

const fileName = (href: string) => href.split('/').pop() ?? href;

function MediaChip({ media }: { media: Media }) {
  const { t } = useT();
  const kind = media.contentType.split('/')[0];
  const label =
    kind === 'audio' ? t('ip.media.audio') : kind === 'video' ? t('ip.media.video') : t('ip.media.image');
  return (
    <span className={`media-chip ${kind}`}>
      {label}: <code>{fileName(media.href)}</code>
      {media.alt ? <span className="muted"> “{media.alt}”</span> : null}
    </span>
  );
}

/** A stem paragraph, with cloze gaps `{#n}` shown as numbered boxes. */
function StemText({ text, cloze }: { text: string; cloze: boolean }) {
  const { t } = useT();
  if (!cloze) return <>{text}</>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{#(\d+)\}/g)) {
    parts.push(text.slice(last, m.index));
    parts.push(
      <span key={m.index} className="gap-mark" aria-label={t('ip.gap', { n: m[1]! })}>
        {m[1]}
      </span>,
    );
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function Credit({ fraction }: { fraction: number | undefined }) {
  const { percent } = useNumbers();
  if (fraction === undefined) return null;
  return (
    <span className={`credit ${fraction < 0 ? 'minus' : fraction >= 1 ? 'full' : 'part'}`}>
      {percent(fraction)}
    </span>
  );
}

function Gaps({ draft }: { draft: Draft }) {
  const { t } = useT();
  const { number } = useNumbers();
  const gaps = draft.gaps ?? [];
  if (!gaps.length) return null;
  return (
    <div className="table-scroll">
      <table className="meaning">
        <caption>{t('ip.gaps')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">{t('ip.gapCol')}</span>
            </th>
            <th scope="col">{t('ip.kindCol')}</th>
            <th scope="col">{t('ip.weightCol')}</th>
            <th scope="col">{t('ip.answersCol')}</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((g, i) => (
            <tr key={i}>
              <th scope="row">
                <span className="gap-mark" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="sr-only">{t('ip.gap', { n: i + 1 })}</span>
              </th>
              <td>{t(`ip.gapKind.${g.kind}`)}</td>
              <td>{number(g.weight)}</td>
              <td>
                <ul className="gap-answers">
                  {g.answers.map((a, j) => (
                    <li key={j} className={a.fraction >= 1 ? 'key' : ''}>
                      {g.kind === 'numeric' ? number(a.text) : a.text}
                      {g.kind === 'numeric' && a.tolerance ? ` ± ${number(a.tolerance)}` : ''}{' '}
                      {a.fraction >= 1 ? (
                        <span aria-label={t('ip.fullCredit')}>✓</span>
                      ) : a.fraction !== 0 || (g.kind !== 'choice' && g.kind !== 'multiple') ? (
                        <Credit fraction={a.fraction} />
                      ) : null}
                      {a.feedback ? <span className="muted"> → {a.feedback}</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Numeric and short answers: each accepted answer with its credit (and tolerance), in the order tried. */
function TypedAnswers({ draft }: { draft: Draft }) {
  const { t } = useT();
  const { number } = useNumbers();
  const numeric = draft.kind === 'numeric';
  if (!draft.answers.length) return null;
  return (
    <div className="table-scroll">
      <table className="meaning">
        <caption>
          {t('ip.accepted')}
          {!numeric && (
            <span className="muted">
              {' '}
              ({draft.caseSensitive ? t('ip.caseSensitive') : t('ip.caseIgnored')}
              {draft.wildcards && draft.answers.some((a) => /(^|[^\\])\*/.test(a))
                ? `; ${t('ip.wildcard')}`
                : ''}
              )
            </span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('ip.answerCol')}</th>
            {numeric && <th scope="col">{t('ip.toleranceCol')}</th>}
            <th scope="col">{t('ip.creditCol')}</th>
            {draft.answerFeedbacks?.some(Boolean) && <th scope="col">{t('ip.feedbackCol')}</th>}
          </tr>
        </thead>
        <tbody>
          {draft.answers.map((a, i) => {
            const tolerance = draft.tolerances?.[i] ?? 0;
            return (
              <tr key={i}>
                <th scope="row">{numeric ? number(a) : <code>{a}</code>}</th>
                {numeric && <td>{tolerance ? `± ${number(tolerance)}` : t('ip.exact')}</td>}
                <td>
                  <Credit fraction={draft.answerFractions?.[i] ?? 1} />
                </td>
                {draft.answerFeedbacks?.some(Boolean) && <td>{draft.answerFeedbacks[i] ?? ''}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Pairs({ draft }: { draft: Draft }) {
  const { t } = useT();
  const pairs = draft.pairs ?? [];
  if (!pairs.length) return null;
  const distractors = pairs.filter((p) => !p.prompt.trim());
  return (
    <div className="table-scroll">
      <table className="meaning">
        <caption>{t('ip.pairs')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ip.promptCol')}</th>
            <th scope="col">{t('ip.matchCol')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs
            .filter((p) => p.prompt.trim())
            .map((p, i) => (
              <tr key={i}>
                <th scope="row">{p.prompt}</th>
                <td>{p.answer}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {distractors.length > 0 && (
        <p className="muted">
          {t('ip.distractors')}: {distractors.map((p) => p.answer).join(' · ')}
        </p>
      )}
    </div>
  );
}

/** The body of a question in the import preview (the head and the actions are the page's). */
export function ImportedQuestionBody({ draft }: { draft: Draft }) {
  const { t } = useT();
  const media = draft.media ?? [];
  const mediaAfter = (i: number) =>
    media.filter((m) => m.option === undefined && (m.after ?? Infinity) === i);
  const unplaced = media.filter(
    (m) => m.option === undefined && (m.after === undefined || m.after >= draft.stem.length),
  );
  const chips = (list: Media[]) =>
    list.length ? (
      <p className="media-line">
        {list.map((m) => (
          <MediaChip key={m.href} media={m} />
        ))}
      </p>
    ) : null;
  const pre = new Set(draft.preformatted ?? []);
  const choices = draft.kind === 'single' || draft.kind === 'multiple';
  return (
    <div className="imported">
      {(draft.category || draft.tags?.length) && (
        <p className="meta-line">
          {draft.category && (
            <span>
              {t('ip.category')}: <strong>{draft.category.split('/').join(' › ')}</strong>
            </span>
          )}
          {draft.tags?.length ? (
            <span>
              {t('ip.tags')}:{' '}
              {draft.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </span>
          ) : null}
        </p>
      )}
      {chips(mediaAfter(-1))}
      {draft.stem.map((s, i) => (
        <div key={i}>
          {pre.has(i) ? (
            <pre>{s}</pre>
          ) : (
            <p>
              <StemText text={s} cloze={draft.kind === 'cloze'} />
            </p>
          )}
          {chips(mediaAfter(i))}
        </div>
      ))}
      {chips(unplaced)}
      {draft.options.length > 0 && (
        <ul className="options">
          {draft.options.map((o) => {
            const partial = choices && o.fraction !== undefined && o.fraction !== (o.correct ? 1 : 0);
            return (
              <li key={o.label} className={o.correct ? 'key' : ''}>
                {o.label}
                {draft.kind === 'trueFalse' ? ')' : '.'} {o.text}
                {draft.kind === 'trueFalse'
                  ? ` — ${o.correct === null ? '?' : o.correct ? t('editor.isTrue') : t('editor.isFalse')}`
                  : o.correct && !partial
                    ? ` ✓ ${t('import.key')}`
                    : ''}
                {partial && (
                  <>
                    {' '}
                    <Credit fraction={o.fraction} />
                  </>
                )}
                {media
                  .filter((m) => m.option === o.label)
                  .map((m) => (
                    <span key={m.href}>
                      {' '}
                      <MediaChip media={m} />
                    </span>
                  ))}
                {o.feedback ? <span className="muted option-feedback"> → {o.feedback}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
      {draft.kind === 'cloze' && <Gaps draft={draft} />}
      {(draft.kind === 'numeric' || draft.kind === 'shortAnswer') && <TypedAnswers draft={draft} />}
      {draft.kind !== 'numeric' && draft.kind !== 'shortAnswer' && draft.answers.length > 0 && (
        <p>
          {t('import.key')}: {draft.answers.join(' | ')}
        </p>
      )}
      {draft.kind === 'matching' && <Pairs draft={draft} />}
      {draft.feedback && (
        <p className="general-feedback">
          <strong>{t('ip.feedback')}:</strong> {draft.feedback}
        </p>
      )}
    </div>
  );
}
