/**
 * The stem editor: an editable area with bold, italic, underline, lists, tables, pictures and
 * formulas. The teacher types LaTeX; temml turns it into MathML, which is what the item stores
 * (the LaTeX rides along as a MathML annotation so it can be edited again). What the browser
 * produces is read back through an allow-list into the authoring content model, never as HTML.
 */
import { useEffect, useRef, useState } from 'react';
import temml from 'temml';
import type { AuthoringContentNode } from '../../../item-bank/client.ts';
import { useT } from '../i18n.tsx';
import { html, text, type MediaFileState } from './editor-item.ts';
import { readImageFile } from './media.ts';

const MATHML = 'http://www.w3.org/1998/Math/MathML';
/** Browser tags kept, and what they are stored as. */
const KEPT: Record<string, string> = {
  p: 'p',
  div: 'p',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  u: 'u',
  sub: 'sub',
  sup: 'sup',
  br: 'br',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tr: 'tr',
  td: 'td',
  th: 'th',
  img: 'img',
};
const BLOCKS = new Set(['p', 'ul', 'ol', 'table']);
const MATH_ATTRIBUTES =
  /^(display|mathvariant|encoding|stretchy|fence|separator|form|lspace|rspace|accent|columnalign|rowspacing|columnspacing|linethickness|width|height|depth|scriptlevel|displaystyle|movablelimits|largeop|symmetric|minsize|maxsize|notation)$/;

function mathFromDom(e: Element): AuthoringContentNode {
  const attributes: Record<string, string> = {};
  for (const a of Array.from(e.attributes)) if (MATH_ATTRIBUTES.test(a.name)) attributes[a.name] = a.value;
  return {
    kind: 'element',
    name: e.localName,
    ns: 'math',
    attributes,
    children: Array.from(e.childNodes).flatMap((c) =>
      c.nodeType === Node.TEXT_NODE
        ? [text(c.textContent ?? '')]
        : c.nodeType === Node.ELEMENT_NODE
          ? [mathFromDom(c as Element)]
          : [],
    ),
  };
}

function fromDom(node: Node): AuthoringContentNode[] {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ? [text(node.textContent)] : [];
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const e = node as Element;
  if (e.namespaceURI === MATHML && e.localName === 'math') return [mathFromDom(e)];
  const children = Array.from(e.childNodes).flatMap(fromDom);
  const name = KEPT[e.localName];
  if (!name) return children;
  if (name === 'img') {
    const href = e.getAttribute('data-href');
    if (!href) return [];
    const attributes: Record<string, string> = { src: href, alt: e.getAttribute('alt') ?? '' };
    for (const size of ['width', 'height'])
      if (e.getAttribute(size)) attributes[size] = e.getAttribute(size)!;
    return [html('img', attributes)];
  }
  const attributes: Record<string, string> = {};
  for (const span of ['colspan', 'rowspan'])
    if (e.getAttribute(span)) attributes[span] = e.getAttribute(span)!;
  if (name === 'th' && e.getAttribute('scope')) attributes.scope = e.getAttribute('scope')!;
  return [html(name, attributes, children)];
}

/** The editable area's content as stem blocks: loose inline content is gathered into paragraphs. */
export function stemFromDom(root: Element): AuthoringContentNode[] {
  const out: AuthoringContentNode[] = [];
  let loose: AuthoringContentNode[] = [];
  const flush = () => {
    if (loose.some((n) => n.kind === 'element' || n.text.trim())) out.push(html('p', {}, loose));
    loose = [];
  };
  for (const n of Array.from(root.childNodes).flatMap(fromDom)) {
    if (n.kind === 'element' && BLOCKS.has(n.name)) {
      flush();
      out.push(n);
    } else loose.push(n);
  }
  flush();
  return out.length ? out : [html('p', {}, [])];
}

function toDom(node: AuthoringContentNode, media: Record<string, MediaFileState>): Node {
  if (node.kind === 'text') return document.createTextNode(node.text);
  if (node.ns === 'math') {
    const e = document.createElementNS(MATHML, node.name);
    for (const [k, v] of Object.entries(node.attributes)) e.setAttribute(k, v);
    for (const c of node.children) e.appendChild(toDom(c, media));
    if (node.name !== 'math') return e;
    const wrap = document.createElement('span');
    wrap.className = 'math';
    wrap.contentEditable = 'false';
    wrap.appendChild(e);
    return wrap;
  }
  const e = document.createElement(node.name === 'p' || KEPT[node.name] ? node.name : 'span');
  if (node.name === 'img') {
    const href = node.attributes.src ?? '';
    const file = media[href];
    e.setAttribute('data-href', href);
    e.setAttribute('src', file ? `data:${file.contentType};base64,${file.data}` : href);
    for (const k of ['alt', 'width', 'height'])
      if (node.attributes[k]) e.setAttribute(k, node.attributes[k]!);
    return e;
  }
  for (const [k, v] of Object.entries(node.attributes)) e.setAttribute(k, v);
  for (const c of node.children) e.appendChild(toDom(c, media));
  return e;
}

/** MathML of a LaTeX formula, with the LaTeX kept as its annotation. */
export function latexToMathml(latex: string): string {
  return temml.renderToString(latex, { annotate: true, throwOnError: true, xml: true });
}

