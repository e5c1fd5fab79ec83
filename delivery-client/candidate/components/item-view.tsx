/**
 * Renders a candidate-safe QTI item (the content tree from the engine) with its interactions,
 * and reports answer changes. XHTML and MathML are rendered natively from an allow-list; each
 * interaction type has a keyboard-usable component; anything unknown says so plainly.
 */
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { useMediaUrl } from '../engine-media.ts';
import type { ItemResponses, RunCodeAck } from '../../../engine/client.ts';
import {
  sanitiseContent,
  type CandidateItem,
  type ContentElement,
  type ContentNode,
} from '../../../item-bank/client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { INTERACTIONS } from './interactions/index.ts';

interface Props {
  item: unknown;
  responses: ItemResponses | undefined;
  onChange(responses: ItemResponses): void;
  /** Runs a code task's visible tests on the engine (absent where no exam connection exists). */
  onRunCode?(responseIdentifier: string, code: string): Promise<RunCodeAck>;
  /** The URL of a portable custom interaction's sandboxed frame (absent where no exam session exists). */
  onOpenPciFrame?(responseIdentifier: string): Promise<string>;
}

export interface ItemContextValue {
  item: CandidateItem;
  responses: ItemResponses;
  set(identifier: string, value: ItemResponses[string]): void;
  /** Sets several responses at once (a PCI's response and its state). */
  update(patch: ItemResponses): void;
  runCode?(responseIdentifier: string, code: string): Promise<RunCodeAck>;
  openPciFrame?(responseIdentifier: string): Promise<string>;
}

export const ItemContext = createContext<ItemContextValue | undefined>(undefined);
export const useItem = () => useContext(ItemContext)!;

const HTML_TAGS = new Set([
  'p',
  'div',
  'span',
  'strong',
  'em',
  'b',
  'i',
  'u',
  'sub',
  'sup',
  'br',
  'hr',
  'img',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'code',
  'pre',
  'kbd',
  'var',
  'samp',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'q',
  'cite',
  'abbr',
  'figure',
  'figcaption',
  'audio',
  'video',
  'source',
  'track',
  'small',
  'big',
  'address',
  'col',
  'colgroup',
  'label',
  'a',
  'section',
  'article',
]);
const HTML_ATTRIBUTES: Record<string, string> = {
  class: 'className',
  src: 'src',
  alt: 'alt',
  width: 'width',
  height: 'height',
  colspan: 'colSpan',
  rowspan: 'rowSpan',
  title: 'title',
  lang: 'lang',
  'xml:lang': 'lang',
  dir: 'dir',
  controls: 'controls',
  type: 'type',
  start: 'start',
  scope: 'scope',
  href: 'href',
};

function htmlProps(e: ContentElement, key: number) {
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(e.attributes)) {
    const prop = HTML_ATTRIBUTES[name];
    if (!prop) continue;
    if (prop === 'href' && !/^https?:/i.test(value)) continue;
    props[prop] = prop === 'controls' ? true : value;
  }
  if (e.name === 'a') props.target = '_blank';
  return props;
}

/** Elements an interaction draws itself inside its content (gaps, hottext), by name. */
export type InlineRenderers = Record<string, (element: ContentElement, key: number) => ReactNode>;

export function renderNodes(nodes: ContentNode[], inline?: InlineRenderers): ReactNode[] {
  return nodes.map((node, key) => renderNode(node, key, inline));
}

const MEDIA_TAGS = new Set(['img', 'audio', 'video', 'source']);

/** An img/audio/video/source whose engine media URL is swapped for a blob: URL once fetched. */
function EngineMedia({
  tag,
  props,
  children,
}: {
  tag: string;
  props: Record<string, unknown>;
  children: ReactNode[];
}) {
  const src = useMediaUrl(props.src as string | undefined);
  return createElement(tag, { ...props, src, key: src ? 'ready' : 'loading' }, ...children);
}

function renderNode(node: ContentNode, key: number, inline?: InlineRenderers): ReactNode {
  if (node.kind === 'text') return node.text;
  const custom = inline?.[node.name];
  if (custom) return custom(node, key);
  if (node.ns === 'math') {
    const props: Record<string, unknown> = { key };
    for (const [k, v] of Object.entries(node.attributes))
      if (!k.startsWith('on') && !k.includes(':')) props[k] = v;
    return createElement(node.name, props, ...renderNodes(node.children, inline));
  }
  if (node.ns === 'html') {
    if (node.name === 'object' && /^image\//.test(node.attributes.type ?? '')) {
      const { data = '', width, height, title } = node.attributes;
      const alt = node.attributes.alt ?? title ?? textOf(node);
      return <EngineMedia key={key} tag="img" props={{ src: data, width, height, alt }} children={[]} />;
    }
    if (!HTML_TAGS.has(node.name)) return <span key={key}>{renderNodes(node.children, inline)}</span>;
    const props = htmlProps(node, key);
    const children = ['br', 'hr', 'img', 'source', 'track', 'col'].includes(node.name)
      ? []
      : renderNodes(node.children, inline);
    if (MEDIA_TAGS.has(node.name)) {
      delete props.key;
      return <EngineMedia key={key} tag={node.name} props={props} children={children} />;
    }
    return createElement(node.name, props, ...children);
  }
  const Interaction = INTERACTIONS[node.name];
  if (Interaction) return <Interaction key={key} element={node} />;
  if (node.name === 'prompt')
    return (
      <p key={key} className="prompt">
        {renderNodes(node.children, inline)}
      </p>
    );
  if (['itemBody', 'rubricBlock', 'div', 'interactionMarkup'].includes(node.name))
    return <div key={key}>{renderNodes(node.children, inline)}</div>;
  return <span key={key}>{renderNodes(node.children, inline)}</span>;
}

const textOf = (n: ContentNode): string => (n.kind === 'text' ? n.text : n.children.map(textOf).join(''));

export function ItemView({ item, responses, onChange, onRunCode, onOpenPciFrame }: Props) {
  const { t } = useI18n();
  // The engine sanitised the payload already; the page applies the same allow-list again before
  // anything reaches the DOM, so markup stored before a sanitiser fix cannot escape either.
  const body = useMemo(() => (item ? sanitiseContent((item as CandidateItem).body.children) : []), [item]);
  if (!item) return <p>{t('exam.loadingItem')}</p>;
  const candidateItem = item as CandidateItem;
  const current = responses ?? {};
  const value: ItemContextValue = {
    item: candidateItem,
    responses: current,
    set: (identifier, v) => onChange({ ...current, [identifier]: v }),
    update: (patch) => onChange({ ...current, ...patch }),
    ...(onRunCode ? { runCode: onRunCode } : {}),
    ...(onOpenPciFrame ? { openPciFrame: onOpenPciFrame } : {}),
  };
  return (
    <ItemContext.Provider value={value}>
      <div className="item-body" lang={candidateItem.language}>
        {renderNodes(body)}
      </div>
    </ItemContext.Provider>
  );
}
