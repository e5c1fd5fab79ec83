import { useEffect, useState } from 'react';
import { api, ok, type components } from '../api.ts';
import { useT } from '../i18n.tsx';
import { describeRefusal } from './refusals.ts';

type DeliveredItem = components['schemas']['DeliveredItemVersions']['items'][number];

/**
 * "Chấm lại sau sửa đáp án": the board picks an item of the sitting that has a newer (corrected)
 * version, gives a reason, confirms, and the sitting is re-scored with it
 * (`POST /api/results/sittings/{id}/rescore`).
 */
export function RescoreSitting({ sittingId, onDone }: { sittingId: string; onDone(message: string): void }) {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<DeliveredItem[]>([]);
  const [versionId, setVersionId] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!open) return;
    ok(api.GET('/api/marking/sittings/{id}/item-versions', { params: { path: { id: sittingId } } }))
      .then((r) => {
        const corrected = r.items.filter((i) => i.newestVersion > i.deliveredVersion);
        setItems(corrected);
        setVersionId((v) => v || corrected[0]?.newestVersionId || '');
      })
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [open, sittingId]);

  async function rescore() {
    setError('');
    try {
      const outcome = await ok(
        api.POST('/api/results/sittings/{id}/rescore', {
          params: { path: { id: sittingId } },
          body: { itemVersionId: versionId, reason: reason.trim() },
        }),
      );
      setConfirming(false);
      setOpen(false);
      setReason('');
      onDone(t('board.rescored', { changed: outcome.rescored.length, unchanged: outcome.unchanged }));
    } catch (e) {
      setError(describeRefusal(t, e, lang));
    }
  }

  if (!open)
    return (
      <button type="button" className="secondary" aria-expanded={false} onClick={() => setOpen(true)}>
        {t('board.rescore')}
      </button>
    );
  return (
    <fieldset className="marking-rescore">
      <legend>{t('board.rescore')}</legend>
      {error && <p className="error">{error}</p>}
      {items.length === 0 ? (
        <p>{t('board.rescoreNone')}</p>
      ) : (
        <>
          <label className="field">
            {t('board.rescoreItem')}
            <select value={versionId} onChange={(e) => setVersionId(e.target.value)}>
              {items.map((i) => (
                <option key={i.newestVersionId} value={i.newestVersionId}>
                  {t('board.rescoreVersion', {
                    refs: i.itemRefs.join(', '),
                    title: i.title,
                    from: i.deliveredVersion,
                    to: i.newestVersion,
                  })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('board.rescoreReason')}
            <input value={reason} minLength={3} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          {confirming ? (
            <div role="alertdialog" aria-labelledby="rescore-confirm" className="marking-confirm">
              <p id="rescore-confirm">{t('board.rescoreConfirm')}</p>
              <button type="button" onClick={() => void rescore()}>
                {t('board.rescoreYes')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('board.rescoreCancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              disabled={!versionId || reason.trim().length < 3}
              onClick={() => setConfirming(true)}
            >
              {t('board.rescore')}
            </button>
          )}
        </>
      )}
      {!confirming && (
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('board.rescoreCancel')}
        </button>
      )}
    </fieldset>
  );
}
