/** Reusable parts of the interaction forms: a choice list, and the ways of setting a key. */
import { useState } from 'react';
import { useT } from '../i18n.tsx';
import { choice, letterId, type Choice } from './editor-item.ts';

export function ChoiceList({
  id,
  legend,
  list,
  prefix,
  withFixed,
  withMatchMax,
  withFeedback = false,
  onChange,
  addLabel,
}: {
  id: string;
  legend: string;
  list: Choice[];
  prefix?: string;
  withFixed: boolean;
  withMatchMax: boolean;
  withFeedback?: boolean;
  onChange(next: Choice[]): void;
  addLabel?: string;
}) {
  const { t } = useT();
  const nextId = () => {
    for (let i = 0; ; i++) {
      const candidate = prefix ? `${prefix}${i + 1}` : letterId(i);
      if (!list.some((c) => c.id === candidate)) return candidate;
    }
  };
  const set = (i: number, patch: Partial<Choice>) =>
    onChange(list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="choice-list">
      <legend>{legend}</legend>
      {list.map((c, i) => (
        <div className="choice-block" key={c.id}>
          <div className="option-row">
            <label className="field grow">
              <span className="sr-only">{t('ie.choiceText', { id: c.id })}</span>
              <span aria-hidden="true">{c.id}.</span>
              <input id={`${id}-${c.id}`} value={c.text} onChange={(e) => set(i, { text: e.target.value })} />
            </label>
            {withFixed && (
              <label className="correct">
                <input
                  type="checkbox"
                  checked={c.fixed}
                  onChange={(e) => set(i, { fixed: e.target.checked })}
                />{' '}
                {t('ie.fixed')}
                <span className="sr-only"> {c.id}</span>
              </label>
            )}
            {withMatchMax && (
              <label className="correct">
                {t('ie.matchMax')}
                <span className="sr-only"> {c.id}</span>{' '}
                <input
                  type="number"
                  min={0}
                  className="narrow"
                  value={c.matchMax}
                  onChange={(e) => set(i, { matchMax: Number(e.target.value) })}
                />
              </label>
            )}
            <button
              type="button"
              className="secondary small"
              aria-label={t('ie.remove', { id: c.id })}
              onClick={() => onChange(list.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
          {withFeedback && (
            <label className="field choice-feedback">
              {t('ie.choiceFeedback', { id: c.id })}
              <input value={c.feedback} onChange={(e) => set(i, { feedback: e.target.value })} />
            </label>
          )}
        </div>
      ))}
      <button type="button" className="secondary small" onClick={() => onChange([...list, choice(nextId())])}>
        {addLabel ?? t('ie.add')}
      </button>
    </fieldset>
  );
}

/** Ticks the right options (a radio group when only one may be chosen). */
export function CorrectPicker({
  id,
  options,
  single,
  correct,
  onChange,
}: {
  id: string;
  options: Array<{ id: string; text: string }>;
  single: boolean;
  correct: string[];
  onChange(next: string[]): void;
}) {
  const { t } = useT();
  return (
    <fieldset className="inline-options">
      <legend>{t('ie.key')}</legend>
      {options.map((o) => (
        <label key={o.id}>
          <input
            type={single ? 'radio' : 'checkbox'}
            name={`${id}-key`}
            checked={correct.includes(o.id)}
            aria-label={t('ie.isCorrect', { id: `${o.id}${o.text ? ` (${o.text})` : ''}` })}
            onChange={(e) =>
              onChange(
                single ? [o.id] : e.target.checked ? [...correct, o.id] : correct.filter((c) => c !== o.id),
              )
            }
          />{' '}
          {o.id}
          {o.text ? `. ${o.text}` : ''}
        </label>
      ))}
    </fieldset>
  );
}

/** The right order: every option listed, moved up and down. */
export function OrderKey({
  options,
  correct,
  onChange,
}: {
  options: Array<{ id: string; text: string }>;
  correct: string[];
  onChange(next: string[]): void;
}) {
  const { t } = useT();
  const ids = options.map((o) => o.id);
  const order = [...correct.filter((c) => ids.includes(c)), ...ids.filter((i) => !correct.includes(i))];
  const move = (i: number, by: number) => {
    const next = [...order];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <fieldset className="order-key">
      <legend>{t('ie.orderKey')}</legend>
      <ol>
        {order.map((id, i) => (
          <li key={id}>
            <span>
              {id}. {options.find((o) => o.id === id)?.text}
            </span>{' '}
            <button
              type="button"
              className="secondary small"
              disabled={i === 0}
              aria-label={t('ie.moveUp', { id })}
              onClick={() => move(i, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="secondary small"
              disabled={i === order.length - 1}
              aria-label={t('ie.moveDown', { id })}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      {correct.join(',') !== order.join(',') && (
        <button type="button" className="secondary small" onClick={() => onChange(order)}>
          {t('ie.orderKey')} = {order.join(' → ')}
        </button>
      )}
    </fieldset>
  );
}

/** Pairs "first second" picked from two lists (the same list for unordered pairs). */
export function PairsKey({
  id,
  first,
  second,
  correct,
  onChange,
}: {
  id: string;
  first: Array<{ id: string; text: string }>;
  second: Array<{ id: string; text: string }>;
  correct: string[];
  onChange(next: string[]): void;
}) {
  const { t } = useT();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const label = (o: { id: string; text: string }) => `${o.id}${o.text ? `. ${o.text}` : ''}`;
  return (
    <fieldset className="pairs-key">
      <legend>{t('ie.pairs')}</legend>
      <ul>
        {correct.map((pair) => (
          <li key={pair}>
            {pair.replace(' ', ' ↔ ')}{' '}
            <button
              type="button"
              className="secondary small"
              aria-label={t('ie.removePair', { pair })}
              onClick={() => onChange(correct.filter((p) => p !== pair))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label>
        {t('ie.pairFirst')}{' '}
        <select id={`${id}-first`} value={a} onChange={(e) => setA(e.target.value)}>
          <option value="">{t('ie.none')}</option>
          {first.map((o) => (
            <option key={o.id} value={o.id}>
              {label(o)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('ie.pairSecond')}{' '}
        <select id={`${id}-second`} value={b} onChange={(e) => setB(e.target.value)}>
          <option value="">{t('ie.none')}</option>
          {second.map((o) => (
            <option key={o.id} value={o.id}>
              {label(o)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        className="secondary small"
        disabled={!a || !b || a === b || correct.includes(`${a} ${b}`)}
        onClick={() => onChange([...correct, `${a} ${b}`])}
      >
        {t('ie.addPair')}
      </button>
    </fieldset>
  );
}

/** For each target (a gap, an area), the source that belongs there: pairs "source target". */
export function TargetKey({
  id,
  sources,
  targets,
  correct,
  targetLabel,
  onChange,
}: {
  id: string;
  sources: Array<{ id: string; text: string }>;
  targets: string[];
  correct: string[];
  targetLabel(target: string): string;
  onChange(next: string[]): void;
}) {
  const { t } = useT();
  const sourceOf = (target: string) => correct.find((p) => p.split(' ')[1] === target)?.split(' ')[0] ?? '';
  return (
    <fieldset className="target-key">
      <legend>{t('ie.key')}</legend>
      {targets.map((target) => (
        <label key={target} className="field">
          {targetLabel(target)}
          <select
            id={`${id}-${target}`}
            value={sourceOf(target)}
            onChange={(e) =>
              onChange([
                ...correct.filter((p) => p.split(' ')[1] !== target),
                ...(e.target.value ? [`${e.target.value} ${target}`] : []),
              ])
            }
          >
            <option value="">{t('ie.none')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}. {s.text}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
