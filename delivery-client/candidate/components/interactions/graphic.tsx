/**
 * The picture of a graphic interaction with an SVG overlay in the picture's own coordinates:
 * hotspot shapes, placed points, lines between associated hotspots and labels. The overlay is a
 * pointer convenience only (aria-hidden); every graphic interaction also has keyboard controls.
 */
import { useState, type MouseEvent, type ReactNode } from 'react';
import type { ContentElement } from '../../../../item-bank/client.ts';
import { useMediaUrl } from '../../engine-media.ts';
import { childrenNamed } from './shared.tsx';

export interface StageImage {
  src: string;
  alt: string;
  width: number;
  height: number;
}

/** The interaction's picture (its `object` child), or the given element's. */
export function stageImage(element: ContentElement): StageImage | undefined {
  const object = childrenNamed(element, 'object', 'img')[0];
  if (!object) return undefined;
  return {
    src: object.attributes.data ?? object.attributes.src ?? '',
    alt: object.attributes.alt ?? object.attributes.title ?? textContent(object),
    width: Number(object.attributes.width ?? 0),
    height: Number(object.attributes.height ?? 0),
  };
}

const textContent = (e: ContentElement): string =>
  e.children
    .map((c) => (c.kind === 'text' ? c.text : textContent(c)))
    .join('')
    .trim();

export interface Shape {
  id: string;
  shape: string;
  coords: string;
  selected?: boolean;
  label?: string;
}

export const numbers = (coords: string) =>
  coords
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

/** A shape's centre, for labels and association lines. */
export function centreOf(shape: Shape, width: number, height: number): [number, number] {
  const c = numbers(shape.coords);
  switch (shape.shape) {
    case 'rect':
      return [((c[0] ?? 0) + (c[2] ?? 0)) / 2, ((c[1] ?? 0) + (c[3] ?? 0)) / 2];
    case 'circle':
    case 'ellipse':
      return [c[0] ?? 0, c[1] ?? 0];
    case 'poly': {
      const xs = c.filter((_, i) => i % 2 === 0);
      const ys = c.filter((_, i) => i % 2 === 1);
      return [xs.reduce((a, b) => a + b, 0) / xs.length, ys.reduce((a, b) => a + b, 0) / ys.length];
    }
    default:
      return [width / 2, height / 2];
  }
}

/** Where a shape's number badge goes: just inside its top-left, clear of the picture's own centre text. */
export function labelAnchor(shape: Shape): [number, number] {
  const c = numbers(shape.coords);
  switch (shape.shape) {
    case 'rect':
      return [Math.min(c[0]!, c[2]!) + 12, Math.min(c[1]!, c[3]!) + 12];
    case 'circle':
      return [c[0]! - c[2]! * 0.7, c[1]! - c[2]! * 0.7];
    case 'ellipse':
      return [c[0]! - c[2]! * 0.7, c[1]! - c[3]! * 0.7];
    case 'poly': {
      const xs = c.filter((_, i) => i % 2 === 0);
      const ys = c.filter((_, i) => i % 2 === 1);
      return [Math.min(...xs) + 14, Math.min(...ys) + 12];
    }
    default:
      return [14, 14];
  }
}

function ShapeOutline({ shape, onClick }: { shape: Shape; onClick?(): void }) {
  const c = numbers(shape.coords);
  const props = {
    className: shape.selected ? 'hotspot selected' : 'hotspot',
    onClick: onClick
      ? (e: MouseEvent) => {
          e.stopPropagation();
          onClick();
        }
      : undefined,
  };
  switch (shape.shape) {
    case 'rect':
      return (
        <rect
          {...props}
          x={Math.min(c[0]!, c[2]!)}
          y={Math.min(c[1]!, c[3]!)}
          width={Math.abs(c[2]! - c[0]!)}
          height={Math.abs(c[3]! - c[1]!)}
        />
      );
    case 'circle':
      return <circle {...props} cx={c[0]} cy={c[1]} r={c[2]} />;
    case 'ellipse':
      return <ellipse {...props} cx={c[0]} cy={c[1]} rx={c[2]} ry={c[3]} />;
    case 'poly':
      return <polygon {...props} points={c.join(' ')} />;
    default:
      return <rect {...props} x={0} y={0} width="100%" height="100%" />;
  }
}

export function GraphicStage({
  image,
  shapes = [],
  points = [],
  lines = [],
  onShape,
  onPoint,
  children,
  describedBy,
  marker,
}: {
  image: StageImage;
  shapes?: Shape[];
  points?: Array<{ x: number; y: number; label?: string }>;
  /** A picture drawn at each point instead of a dot (position object). */
  marker?: { src: string; width: number; height: number };
  lines?: Array<[string, string]>;
  onShape?(id: string): void;
  onPoint?(x: number, y: number): void;
  children?: ReactNode;
  describedBy?: string;
}) {
  const [natural, setNatural] = useState<{ w: number; h: number }>();
  const src = useMediaUrl(image.src);
  const width = image.width || natural?.w || 400;
  const height = image.height || natural?.h || 300;
  const byId = new Map(shapes.map((s) => [s.id, s]));
  const click = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPoint) return;
    const box = e.currentTarget.getBoundingClientRect();
    onPoint(
      Math.round(((e.clientX - box.left) / box.width) * width),
      Math.round(((e.clientY - box.top) / box.height) * height),
    );
  };
  return (
    <figure className="graphic" style={{ maxWidth: `${width}px` }}>
      <div className="graphic-stage" style={{ aspectRatio: `${width} / ${height}` }}>
        <img
          src={src}
          alt={image.alt}
          aria-describedby={describedBy}
          onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
        />
        <svg
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          onClick={click}
          className={onPoint ? 'pointable' : undefined}
        >
          {shapes.map((s) => (
            <ShapeOutline key={s.id} shape={s} onClick={onShape ? () => onShape(s.id) : undefined} />
          ))}
          {lines.map(([a, b]) => {
            const sa = byId.get(a);
            const sb = byId.get(b);
            if (!sa || !sb) return null;
            const [x1, y1] = centreOf(sa, width, height);
            const [x2, y2] = centreOf(sb, width, height);
            return <line key={`${a}-${b}`} className="association" x1={x1} y1={y1} x2={x2} y2={y2} />;
          })}
          {shapes
            .filter((s) => s.label)
            .map((s) => {
              const [x, y] = labelAnchor(s);
              const [number, ...rest] = s.label!.split(': ');
              return (
                <g key={`l-${s.id}`} className="shape-label">
                  <circle cx={x} cy={y} r={11} />
                  <text x={x} y={y + 1}>
                    {number}
                  </text>
                  {rest.length > 0 && (
                    <text className="placed" x={x + 15} y={y + 1}>
                      {rest.join(': ')}
                    </text>
                  )}
                </g>
              );
            })}
          {points.map((p, i) => (
            <g key={i} className="point">
              {marker ? (
                <image
                  href={marker.src}
                  x={p.x - marker.width / 2}
                  y={p.y - marker.height / 2}
                  width={marker.width}
                  height={marker.height}
                />
              ) : (
                <circle cx={p.x} cy={p.y} r={Math.max(4, width / 80)} />
              )}
              {p.label && (
                <text x={p.x + 8} y={p.y - 8}>
                  {p.label}
                </text>
              )}
            </g>
          ))}
        </svg>
      </div>
      {children}
    </figure>
  );
}
