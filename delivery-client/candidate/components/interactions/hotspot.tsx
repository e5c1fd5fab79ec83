/** hotspotInteraction: areas of a picture chosen by clicking them or with the listed checkboxes/radios. */
import { useId } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import { GraphicStage, stageImage } from './graphic.tsx';
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

export function HotspotInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const cardinality = useCardinality(id);
  const single = cardinality === 'single' || maxOf(element) === 1;
  const selected = asList(responses[id]);
  const image = stageImage(element);
  const hotspots = childrenNamed(element, 'hotspotChoice');
  const label = (i: number) => hotspots[i]!.attributes.hotspotLabel ?? t('item.area', { n: i + 1 });
  const toggle = (choice: string) => {
    if (single) return set(id, listValue(cardinality, [choice]));
    const next = selected.includes(choice) ? selected.filter((c) => c !== choice) : [...selected, choice];
    const max = maxOf(element);
    if (max > 0 && next.length > max) return;
    set(id, listValue(cardinality, next));
  };
  return (
    <fieldset className="interaction" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      {image && (
        <GraphicStage
          image={image}
          shapes={hotspots.map((h, i) => ({
            id: h.attributes.identifier!,
            shape: h.attributes.shape ?? 'default',
            coords: h.attributes.coords ?? '',
            selected: selected.includes(h.attributes.identifier!),
            label: String(i + 1),
          }))}
          onShape={toggle}
        />
      )}
      <ul className="choices graphic-controls" role="presentation">
        {hotspots.map((h, i) => (
          <li key={h.attributes.identifier}>
            <label>
              <input
                type={single ? 'radio' : 'checkbox'}
                name={`${id}-${promptId}`}
                checked={selected.includes(h.attributes.identifier!)}
                onChange={() => toggle(h.attributes.identifier!)}
              />
              <span>
                {i + 1}. {label(i)}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