export function RichTextEditor({
  id,
  label,
  value,
  media,
  onChange,
  onAddMedia,
}: {
  id: string;
  label: string;
  value: AuthoringContentNode[];
  media: Record<string, MediaFileState>;
  onChange(next: AuthoringContentNode[]): void;
  onAddMedia(href: string, file: MediaFileState): void;
}) {
  const { t } = useT();
  const area = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [latex, setLatex] = useState('');
  const [latexError, setLatexError] = useState('');
  const [rows, setRows] = useState(2);
  const [cols, setCols] = useState(2);

  // Fill the area once (and when another item is loaded): typing must not re-render its DOM.
  const loadedFor = useRef<unknown>(null);
  useEffect(() => {
    const root = area.current;
    if (!root || loadedFor.current === id) return;
    loadedFor.current = id;
    root.replaceChildren(...value.map((n) => toDom(n, media)));
  }, [id, value, media]);

  const emit = () => {
    if (area.current) onChange(stemFromDom(area.current));
  };
  const remember = () => {
    const selection = document.getSelection();
    if (selection?.rangeCount && area.current?.contains(selection.anchorNode))
      saved.current = selection.getRangeAt(0).cloneRange();
  };
  /** Inserts a node where the caret was (or at the end), then reports the change. */
  const insert = (node: Node) => {
    const root = area.current!;
    const range = saved.current;
    if (range && root.contains(range.startContainer)) {
      range.deleteContents();
      range.insertNode(node);
      range.setStartAfter(node);
      range.collapse(true);
      saved.current = range;
    } else {
      root.appendChild(node);
    }
    emit();
  };
  const format = (command: string) => {
    area.current?.focus();
    if (saved.current) {
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(saved.current);
    }
    // execCommand is the browser's own editing engine for contenteditable (still supported for these).
    document.execCommand(command);
    emit();
  };
  const insertTable = () => {
    const table = document.createElement('table');
    const body = document.createElement('tbody');
    for (let r = 0; r < Math.max(1, rows); r++) {
      const tr = document.createElement('tr');
      for (let c = 0; c < Math.max(1, cols); c++) {
        const td = document.createElement('td');
        td.textContent = '…';
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    insert(table);
  };
  const insertMath = () => {
    try {
      const wrap = document.createElement('span');
      wrap.className = 'math';
      wrap.contentEditable = 'false';
      wrap.innerHTML = latexToMathml(latex);
      setLatexError('');
      insert(wrap);
      setLatex('');
    } catch (error) {
      setLatexError(t('ie.rt.badLatex', { message: (error as Error).message }));
    }
  };
  const insertImage = async (file: File) => {
    const picture = await readImageFile(file);
    onAddMedia(picture.href, { contentType: picture.contentType, data: picture.data });
    const img = document.createElement('img');
    img.setAttribute('data-href', picture.href);
    img.src = `data:${picture.contentType};base64,${picture.data}`;
    img.alt = file.name.replace(/\.[^.]+$/, '');
    img.width = Math.min(picture.width, 480);
    insert(img);
  };

  return (
    <div className="rich-text">
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="rt-toolbar" role="toolbar" aria-label={t('ie.rt.toolbar')}>
        <button
          type="button"
          className="secondary small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => format('bold')}
        >
          <strong>B</strong> <span className="sr-only">{t('ie.rt.bold')}</span>
        </button>
        <button
          type="button"
          className="secondary small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => format('italic')}
        >
          <em>I</em> <span className="sr-only">{t('ie.rt.italic')}</span>
        </button>
        <button
          type="button"
          className="secondary small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => format('underline')}
        >
          <u>U</u> <span className="sr-only">{t('ie.rt.underline')}</span>
        </button>
        <button
          type="button"
          className="secondary small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => format('insertUnorderedList')}
        >
          {t('ie.rt.bullets')}
        </button>
        <button
          type="button"
          className="secondary small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => format('insertOrderedList')}
        >
          {t('ie.rt.numbers')}
        </button>
        <span className="rt-group">
          <label>
            {t('ie.rt.rows')}{' '}
            <input
              type="number"
              min={1}
              max={20}
              value={rows}
              onChange={(e) => setRows(Number(e.target.value))}
            />
          </label>
          <label>
            {t('ie.rt.cols')}{' '}
            <input
              type="number"
              min={1}
              max={10}
              value={cols}
              onChange={(e) => setCols(Number(e.target.value))}
            />
          </label>
          <button type="button" className="secondary small" onClick={insertTable}>
            {t('ie.rt.table')}
          </button>
        </span>
        <label className="secondary small file-button">
          {t('ie.rt.image')}
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif,image/svg+xml,image/webp"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void insertImage(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <div
        ref={area}
        id={id}
        className="rt-area"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={`${id}-label`}
        tabIndex={0}
        onInput={emit}
        onBlur={() => {
          remember();
          emit();
        }}
        onKeyUp={remember}
        onMouseUp={remember}
      />
      <div className="rt-math">
        <label className="field grow">
          {t('ie.rt.latex')}
          <input
            value={latex}
            placeholder="\frac{-b \pm \sqrt{b^2-4ac}}{2a}"
            onChange={(e) => setLatex(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                insertMath();
              }
            }}
          />
        </label>
        <button type="button" className="secondary" onClick={insertMath} disabled={!latex.trim()}>
          {t('ie.rt.insertMath')}
        </button>
        {latex.trim() && !latexError && <LatexPreview latex={latex} />}
        {latexError && (
          <p className="error" role="alert">
            {latexError}
          </p>
        )}
      </div>
    </div>
  );
}

function LatexPreview({ latex }: { latex: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    try {
      ref.current.innerHTML = latexToMathml(latex);
    } catch {
      ref.current.textContent = '…';
    }
  }, [latex]);
  return <span ref={ref} className="latex-preview" aria-hidden="true" />;
}
