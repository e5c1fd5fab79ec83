import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, ok, type Bank } from '../api.ts';
import { useT } from '../i18n.tsx';
import {
  LEVELS,
  cellKey,
  formatPoints,
  type Assembled,
  type Cell,
  type Level,
  type Shortage,
  type StoredTestSummary,
} from './blueprint-types.ts';
import { FormPreview } from './form-preview.tsx';
import { describeRefusal } from './refusals.ts';

const number = (value: string) => (value === '' ? 0 : Math.max(0, Number(value.replace(',', '.')) || 0));

/** The blueprint builder (ma trận đề): a matrix of topics by cognitive levels, N parallel forms, save, preview as a candidate. */
export function BlueprintPage({ bank }: { bank: Bank }) {
  const { t, lang } = useT();
  const [title, setTitle] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [newTopic, setNewTopic] = useState('');
  const [cells, setCells] = useState<Record<string, Cell>>({});
  const [formCount, setFormCount] = useState(2);
  const [allowReuse, setAllowReuse] = useState(false);
  const [assembled, setAssembled] = useState<Assembled>();
  const [shortages, setShortages] = useState<Shortage[]>([]);
  const [stored, setStored] = useState<StoredTestSummary[]>([]);
  const [banks, setBanks] = useState<Bank[]>([]);
  // Forms are drawn from the chosen bank and saved into one the user can write (the same one when it is).
  const [saveBankId, setSaveBankId] = useState(bank.writable ? bank.id : '');
  const [previewId, setPreviewId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const levelName = (l: Level) => t(`level.${l}`);

  useEffect(() => {
    ok(api.GET('/api/item-banks'))
      .then((r) => {
        setBanks(r.items);
        setSaveBankId(
          (current) => current || (bank.writable ? bank.id : (r.items.find((b) => b.writable)?.id ?? '')),
        );
      })
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [bank.id, bank.writable, t]);
  const writable = banks.filter((b) => b.writable);
  const saveBank = banks.find((b) => b.id === saveBankId) ?? (bank.id === saveBankId ? bank : undefined);

  const storedBankId = saveBankId || bank.id;
  const loadStored = useCallback(() => {
    ok(api.GET('/api/tests', { params: { query: { bankId: storedBankId } } }))
      .then((r) => setStored(r.items))
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [storedBankId, t]);
  useEffect(loadStored, [loadStored]);

  const cell = (topic: string, level: Level) => cells[cellKey(topic, level)] ?? { count: 0, points: 0 };
  const setCell = (topic: string, level: Level, change: Partial<Cell>) =>
    setCells((all) => ({ ...all, [cellKey(topic, level)]: { ...cell(topic, level), ...change } }));
  const filled = topics.flatMap((topic) =>
    LEVELS.map((level) => ({ topic, level, ...cell(topic, level) })).filter(
      (c) => c.count > 0 || c.points > 0,
    ),
  );
  const totals = filled.reduce((s, c) => ({ items: s.items + c.count, points: s.points + c.points }), {
    items: 0,
    points: 0,
  });
  const body = () => ({
    bankId: bank.id,
    formCount,
    blueprint: { title: title.trim(), topics, cells: filled, allowReuse },
  });
  /** Why saving failed, in the page's language with what to do; the drawn forms stay on the page. */
  const saveRefusal = (e: unknown) =>
    e instanceof ApiError && e.status === 403
      ? t('bp.saveRefused', { bank: saveBank?.name ?? '' })
      : t('bp.saveFailed', { message: describeRefusal(t, e, lang) });

  async function run(save: boolean) {
    setBusy(true);
    setError('');
    setNotice('');
    setShortages([]);
    try {
      if (save) {
        const result = await ok(api.POST('/api/tests', { body: { ...body(), targetBankId: saveBankId } }));
        setAssembled(result);
        setNotice(t('bp.saved', { n: result.tests.length, bank: saveBank?.name ?? '' }));
        loadStored();
      } else setAssembled(await ok(api.POST('/api/tests/assemble', { body: body() })));
    } catch (e) {
      const details =
        e instanceof ApiError ? (e.details as { shortages?: Shortage[] } | undefined) : undefined;
      // A refused save keeps the drawn forms on screen: choose another bank and save again.
      if (!save) setAssembled(undefined);
      if (details?.shortages) setShortages(details.shortages);
      else if (save) setError(saveRefusal(e));
      else setError(describeRefusal(t, e, lang));
    } finally {
      setBusy(false);
    }
  }

  const shortageOf = (topic: string, level: Level) =>
    shortages.find((s) => s.topic === topic && s.level === level);
  return (
    <section aria-labelledby="bp-title">
      <h2 id="bp-title">{t('bp.title')}</h2>
      <p className="muted">{t('bp.help')}</p>
      <div className="filters">
        <label className="field grow">
          {t('bp.name')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label className="field">
          {t('bp.forms')}
          <input
            type="number"
            min={1}
            max={10}
            value={formCount}
            onChange={(e) => setFormCount(Math.min(10, Math.max(1, Number(e.target.value) || 1)))}
          />
        </label>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newTopic.trim();
            if (name && !topics.includes(name)) setTopics([...topics, name]);
            setNewTopic('');
          }}
        >
          <label className="field">
            {t('bp.newTopic')}
            <input value={newTopic} onChange={(e) => setNewTopic(e.target.value)} />
          </label>
          <button type="submit" className="secondary" disabled={!newTopic.trim()}>
            {t('bp.addTopic')}
          </button>
        </form>
      </div>
      {topics.length > 0 && (
        <table className="matrix">
          <caption className="sr-only">{t('bp.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bp.topic')}</th>
              {LEVELS.map((l) => (
                <th key={l} scope="col">
                  {levelName(l)}
                </th>
              ))}
              <th scope="col">{t('bp.total')}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => {
              const row = LEVELS.reduce(
                (s, l) => ({
                  items: s.items + cell(topic, l).count,
                  points: s.points + cell(topic, l).points,
                }),
                { items: 0, points: 0 },
              );
              return (
                <tr key={topic}>
                  <th scope="row">
                    {topic}{' '}
                    <button
                      type="button"
                      className="small secondary"
                      aria-label={t('bp.removeTopic', { topic })}
                      onClick={() => setTopics(topics.filter((x) => x !== topic))}
                    >
                      ×
                    </button>
                  </th>
                  {LEVELS.map((level) => {
                    const short = shortageOf(topic, level);
                    return (
                      <td key={level} className={short ? 'short' : undefined}>
                        <div className="cell-inputs">
                          <label>
                            <input
                              type="number"
                              min={0}
                              inputMode="numeric"
                              aria-label={t('bp.count', { topic, level: levelName(level) })}
                              value={cell(topic, level).count || ''}
                              onChange={(e) =>
                                setCell(topic, level, { count: Math.floor(number(e.target.value)) })
                              }
                            />{' '}
                            <span aria-hidden="true">{t('bp.countShort')}</span>
                          </label>
                          <label>
                            <input
                              type="text"
                              inputMode="decimal"
                              aria-label={t('bp.points', { topic, level: levelName(level) })}
                              defaultValue=""
                              onChange={(e) => setCell(topic, level, { points: number(e.target.value) })}
                            />{' '}
                            <span aria-hidden="true">{t('bp.pointsShort')}</span>
                          </label>
                        </div>
                        {short && (
                          <p className="error small-text">{t('bp.shortCell', { missing: short.missing })}</p>
                        )}
                      </td>
                    );
                  })}
                  <td>
                    {row.items} / {formatPoints(row.points, lang)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p>
        <strong>{t('bp.totals', { items: totals.items, points: formatPoints(totals.points, lang) })}</strong>
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={allowReuse} onChange={(e) => setAllowReuse(e.target.checked)} />{' '}
        {t('bp.reuse')}
      </label>
      <div className="filters save-bank">
        <label className="field grow">
          {t('bp.saveBank')}
          <select
            value={saveBankId}
            onChange={(e) => setSaveBankId(e.target.value)}
            aria-describedby="bp-save-bank-help"
          >
            {!saveBankId && <option value="">{t('bp.chooseSaveBank')}</option>}
            {banks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.writable ? b.name : t('bp.readOnlyBank', { name: b.name })}
              </option>
            ))}
          </select>
        </label>
        <p id="bp-save-bank-help" className="muted small-text">
          {writable.length === 0
            ? t('bp.noWritableBank')
            : bank.writable
              ? t('bp.saveBankHelp')
              : t('bp.sourceReadOnly', { source: bank.name })}
        </p>
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={busy || !title.trim() || totals.items === 0}
          onClick={() => void run(false)}
        >
          {t('bp.generate')}
        </button>
        <button type="button" disabled={busy || !assembled || !saveBankId} onClick={() => void run(true)}>
          {t('bp.save')}
        </button>
      </div>
      <div aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {error && <p className="error">{error}</p>}
        {shortages.length > 0 && (
          <ul className="error">
            {shortages.map((s) => (
              <li key={cellKey(s.topic, s.level)}>{t('bp.short', { ...s, level: levelName(s.level) })}</li>
            ))}
          </ul>
        )}
      </div>
      {assembled && (
        <div className="forms">
          {assembled.informationSpread !== undefined && (
            <p>{t('bp.spread', { percent: formatPoints(assembled.informationSpread * 100, lang) })}</p>
          )}
          {assembled.forms.map((form) => (
            <section key={form.label} className="form-card" aria-labelledby={`form-${form.label}`}>
              <h3 id={`form-${form.label}`}>
                {t('bp.formSummary', {
                  label: form.label,
                  items: form.items.length,
                  points: formatPoints(form.points, lang),
                })}
              </h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('bp.col.n')}</th>
                    <th scope="col">{t('bp.col.item')}</th>
                    <th scope="col">{t('bp.col.topic')}</th>
                    <th scope="col">{t('bp.col.level')}</th>
                    <th scope="col">{t('bp.col.points')}</th>
                  </tr>
                </thead>
                <tbody>
                  {form.items.map((item, i) => (
                    <tr key={item.itemId}>
                      <td>{i + 1}</td>
                      <td>{item.title}</td>
                      <td>{item.topic}</td>
                      <td>{levelName(item.level)}</td>
                      <td>{formatPoints(item.points, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      )}
      <h3>{t('bp.stored', { bank: saveBank?.name ?? bank.name })}</h3>
      {stored.length === 0 && <p className="muted">{t('bp.noStored')}</p>}
      <ul className="stored-tests">
        {stored.map((s) => (
          <li key={s.id}>
            <span>
              {s.title} — {s.itemCount} {t('bp.countShort')}, {formatPoints(s.points, lang)}{' '}
              {t('bp.pointsShort')}
            </span>{' '}
            <button type="button" className="small secondary" onClick={() => setPreviewId(s.id)}>
              {t('bp.previewAs', { title: s.title })}
            </button>
          </li>
        ))}
      </ul>
      {previewId && <FormPreview testId={previewId} onClose={() => setPreviewId(undefined)} />}
    </section>
  );
}
