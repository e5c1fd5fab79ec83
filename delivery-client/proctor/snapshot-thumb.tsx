/**
 * An incident's snapshot as a thumbnail. The picture is served only to staff who may watch the room, so it is
 * fetched with the dashboard's access token (an <img src> could not send it) and shown from an object URL.
 */
import { useEffect, useState } from 'react';
import { session } from './api.ts';
import { useT } from './i18n.tsx';

export function SnapshotThumb({ url }: { url: string }) {
  const { t } = useT();
  const [src, setSrc] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    const token = session.token;
    void fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const blob = await res.blob();
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl);
      })
      .catch(() => !cancelled && setGone(true));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (gone) return <span className="snapshot-gone">{t('panel.snapshotGone')}</span>;
  if (!src) return null;
  return <img className="snapshot" src={src} width={160} height={120} alt={t('panel.snapshot')} />;
}
