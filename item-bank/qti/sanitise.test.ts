/**
 * The content sanitiser against mutation-XSS and namespace-confusion vectors (issue 26, finding 3):
 * each vector goes in as an item file, through the parser (import), the store's sanitising (save)
 * and the browser-side sanitiser (render), and nothing that can run script, frame or load a page,
 * submit, navigate or restyle the page may come out anywhere: the model, the candidate payload or
 * the QTI written back. Legitimate QTI, MathML and SVG content comes out unchanged.
 */
import { describe, expect, it } from 'vitest';
import { toCandidateItem } from '../candidate/project-item.ts';
import { DANGEROUS_ELEMENTS, SVG_NAMESPACE } from '../model/content-allow-list.ts';
import type { ContentElement, ContentNode } from '../model/content.ts';
import { sanitiseContent, sanitiseItemContent, sanitiseStyle, unsafeUrl } from '../model/sanitise-content.ts';
import { corpusIndex, readCorpusFile } from '../test/corpus.ts';
import { HEADS, VECTORS, vectorItem as item } from '../test/mxss-vectors.ts';
import { parseItemXml } from './parse-item.ts';
import { sanitiseItemForStorage, sanitiseItemXml } from './sanitise-item.ts';
import { writeItemXml } from './write-item.ts';

const DENIED_ATTRIBUTE = /^(on|srcdoc$|formaction$|action$|http-equiv$|xml:base$)/i;
// eslint-disable-next-line no-control-regex
const compact = (v: string) => v.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();

