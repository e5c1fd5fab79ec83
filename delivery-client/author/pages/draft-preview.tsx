import type { Draft } from '../api.ts';
import { useT } from '../i18n.tsx';

export type TestAnswer = Record<string, string | string[]>;

/** A question as a candidate sees it; the controls fill the "try scoring" answer. */
export function DraftPreview({
  draft,
  answer,
  onAnswer,
  name,
}: {
  draft: Draft;
  answer: TestAnswer;
  onAnswer(next: TestAnswer): void;
  name: string;
}) {
  const { t } = useT();
  const chosen = answer.RESPONSE;
  return (
    <div className="preview">
      {draft.stem.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {(draft.kind === 'single' || draft.kind === 'multiple') && (
        <fieldset className="choices">
          <legend className="sr-only">{t('editor.tryAnswer')}</legend>
          {draft.options.map((o) => {
            const checked = draft.kind === 'single' ? chosen === o.label : (chosen ?? []).includes(o.label);
            return (
              <label key={o.label}>
                <input
                  type={draft.kind === 'single' ? 'radio' : 'checkbox'}
                  name={`${name}-choice`}
                  checked={checked}
                  onChange={(e) => {
                    if (draft.kind === 'single') onAnswer({ RESPONSE: o.label });
                    else {
                      const list = new Set(Array.isArray(chosen) ? chosen : []);
                      if (e.target.checked) list.add(o.label);
                      else list.delete(o.label);
                      onAnswer({ RESPONSE: [...list].sort() });
                    }
                  }}
                />{' '}
                {o.label}. {o.text}
              </label>
            );
          })}
        </fieldset>
      )}
      {draft.kind === 'trueFalse' && (
        <table className="tf">
          <tbody>
            {draft.options.map((o, i) => {
              const id = `RESPONSE_${String.fromCharCode(65 + i)}`;
              return (
                <tr key={o.label}>
                  <th scope="row">
                    {o.label}) {o.text}
                  </th>
                  {(['DUNG', 'SAI'] as const).map((v) => (
                    <td key={v}>
                      <label>
                        <input
                          type="radio"
                          name={`${name}-${id}`}
                          checked={answer[id] === v}
                          onChange={() => onAnswer({ ...answer, [id]: v })}
                        />{' '}
                        {v === 'DUNG' ? t('editor.isTrue') : t('editor.isFalse')}
                      </label>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(draft.kind === 'shortAnswer' || draft.kind === 'essay') && (
        <label className="field">
          {t('editor.tryAnswer')}
          {draft.kind === 'essay' ? (
            <textarea
              rows={4}
              value={String(chosen ?? '')}
              onChange={(e) => onAnswer({ RESPONSE: e.target.value })}
            />
          ) : (
            <input value={String(chosen ?? '')} onChange={(e) => onAnswer({ RESPONSE: e.target.value })} />
          )}
        </label>
      )}
    </div>
  );
}
