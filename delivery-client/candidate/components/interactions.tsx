/** One component per QTI interaction type, each usable with the keyboard alone and labelled for screen readers. */
import { useId, type ComponentType } from 'react';
import type { ContentElement, ContentNode } from '../../../item-bank/client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { renderNodes, useItem } from './item-view.tsx';

type InteractionProps = { element: ContentElement };

const children = (e: ContentElement, name: string) =>
  e.children.filter((c): c is ContentElement => c.kind === 'element' && c.name === name);
const promptOf = (e: ContentElement) => children(e, 'prompt')[0];
const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

function Prompt({ element, id }: { element: ContentElement; id: string }) {
  const prompt = promptOf(element);
  return prompt ? (
    <p className="prompt" id={id}>
      {renderNodes(prompt.children)}
    </p>
  ) : null;
}

function ChoiceInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const id = element.attributes.responseIdentifier!;
  const promptId = useId();
  const single = element.attributes.maxChoices === '1';
  const selected = asList(responses[id]);
  const choices = children(element, 'simpleChoice');
  const toggle = (choice: string) => {
    if (single) return set(id, choice);
    const next = selected.includes(choice) ? selected.filter((c) => c !== choice) : [...selected, choice];
    const max = Number(element.attributes.maxChoices ?? 0);
    if (max > 0 && next.length > max) return;
    set(id, next);
  };
  return (
    <fieldset className="interaction" aria-labelledby={promptOf(element) ? promptId : undefined}>
      <Prompt element={element} id={promptId} />
      <ul className="choices" role="presentation">
        {choices.map((c, i) => (
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

function InlineChoiceInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const id = element.attributes.responseIdentifier!;
  const value = typeof responses[id] === 'string' ? (responses[id] as string) : '';
  return (
    <select aria-label={t('item.choose')} value={value} onChange={(e) => set(id, e.target.value || null)}>
      <option value="">—</option>
      {children(element, 'inlineChoice').map((c) => (
        <option key={c.attributes.identifier} value={c.attributes.identifier}>
          {textOf(c)}
        </option>
      ))}
    </select>
  );
}

const textOf = (n: ContentNode): string => (n.kind === 'text' ? n.text : n.children.map(textOf).join(''));

function TextEntryInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const id = element.attributes.responseIdentifier!;
  const value = responses[id] === null || responses[id] === undefined ? '' : String(responses[id]);
  const length = Number(element.attributes.expectedLength ?? 10);
  return (
    <input
      type="text"
      className="text-entry"
      aria-label={element.attributes.placeholderText ?? t('item.answerHere')}
      placeholder={element.attributes.placeholderText}
      size={Math.min(40, Math.max(4, length))}
      value={value}
      onChange={(e) => set(id, e.target.value === '' ? null : e.target.value)}
    />
  );
}

function ExtendedTextInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const value = typeof responses[id] === 'string' ? (responses[id] as string) : '';
  return (
    <div className="interaction">
      <Prompt element={element} id={promptId} />
      <textarea
        aria-labelledby={promptOf(element) ? promptId : undefined}
        aria-label={promptOf(element) ? undefined : t('item.answerHere')}
        rows={Number(element.attributes.expectedLines ?? 6)}
        style={{ width: '100%' }}
        value={value}
        onChange={(e) => set(id, e.target.value === '' ? null : e.target.value)}
      />
    </div>
  );
}

function OrderInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const choices = children(element, 'simpleChoice');
  const byId = new Map(choices.map((c) => [c.attributes.identifier!, c]));
  const order =
    asList(responses[id]).length === choices.length
      ? asList(responses[id])
      : choices.map((c) => c.attributes.identifier!);
  const move = (from: number, to: number) => {
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    set(id, next);
  };
  return (
    <div className="interaction">
      <Prompt element={element} id={promptId} />
      <ol className="choices" aria-labelledby={promptOf(element) ? promptId : undefined}>
        {order.map((choiceId, i) => (
          <li
            key={choiceId}
            style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', marginBottom: '0.3rem' }}
          >
            <span style={{ flex: 1 }}>{renderNodes(byId.get(choiceId)?.children ?? [])}</span>
            <button
              type="button"
              aria-label={`↑ ${textOf(byId.get(choiceId)!)}`}
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`↓ ${textOf(byId.get(choiceId)!)}`}
              disabled={i === order.length - 1}
              onClick={() => move(i, i + 1)}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function MatchInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const [rows = [], cols = []] = children(element, 'simpleMatchSet').map((s) =>
    children(s, 'simpleAssociableChoice'),
  );
  const pairs = asList(responses[id]);
  const toggle = (pair: string) =>
    set(id, pairs.includes(pair) ? pairs.filter((p) => p !== pair) : [...pairs, pair]);
  return (
    <div className="interaction">
      <Prompt element={element} id={promptId} />
      <table className="review" aria-labelledby={promptOf(element) ? promptId : undefined}>
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
                      aria-label={`${textOf(r)} – ${textOf(c)}`}
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

function SliderInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const id = element.attributes.responseIdentifier!;
  const lower = Number(element.attributes.lowerBound ?? 0);
  const value = typeof responses[id] === 'number' ? (responses[id] as number) : lower;
  return (
    <label className="field">
      <span>
        {t('item.answerHere')}: <output>{value}</output>
      </span>
      <input
        type="range"
        min={lower}
        max={Number(element.attributes.upperBound ?? 100)}
        step={Number(element.attributes.step ?? 1)}
        value={value}
        onChange={(e) => set(id, Number(e.target.value))}
      />
    </label>
  );
}

function Unsupported({ element }: InteractionProps) {
  const { t } = useI18n();
  return (
    <p className="banner message" role="note">
      {t('item.unsupported')} ({element.name})
    </p>
  );
}

export const INTERACTIONS: Record<string, ComponentType<InteractionProps>> = {
  choiceInteraction: ChoiceInteraction,
  inlineChoiceInteraction: InlineChoiceInteraction,
  textEntryInteraction: TextEntryInteraction,
  extendedTextInteraction: ExtendedTextInteraction,
  orderInteraction: OrderInteraction,
  matchInteraction: MatchInteraction,
  sliderInteraction: SliderInteraction,
  associateInteraction: Unsupported,
  gapMatchInteraction: Unsupported,
  hottextInteraction: Unsupported,
  hotspotInteraction: Unsupported,
  selectPointInteraction: Unsupported,
  graphicOrderInteraction: Unsupported,
  graphicAssociateInteraction: Unsupported,
  graphicGapMatchInteraction: Unsupported,
  positionObjectInteraction: Unsupported,
  mediaInteraction: Unsupported,
  uploadInteraction: Unsupported,
  drawingInteraction: Unsupported,
  endAttemptInteraction: Unsupported,
  portableCustomInteraction: Unsupported,
  customInteraction: Unsupported,
};
