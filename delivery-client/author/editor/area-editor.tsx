/**
 * A picture with areas drawn on it for the graphic interactions: drag for a rectangle or a
 * circle, click corners for a polygon. Every area's coordinates can also be typed, so the
 * editor works without a pointer.
 */
import { useRef, useState, type PointerEvent } from 'react';
import { useT } from '../i18n.tsx';
import type { Area, MediaFileState, Picture, Shape } from './editor-item.ts';
import { readImageFile } from './media.ts';

const pictureUrl = (p: Picture, media: Record<string, MediaFileState>) => {
  const file = media[p.href];
  return file ? `data:${file.contentType};base64,${file.data}` : p.href;
};

export function PictureInput({
  id,
  label,
  picture,
  media,
  onPicture,
  onAddMedia,
}: {
  id: string;
  label: string;
  picture?: Picture;
  media: Record<string, MediaFileState>;
  onPicture(p: Picture): void;
  onAddMedia(href: string, file: MediaFileState): void;
}) {
  const { t } = useT();
  return (
    <div className="picture-input">
      <label className="field">
        {label}
        <input
          id={id}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/svg+xml,image/webp"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            // Cleared so choosing the same file again (for another interaction) still reports a change.
            e.target.value = '';
            if (!file) return;
            const read = await readImageFile(file);
            onAddMedia(read.href, { contentType: read.contentType, data: read.data });
            onPicture({
              href: read.href,
              contentType: read.contentType,
              width: read.width,
              height: read.height,
              alt: picture?.alt || file.name.replace(/\.[^.]+$/, ''),
            });
          }}
        />
      </label>
      {picture && (
        <label className="field">
          {t('ie.pictureAlt')}
          <input value={picture.alt} onChange={(e) => onPicture({ ...picture, alt: e.target.value })} />
        </label>
      )}
      {picture && !media[picture.href] && <p className="muted">{picture.href}</p>}
      {picture && media[picture.href] && label && (
        <img className="picture-thumb" src={pictureUrl(picture, media)} alt="" width={80} />
      )}
    </div>
  );
}

const toCoords = (s: string) =>
  s
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
    .filter(Number.isFinite);

function shapeOf(shape: Shape, a: number[], b: number[]): number[] {
  if (shape === 'circle') return [a[0]!, a[1]!, Math.round(Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!))];
  return [Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!)];
}

function AreaShape({ area, className }: { area: Pick<Area, 'shape' | 'coords'>; className: string }) {
  const c = area.coords;
  if (area.shape === 'circle') return <circle className={className} cx={c[0]} cy={c[1]} r={c[2]} />;
  if (area.shape === 'poly')
    return (
      <polygon
        className={className}
        points={c
          .map((n, i) => (i % 2 ? `${n} ` : `${n},`))
          .join('')
          .trim()}
      />
    );
  return (
    <rect
      className={className}
      x={c[0]}
      y={c[1]}
      width={(c[2] ?? 0) - (c[0] ?? 0)}
      height={(c[3] ?? 0) - (c[1] ?? 0)}
    />
  );
}

