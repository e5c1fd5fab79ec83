import { diffLines } from 'diff';
import { useEffect, useState } from 'react';
import { api, ok, type ResponseOf } from '../api.ts';
import { useT, type AuthorMessageKey } from '../i18n.tsx';
import { describeRefusal } from './refusals.ts';

type ItemDetail = ResponseOf<'/api/items/{id}', 'get'>;

/** Canonical XML is written on one line; a tag per line makes the line diff point at what changed. */
const tagPerLine = (xml: string) => xml.replace(/>\s*</g, '>\n<');

/** Version history of an item: every version, its review events, and a line diff of two versions' QTI. */
export function VersionHistory({ itemId, onClose }: { itemId: string; onClose(): void }) {
  const { t, lang } = useT();
  const [item, setItem] = useState<ItemDetail>();
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  const [parts, setParts] = useState<Array<{ value: string; added?: boolean; removed?: boolean }>>();
  const [error, setError] = useState('');
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN');

  useEffect(() => {
    ok(api.GET('/api/items/{id}', { params: { path: { id: itemId } } }))
      .then((detail) => {
        setItem(detail);
        setTo(detail.currentVersion);
        setFrom(Math.max(1, detail.currentVersion - 1));
      })
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [itemId]);
  useEffect(() => {
    if (!from || !to) return;
    Promise.all(
      [from, to].map((v) =>
        ok(api.GET('/api/items/{id}/versions/{version}', { params: { path: { id: itemId, version: v } } })),
      ),
    )
      .then(([a, b]) => setParts(diffLines(tagPerLine(a!.qtiXml), tagPerLine(b!.qtiXml))))
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [itemId, from, to]);

  if (error) return <p className="error">{error}</p>;
  if (!item) return <p>…</p>;
  const versionSelect = (label: string, value: number, set: (v: number) => void) => (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {item.versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.version}
          </option>
        ))}
      </select>
    </label>
  );
  const changed = parts?.some((p) => p.added || p.removed);
  return (
    <section className="card" aria-labelledby="history-title">
      <div className="form-preview-head">
        <h3 id="history-title">{t('history.title', { title: item.title })}</h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('history.close')}
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('browse.col.version')}</th>
            <th scope="col">{t('history.source')}</th>
            <th scope="col">{t('history.created')}</th>
            <th scope="col">{t('history.delivered')}</th>
          </tr>
        </thead>
        <tbody>
          {item.versions.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{v.sourceFormat}</td>
              <td>{when(v.createdAt)}</td>
              <td>{v.delivered ? t('history.yes') : t('history.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {item.history.length > 0 && (
        <ul>
          {item.history.map((h) => (
            <li key={`${h.at}-${h.to}`}>
              {when(h.at)}: {t(`status.${h.to}` as AuthorMessageKey)}
              {h.comment ? ` – ${h.comment}` : ''}
            </li>
          ))}
        </ul>
      )}
      {item.versions.length < 2 ? (
        <p className="muted">{t('history.single')}</p>
      ) : (
        <>
          <div className="filters">
            {versionSelect(t('history.from'), from, setFrom)}
            {versionSelect(t('history.to'), to, setTo)}
          </div>
          {parts && !changed && <p className="muted">{t('history.same')}</p>}
          {parts && changed && (
            <pre className="diff" role="region" tabIndex={0} aria-label={t('history.diff', { from, to })}>
              {parts.map((p, i) =>
                p.added ? (
                  <ins key={i}>{p.value}</ins>
                ) : p.removed ? (
                  <del key={i}>{p.value}</del>
                ) : (
                  <span key={i} className="same">
                    {p.value}
                  </span>
                ),
              )}
            </pre>
          )}
        </>
      )}
    </section>
  );
}
