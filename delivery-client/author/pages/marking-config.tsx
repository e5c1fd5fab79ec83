/**
 * How one item of a sitting is marked, set by the exam board on the marking page: its rubric (criteria,
 * each with levels and their points), anonymous marking, double marking and the discrepancy that sends a
 * response to moderation. Saves through `PUT /api/marking/sittings/{id}/items/{ref}`, which replaces the
 * whole setting (so the rubric is always sent with the rule). Points are typed as a teacher writes them:
 * "0,5" is half a point.
 */
import { useState } from 'react';
import { api, ok, type components } from '../api.ts';
import { useT } from '../i18n.tsx';
import { BankDialog } from './bank-dialog.tsx';
import { describeRefusal } from './refusals.ts';

type MarkedItem = components['schemas']['MarkedItems']['items'][number];
type Level = { label: string; points: string };
type Criterion = { id: string; name: string; levels: Level[] };

const POINTS = /^\d+([.,]\d+)?$/;
const toNumber = (text: string) => Number(text.trim().replace(',', '.'));
const shown = (n: number) => String(n).replace('.', ',');

function fromItem(item: MarkedItem): Criterion[] {
  return (item.rubric ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    levels: c.levels.map((l) => ({ label: l.label, points: shown(l.points) })),
  }));
}

export function MarkingConfigDialog(props: {
  sittingId: string;
  item: MarkedItem;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, lang } = useT();
  const { item } = props;
  const [useRubric, setUseRubric] = useState(Boolean(item.rubric));
  const [criteria, setCriteria] = useState<Criterion[]>(() =>
    item.rubric
      ? fromItem(item)
      : [
          {
            id: 'c1',
            name: '',
            levels: [
              { label: '', points: '0' },
              { label: '', points: '1' },
            ],
          },
        ],
  );
  const [anonymous, setAnonymous] = useState(item.anonymous);
  const [doubleMarking, setDoubleMarking] = useState(item.doubleMarking);
  const [threshold, setThreshold] = useState(shown(item.discrepancyThreshold));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const setCriterion = (i: number, patch: Partial<Criterion>) =>
    setCriteria((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const setLevel = (i: number, k: number, patch: Partial<Level>) =>
    setCriterion(i, { levels: criteria[i]!.levels.map((l, m) => (m === k ? { ...l, ...patch } : l)) });
  const nextId = () => {
    for (let n = criteria.length + 1; ; n++) if (!criteria.some((c) => c.id === `c${n}`)) return `c${n}`;
  };
  const rubricMax = criteria.reduce(
    (sum, c) =>
      sum + Math.max(0, ...c.levels.filter((l) => POINTS.test(l.points)).map((l) => toNumber(l.points))),
    0,
  );
  const alreadyMarked = item.counts.total - item.counts.pending > 0;

  /** The first thing the exam board must fix, in the page's language; empty when the form is whole. */
  function problem(): string {
    if (!POINTS.test(threshold.trim())) return t('mc.err.threshold');
    if (!useRubric) return '';
    for (const [i, c] of criteria.entries()) {
      if (!c.name.trim()) return t('mc.err.criterionName', { n: i + 1 });
      if (!c.levels.length) return t('mc.err.noLevels', { name: c.name });
      for (const l of c.levels) {
        if (!l.label.trim()) return t('mc.err.levelLabel', { name: c.name });
        if (!POINTS.test(l.points.trim())) return t('mc.err.levelPoints', { name: c.name });
      }
    }
    return '';
  }

  async function save() {
    const wrong = problem();
    setError(wrong);
    if (wrong) return;
    setBusy(true);
    try {
      await ok(
        api.PUT('/api/marking/sittings/{id}/items/{ref}', {
          params: { path: { id: props.sittingId, ref: item.itemRef } },
          body: {
            anonymous,
            doubleMarking,
            discrepancyThreshold: toNumber(threshold),
            ...(useRubric
              ? {
                  rubric: {
                    name: t('mc.rubricName', { title: item.title }),
                    criteria: criteria.map((c) => ({
                      id: c.id,
                      name: c.name.trim(),
                      levels: c.levels.map((l) => ({ label: l.label.trim(), points: toNumber(l.points) })),
                    })),
                  },
                }
              : {}),
          },
        }),
      );
      props.onSaved();
    } catch (e) {
      setError(describeRefusal(t, e as Error, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <BankDialog title={t('mc.title', { title: item.title })} onClose={props.onClose}>
      <form
        className="marking-config"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{' '}
          {t('mc.anonymous')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={doubleMarking}
            onChange={(e) => setDoubleMarking(e.target.checked)}
          />{' '}
          {t('mc.double')}
        </label>
        {doubleMarking && (
          <label className="field narrow-field">
            {t('mc.threshold')}
            <input inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={useRubric} onChange={(e) => setUseRubric(e.target.checked)} />{' '}
          {t('mc.useRubric')}
        </label>
        {useRubric && (
          <>
            {criteria.map((c, i) => (
              <fieldset className="editor-section" key={c.id}>
                <legend>{t('mc.criterion', { n: i + 1 })}</legend>
                <label className="field">
                  {t('mc.criterionName', { n: i + 1 })}
                  <input value={c.name} onChange={(e) => setCriterion(i, { name: e.target.value })} />
                </label>
                {c.levels.map((l, k) => (
                  <div className="option-row" key={k}>
                    <label className="field grow">
                      {t('mc.levelLabel', { n: i + 1, k: k + 1 })}
                      <input value={l.label} onChange={(e) => setLevel(i, k, { label: e.target.value })} />
                    </label>
                    <label className="field narrow-field">
                      {t('mc.levelPoints', { n: i + 1, k: k + 1 })}
                      <input
                        inputMode="decimal"
                        value={l.points}
                        onChange={(e) => setLevel(i, k, { points: e.target.value })}
                      />
                    </label>
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={t('mc.removeLevel', { n: i + 1, k: k + 1 })}
                      disabled={c.levels.length === 1}
                      onClick={() => setCriterion(i, { levels: c.levels.filter((_, m) => m !== k) })}
                    >
                      ×
                    </button>
                  </div>
                ))}
                <div className="toolbar">
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() =>
                      setCriterion(i, {
                        levels: [...c.levels, { label: '', points: String(c.levels.length) }],
                      })
                    }
                  >
                    {t('mc.addLevel', { n: i + 1 })}
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={criteria.length === 1}
                    onClick={() => setCriteria((list) => list.filter((_, j) => j !== i))}
                  >
                    {t('mc.removeCriterion', { n: i + 1 })}
                  </button>
                </div>
              </fieldset>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() =>
                setCriteria((list) => [
                  ...list,
                  {
                    id: nextId(),
                    name: '',
                    levels: [
                      { label: '', points: '0' },
                      { label: '', points: '1' },
                    ],
                  },
                ])
              }
            >
              {t('mc.addCriterion')}
            </button>
            <p className="muted" role="status">
              {t('mc.rubricMax', { max: shown(rubricMax) })}
              {item.maxScore !== null && rubricMax !== item.maxScore
                ? ` ${t('mc.maxDiffers', { max: shown(item.maxScore) })}`
                : ''}
            </p>
          </>
        )}
        {alreadyMarked && <p className="muted">{t('mc.alreadyMarked')}</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="toolbar">
          <button type="submit" disabled={busy}>
            {t('mc.save')}
          </button>
        </div>
      </form>
    </BankDialog>
  );
}
