/**
 * Monaco, loaded on demand (this module is its own chunk). Only the core editor and the
 * syntax colouring of the languages code tasks use are bundled; its one web worker is built by
 * Vite into the app's assets, so the engine serves it from its own origin.
 */
import { useEffect, useRef } from 'react';
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/languages/definitions/python/register.js';
import 'monaco-editor/languages/definitions/javascript/register.js';
import 'monaco-editor/languages/definitions/cpp/register.js';
import 'monaco-editor/languages/definitions/java/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

const LANGUAGES: Record<string, string> = { py: 'python', js: 'javascript', 'c++': 'cpp', c: 'cpp' };

export default function CodeEditor({
  language,
  value,
  label,
  onChange,
  onEscape,
}: {
  language: string;
  value: string;
  label: string;
  onChange(code: string): void;
  /** Escape (with no widget open) leaves the editor, since Tab indents inside it. */
  onEscape(): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const change = useRef(onChange);
  change.current = onChange;
  const escape = useRef(onEscape);
  escape.current = onEscape;

  useEffect(() => {
    const dark = document.documentElement.classList.contains('high-contrast');
    const instance = monaco.editor.create(host.current!, {
      value,
      language: LANGUAGES[language] ?? language,
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 16,
      scrollBeyondLastLine: false,
      theme: dark ? 'hc-black' : 'vs',
      accessibilitySupport: 'on',
      tabFocusMode: false,
    });
    editor.current = instance;
    instance.addCommand(
      monaco.KeyCode.Escape,
      () => escape.current(),
      '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible',
    );
    const sub = instance.onDidChangeModelContent(() => change.current(instance.getValue()));
    return () => {
      sub.dispose();
      instance.dispose();
    };
    // The editor is created once per mount; later value changes come from the editor itself.
  }, []);

  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model || model.getValue() === value) return;
    // An edit rather than setValue, which empties the undo stack: Ctrl+Z brings back the code a
    // "restore the starter code" (or a version resumed from another device) replaced.
    instance.pushUndoStop();
    instance.executeEdits('exam', [{ range: model.getFullModelRange(), text: value }]);
    instance.pushUndoStop();
  }, [value]);

  return <div ref={host} className="code-editor" data-language={language} />;
}
