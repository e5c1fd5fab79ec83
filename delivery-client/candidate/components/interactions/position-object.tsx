/**
 * positionObjectStage with its positionObjectInteractions: each interaction places its object
 * on the stage picture; the answer is "x y" points in the stage's pixels.
 */
import { useId } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { useMediaUrl } from '../../engine-media.ts';
import { useItem } from '../item-view.tsx';
import { stageImage, type StageImage } from './graphic.tsx';
import { PointPlacer } from './point-placer.tsx';
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

function Placement({ element, stage }: InteractionProps & { stage: StageImage }) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const cardinality = useCardinality(id);
  const object = stageImage(element);
  const objectSrc = useMediaUrl(object?.src);
  const max = cardinality === 'single' ? 1 : maxOf(element) || 1;
  return (
    <div className="interaction" role="group" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      {object && (
        <p className="object-to-place">
          {t('item.objectToPlace')}{' '}
          <img
            src={objectSrc}
            alt={object.alt}
            width={object.width || undefined}
            height={object.height || undefined}
          />
        </p>
      )}
      <PointPlacer
        image={stage}
        points={asList(responses[id])}
        max={max}
        marker={object?.alt || undefined}
        markerImage={
          objectSrc && object
            ? { src: objectSrc, width: object.width || 24, height: object.height || 24 }
            : undefined
        }
        onChange={(points) => set(id, listValue(cardinality, points))}
      />
    </div>
  );
}

export function PositionObjectStage({ element }: InteractionProps) {
  const stage = stageImage(element);
  return (
    <div className="position-stage">
      {childrenNamed(element, 'positionObjectInteraction').map((p) =>
        stage ? <Placement key={p.attributes.responseIdentifier} element={p} stage={stage} /> : null,
      )}
    </div>
  );
}

/** A positionObjectInteraction outside a stage has no picture to place on. */
export function PositionObjectInteraction({ element }: InteractionProps) {
  const stage = stageImage(element);
  return stage ? <Placement element={element} stage={stage} /> : null;
}
