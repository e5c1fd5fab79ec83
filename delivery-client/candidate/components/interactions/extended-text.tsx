/** extendedTextInteraction: a plain multi-line editor. */
import { useId } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import { promptOf, Prompt, type InteractionProps } from './shared.tsx';

export function ExtendedTextInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const value = typeof responses[id] === 'string' ? (responses[id] as string) : '';
  return (
    <div className="interaction">
      <Prompt element={element} id={promptId} />
      <textarea
        className="answer-field"
        aria-labelledby={promptOf(element) ? promptId : undefined}
        aria-label={promptOf(element) ? undefined : t('item.answerHere')}
        rows={Number(element.attributes.expectedLines ?? 6)}
        style={{ width: '100%' }}
        value={value}
        onChange={(e) => set(id, e.target.value === '' ? null : e.target.value)}
      />
    </div>
  );
}
