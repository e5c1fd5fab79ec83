/**
 * An incident's snapshot as a thumbnail. The picture is served only to staff who may watch the room, so it is
 * fetched with the dashboard's access token (an <img src> could not send it) and shown from an object URL.
 */
import { useEffect, useState } from 'react';
import { fetchWithSession } from '../shared/api/staff-session.ts';
import { session } from './api.ts';
import { useT } from './i18n.tsx';

export function SnapshotThumb({ url }: { url: string }) {
  const { t } = useT();
  const [src, setSrc] = useState<string | null>(null);
  const [gone, setGone] = useState<'expired' | 'failed' | false>(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    void fetchWithSession(session, new Request(url, { cache: 'no-store' }))
      .then(async (res) => {
        // Only a picture the engine no longer keeps is "expired"; any other failure says so plainly.
        if (res.status === 404 || res.status === 410) return !cancelled && setGone('expired');
        if (!res.ok) throw new Error(String(res.status));
        const blob = await res.blob();
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl);
      })
      .catch(() => !cancelled && setGone('failed'));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (gone)
    return (
      <span className="snapshot-gone">
        {t(gone === 'expired' ? 'panel.snapshotGone' : 'panel.snapshotFailed')}
      </span>
    );
  if (!src) return null;
  return <img className="snapshot" src={src} width={160} height={120} alt={t('panel.snapshot')} />;
}
