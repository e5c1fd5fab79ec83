/** The sound or video of a media interaction: chosen from disk into the item's media/, with its description. */
import { useT } from '../i18n.tsx';
import type { MediaFileState, Picture } from './editor-item.ts';
import { readClipFile } from './media.ts';

export function ClipInput({
  id,
  clip,
  media,
  onClip,
  onAddMedia,
}: {
  id: string;
  clip?: Picture;
  media: Record<string, MediaFileState>;
  onClip(c: Picture): void;
  onAddMedia(href: string, file: MediaFileState): void;
}) {
  const { t } = useT();
  return (
    <div className="picture-input">
      <label className="field">
        {t('ie.mediaFile')}
        <input
          id={id}
          type="file"
          accept="audio/*,video/*"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            const read = await readClipFile(file);
            onAddMedia(read.href, { contentType: read.contentType, data: read.data });
            onClip({
              href: read.href,
              contentType: read.contentType,
              width: 0,
              height: 0,
              alt: clip?.alt || file.name.replace(/\.[^.]+$/, ''),
            });
          }}
        />
      </label>
      {clip && (
        <label className="field">
          {t('ie.mediaAlt')}
          <input value={clip.alt} onChange={(e) => onClip({ ...clip, alt: e.target.value })} />
        </label>
      )}
      {clip && !media[clip.href] && <p className="muted">{clip.href}</p>}
    </div>
  );
}