/** Every way a content tree could still be dangerous; empty when it is safe. */
function dangers(nodes: ContentNode[]): string[] {
  const found: string[] = [];
  const visit = (list: ContentNode[], inMath: boolean, inSvg: boolean) => {
    for (const n of list) {
      if (n.kind === 'text') continue;
      const svg = n.namespace === SVG_NAMESPACE;
      const where = `<${n.ns}:${n.name}>`;
      // A title is only dangerous as XHTML (SVG's is a tooltip; the candidate payload drops namespaces).
      if (DANGEROUS_ELEMENTS.has(n.name.toLowerCase()) && !(n.ns === 'other' && n.name === 'title'))
        found.push(where);
      if (n.ns === 'math' && !inMath && n.name !== 'math') found.push(`${where} outside math`);
      if (inMath && n.ns !== 'math') found.push(`${where} inside math`);
      if (svg && !inSvg && n.name !== 'svg') found.push(`${where} outside svg`);
      if (n.ns === 'html' && n.name === 'object' && !/^(image|audio|video)\//.test(n.attributes.type ?? ''))
        found.push(`${where} embedding a page`);
      for (const [k, v] of Object.entries(n.attributes)) {
        const local = k.slice(k.indexOf(':') + 1);
        if (DENIED_ATTRIBUTE.test(local) || k === 'xml:base') found.push(`${where} ${k}`);
        if (/javascript:|vbscript:|data:text|data:image\/svg|file:/.test(compact(v)))
          found.push(`${where} ${k}=${v}`);
        if (k === 'style' && /url\(|expression|position:(fixed|sticky)|\\|\/\*/.test(compact(v)))
          found.push(`${where} style=${v}`);
        if (k === 'target' && v !== '_blank') found.push(`${where} target=${v}`);
        if (svg && /href$/.test(k) && n.name !== 'image' && !v.startsWith('#'))
          found.push(`${where} ${k}=${v}`);
        if (svg && /url\(/.test(v) && !/^url\(#/.test(v.trim())) found.push(`${where} ${k}=${v}`);
      }
      visit(n.children, inMath || n.ns === 'math', inSvg || svg);
    }
  };
  visit(nodes, false, false);
  return found;
}

const DANGEROUS_XML =
  /<([a-z]+:)?(script|iframe|form|base|meta|embed|foreignObject|annotation-xml|mglyph|style|link|animate|set|noscript|template|xmp)[\s/>]|\son[a-z-]*=|srcdoc=|formaction=|http-equiv=|javascript:|vbscript:|data:text|position:\s*fixed|xml:base/i;

describe('the content sanitiser against mutation-XSS vectors (issue 26, finding 3)', () => {
  for (const [name, body] of Object.entries(VECTORS)) {
    it(`nothing dangerous survives: ${name}`, () => {
      const xml = item(body, HEADS[name]);
      // On import: the parser's model.
      const { item: parsed, problems } = parseItemXml(xml, 'vector.xml');
      expect(parsed, JSON.stringify(problems)).toBeDefined();
      const content = [parsed!.body, ...parsed!.modalFeedback.flatMap((f) => f.content)];
      expect(dangers(content)).toEqual([]);
      expect(parsed!.stylesheets.filter((s) => /^\s*([a-z]+:|\/\/)/i.test(s))).toEqual([]);
      // Each removal is a warning with a place, never an error: the rest of the item still imports.
      const warnings = problems.filter((p) => p.code === 'unsafe-content-removed');
      expect(warnings.length).toBeGreaterThan(0);
      for (const w of warnings)
        expect([w.severity, w.file, w.line > 0]).toEqual(['warning', 'vector.xml', true]);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      // The candidate payload and the QTI written back are clean too.
      expect(dangers([toCandidateItem(parsed!).body])).toEqual([]);
      expect(writeItemXml(parsed!)).not.toMatch(DANGEROUS_XML);
      // On save: the raw XML a caller hands the store is rewritten from the sanitised model.
      const stored = sanitiseItemForStorage({ qtiXml: xml, model: parsed });
      expect(stored.qtiXml).not.toMatch(DANGEROUS_XML);
      expect(parseItemXml(stored.qtiXml).problems.filter((p) => p.code === 'unsafe-content-removed')).toEqual(
        [],
      );
    });
  }

  it('on render: a hostile tree that never went through the parser is cleaned by the exported sanitiser', () => {
    const el = (
      name: string,
      ns: ContentElement['ns'],
      attributes: Record<string, string> = {},
      children: ContentNode[] = [],
    ) => ({ kind: 'element', name, ns, attributes, children }) as ContentElement;
    const hostile: ContentNode[] = [
      el('iframe', 'math', { src: 'https://evil.example/' }),
      el('meta', 'math', { 'http-equiv': 'refresh', content: '0;url=https://evil.example/' }),
      el('form', 'math', { action: 'https://evil.example/' }, [el('input', 'math', { type: 'password' })]),
      el('mi', 'math', {}, [{ kind: 'text', text: 'x' }]),
      el('p', 'html', { onclick: 'alert(1)', style: 'position:fixed' }, [{ kind: 'text', text: 'ok' }]),
      el('a', 'html', { href: 'javascript:alert(1)' }, [{ kind: 'text', text: 'link' }]),
      el('choiceInteraction', 'qti', { responseIdentifier: 'R', onfocus: 'alert(1)' }),
    ];
    const clean = sanitiseContent(hostile);
    expect(dangers(clean)).toEqual([]);
    expect(clean).toEqual([
      { kind: 'text', text: 'x' },
      { kind: 'element', name: 'p', ns: 'html', attributes: {}, children: [{ kind: 'text', text: 'ok' }] },
      { kind: 'element', name: 'a', ns: 'html', attributes: {}, children: [{ kind: 'text', text: 'link' }] },
      {
        kind: 'element',
        name: 'choiceInteraction',
        ns: 'qti',
        attributes: { responseIdentifier: 'R' },
        children: [],
      },
    ]);
    // A stored model (what the engine serves) is cleaned the same way, other fields untouched.
    const model = { identifier: 'i', body: el('itemBody', 'qti', {}, hostile), modalFeedback: [] };
    const cleaned = sanitiseItemContent(model);
    expect(cleaned.identifier).toBe('i');
    expect(dangers([cleaned.body])).toEqual([]);
  });

  it('on render, server side: toCandidateItem cleans a model stored before the allow-list existed', () => {
    const { item: parsed } = parseItemXml(item('<p>ok</p>'), 'legacy.xml');
    const legacy = {
      ...parsed!,
      stylesheets: ['style.css', 'https://evil.example/x.css'],
      body: {
        ...parsed!.body,
        children: [
          ...parsed!.body.children,
          {
            kind: 'element',
            name: 'iframe',
            ns: 'math',
            attributes: { src: 'https://evil.example/' },
            children: [],
          },
          {
            kind: 'element',
            name: 'meta',
            ns: 'math',
            attributes: { 'http-equiv': 'refresh' },
            children: [],
          },
        ],
      } as ContentElement,
    };
    const candidate = toCandidateItem(legacy);
    expect(dangers([candidate.body])).toEqual([]);
    expect(JSON.stringify(candidate.body)).not.toMatch(/iframe|refresh/);
    expect(JSON.stringify(candidate.body)).toContain('choiceInteraction');
    expect(candidate.stylesheets).toEqual(['style.css']);
  });

  it('unwraps an element holding 200,000 children without overflowing the stack', () => {
    const b: ContentNode = { kind: 'element', name: 'b', ns: 'html', attributes: {}, children: [] };
    const children = Array.from({ length: 200_000 }, () => b);
    const blink: ContentNode = { kind: 'element', name: 'blink', ns: 'html', attributes: {}, children };
    expect(sanitiseContent([blink])).toHaveLength(200_000);
  });

  it('checks URLs and styles the way a browser reads them', () => {
    for (const bad of [
      'javascript:x',
      ' java\tscript:x',
      '\u0001javascript:x',
      'JAVASCRIPT:x',
      'vbscript:x',
      'data:text/html,x',
      'data:image/svg+xml,x',
      'file:///etc/passwd',
    ])
      expect(unsafeUrl(bad), bad).toBeDefined();
    for (const good of [
      'a.png',
      'images/b c.png',
      '#x',
      '?q=1',
      '//cdn.example/x.png',
      'https://x.example/',
      'mailto:a@b.vn',
      'data:image/png;base64,AAAA',
    ])
      expect(unsafeUrl(good), good).toBeUndefined();
    expect(sanitiseStyle('color: red; font-weight: bold')).toBe('color: red; font-weight: bold');
    expect(sanitiseStyle('background-image: url(img/bg.png)')).toBe('background-image: url(img/bg.png)');
    expect(sanitiseStyle('color:red; position:fixed; top:0')).toBe('color:red; top:0');
    for (const bad of [
      'background:url(javascript:x)',
      'background:url(https://evil.example/t.png)',
      'x:expression(1)',
      '@import "x.css"',
      'background:u\\72l(x)',
      'a:b/**/',
      '-moz-binding:url(x)',
    ])
      expect(sanitiseStyle(bad), bad).toBeUndefined();
  });
});

describe('legitimate content survives the sanitiser unchanged', () => {
  const LEGITIMATE = `
    <div class="stem" style="text-align: center; color: #333"><p>Tính <strong>diện tích</strong> <em>hình tròn</em>
      bán kính <span lang="vi">r</span>:</p>
      <m:math display="block" alttext="S = pi r squared"><m:semantics><m:mrow><m:mi>S</m:mi><m:mo>=</m:mo>
        <m:mi mathvariant="normal">π</m:mi><m:msup><m:mi>r</m:mi><m:mn>2</m:mn></m:msup><m:mo>+</m:mo>
        <m:mfrac linethickness="1px"><m:mn>1</m:mn><m:msqrt><m:mn>2</m:mn></m:msqrt></m:mfrac>
        <m:mtable columnalign="left"><m:mtr><m:mtd><m:mtext>a</m:mtext></m:mtd></m:mtr></m:mtable>
        <m:mfenced open="(" close=")"><m:mi>x</m:mi></m:mfenced></m:mrow>
        <m:annotation encoding="application/x-tex">S = \\pi r^2</m:annotation></m:semantics></m:math>
      <svg:svg width="120" height="80" viewBox="0 0 120 80" role="img" aria-label="Hình tròn">
        <svg:title>Hình tròn bán kính r</svg:title>
        <svg:defs><svg:linearGradient id="g"><svg:stop offset="0" stop-color="#fff"/></svg:linearGradient>
          <svg:circle id="c" r="30"/></svg:defs>
        <svg:use href="#c" x="60" y="40" fill="url(#g)" stroke="black" stroke-width="2"/>
        <svg:path d="M10 10 L110 10" stroke-dasharray="4 2"/>
        <svg:text x="60" y="75" text-anchor="middle" font-size="10">r = 3 cm</svg:text>
        <svg:image href="hinh/tron.png" x="0" y="0" width="10" height="10"/>
      </svg:svg>
      <img src="hinh/tron.png" alt="Hình tròn" width="120" height="80"/>
      <img src="data:image/png;base64,iVBORw0KGgo=" alt="chấm"/>
      <a href="https://vi.wikipedia.org/wiki/H%C3%ACnh_tr%C3%B2n" target="_blank">Wikipedia</a>
      <table summary="Bảng"><thead><tr><th scope="col">r</th></tr></thead><tbody><tr><td colspan="1">3</td></tr></tbody></table>
      <object data="hinh/do-thi.png" type="image/png" width="100" height="50" alt="Đồ thị">Đồ thị</object>
      <audio src="nghe/bai1.mp3" controls="controls"/>
      <ruby>漢<rt>kan</rt></ruby>
      <div data-x="1" aria-hidden="true" id="d1" xml:lang="en" dir="ltr" title="t">x</div>
    </div>
    <qti-text-entry-interaction response-identifier="R2" expected-length="5" pattern-mask="[0-9]+" data-unit="cm"/>
    <qti-printed-variable identifier="SCORE" format="%.1f"/>`;

  it('MathML, SVG, XHTML and QTI content: no warning, and sanitising the model again changes nothing', () => {
    const { item: parsed, problems } = parseItemXml(item(LEGITIMATE), 'legit.xml');
    expect(problems.filter((p) => p.code === 'unsafe-content-removed')).toEqual([]);
    expect(sanitiseContent([parsed!.body])).toEqual([parsed!.body]);
    const text = JSON.stringify(parsed!.body);
    for (const kept of [
      'mfrac',
      'msqrt',
      'mtable',
      'mfenced',
      'annotation',
      'linearGradient',
      '"use"',
      '#c',
      'url(#g)',
      'hinh/tron.png',
      'data:image/png',
      '_blank',
      'ruby',
      'textEntryInteraction',
      'printedVariable',
      'text-align: center',
    ])
      expect(text).toContain(kept);
    // Saving XML with nothing to remove keeps it byte for byte.
    expect(sanitiseItemXml(item(LEGITIMATE))).toBe(item(LEGITIMATE));
  });

  it('the shared corpus: only text/html objects, PCI scripts and a stray XHTML <markup> wrapper go; idempotent', () => {
    const removed = new Set<string>();
    const entries = corpusIndex().filter((e, i) => e.kind === 'item' && e.wellFormed && i % 3 === 0);
    for (const entry of entries) {
      const { item: parsed, problems } = parseItemXml(readCorpusFile(entry.path), entry.path);
      for (const p of problems)
        if (p.code === 'unsafe-content-removed') removed.add(p.message.replace(/:.*/, ''));
      if (parsed) expect(sanitiseContent([parsed.body])).toEqual([parsed.body]);
    }
    expect(entries.length).toBeGreaterThan(300);
    expect(
      [...removed].every((m) => /^<(object|script|markup)> was removed/.test(m)),
      [...removed].join('\n'),
    ).toBe(true);
  });
});
