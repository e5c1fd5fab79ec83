/** graphicOrderInteraction: the picture's areas put in order with up/down buttons; numbers show on the picture. */
import { useId } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import { GraphicStage, stageImage } from './graphic.tsx';
import { OrderList } from './order.tsx';
import { asList, childrenNamed, labelledBy, Prompt, type InteractionProps } from './shared.tsx';

export function GraphicOrderInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const image = stageImage(element);
  const hotspots = childrenNamed(element, 'hotspotChoice');
  const items = hotspots.map((h, i) => {
    const label = h.attributes.hotspotLabel ?? t('item.area', { n: i + 1 });
    return { id: h.attributes.identifier!, label, content: label };
  });
  const value = asList(responses[id]);
  const order = value.length === items.length ? value : items.map((i) => i.id);
  return (
    <div className="interaction" role="group" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      {image && (
        <GraphicStage
          image={image}
          shapes={hotspots.map((h) => ({
            id: h.attributes.identifier!,
            shape: h.attributes.shape ?? 'default',
            coords: h.attributes.coords ?? '',
            selected: value.length > 0,
            label: value.length ? String(order.indexOf(h.attributes.identifier!) + 1) : '',
          }))}
        />
      )}
      <OrderList items={items} value={value} onChange={(next) => set(id, next)} />
    </div>
  );
}
