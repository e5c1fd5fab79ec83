/** graphicAssociateInteraction: pairs of the picture's areas, drawn as lines, built with the pair picker. */
import { useId } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import { GraphicStage, stageImage } from './graphic.tsx';
import { PairPicker } from './pair-picker.tsx';
import {
  asList,
  childrenNamed,
  labelledBy,
  listValue,
  maxOf,
  Prompt,
  useCardinality,
  type InteractionProps,
} from './shared.tsx';

export function GraphicAssociateInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const cardinality = useCardinality(id);
  const image = stageImage(element);
  const hotspots = childrenNamed(element, 'associableHotspot');
  const pairs = asList(responses[id]);
  const options = hotspots.map((h, i) => ({
    id: h.attributes.identifier!,
    label: `${i + 1}. ${h.attributes.hotspotLabel ?? t('item.area', { n: i + 1 })}`,
  }));
  return (
    <div className="interaction" role="group" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      {image && (
        <GraphicStage
          image={image}
          shapes={hotspots.map((h, i) => ({
            id: h.attributes.identifier!,
            shape: h.attributes.shape ?? 'default',
            coords: h.attributes.coords ?? '',
            label: String(i + 1),
          }))}
          lines={pairs.map((p) => p.split(' ') as [string, string])}
        />
      )}
      <PairPicker
        options={options}
        pairs={pairs}
        max={maxOf(element, 'maxAssociations')}
        onChange={(next) => set(id, listValue(cardinality, next))}
      />
    </div>
  );
}
