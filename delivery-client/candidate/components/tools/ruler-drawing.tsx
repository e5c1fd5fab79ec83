/** A 15 cm ruler: millimetre ticks on its top edge, centimetres numbered; zero half a centimetre in. */
import { CM } from './centimetre.ts';

const LENGTH_CM = 15;
const MARGIN = CM / 2;

export const RULER_SIZE = {
  width: LENGTH_CM * CM + 2 * MARGIN,
  height: 1.6 * CM,
  /** The zero mark, on the top edge: the point the ruler turns about. */
  originX: MARGIN,
  originY: 0,
} as const;

export function RulerDrawing() {
  const ticks = [];
  for (let mm = 0; mm <= LENGTH_CM * 10; mm++) {
    const x = MARGIN + (mm * CM) / 10;
    const length = mm % 10 === 0 ? 0.6 * CM : mm % 5 === 0 ? 0.4 * CM : 0.25 * CM;
    ticks.push(<line key={mm} x1={x} x2={x} y1={0} y2={length} stroke="#1a1a1a" strokeWidth={1} />);
    if (mm % 10 === 0)
      ticks.push(
        <text key={`n${mm}`} x={x} y={0.95 * CM} fontSize={12} textAnchor="middle" fill="#1a1a1a">
          {mm / 10}
        </text>,
      );
  }
  return (
    <svg width={RULER_SIZE.width} height={RULER_SIZE.height} aria-hidden="true" style={{ display: 'block' }}>
      <rect
        x={0.5}
        y={0.5}
        width={RULER_SIZE.width - 1}
        height={RULER_SIZE.height - 1}
        rx={4}
        fill="rgba(255, 236, 140, 0.85)"
        stroke="#1a1a1a"
      />
      {ticks}
      <text x={RULER_SIZE.width - MARGIN} y={1.4 * CM} fontSize={11} textAnchor="end" fill="#1a1a1a">
        cm
      </text>
    </svg>
  );
}
