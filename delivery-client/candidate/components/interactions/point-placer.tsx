/**
 * Places points on a picture: click the picture, or type x and y (in the picture's pixels, shown
 * beside it) and press "Place". Each point is listed with a remove button. Values are "x y".
 */
import { useId, useState } from 'react';
import { useI18n } from '../../../shared/i18n.tsx';
import { GraphicStage, type StageImage } from './graphic.tsx';

export function PointPlacer({
  image,
  points,
  max,
  onChange,
  marker,
  describedBy,
  markerImage,
}: {
  image: StageImage;
  points: string[];
  /** 0 = no limit; 1 = a new point replaces the old. */
  max: number;
  onChange(points: string[]): void;
  marker?: string;
  describedBy?: string;
  /** The object placed, drawn at each point (position object). */
  markerImage?: { src: string; width: number; height: number };
}) {
  const { t } = useI18n();
  const uid = useId();
  const [x, setX] = useState('');
  const [y, setY] = useState('');
  const parsed = points.map((p) => p.split(' ').map(Number) as [number, number]);
  const add = (px: number, py: number) => {
    const point = `${Math.round(px)} ${Math.round(py)}`;
    if (max === 1) return onChange([point]);
    if (max > 0 && points.length >= max) return;
    onChange([...points, point]);
  };
  const valid = x !== '' && y !== '' && Number.isFinite(Number(x)) && Number.isFinite(Number(y));
  return (
    <div className="point-placer">
      <GraphicStage
        image={image}
        points={parsed.map(([px, py], i) => ({
          x: px,
          y: py,
          label: markerImage ? undefined : (marker ?? String(i + 1)),
        }))}
        marker={markerImage}
        onPoint={add}
        describedBy={describedBy}
      />
      <div className="pair-inputs">
        <label htmlFor={`${uid}-x`}>{t('item.pointX', { max: image.width || '' })}</label>
        <input
          id={`${uid}-x`}
          type="number"
          inputMode="numeric"
          min={0}
          max={image.width || undefined}
          value={x}
          onChange={(e) => setX(e.target.value)}
        />
        <label htmlFor={`${uid}-y`}>{t('item.pointY', { max: image.height || '' })}</label>
        <input
          id={`${uid}-y`}
          type="number"
          inputMode="numeric"
          min={0}
          max={image.height || undefined}
          value={y}
          onChange={(e) => setY(e.target.value)}
        />
        <button
          type="button"
          disabled={!valid}
          onClick={() => {
            add(Number(x), Number(y));
            setX('');
            setY('');
          }}
        >
          {t('item.pointPlace')}
        </button>
      </div>
      <ul className="pair-list" aria-label={t('item.pointList')}>
        {points.length === 0 && <li className="muted">{t('item.pointNone')}</li>}
        {points.map((p, i) => (
          <li key={`${p}-${i}`}>
            <span>{t('item.point', { n: i + 1, x: p.split(' ')[0]!, y: p.split(' ')[1]! })}</span>
            <button
              type="button"
              aria-label={t('item.pointRemove', { n: i + 1 })}
              onClick={() => onChange(points.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
