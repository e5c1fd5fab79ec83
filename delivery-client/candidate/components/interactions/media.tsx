/**
 * mediaInteraction: the sound or video with its native (keyboard-usable) controls and a play
 * button; the answer is how many times it was started (integer), up to maxPlays.
 */
import { useId, useRef } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { useMediaUrl } from '../../engine-media.ts';
import { useItem } from '../item-view.tsx';
import { childrenNamed, labelledBy, Prompt, type InteractionProps } from './shared.tsx';

export function MediaInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const id = element.attributes.responseIdentifier!;
  const object = childrenNamed(element, 'object', 'audio', 'video')[0];
  const type = object?.attributes.type ?? '';
  const src = useMediaUrl(object?.attributes.data ?? object?.attributes.src);
  const plays = typeof responses[id] === 'number' ? (responses[id] as number) : 0;
  const maxPlays = Number(element.attributes.maxPlays ?? 0) || 0;
  const exhausted = maxPlays > 0 && plays >= maxPlays;
  const ref = useRef<HTMLMediaElement | null>(null);
  const counted = useRef(false);
  const onPlay = (e: { currentTarget: HTMLMediaElement }) => {
    if (counted.current) return;
    if (exhausted) return e.currentTarget.pause();
    counted.current = true;
    set(id, plays + 1);
  };
  const onEnded = () => {
    counted.current = false;
  };
  const label = object?.attributes.title ?? t('item.media');
  const common = {
    ref: (el: HTMLMediaElement | null) => {
      ref.current = el;
    },
    src,
    controls: !exhausted,
    loop: element.attributes.loop === 'true',
    onPlay,
    onEnded,
    'aria-label': label,
  };
  return (
    <div className="interaction" role="group" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      {type.startsWith('video') ? (
        <video {...common} width={Number(object?.attributes.width ?? 0) || undefined} />
      ) : (
        <audio {...common} />
      )}
      <div className="toolbar">
        <button type="button" disabled={exhausted || !src} onClick={() => void ref.current?.play()}>
          {t('item.mediaPlay')}
        </button>
        <span aria-live="polite">
          {maxPlays
            ? t('item.mediaPlaysOf', { n: plays, max: maxPlays })
            : t('item.mediaPlays', { n: plays })}
        </span>
      </div>
    </div>
  );
}
