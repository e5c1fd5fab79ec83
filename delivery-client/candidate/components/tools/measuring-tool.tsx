/**
 * An on-screen ruler or protractor laid over the item: dragged with the pointer or moved with the
 * arrow keys, turned with [ ] (1°) and { } (15°) or the panel's buttons. Drawn in CSS centimetres
 * (96 px to the inch), the scale item pictures are authored at. It turns about its zero mark (the
 * ruler) or its centre (the protractor), so a reading taken from there stays where it was.
 */
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { CM } from './centimetre.ts';
import { ProtractorDrawing, PROTRACTOR_SIZE } from './protractor-drawing.tsx';
import { RulerDrawing, RULER_SIZE } from './ruler-drawing.tsx';
import type { ToolText } from './tool-messages.ts';

export type MeasuringKind = 'ruler' | 'protractor';

const SIZES = { ruler: RULER_SIZE, protractor: PROTRACTOR_SIZE } as const;
const START = { ruler: { x: 160, y: 260 }, protractor: { x: 420, y: 420 } } as const;

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
const normalised = (degrees: number) => ((degrees % 360) + 360) % 360;

export function MeasuringTool({ kind, text }: { kind: MeasuringKind; text: ToolText }) {
  const size = SIZES[kind];
  const [origin, setOrigin] = useState<{ x: number; y: number }>(START[kind]);
  const [angle, setAngle] = useState(0);
  const [grab, setGrab] = useState<{ id: number; dx: number; dy: number }>();
  const helpId = `tool-${kind}-help`;

  // The zero mark stays on screen, whatever the window size.
  const place = (x: number, y: number) =>
    setOrigin({ x: clamp(x, 0, window.innerWidth), y: clamp(y, 0, window.innerHeight) });
  const turn = (degrees: number) => setAngle((now) => normalised(now + degrees));

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? CM : CM / 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const turns: Record<string, number> = { '[': -1, ']': 1, '{': -15, '}': 15 };
    const move = moves[event.key];
    if (move) place(origin.x + move[0], origin.y + move[1]);
    else if (turns[event.key] !== undefined) turn(turns[event.key]!);
    else return;
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault(); // a drag, not a text selection
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    setGrab({ id: event.pointerId, dx: event.clientX - origin.x, dy: event.clientY - origin.y });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (grab?.id === event.pointerId) place(event.clientX - grab.dx, event.clientY - grab.dy);
  };
  const release = () => setGrab(undefined);

  const label = kind === 'ruler' ? text.rulerOnScreen : text.protractorOnScreen;
  return (
    <div className="measuring-controls">
      <p id={helpId} style={{ margin: '0 0 0.5rem', fontSize: '0.9em' }}>
        {text.measuringHelp}
      </p>
      <p role="status" style={{ margin: '0 0 0.5rem' }}>
        {text.rotation}: <strong data-testid={`${kind}-angle`}>{angle}°</strong>
      </p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4rem' }}>
        <button type="button" onClick={() => turn(-15)}>
          {text.rotateLeft}
        </button>
        <button type="button" onClick={() => turn(15)}>
          {text.rotateRight}
        </button>
        <button
          type="button"
          onClick={() => {
            setOrigin(START[kind]);
            setAngle(0);
          }}
        >
          {text.resetPosition}
        </button>
      </div>
      {createPortal(
        <div
          tabIndex={0}
          role="application"
          aria-roledescription={kind === 'ruler' ? text.ruler : text.protractor}
          aria-label={label}
          aria-describedby={helpId}
          data-testid={`measuring-${kind}`}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={release}
          onPointerCancel={release}
          style={{
            position: 'fixed',
            left: origin.x - size.originX,
            top: origin.y - size.originY,
            width: size.width,
            height: size.height,
            transform: `rotate(${angle}deg)`,
            transformOrigin: `${size.originX}px ${size.originY}px`,
            zIndex: 40,
            cursor: grab ? 'grabbing' : 'grab',
            touchAction: 'none',
            userSelect: 'none',
            outlineOffset: 2,
          }}
        >
          {kind === 'ruler' ? <RulerDrawing /> : <ProtractorDrawing />}
        </div>,
        document.body,
      )}
    </div>
  );
}
