import { useState } from 'react';
import { ApiError, api, ok, type Bank, type Draft, type Kind, type Problem } from '../api.ts';
import { ReadOnlyBankNote } from './bank-bar.tsx';
import { refusalProblems } from './bank-refusals.ts';
import { useT } from '../i18n.tsx';
import { DraftPreview, type TestAnswer } from './draft-preview.tsx';

const KINDS: Kind[] = ['single', 'multiple', 'trueFalse', 'shortAnswer', 'essay'];
const letter = (i: number, kind: Kind) =>
  kind === 'trueFalse' ? String.fromCharCode(97 + i) : String.fromCharCode(65 + i);

export const emptyDraft = (): Draft => ({
  number: 1,
  label: 'Câu 1',
  kind: 'single',
  stem: [''],
  options: ['A', 'B', 'C', 'D'].map((label) => ({ label, text: '', correct: false })),
  answers: [],
});

/** Options relabelled for a kind: A-D for choices, a-d with an unknown truth value for statements. */
function reshape(draft: Draft, kind: Kind): Draft {
  const options =
    kind === 'shortAnswer' || kind === 'essay'
      ? []
      : (draft.options.length ? draft.options : emptyDraft().options).map((o, i) => ({
          label: letter(i, kind),
          text: o.text,
          correct:
            kind === 'trueFalse'
              ? draft.kind === 'trueFalse'
                ? o.correct
                : null
              : !!o.correct && kind === draft.kind,
        }));
  return { ...draft, kind, options };
}

/**
 * The item editor for choice, multiple response, true/false cluster, short answer and essay
 * questions, with a live preview and a "try scoring" box run by the scoring engine on the server.
 * Used on its own (saves to the bank) and to correct a question in an import preview.
 */
