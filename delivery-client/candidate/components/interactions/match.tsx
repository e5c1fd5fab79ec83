/** matchInteraction: a grid of checkboxes, one per (row, column) pair; "row column" directed pairs. */
import { useId } from 'react';
import { renderNodes, useItem } from '../item-view.tsx';
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

export function MatchInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const cardinality = useCardinality(id);
  const [rows = [], cols = []] = childrenNamed(element, 'simpleMatchSet').map((s) =>
    childrenNamed(s, 'simpleAssociableChoice'),
  );
  const pairs = asList(responses[id]);
  const toggle = (pair: string) => {
    const next = pairs.includes(pair) ? pairs.filter((p) => p !== pair) : [...pairs, pair];
    const max = maxOf(element, 'maxAssociations');
    if (max > 0 && next.length > max) return;
    set(id, listValue(cardinality, next));
  };
  return (
    <div className="interaction">
      <Prompt element={element} id={promptId} />
      <table className="review" aria-labelledby={labelledBy(element, promptId)}>
        <thead>
          <tr>
            <td />
            {cols.map((c) => (
              <th key={c.attributes.identifier} scope="col">
                {renderNodes(c.children)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.attributes.identifier}>
              <th scope="row">{renderNodes(r.children)}</th>
              {cols.map((c) => {
                const pair = `${r.attributes.identifier} ${c.attributes.identifier}`;
                return (
                  <td key={pair}>
                    <input
                      type="checkbox"
                      aria-label={`${labelOf(r)} – ${labelOf(c)}`}
                      checked={pairs.includes(pair)}
                      onChange={() => toggle(pair)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
