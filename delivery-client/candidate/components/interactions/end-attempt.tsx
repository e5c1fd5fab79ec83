/** endAttemptInteraction: a button that sets its boolean response to true (for example, "I need a hint"). */
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import type { InteractionProps } from './shared.tsx';

export function EndAttemptInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const id = element.attributes.responseIdentifier!;
  const done = responses[id] === true;
  return (
    <span className="end-attempt">
      <button type="button" aria-pressed={done} onClick={() => set(id, true)}>
        {element.attributes.title || t('item.endAttempt')}
      </button>
      {done && <span role="status"> {t('item.endAttemptDone')}</span>}
    </span>
  );
}
