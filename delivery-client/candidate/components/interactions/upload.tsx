/** uploadInteraction: one file, kept as a data-URL file response (see file-value.ts). */
import { useId, useState } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import { base64OfBytes, fileValue, MAX_FILE_BYTES, parseFileValue } from './file-value.ts';
import { Prompt, promptOf, type InteractionProps } from './shared.tsx';

export function UploadInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const inputId = useId();
  const id = element.attributes.responseIdentifier!;
  const [error, setError] = useState('');
  const current = parseFileValue(responses[id]);
  const accept = element.attributes.type;
  const choose = async (file: File | undefined) => {
    setError('');
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(t('item.uploadTooLarge', { kb: Math.round(MAX_FILE_BYTES / 1000) }));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    set(id, fileValue(file.type, file.name, base64OfBytes(bytes)));
  };
  return (
    <div className="interaction" role="group" aria-labelledby={promptOf(element) ? promptId : inputId}>
      <Prompt element={element} id={promptId} />
      <label htmlFor={inputId} className="field">
        <span>{t('item.uploadChoose', { kb: Math.round(MAX_FILE_BYTES / 1000) })}</span>
      </label>
      <input
        id={inputId}
        type="file"
        className="answer-field"
        accept={accept}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p aria-live="polite">
        {current
          ? t('item.uploadDone', {
              name: current.name || '?',
              kb: Math.max(1, Math.round(current.bytes / 1000)),
            })
          : t('item.uploadNone')}
      </p>
      {current && (
        <button type="button" onClick={() => set(id, null)}>
          {t('item.uploadRemove')}
        </button>
      )}
    </div>
  );
}
