/**
 * The code task (a customInteraction or portableCustomInteraction marked as one): language,
 * instructions and starter code, edited in Monaco. Monaco is a separate chunk loaded with a
 * dynamic import only when a code task is shown; its worker is served by the engine with the app.
 *
 * Markup read from the candidate payload (server-only parts such as hidden tests are removed by
 * the projection): the language from `data-language` (or `language`) on the interaction, the
 * starter code from a descendant `pre`/`code` with class `starter-code` or `data-role="starter"`
 * (or a `starterCode` element), and everything else as the instructions.
 */
import { lazy, Suspense, useId, useRef, useState } from 'react';
import type { RunCodeAck } from '../../../../engine/client.ts';
import type { ContentElement, ContentNode } from '../../../../item-bank/client.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { renderNodes, useItem } from '../item-view.tsx';
import { descendantsNamed, Prompt, promptOf, textOf, type InteractionProps } from './shared.tsx';

const CodeEditor = lazy(() => import('./code-editor.tsx'));

const isStarter = (e: ContentElement) =>
  e.name === 'starterCode' ||
  e.attributes['data-role'] === 'starter' ||
  (e.attributes.class ?? '').split(/\s+/).includes('starter-code');

/** Whether a custom interaction is a code task this client can show. */
export function isCodeTask(element: ContentElement): boolean {
  const type = `${element.attributes.customInteractionTypeIdentifier ?? ''} ${element.attributes.class ?? ''}`;
  return (
    /code[-_]?task/i.test(type) || Boolean(element.attributes['data-language'] ?? element.attributes.language)
  );
}

function withoutStarter(nodes: ContentNode[]): ContentNode[] {
  return nodes
    .filter((n) => !(n.kind === 'element' && (isStarter(n) || n.name === 'prompt')))
    .map((n) => (n.kind === 'element' ? { ...n, children: withoutStarter(n.children) } : n));
}

export function CodeTaskInteraction({ element }: InteractionProps) {
  const { responses, set, runCode } = useItem();
  const { t } = useI18n();
  const promptId = useId();
  const labelId = useId();
  const id = element.attributes.responseIdentifier!;
  const language = (
    element.attributes['data-language'] ??
    element.attributes.language ??
    'plaintext'
  ).toLowerCase();
  const starterElement = descendantsNamed(element, 'pre', 'code', 'starterCode', 'div').find(isStarter);
  const starter = starterElement ? textOf(starterElement).replace(/^\n/, '') : '';
  const value = typeof responses[id] === 'string' ? (responses[id] as string) : starter;
  const reset = useRef<HTMLButtonElement>(null);
  const [restored, setRestored] = useState(false);
  return (
    <div
      className="interaction code-task"
      role="group"
      aria-labelledby={promptOf(element) ? promptId : labelId}
    >
      <Prompt element={element} id={promptId} />
      <div className="code-instructions">{renderNodes(withoutStarter(element.children))}</div>
      <p id={labelId} className="code-meta">
        {t('item.codeLanguage')}: <strong>{language}</strong>
      </p>
      <p className="hint">{t('item.codeKeyboard')}</p>
      <Suspense fallback={<p role="status">{t('item.codeLoading')}</p>}>
        <CodeEditor
          language={language}
          value={value}
          label={t('item.codeEditor', { language })}
          onChange={(code) => {
            if (code !== starter) setRestored(false);
            set(id, code);
          }}
          onEscape={() => reset.current?.focus()}
        />
      </Suspense>
      <div className="code-actions">
        <button
          type="button"
          ref={reset}
          onClick={() => {
            set(id, starter);
            setRestored(true);
          }}
        >
          {t('item.codeReset')}
        </button>
        {runCode && <RunSampleTests run={() => runCode(id, value)} />}
      </div>
      <p role="status" className="hint">
        {restored ? t('item.codeRestored') : ''}
      </p>
    </div>
  );
}

/** "Run the sample tests": the engine's sandbox runs the visible tests only; results are announced. */
function RunSampleTests({ run }: { run: () => Promise<RunCodeAck> }) {
  const { t } = useI18n();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RunCodeAck>();
  const headingId = useId();
  const start = async () => {
    setRunning(true);
    try {
      setResult(await run());
    } finally {
      setRunning(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void start()} disabled={running} aria-busy={running}>
        {running ? t('item.codeRunning') : t('item.codeRun')}
      </button>
      <div className="code-results" role="status" aria-live="polite">
        {result && !result.ok && (
          <p className="error">{t('item.codeRunFailed', { message: result.error.message })}</p>
        )}
        {result?.ok && (
          <section aria-labelledby={headingId}>
            <h4 id={headingId}>{t('item.codeResults')}</h4>
            {result.notGradable && (
              <>
                <p className="error">{t('item.codeNotGradable')}</p>
                {result.message && <pre>{result.message}</pre>}
              </>
            )}
            <ul>
              {result.tests.map((test) => (
                <li key={test.name} className={`verdict verdict-${test.verdict}`}>
                  <strong>{test.name}</strong>:{' '}
                  {t(`item.codeVerdict.${test.verdict}` as 'item.codeVerdict.passed')}
                  {test.verdict !== 'passed' && test.expected !== undefined && (
                    <dl>
                      <dt>{t('item.codeExpected')}</dt>
                      <dd>
                        <code>{test.expected}</code>
                      </dd>
                      <dt>{t('item.codeActual')}</dt>
                      <dd>
                        <code>{test.actual ?? ''}</code>
                      </dd>
                    </dl>
                  )}
                  {test.message && <pre>{test.message}</pre>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
