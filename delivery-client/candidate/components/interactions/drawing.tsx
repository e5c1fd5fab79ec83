/**
 * drawingInteraction: a canvas over the item's picture. Draw with the mouse, pen or finger, or
 * with the keyboard: arrow keys move the pen (Shift for bigger steps), Space lifts or lowers it.
 * The answer is the finished picture as a PNG file response (see file-value.ts).
 */
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { useMediaUrl } from '../../engine-media.ts';
import { useItem } from '../item-view.tsx';
import { fileValue, parseFileValue } from './file-value.ts';
import { stageImage } from './graphic.tsx';
import { labelledBy, Prompt, type InteractionProps } from './shared.tsx';

const MAX_CHARS = 100_000;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = src;
  });
}

export function DrawingInteraction({ element }: InteractionProps) {
  const { responses, set } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const helpId = useId();
  const id = element.attributes.responseIdentifier!;
  const image = stageImage(element);
  const width = image?.width || 400;
  const height = image?.height || 300;
  const background = useMediaUrl(image?.src);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const saveTimer = useRef<number | undefined>(undefined);
  const [pen, setPen] = useState({ x: Math.round(width / 2), y: Math.round(height / 2), down: false });
  const [tooLarge, setTooLarge] = useState(false);
  const saved = typeof responses[id] === 'string' ? (responses[id] as string) : undefined;
  const initial = useRef(saved);

  const paintBackground = useCallback(
    async (from?: string) => {
      const ctx = canvas.current?.getContext('2d');
      if (!ctx) return;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      const src = from ?? background;
      if (src) ctx.drawImage(await loadImage(src), 0, 0, width, height);
    },
    [background, width, height],
  );

  useEffect(() => {
    // A saved drawing already holds the background; otherwise start from the picture.
    const saved = initial.current && parseFileValue(initial.current) ? initial.current : undefined;
    if (saved || !image || background) void paintBackground(saved);
  }, [background, image, paintBackground]);

  const save = () => {
    window.clearTimeout(saveTimer.current);
    // Keep the element: the save may run after the candidate has moved to another item.
    const element = canvas.current!;
    saveTimer.current = window.setTimeout(() => {
      const data = element.toDataURL('image/png');
      const value = fileValue('image/png', 'drawing.png', data.slice(data.indexOf(',') + 1));
      setTooLarge(value.length > MAX_CHARS);
      if (value.length <= MAX_CHARS) {
        initial.current = value;
        set(id, value);
      }
    }, 300);
  };

  const ctx = () => {
    const c = canvas.current!.getContext('2d')!;
    c.strokeStyle = '#0b2e6b';
    c.lineWidth = 3;
    c.lineCap = 'round';
    return c;
  };
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - box.left) / box.width) * width,
      ((e.clientY - box.top) / box.height) * height,
    ] as const;
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    drawing.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    const [x, y] = point(e);
    const c = ctx();
    c.beginPath();
    c.moveTo(x, y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const [x, y] = point(e);
    const c = ctx();
    c.lineTo(x, y);
    c.stroke();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    save();
  };
  const key = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const step = e.shiftKey ? 20 : 5;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (e.key === ' ') {
      e.preventDefault();
      setPen((p) => ({ ...p, down: !p.down }));
      return;
    }
    const delta = moves[e.key];
    if (!delta) return;
    e.preventDefault();
    const x = Math.min(width, Math.max(0, pen.x + delta[0]));
    const y = Math.min(height, Math.max(0, pen.y + delta[1]));
    if (pen.down) {
      const c = ctx();
      c.beginPath();
      c.moveTo(pen.x, pen.y);
      c.lineTo(x, y);
      c.stroke();
      save();
    }
    setPen({ ...pen, x, y });
  };

  return (
    <div className="interaction" role="group" aria-labelledby={labelledBy(element, promptId)}>
      <Prompt element={element} id={promptId} />
      <p id={helpId} className="hint">
        {t('item.drawingHelp')}
      </p>
      <div className="drawing" style={{ maxWidth: `${width}px`, aspectRatio: `${width} / ${height}` }}>
        <canvas
          ref={canvas}
          width={width}
          height={height}
          tabIndex={0}
          role="application"
          aria-label={`${t('item.drawing')}${image?.alt ? `: ${image.alt}` : ''}. ${t('item.drawingPen', {
            x: pen.x,
            y: pen.y,
            state: pen.down ? t('item.penDown') : t('item.penUp'),
          })}`}
          aria-describedby={helpId}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          onKeyDown={key}
        />
        <span
          className={pen.down ? 'pen down' : 'pen'}
          aria-hidden="true"
          style={{ left: `${(pen.x / width) * 100}%`, top: `${(pen.y / height) * 100}%` }}
        />
      </div>
      <p className="sr-only" aria-live="polite">
        {pen.down ? t('item.penDown') : t('item.penUp')}
      </p>
      {tooLarge && (
        <p className="error" role="alert">
          {t('item.drawingTooLarge')}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          onClick={() => {
            initial.current = undefined;
            void paintBackground().then(() => set(id, null));
          }}
        >
          {t('item.drawingClear')}
        </button>
      </div>
    </div>
  );
}