export function AreaEditor({
  id,
  picture,
  areas,
  media,
  idPrefix,
  withScore,
  withLabel,
  onAreas,
}: {
  id: string;
  picture?: Picture;
  areas: Area[];
  media: Record<string, MediaFileState>;
  idPrefix: string;
  withScore: boolean;
  withLabel: boolean;
  onAreas(next: Area[]): void;
}) {
  const { t } = useT();
  const [shape, setShape] = useState<Shape>('rect');
  const [start, setStart] = useState<number[]>();
  const [current, setCurrent] = useState<number[]>();
  const [poly, setPoly] = useState<number[]>([]);
  const svg = useRef<SVGSVGElement>(null);

  const nextId = () => {
    let n = areas.length + 1;
    while (areas.some((a) => a.id === `${idPrefix}${n}`)) n++;
    return `${idPrefix}${n}`;
  };
  const add = (s: Shape, coords: number[]) =>
    onAreas([...areas, { id: nextId(), label: '', shape: s, coords, score: 1, matchMax: 1 }]);
  const point = (e: PointerEvent<SVGSVGElement>) => {
    const box = svg.current!.getBoundingClientRect();
    const w = picture!.width;
    const h = picture!.height;
    return [
      Math.round(((e.clientX - box.left) / box.width) * w),
      Math.round(((e.clientY - box.top) / box.height) * h),
    ];
  };

  if (!picture) return <p className="muted">{t('ie.noPicture')}</p>;
  return (
    <div className="area-editor">
      <p className="muted" id={`${id}-help`}>
        {t('ie.drawHelp')}
      </p>
      <fieldset className="inline-options">
        <legend>{t('ie.shape')}</legend>
        {(['rect', 'circle', 'poly'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name={`${id}-shape`} checked={shape === s} onChange={() => setShape(s)} />{' '}
            {t(`ie.shape.${s}`)}
          </label>
        ))}
        {shape === 'poly' && (
          <button
            type="button"
            className="secondary small"
            disabled={poly.length < 6}
            onClick={() => {
              add('poly', poly);
              setPoly([]);
            }}
          >
            {t('ie.finishPoly')}
          </button>
        )}
      </fieldset>
      <div className="area-stage" style={{ maxWidth: picture.width }}>
        <img
          src={pictureUrl(picture, media)}
          alt={picture.alt}
          width={picture.width}
          height={picture.height}
        />
        <svg
          ref={svg}
          data-testid={`${id}-canvas`}
          viewBox={`0 0 ${picture.width} ${picture.height}`}
          aria-hidden="true"
          onPointerDown={(e) => {
            if (shape === 'poly') {
              setPoly([...poly, ...point(e)]);
              return;
            }
            e.currentTarget.setPointerCapture(e.pointerId);
            const p = point(e);
            setStart(p);
            setCurrent(p);
          }}
          onPointerMove={(e) => start && setCurrent(point(e))}
          onPointerUp={(e) => {
            if (!start || !current) return;
            const coords = shapeOf(shape, start, point(e));
            const big =
              shape === 'circle'
                ? coords[2]! > 3
                : coords[2]! - coords[0]! > 3 && coords[3]! - coords[1]! > 3;
            if (big) add(shape, coords);
            setStart(undefined);
            setCurrent(undefined);
          }}
        >
          {areas.map((a) => (
            <g key={a.id}>
              <AreaShape area={a} className="area" />
              <text
                x={a.coords[0]}
                y={(a.coords[1] ?? 0) + (a.shape === 'circle' ? 0 : 16)}
                className="area-name"
              >
                {a.label || a.id}
              </text>
            </g>
          ))}
          {start && current && (
            <AreaShape area={{ shape, coords: shapeOf(shape, start, current) }} className="area drawing" />
          )}
          {poly.length >= 2 && (
            <polyline
              className="area drawing"
              points={poly
                .map((n, i) => (i % 2 ? `${n} ` : `${n},`))
                .join('')
                .trim()}
            />
          )}
        </svg>
      </div>
      <ul className="area-list">
        {areas.map((a, i) => (
          <li key={a.id}>
            <strong>{a.id}</strong> ({t(`ie.shape.${a.shape}`)})
            {withLabel && (
              <label>
                <span className="sr-only">{t('ie.areaLabel', { id: a.id })}</span>
                <input
                  value={a.label}
                  placeholder={t('ie.areaLabel', { id: a.id })}
                  onChange={(e) =>
                    onAreas(areas.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))
                  }
                />
              </label>
            )}
            <label>
              <span className="sr-only">{t('ie.areaCoords', { id: a.id })}</span>
              <input
                className="coords"
                defaultValue={a.coords.join(',')}
                key={a.coords.join(',')}
                aria-label={t('ie.areaCoords', { id: a.id })}
                onBlur={(e) =>
                  onAreas(areas.map((x, j) => (j === i ? { ...x, coords: toCoords(e.target.value) } : x)))
                }
              />
            </label>
            {withScore && (
              <label>
                {t('ie.areaScore', { id: a.id })}{' '}
                <input
                  type="number"
                  step="0.25"
                  value={a.score}
                  onChange={(e) =>
                    onAreas(areas.map((x, j) => (j === i ? { ...x, score: Number(e.target.value) } : x)))
                  }
                />
              </label>
            )}
            <button
              type="button"
              className="secondary small"
              aria-label={t('ie.remove', { id: a.id })}
              onClick={() => onAreas(areas.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary small"
        onClick={() => add('rect', [0, 0, Math.round(picture.width / 4), Math.round(picture.height / 4)])}
      >
        {t('ie.addArea')}
      </button>
    </div>
  );
}
