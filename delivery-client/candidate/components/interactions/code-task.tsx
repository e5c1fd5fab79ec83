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
import { lazy, Suspense, useId, useRef } from 'react';
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
  const { responses, set } = useItem();
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
          onChange={(code) => set(id, code)}
          onEscape={() => reset.current?.focus()}
        />
      </Suspense>
      <button type="button" ref={reset} onClick={() => set(id, starter)}>
        {t('item.codeReset')}
      </button>
    </div>
  );
}
