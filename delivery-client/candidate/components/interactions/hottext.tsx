/** hottextInteraction: the marked words of the text become checkboxes (or radio buttons when one may be chosen). */
import { useId } from 'react';
import { renderNodes, useItem } from '../item-view.tsx';
import {
  asList,
  labelledBy,
  listValue,
  maxOf,
  Prompt,
  useCardinality,
  type InteractionProps,
} from './shared.tsx';

export function HottextInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const cardinality = useCardinality(id);
  const single = cardinality === 'single' || maxOf(element) === 1;
  const selected = asList(responses[id]);
  const toggle = (choice: string) => {
    if (single) return set(id, listValue(cardinality, [choice]));
    const next = selected.includes(choice) ? selected.filter((c) => c !== choice) : [...selected, choice];
    const max = maxOf(element);
    if (max > 0 && next.length > max) return;
    set(id, listValue(cardinality, next));
  };
  const body = element.children.filter((c) => !(c.kind === 'element' && c.name === 'prompt'));
  return (
    <fieldset className="interaction" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      <div className="hottext-body">
        {renderNodes(body, {
          hottext: (h, key) => {
            const choice = h.attributes.identifier!;
            const on = selected.includes(choice);
            return (
              <label key={key} className={on ? 'hottext selected' : 'hottext'}>
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name={`${id}-${promptId}`}
                  checked={on}
                  onChange={() => toggle(choice)}
                />
                {renderNodes(h.children)}
              </label>
            );
          },
        })}
      </div>
    </fieldset>
  );
}
