/** inlineChoiceInteraction: a drop-down list inside the sentence. */
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import { childrenNamed, textOf, type InteractionProps } from './shared.tsx';

export function InlineChoiceInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const id = element.attributes.responseIdentifier!;
  const value = typeof responses[id] === 'string' ? (responses[id] as string) : '';
  return (
    <select aria-label={t('item.choose')} value={value} onChange={(e) => set(id, e.target.value || null)}>
      <option value="">—</option>
      {childrenNamed(element, 'inlineChoice').map((c) => (
        <option key={c.attributes.identifier} value={c.attributes.identifier}>
          {textOf(c)}
        </option>
      ))}
    </select>
  );
}
