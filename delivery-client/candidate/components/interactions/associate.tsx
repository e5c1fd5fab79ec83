/** associateInteraction: undirected "A B" pairs of the choices, built with the pair picker. */
import { useId } from 'react';
import { renderNodes, useItem } from '../item-view.tsx';
import { PairPicker } from './pair-picker.tsx';
import {
  asList,
  childrenNamed,
  labelledBy,
  labelOf,
  listValue,
  maxOf,
  Prompt,
  useCardinality,
  type InteractionProps,
} from './shared.tsx';

export function AssociateInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const cardinality = useCardinality(id);
  const choices = childrenNamed(element, 'simpleAssociableChoice');
  return (
    <div className="interaction" role="group" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      <ul className="chips" aria-hidden="true">
        {choices.map((c) => (
          <li key={c.attributes.identifier}>{renderNodes(c.children)}</li>
        ))}
      </ul>
      <PairPicker
        options={choices.map((c) => ({ id: c.attributes.identifier!, label: labelOf(c) }))}
        pairs={asList(responses[id])}
        max={maxOf(element, 'maxAssociations')}
        onChange={(pairs) => set(id, listValue(cardinality, pairs))}
      />
    </div>
  );
}
