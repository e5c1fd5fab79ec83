/**
 * graphicGapMatchInteraction: for each area of the picture, a drop-down of the labels (gap texts
 * or images) to place there; the answer is "label area" directed pairs.
 */
import { useId } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import { GraphicStage, stageImage } from './graphic.tsx';
import {
  asList,
  childrenNamed,
  labelledBy,
  labelOf,
  listValue,
  Prompt,
  useCardinality,
  type InteractionProps,
} from './shared.tsx';

export function GraphicGapMatchInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const cardinality = useCardinality(id);
  const image = stageImage(element);
  const hotspots = childrenNamed(element, 'associableHotspot');
  const choices = childrenNamed(element, 'gapText', 'gapImg');
  const pairs = asList(responses[id]);
  const placed = (area: string) => pairs.find((p) => p.split(' ')[1] === area)?.split(' ')[0] ?? '';
  const choiceLabel = (choice: string) => {
    const c = choices.find((x) => x.attributes.identifier === choice);
    return c ? labelOf(c) : '';
  };
  const place = (area: string, choice: string) => {
    const rest = pairs.filter((p) => p.split(' ')[1] !== area);
    set(id, listValue(cardinality, choice ? [...rest, `${choice} ${area}`] : rest));
  };
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
            selected: Boolean(placed(h.attributes.identifier!)),
            label: placed(h.attributes.identifier!)
              ? `${i + 1}: ${choiceLabel(placed(h.attributes.identifier!))}`
              : String(i + 1),
          }))}
        />
      )}
      <ul className="graphic-controls field-list" role="presentation">
        {hotspots.map((h, i) => {
          const area = h.attributes.identifier!;
          const selectId = `${promptId}-${area}`;
          return (
            <li key={area}>
              <label htmlFor={selectId}>
                {i + 1}. {h.attributes.hotspotLabel ?? t('item.area', { n: i + 1 })}
              </label>
              <select id={selectId} value={placed(area)} onChange={(e) => place(area, e.target.value)}>
                <option value="">—</option>
                {choices.map((c) => (
                  <option key={c.attributes.identifier} value={c.attributes.identifier}>
                    {labelOf(c)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
