/**
 * Nesting-depth and node budgets of the XML parser (issue 26, finding 2): a 1.1 MB item of
 * 100,000 nested <div> froze the engine for minutes (saxes walks the open elements for every
 * namespace lookup, so time grew with depth squared). It is now refused at the budget, with the
 * file, line and problem, in milliseconds; normal items parse as before.
 */
import { describe, expect, it } from 'vitest';
import { readCorpusFile } from '../test/corpus.ts';
import { parseItemXml } from './parse-item.ts';
import { parseTestXml } from './parse-test.ts';
import { DEFAULT_XML_LIMITS, parseXmlTree, XmlBudgetError } from './xml-tree.ts';

const QTI3 = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const item = (body: string) =>
  `<qti-assessment-item xmlns="${QTI3}" identifier="deep" title="Deep">\n<qti-item-body>\n${body}\n</qti-item-body>\n</qti-assessment-item>`;

describe('XML budgets (issue 26, finding 2)', () => {
  it('refuses a 1.1 MB item of 100,000 nested <div> at the depth budget, naming file, line and problem, at once', () => {
    const n = 100_000;
    const xml = item(`${'<div>\n'.repeat(n)}x${'</div>'.repeat(n)}`);
    expect(xml.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const { item: parsed, problems } = parseItemXml(xml, 'bomb/deep.xml');
    const ms = performance.now() - started;
    expect(parsed).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'bomb/deep.xml',
        severity: 'error',
        code: 'xml-too-deep',
        // The root and itemBody are 2 levels; the 199th <div> is one too many, on line 2 + 199.
        line: 201,
        message: expect.stringMatching(/nested more than 200 deep \(<div> at line 201, column 1\)/),
      }),
    ]);
    // Minutes before; a few milliseconds now. The bound is generous for a loaded CI machine.
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses a document with more nodes than the budget, and the budget can be set by the caller', () => {
    const flat = item('<b/>'.repeat(DEFAULT_XML_LIMITS.maxNodes + 1));
    const { problems } = parseItemXml(flat, 'bomb/flat.xml');
    expect(problems).toEqual([
      expect.objectContaining({ code: 'xml-too-many-nodes', file: 'bomb/flat.xml', severity: 'error' }),
    ]);
    expect(problems[0]!.message).toMatch(/more than 250000 elements and text runs \(reached at line 3\)/);
    const small = parseItemXml(item('<p>a</p><p>b</p>'), 'small.xml', { xmlLimits: { maxNodes: 5 } });
    expect(small.problems.map((p) => p.code)).toEqual(['xml-too-many-nodes']);
    const shallow = parseTestXml(
      '<assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"><a><b/></a></assessmentTest>',
      'test.xml',
      { xmlLimits: { maxDepth: 2 } },
    );
    expect(shallow.problems.map((p) => p.code)).toEqual(['xml-too-deep']);
    expect(() => parseXmlTree('<a><b><c/></b></a>', 'x.xml', { maxDepth: 2 })).toThrow(XmlBudgetError);
  });

  it('still parses normal items, and items nested right up to the budget', () => {
    const normal = parseItemXml(
      readCorpusFile('qti-sdk/test/samples/ims/items/2_1/choice.xml'),
      'choice.xml',
    );
    expect(normal.item?.interactions.map((i) => i.type)).toEqual(['choiceInteraction']);
    expect(normal.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const depth = DEFAULT_XML_LIMITS.maxDepth - 2;
    const deepest = parseItemXml(item(`${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`), 'ok.xml');
    expect(deepest.problems.filter((p) => p.severity === 'error').map((p) => p.code)).not.toContain(
      'xml-too-deep',
    );
    expect(deepest.item).toBeDefined();
  });
});
