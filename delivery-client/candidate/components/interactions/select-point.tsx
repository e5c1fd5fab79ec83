/** selectPointInteraction: points on a picture, "x y" in the picture's pixels. */
import { useId } from 'react';
import { useItem } from '../item-view.tsx';
import { stageImage } from './graphic.tsx';
import { PointPlacer } from './point-placer.tsx';
import {
  asList,
  labelledBy,
  listValue,
  maxOf,
  Prompt,
  useCardinality,
  type InteractionProps,
} from './shared.tsx';

export function SelectPointInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const cardinality = useCardinality(id);
  const image = stageImage(element);
  const max = cardinality === 'single' ? 1 : maxOf(element);
  return (
    <div className="interaction" role="group" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      {image && (
        <PointPlacer
          image={image}
          points={asList(responses[id])}
          max={max}
          onChange={(points) => set(id, listValue(cardinality, points))}
        />
      )}
    </div>
  );
}
