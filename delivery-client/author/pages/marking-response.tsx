import { useEffect, useState } from 'react';
import { useT } from '../i18n.tsx';

/** A response value as the engine stores it: any JSON (text, identifiers, lists, pairs, records…). */
type Value = unknown;

/** A file response travels as `data:<type>;name=<URI-encoded name>;base64,<bytes>` (see the candidate's file-value.ts). */
function fileOf(value: string) {
  const m = /^data:([^;,]*)(?:;name=([^;,]*))?;base64,(.*)$/s.exec(value);
  if (!m) return undefined;
  return { type: m[1]!, name: decodeURIComponent(m[2] ?? ''), kb: Math.ceil((m[3]!.length * 3) / 4 / 1024) };
}

/**
 * A recording's player. The page's CSP takes media only from the engine and blob: URLs (no data:),
 * so the recording is handed to the player as a blob of its own bytes, released when it goes.
 */
function Recording({ value, type, label }: { value: string; type: string; label: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    const bytes = Uint8Array.from(atob(value.slice(value.indexOf(',') + 1)), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [value, type]);
  return <audio controls preload="metadata" src={src} aria-label={label} />;
}

function ResponseValue({ value, type }: { value: Value; type?: string }) {
  const { t } = useT();
  if (value === null || value === '') return <p className="muted">{t('mark.noResponse')}</p>;
  if (typeof value === 'string') {
    const file = fileOf(value);
    if (file) {
      // A drawing is a PNG without a name; an upload keeps its file name, and pictures are shown too.
      // A recording (a PCI's voice recording, an uploaded sound) has a player, so markers listen in place.
      const audio = file.type.startsWith('audio/');
      const name =
        file.name ||
        (type === 'drawingInteraction'
          ? 'hinh-ve.png'
          : audio
            ? `ghi-am.${file.type.slice('audio/'.length).replace(/[^a-z0-9]/gi, '') || 'webm'}`
            : 'tep');
      return (
        <div className="marking-file">
          {audio && <Recording value={value} type={file.type} label={t('mark.audioLabel', { name })} />}
          {file.type.startsWith('image/') && (
            <img
              src={value}
              alt={type === 'drawingInteraction' ? t('mark.drawingAlt') : t('mark.imageAlt', { name })}
            />
          )}
          <a href={value} download={name}>
            {t('mark.file', { name, size: file.kb })}
          </a>
        </div>
      );
    }
    return <div className="marking-text">{value}</div>;
  }
  if (Array.isArray(value))
    return (
      <ul>
        {(value as Value[]).map((v, i) => (
          <li key={i}>
            <ResponseValue value={v} />
          </li>
        ))}
      </ul>
    );
  if (typeof value === 'object')
    return (
      <dl>
        {Object.entries(value).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <ResponseValue value={v} />
            </dd>
          </div>
        ))}
      </dl>
    );
  return <p>{String(value)}</p>;
}

/**
 * A candidate's response, readable: text with its line breaks, files as a link (pictures shown,
 * recordings with a player), drawings as the image.
 */
export function MarkingResponse({
  responses,
  interactions,
}: {
  responses: Record<string, Value> | null;
  interactions: { responseIdentifier: string; type: string }[];
}) {
  const { t } = useT();
  const entries = Object.entries(responses ?? {});
  if (!entries.length) return <p className="muted">{t('mark.noResponse')}</p>;
  return (
    <>
      {entries.map(([id, value]) => (
        <ResponseValue
          key={id}
          value={value}
          type={interactions.find((i) => i.responseIdentifier === id)?.type}
        />
      ))}
    </>
  );
}
