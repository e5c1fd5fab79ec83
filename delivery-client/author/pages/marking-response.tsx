import { useT } from '../i18n.tsx';

/** A response value as the engine stores it: any JSON (text, identifiers, lists, pairs, records…). */
type Value = unknown;

/** A file response travels as `data:<type>;name=<URI-encoded name>;base64,<bytes>` (see the candidate's file-value.ts). */
function fileOf(value: string) {
  const m = /^data:([^;,]*)(?:;name=([^;,]*))?;base64,(.*)$/s.exec(value);
  if (!m) return undefined;
  return { type: m[1]!, name: decodeURIComponent(m[2] ?? ''), kb: Math.ceil((m[3]!.length * 3) / 4 / 1024) };
}

function ResponseValue({ value, type }: { value: Value; type?: string }) {
  const { t } = useT();
  if (value === null || value === '') return <p className="muted">{t('mark.noResponse')}</p>;
  if (typeof value === 'string') {
    const file = fileOf(value);
    if (file) {
      // A drawing is a PNG without a name; an upload keeps its file name, and pictures are shown too.
      const name = file.name || (type === 'drawingInteraction' ? 'hinh-ve.png' : 'tep');
      return (
        <div className="marking-file">
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

/** A candidate's response, readable: text with its line breaks, files as a link (pictures shown), drawings as the image. */
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