export function DraftEditor({
  bank,
  initial,
  onApply,
  onCancel,
}: {
  bank: Bank;
  initial?: Draft;
  onApply?(draft: Draft): void;
  onCancel?(): void;
}) {
  const { t, lang } = useT();
  const [draft, setDraft] = useState<Draft>(initial ?? emptyDraft());
  const [answer, setAnswer] = useState<TestAnswer>({});
  const [score, setScore] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState('');
  const id = `ed-${draft.number}`;
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setScore(undefined);
  };
  const setOption = (i: number, patch: Partial<Draft['options'][number]>) =>
    set({
      options: draft.options.map((o, j) =>
        j === i
          ? { ...o, ...patch }
          : draft.kind === 'single' && patch.correct
            ? { ...o, correct: false }
            : o,
      ),
    });
  const clean = (): Draft => ({
    ...draft,
    stem: draft.stem
      .join('\n')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  });

  async function tryScore() {
    setProblems([]);
    try {
      const result = await ok(
        api.POST('/api/item-banks/{id}/drafts/try-score', {
          params: { path: { id: bank.id } },
          body: { draft: clean(), responses: answer },
        }),
      );
      setScore(String(result.outcomes.SCORE ?? 0));
    } catch (e) {
      if (e instanceof ApiError) setProblems(refusalProblems(t, e));
      setScore(undefined);
    }
  }
  async function save() {
    setProblems([]);
    try {
      const saved = await ok(
        api.POST('/api/item-banks/{id}/drafts', {
          params: { path: { id: bank.id } },
          body: { draft: clean() },
        }),
      );
      setNotice(t('editor.saved', { version: saved.items[0]?.version ?? 1 }));
    } catch (e) {
      if (e instanceof ApiError) setProblems(refusalProblems(t, e));
    }
  }

  return (
    <div className="editor">
      <div className="editor-form">
        <label className="field">
          {t('editor.kind')}
          <select value={draft.kind} onChange={(e) => set(reshape(draft, e.target.value as Kind))}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('editor.stem')}
          <textarea
            rows={3}
            value={draft.stem.join('\n')}
            onChange={(e) => set({ stem: e.target.value.split('\n') })}
          />
        </label>
        {draft.options.map((o, i) => (
          <div className="option-row" key={i}>
            <label className="field grow">
              {draft.kind === 'trueFalse'
                ? t('editor.statement', { label: o.label })
                : t('editor.option', { label: o.label })}
              <input value={o.text} onChange={(e) => setOption(i, { text: e.target.value })} />
            </label>
            {draft.kind === 'trueFalse' ? (
              <fieldset className="truth">
                <legend className="sr-only">{t('editor.statement', { label: o.label })}</legend>
                <label>
                  <input
                    type="radio"
                    name={`${id}-t${i}`}
                    checked={o.correct === true}
                    onChange={() => setOption(i, { correct: true })}
                  />{' '}
                  {t('editor.isTrue')}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${id}-t${i}`}
                    checked={o.correct === false}
                    onChange={() => setOption(i, { correct: false })}
                  />{' '}
                  {t('editor.isFalse')}
                </label>
              </fieldset>
            ) : (
              <label className="correct">
                <input
                  type={draft.kind === 'single' ? 'radio' : 'checkbox'}
                  name={`${id}-key`}
                  checked={!!o.correct}
                  onChange={(e) => setOption(i, { correct: e.target.checked })}
                />{' '}
                {t('editor.correct')} {o.label}
              </label>
            )}
            <button
              type="button"
              className="secondary small"
              aria-label={t('editor.removeOption', { label: o.label })}
              onClick={() =>
                set({
                  options: draft.options
                    .filter((_, j) => j !== i)
                    .map((x, j) => ({ ...x, label: letter(j, draft.kind) })),
                })
              }
            >
              ×
            </button>
          </div>
        ))}
        {draft.kind !== 'shortAnswer' && draft.kind !== 'essay' && draft.options.length < 8 && (
          <button
            type="button"
            className="secondary"
            onClick={() =>
              set({
                options: [
                  ...draft.options,
                  {
                    label: letter(draft.options.length, draft.kind),
                    text: '',
                    correct: draft.kind === 'trueFalse' ? null : false,
                  },
                ],
              })
            }
          >
            {t('editor.addOption')}
          </button>
        )}
        {draft.kind === 'shortAnswer' && (
          <label className="field">
            {t('editor.answers')}
            <textarea
              rows={2}
              value={draft.answers.join('\n')}
              onChange={(e) => set({ answers: e.target.value.split('\n') })}
            />
          </label>
        )}
        <label className="field">
          {t('editor.points')}
          <input
            type="number"
            min="0.05"
            step="0.05"
            value={draft.points ?? 1}
            onChange={(e) => set({ points: Number(e.target.value) || undefined })}
          />
        </label>
        {problems.length > 0 && (
          <div className="problems" role="alert">
            <h3>{t('editor.problems')}</h3>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{lang === 'en' ? p.messageEn : p.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="toolbar">
          {onApply ? (
            <>
              <button type="button" onClick={() => onApply(clean())}>
                {t('editor.apply')}
              </button>
              <button type="button" className="secondary" onClick={onCancel}>
                {t('editor.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              onClick={() => void save()}
              disabled={!bank.writable}
              aria-describedby={bank.writable ? undefined : 'draft-editor-read-only'}
            >
              {t('editor.save')}
            </button>
          )}
        </div>
        {!onApply && <ReadOnlyBankNote bank={bank} id="draft-editor-read-only" />}
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
      </div>
      <div className="editor-side">
        <h3>{t('editor.preview')}</h3>
        <DraftPreview
          draft={draft}
          answer={answer}
          onAnswer={(a) => {
            setAnswer(a);
            setScore(undefined);
          }}
          name={id}
        />
        <div className="try-box">
          <h3>{t('editor.try')}</h3>
          <button
            type="button"
            className="secondary"
            onClick={() => void tryScore()}
            disabled={draft.kind === 'essay'}
          >
            {t('editor.tryRun')}
          </button>
          <output aria-live="polite">{score !== undefined && t('editor.score', { score })}</output>
        </div>
      </div>
    </div>
  );
}
