/** Scratch notes for this exam session, kept in this browser only (never sent, never marked). */
import { useEffect, useState } from 'react';
import type { ToolText } from './tool-messages.ts';

export function Scratchpad({ sessionId, text }: { sessionId: string; text: ToolText }) {
  const key = `scratchpad:${sessionId}`;
  const [notes, setNotes] = useState(() => localStorage.getItem(key) ?? '');
  useEffect(() => {
    localStorage.setItem(key, notes);
  }, [key, notes]);
  return (
    <div className="scratchpad">
      <label htmlFor="scratchpad-notes">{text.notes}</label>
      <textarea
        id="scratchpad-notes"
        aria-describedby="scratchpad-hint"
        rows={8}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        style={{ width: '100%', boxSizing: 'border-box', fontSize: '1em' }}
      />
      <p id="scratchpad-hint" style={{ margin: '0.3rem 0 0', fontSize: '0.85em' }}>
        {text.notesHint}
      </p>
    </div>
  );
}
