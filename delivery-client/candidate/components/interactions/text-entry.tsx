/** textEntryInteraction: a short text box inside the sentence. */
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import type { InteractionProps } from './shared.tsx';

export function TextEntryInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const id = element.attributes.responseIdentifier!;
  const value = responses[id] === null || responses[id] === undefined ? '' : String(responses[id]);
  const length = Number(element.attributes.expectedLength ?? 10);
  return (
    <input
      type="text"
      className="text-entry"
      aria-label={element.attributes.placeholderText ?? t('item.answerHere')}
      placeholder={element.attributes.placeholderText}
      size={Math.min(40, Math.max(4, length))}
      value={value}
      onChange={(e) => set(id, e.target.value === '' ? null : e.target.value)}
    />
  );
}
