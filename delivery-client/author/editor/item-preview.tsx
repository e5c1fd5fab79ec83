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
import { ApiError, api, ok, type Problem, type components } from '../api.ts';
import { useT } from '../i18n.tsx';
import { refusalProblem } from '../pages/refusals.ts';
import { plainTextOf, type MediaFileState } from './editor-item.ts';
import { withLocalMedia } from './media.ts';

type TriedCodeTask = components['schemas']['TriedCodeTask'];

/** The engine's own problems when it listed some, else the refusal worded in both languages. */
const problemsOf = (e: unknown): Problem[] => {
  const listed =
    e instanceof ApiError ? (e.details as { problems?: Problem[] } | undefined)?.problems : undefined;
  return listed?.length ? listed : [refusalProblem(e)];
};

export function ItemPreview({
  bankId,
  item,
  buildError,
  media,
  points,
  scoredByTeacher,
  codeTask = false,
  choiceFeedback = {},
}: {
  bankId: string;
  item?: AuthoringItemInput;
  buildError?: string;
  media: Record<string, MediaFileState>;
  points: number;
  scoredByTeacher: boolean;
  /** A code task: "try scoring" runs the typed code on the task's tests in the engine's sandboxes. */
  codeTask?: boolean;
  /** Inline feedback by choice identifier, shown for the chosen ones after scoring. */
  choiceFeedback?: Record<string, string>;
}) {
  const { t, lang } = useT();
  const [candidate, setCandidate] = useState<unknown>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [answer, setAnswer] = useState<ItemResponses>({});
  const [outcomes, setOutcomes] = useState<Record<string, unknown>>();
  const [codeRuns, setCodeRuns] = useState<TriedCodeTask[]>();
  const [running, setRunning] = useState(false);
  const key = item ? JSON.stringify(item) : '';

  useEffect(() => {
    setOutcomes(undefined);
    setCodeRuns(undefined);
    if (!item) return;
    // Only the newest item's preview may land: an earlier request answering late would show the
    // teacher their old text over the new (and stay, since nothing else changes).
    let superseded = false;
    const timer = setTimeout(() => {
      ok(api.POST('/api/items/authoring/preview', { body: { bankId, item } }))
        .then((r) => {
          if (superseded) return;
          setCandidate(withLocalMedia(r.candidate, media));
          setProblems(r.problems.filter((p) => p.severity === 'error'));
        })
        .catch((e: unknown) => {
          if (!superseded) setProblems(problemsOf(e));
        });
    }, 400);
    return () => {
      superseded = true;
      clearTimeout(timer);
    };
    // The serialised item is the dependency: a new object with the same content needs no new preview.
  }, [key, bankId, media]);

  async function tryScore() {
    setRunning(true);
    try {
      const r = await ok(
        api.POST('/api/items/authoring/preview', { body: { bankId, item, responses: answer } }),
      );
      setOutcomes(r.outcomes);
      setCodeRuns(r.codeTasks);
    } catch (e) {
      setProblems(problemsOf(e));
    } finally {
      setRunning(false);
    }
  }
  const max = typeof outcomes?.MAXSCORE === 'number' && codeRuns ? outcomes.MAXSCORE : points;

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
        <p className="muted">
          {codeTask ? t('ie.code.tryHelp') : scoredByTeacher ? t('ie.humanScored') : t('ie.tryHelp')}
        </p>
        <button
          type="button"
          className="secondary"
          onClick={() => void tryScore()}
          disabled={!item || (scoredByTeacher && !codeTask) || running}
        >
          {running ? t('ie.code.running') : t('ie.tryRun')}
        </button>
        <output aria-live="polite" data-testid="try-score">
          {outcomes && t('ie.score', { score: String(outcomes.SCORE ?? 0), max: String(max) })}
          {codeRuns?.map((run) => (
            <CodeRun key={run.responseIdentifier} run={run} />
          ))}
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

/** One code task's trial run: why it could not run, or each test with its verdict. */
function CodeRun({ run }: { run: TriedCodeTask }) {
  const { t } = useT();
  return (
    <div className="code-run">
      {run.teacherError && (
        <p className="error">{t('ie.code.teacherError', { message: run.message ?? '' })}</p>
      )}
      {run.notGradable && !run.teacherError && (
        <p className="error">{t('ie.code.notGradable', { message: run.message ?? '' })}</p>
      )}
      {run.tests.length > 0 && (
        <table className="code-tests">
          <caption className="sr-only">{t('ie.code.results')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ie.code.col.test')}</th>
              <th scope="col">{t('ie.code.col.verdict')}</th>
              <th scope="col">{t('ie.code.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {run.tests.map((test) => (
              <tr key={test.name} className={test.verdict === 'passed' ? 'passed' : 'failed'}>
                <th scope="row">
                  {test.name}
                  {!test.visible && <span className="muted"> ({t('ie.code.hidden')})</span>}
                </th>
                <td>{t(`ie.code.verdict.${test.verdict}`)}</td>
                <td className="mono">
                  {test.verdict !== 'passed' && test.expected !== undefined
                    ? t('ie.code.expectedActual', { expected: test.expected, actual: test.actual ?? '' })
                    : (test.message ?? '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
