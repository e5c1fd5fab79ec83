/**
 * gapMatchInteraction: each gap in the text is a drop-down of the gap texts (or images, by their
 * label); the answer is "choice gap" directed pairs.
 */
import { useId } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { renderNodes, useItem } from '../item-view.tsx';
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

export function GapMatchInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const cardinality = useCardinality(id);
  const choices = childrenNamed(element, 'gapText', 'gapImg');
  const pairs = asList(responses[id]);
  const body = element.children.filter(
    (c) => !(c.kind === 'element' && ['prompt', 'gapText', 'gapImg'].includes(c.name)),
  );
  let gapNumber = 0;
  const choose = (gap: string, choice: string) => {
    const rest = pairs.filter((p) => p.split(' ')[1] !== gap);
    set(id, listValue(cardinality, choice ? [...rest, `${choice} ${gap}`] : rest));
  };
  return (
    <div className="interaction" role="group" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      <ul className="chips" aria-label={t('item.gapChoices')}>
        {choices.map((c) => (
          <li key={c.attributes.identifier}>{renderNodes(c.children) || labelOf(c)}</li>
        ))}
      </ul>
      <div className="gap-text">
        {renderNodes(body, {
          gap: (gap, key) => {
            const gapId = gap.attributes.identifier!;
            const current = pairs.find((p) => p.split(' ')[1] === gapId)?.split(' ')[0] ?? '';
            gapNumber += 1;
            return (
              <select
                key={key}
                className="gap"
                aria-label={t('item.gap', { n: gapNumber })}
                value={current}
                onChange={(e) => choose(gapId, e.target.value)}
              >
                <option value="">—</option>
                {choices.map((c) => (
                  <option key={c.attributes.identifier} value={c.attributes.identifier}>
                    {labelOf(c)}
                  </option>
                ))}
              </select>
            );
          },
        })}
      </div>
    </div>
  );
}
