/** choiceInteraction: radio buttons (one answer) or checkboxes (several, up to maxChoices). */
import { useId } from 'react';
import { renderNodes, useItem } from '../item-view.tsx';
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

export function ChoiceInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const id = element.attributes.responseIdentifier!;
  const promptId = useId();
  const cardinality = useCardinality(id);
  const single = cardinality === 'single' || element.attributes.maxChoices === '1';
  const selected = asList(responses[id]);
  const toggle = (choice: string) => {
    if (single) return set(id, cardinality === 'single' ? choice : [choice]);
    const next = selected.includes(choice) ? selected.filter((c) => c !== choice) : [...selected, choice];
    const max = maxOf(element);
    if (max > 0 && next.length > max) return;
    set(id, listValue(cardinality, next));
  };
  return (
    <fieldset className="interaction" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      <ul className="choices" role="presentation">
        {childrenNamed(element, 'simpleChoice').map((c, i) => (
          <li key={c.attributes.identifier}>
            <label>
              <input
                type={single ? 'radio' : 'checkbox'}
                name={`${id}-${promptId}`}
                checked={selected.includes(c.attributes.identifier!)}
                onChange={() => toggle(c.attributes.identifier!)}
              />
              <span>
                <span className="choice-letter">{String.fromCharCode(65 + i)}. </span>
                {renderNodes(c.children)}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
