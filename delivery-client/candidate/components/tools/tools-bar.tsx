/**
 * The on-screen tools the sitting allows (calculator, scratchpad, ruler, protractor): a toggle button
 * for each in the exam header, each opening a panel beside the item (the ruler and protractor also
 * lay themselves over the item); Escape closes it and returns focus.
 */
import { useRef, useState } from 'react';
import type { SessionSnapshot } from '../../../../engine/client.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { offeredTools, type OfferedTool } from './allowed-tools.ts';
import { Calculator } from './calculator.tsx';
import { MeasuringTool } from './measuring-tool.tsx';
import { Scratchpad } from './scratchpad.tsx';
import { toolText } from './tool-messages.ts';

export function ToolsBar({ snapshot }: { snapshot: SessionSnapshot }) {
  const { lang } = useI18n();
  const text = toolText(lang);
  const tools = offeredTools(snapshot);
  const [open, setOpen] = useState<OfferedTool[]>([]);
  const toggles = useRef<Partial<Record<OfferedTool, HTMLButtonElement | null>>>({});
  if (!tools.length) return null;
  const close = (tool: OfferedTool) => {
    setOpen((now) => now.filter((t) => t !== tool));
    toggles.current[tool]?.focus();
  };
  return (
    <>
      <div role="group" aria-label={text.tools} style={{ display: 'flex', gap: '0.4rem' }}>
        {tools.map((tool) => (
          <button
            key={tool}
            type="button"
            ref={(el) => {
              toggles.current[tool] = el;
            }}
            aria-expanded={open.includes(tool)}
            aria-controls={`tool-${tool}`}
            onClick={() =>
              open.includes(tool) ? close(tool) : setOpen((now) => [...now.filter((t) => t !== tool), tool])
            }
          >
            {text[tool]}
          </button>
        ))}
      </div>
      {open.map((tool, index) => (
        <section
          key={tool}
          id={`tool-${tool}`}
          className="tool-panel"
          aria-labelledby={`tool-${tool}-title`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close(tool);
          }}
          style={{
            position: 'fixed',
            right: `${1 + index * 1.5}rem`,
            bottom: `${1 + index * 1.5}rem`,
            width: 'min(22rem, calc(100vw - 2rem))',
            background: 'var(--panel)',
            color: 'var(--text)',
            border: '2px solid var(--border)',
            borderRadius: '8px',
            padding: '0.8rem',
            boxShadow: '0 4px 16px rgba(0,0,0,0.25)',
            zIndex: 20 + index,
          }}
        >
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <h2 id={`tool-${tool}-title`} style={{ margin: 0, fontSize: '1.1em' }}>
              {text[tool]}
            </h2>
            <button type="button" onClick={() => close(tool)}>
              {text.close}
            </button>
          </div>
          {tool === 'calculator' ? (
            <Calculator text={text} lang={lang} />
          ) : tool === 'scratchpad' ? (
            <Scratchpad sessionId={snapshot.sessionId} text={text} />
          ) : (
            <MeasuringTool kind={tool} text={text} />
          )}
        </section>
      ))}
    </>
  );
}
