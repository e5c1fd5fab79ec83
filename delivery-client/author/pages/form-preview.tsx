import { useEffect, useState } from 'react';
import type { ItemResponses } from '../../../engine/client.ts';
import { ItemView } from '../../candidate/components/item-view.tsx';
import { I18nProvider } from '../../shared/i18n.tsx';
import { api, ok, type ResponseOf } from '../api.ts';
import { useT } from '../i18n.tsx';
import { formatPoints } from './blueprint-types.ts';
import { describeRefusal } from './refusals.ts';

/** A stored test's items as a candidate is given them; `item` is the delivered item the candidate renderer reads. */
type Preview = ResponseOf<'/api/tests/{id}/preview', 'get'>;

/** A stored test as a candidate sees it, rendered by the candidate app's own item renderer (answers stay local). */
export function FormPreview({ testId, onClose }: { testId: string; onClose(): void }) {
  const { t, lang } = useT();
  const [data, setData] = useState<Preview>();
  const [answers, setAnswers] = useState<Record<string, ItemResponses>>({});
  const [error, setError] = useState('');
  useEffect(() => {
    ok(api.GET('/api/tests/{id}/preview', { params: { path: { id: testId } } }))
      .then(setData)
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [testId]);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>…</p>;
  return (
    <section className="form-preview" aria-labelledby="form-preview-title">
      <div className="form-preview-head">
        <h3 id="form-preview-title">{t('bp.previewTitle', { title: data.title })}</h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('bp.closePreview')}
        </button>
      </div>
      <I18nProvider>
        <ol className="candidate-items">
          {data.items.map((entry, i) => (
            <li key={entry.identifier} className="candidate-item">
              <h4>
                {t('bp.question', { n: i + 1, points: formatPoints(entry.points, lang) })}
                <span className="muted"> · {entry.section}</span>
              </h4>
              <ItemView
                item={entry.item}
                responses={answers[entry.identifier]}
                onChange={(next) => setAnswers((all) => ({ ...all, [entry.identifier]: next }))}
              />
            </li>
          ))}
        </ol>
      </I18nProvider>
    </section>
  );
}
