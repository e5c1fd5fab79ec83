/** sliderInteraction: a range input with its value shown. */
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import type { InteractionProps } from './shared.tsx';

export function SliderInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const id = element.attributes.responseIdentifier!;
  const lower = Number(element.attributes.lowerBound ?? 0);
  const value = typeof responses[id] === 'number' ? (responses[id] as number) : lower;
  return (
    <label className="field">
      <span>
        {t('item.answerHere')}: <output>{value}</output>
      </span>
      <input
        type="range"
        min={lower}
        max={Number(element.attributes.upperBound ?? 100)}
        step={Number(element.attributes.step ?? 1)}
        value={value}
        onChange={(e) => set(id, Number(e.target.value))}
      />
    </label>
  );
}
