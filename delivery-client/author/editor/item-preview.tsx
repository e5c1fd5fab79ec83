/**
 * The live preview of the item being edited, drawn by the candidate app's own renderer from
 * the engine's candidate projection of the unsaved item, and the "try scoring" box that runs
 * the scoring engine on the answer given in the preview.
 */
import { useEffect, useState } from 'react';
import type { ItemResponses } from '../../../engine/client.ts';
import type { AuthoringContentNode, AuthoringItemInput } from '../../../item-bank/client.ts';
import { ItemView } from '../../candidate/components/item-view.tsx';
import { I18nProvider } from '../../shared/i18n.tsx';
import { ApiError, api, ok, type Problem } from '../api.ts';
import { useT } from '../i18n.tsx';
import { plainTextOf, type MediaFileState } from './editor-item.ts';
import { withLocalMedia } from './media.ts';

const problemsOf = (e: unknown): Problem[] =>
  e instanceof ApiError
    ? ((e.details as { problems?: Problem[] })?.problems ?? [
        { severity: 'error', code: e.id, message: e.message, messageEn: e.message },
      ])
    : [{ severity: 'error', code: 'error', message: String(e), messageEn: String(e) }];

export function ItemPreview({
  bankId,
  item,
  buildError,
  media,
  points,
  scoredByTeacher,
  choiceFeedback = {},
}: {
  bankId: string;
  item?: AuthoringItemInput;
  buildError?: string;
  media: Record<string, MediaFileState>;
  points: number;
  scoredByTeacher: boolean;
  /** Inline feedback by choice identifier, shown for the chosen ones after scoring. */
  choiceFeedback?: Record<string, string>;
}) {
  const { t, lang } = useT();
  const [candidate, setCandidate] = useState<unknown>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [answer, setAnswer] = useState<ItemResponses>({});
  const [outcomes, setOutcomes] = useState<Record<string, unknown>>();
  const key = item ? JSON.stringify(item) : '';

  useEffect(() => {
    setOutcomes(undefined);
    if (!item) return;
    const timer = setTimeout(() => {
      ok(api.POST('/api/items/authoring/preview', { body: { bankId, item } }))
        .then((r) => {
          setCandidate(withLocalMedia(r.candidate, media));
          setProblems(r.problems.filter((p) => p.severity === 'error'));
        })
        .catch((e: unknown) => setProblems(problemsOf(e)));
    }, 400);
    return () => clearTimeout(timer);
    // The serialised item is the dependency: a new object with the same content needs no new preview.
  }, [key, bankId, media]);

  async function tryScore() {
    try {
      const r = await ok(
        api.POST('/api/items/authoring/preview', { body: { bankId, item, responses: answer } }),
      );
      setOutcomes(r.outcomes);
    } catch (e) {
      setProblems(problemsOf(e));
    }
  }

  const feedback = outcomes?.FEEDBACK as string | undefined;
  const feedbackText =
    feedback && item
      ? (item.modalFeedback ?? [])
          .filter((f) => f.identifier === feedback)
          .map((f) => plainTextOf(f.content as AuthoringContentNode[]))
          .join(' ')
      : '';
  const chosen = outcomes?.CHOICE_FEEDBACK;
  const chosenFeedback = (Array.isArray(chosen) ? chosen : chosen ? [chosen] : [])
    .map((id) => choiceFeedback[String(id)])
    .filter(Boolean)
    .join(' ');
  return (
    <div className="editor-side">
      <h3>{t('ie.preview')}</h3>
      {(buildError || problems.length > 0) && (
        <div className="problems" role="alert">
          <p>{t('ie.previewError')}</p>
          <ul>
            {buildError && <li>{buildError}</li>}
            {problems.map((p, i) => (
              <li key={i}>{lang === 'en' ? p.messageEn : p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="preview candidate-preview" data-testid="item-preview">
        {candidate !== undefined && (
          <I18nProvider>
            <ItemView
              item={candidate}
              responses={answer}
              onChange={(next) => {
                setAnswer(next);
                setOutcomes(undefined);
              }}
            />
          </I18nProvider>
        )}
      </div>
      <div className="try-box">
        <h3>{t('ie.try')}</h3>
        <p className="muted">{scoredByTeacher ? t('ie.humanScored') : t('ie.tryHelp')}</p>
        <button
          type="button"
          className="secondary"
          onClick={() => void tryScore()}
          disabled={!item || scoredByTeacher}
        >
          {t('ie.tryRun')}
        </button>
        <output aria-live="polite" data-testid="try-score">
          {outcomes && t('ie.score', { score: String(outcomes.SCORE ?? 0), max: String(points) })}
          {outcomes && feedbackText && (
            <>
              <br />
              {t('ie.feedbackShown', { feedback: feedbackText })}
            </>
          )}
          {outcomes && chosenFeedback && (
            <>
              <br />
              {t('ie.feedbackShown', { feedback: chosenFeedback })}
            </>
          )}
        </output>
      </div>
    </div>
  );
}
