/** orderInteraction: the choices as a list, each moved up or down with buttons. */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { renderNodes, useItem } from '../item-view.tsx';
import { asList, childrenNamed, labelledBy, labelOf, Prompt, type InteractionProps } from './shared.tsx';

export interface Orderable {
  id: string;
  label: string;
  content: ReactNode;
}

/** A reorderable list; the new order is reported as identifiers. Shared with graphicOrder. */
export function OrderList({
  items,
  value,
  onChange,
  labelledById,
}: {
  items: Orderable[];
  value: string[];
  onChange(order: string[]): void;
  labelledById?: string;
}) {
  const { t } = useI18n();
  const byId = new Map(items.map((c) => [c.id, c]));
  const order =
    value.length === items.length && value.every((v) => byId.has(v)) ? value : items.map((c) => c.id);
  const move = (from: number, to: number) => {
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    onChange(next);
  };
  return (
    <ol className="choices order-list" aria-labelledby={labelledById}>
      {order.map((choiceId, i) => (
        <li key={choiceId}>
          <span className="order-text">{byId.get(choiceId)?.content}</span>
          <button
            type="button"
            aria-label={t('item.moveUp', { label: byId.get(choiceId)!.label })}
            disabled={i === 0}
            onClick={() => move(i, i - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={t('item.moveDown', { label: byId.get(choiceId)!.label })}
            disabled={i === order.length - 1}
            onClick={() => move(i, i + 1)}
          >
            ↓
          </button>
        </li>
      ))}
    </ol>
  );
}

export function OrderInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const items = childrenNamed(element, 'simpleChoice').map((c) => ({
    id: c.attributes.identifier!,
    label: labelOf(c),
    content: renderNodes(c.children),
  }));
  return (
    <div className="interaction">
      <Prompt element={element} id={promptId} />
      <OrderList
        items={items}
        value={asList(responses[id])}
        onChange={(order) => set(id, order)}
        labelledById={labelledBy(element, promptId)}
      />
    </div>
  );
}
