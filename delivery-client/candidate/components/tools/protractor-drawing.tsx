/**
 * A 180° protractor of radius 5 cm: degree ticks, both scales numbered every 10° (outer from the
 * right, inner from the left, as on a school protractor), and the centre marked on the base line.
 */
import { CM } from './centimetre.ts';

const RADIUS = 5 * CM;
const MARGIN = 0.3 * CM;
const BASE = 0.6 * CM;

export const PROTRACTOR_SIZE = {
  width: 2 * (RADIUS + MARGIN),
  height: RADIUS + MARGIN + BASE,
  /** The centre on the base line: the point the protractor turns about. */
  originX: RADIUS + MARGIN,
  originY: RADIUS + MARGIN,
} as const;

const cx = PROTRACTOR_SIZE.originX;
const cy = PROTRACTOR_SIZE.originY;
/** A point at `r` from the centre, `degrees` anticlockwise from the right. */
const at = (degrees: number, r: number) => {
  const radians = (degrees * Math.PI) / 180;
  return { x: cx + r * Math.cos(radians), y: cy - r * Math.sin(radians) };
};

export function ProtractorDrawing() {
  const marks = [];
  for (let d = 0; d <= 180; d++) {
    const length = d % 10 === 0 ? 0.5 * CM : d % 5 === 0 ? 0.35 * CM : 0.2 * CM;
    const outer = at(d, RADIUS);
    const inner = at(d, RADIUS - length);
    marks.push(
      <line key={d} x1={outer.x} y1={outer.y} x2={inner.x} y2={inner.y} stroke="#1a1a1a" strokeWidth={1} />,
    );
    if (d % 10 === 0) {
      const outerLabel = at(d, RADIUS - 0.8 * CM);
      const innerLabel = at(d, RADIUS - 1.35 * CM);
      marks.push(
        <text
          key={`o${d}`}
          x={outerLabel.x}
          y={outerLabel.y + 4}
          fontSize={11}
          textAnchor="middle"
          fill="#1a1a1a"
        >
          {d}
        </text>,
        <text
          key={`i${d}`}
          x={innerLabel.x}
          y={innerLabel.y + 4}
          fontSize={9}
          textAnchor="middle"
          fill="#0b3d91"
        >
          {180 - d}
        </text>,
      );
    }
  }
  return (
    <svg
      width={PROTRACTOR_SIZE.width}
      height={PROTRACTOR_SIZE.height}
      aria-hidden="true"
      style={{ display: 'block' }}
    >
      <path
        d={`M ${cx - RADIUS} ${cy} A ${RADIUS} ${RADIUS} 0 0 1 ${cx + RADIUS} ${cy} L ${cx + RADIUS} ${cy + BASE} L ${cx - RADIUS} ${cy + BASE} Z`}
        fill="rgba(200, 228, 255, 0.8)"
        stroke="#1a1a1a"
      />
      <line x1={cx - RADIUS} y1={cy} x2={cx + RADIUS} y2={cy} stroke="#1a1a1a" />
      {marks}
      <line x1={cx} y1={cy - 0.4 * CM} x2={cx} y2={cy + 0.4 * CM} stroke="#c00" strokeWidth={1.5} />
      <circle cx={cx} cy={cy} r={2.5} fill="#c00" />
    </svg>
  );
}
