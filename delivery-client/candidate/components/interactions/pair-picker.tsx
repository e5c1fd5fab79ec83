/**
 * Builds a list of pairs with two drop-downs and an "add" button, and lists the pairs made with
 * a remove button each: keyboard-only and screen-reader friendly. Used by associate and
 * graphicAssociate (undirected "A B" pairs) and graphicGapMatch-like directed lists.
 */
import { useId, useState } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';

export interface PairOption {
  id: string;
  label: string;
}

export function PairPicker({
  options,
  secondOptions = options,
  pairs,
  onChange,
  max = 0,
  directed = false,
}: {
  options: PairOption[];
  secondOptions?: PairOption[];
  pairs: string[];
  onChange(pairs: string[]): void;
  max?: number;
  directed?: boolean;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const name = (id: string) => [...options, ...secondOptions].find((o) => o.id === id)?.label ?? id;
  const same = (a: string, b: string) => {
    const [a1, a2] = a.split(' ');
    const [b1, b2] = b.split(' ');
    return (a1 === b1 && a2 === b2) || (!directed && a1 === b2 && a2 === b1);
  };
  const candidate = `${first} ${second}`;
  const canAdd =
    first !== '' &&
    second !== '' &&
    first !== second &&
    !pairs.some((p) => same(p, candidate)) &&
    (max === 0 || pairs.length < max);
  return (
    <div className="pair-picker">
      <div className="pair-inputs">
        <label htmlFor={`${uid}-a`}>{t('item.pairFirst')}</label>
        <select id={`${uid}-a`} value={first} onChange={(e) => setFirst(e.target.value)}>
          <option value="">—</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${uid}-b`}>{t('item.pairSecond')}</label>
        <select id={`${uid}-b`} value={second} onChange={(e) => setSecond(e.target.value)}>
          <option value="">—</option>
          {secondOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!canAdd}
          onClick={() => {
            onChange([...pairs, candidate]);
            setFirst('');
            setSecond('');
          }}
        >
          {t('item.pairAdd')}
        </button>
      </div>
      <p className="sr-only" aria-live="polite">
        {t('item.pairCount', { n: pairs.length })}
      </p>
      <ul className="pair-list" aria-label={t('item.pairList')}>
        {pairs.length === 0 && <li className="muted">{t('item.pairNone')}</li>}
        {pairs.map((p) => {
          const [a = '', b = ''] = p.split(' ');
          const text = `${name(a)} ${directed ? '→' : '–'} ${name(b)}`;
          return (
            <li key={p}>
              <span>{text}</span>
              <button
                type="button"
                aria-label={t('item.pairRemove', { pair: text })}
                onClick={() => onChange(pairs.filter((x) => x !== p))}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
