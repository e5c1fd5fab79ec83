import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCandidateItem } from '../candidate/project-item.ts';
import { walkContent } from '../model/content.ts';
import { corpusIndex, readCorpusFile } from '../test/corpus.ts';
import rejections from '../test/corpus-rejections.json' with { type: 'json' };
import { parseItemXml } from './parse-item.ts';

const items = corpusIndex().filter((e) => e.kind === 'item');
const textOf = (node: { kind: string; text?: string; children?: unknown[] }): string =>
  node.kind === 'text'
    ? (node.text ?? '')
    : ((node.children ?? []) as Array<typeof node>).map(textOf).join('');

describe('QTI items of the shared corpus', () => {
  it(`reads all ${items.length} items: each imports, or is rejected with errors listed in corpus-rejections.json`, () => {
    const rejected: Record<string, string[]> = {};
    for (const entry of items) {
      const { item, problems } = parseItemXml(readCorpusFile(entry.path), entry.path);
      const errors = problems.filter((p) => p.severity === 'error');
      for (const p of problems) {
        expect(p.file).toBe(entry.path);
        expect(p.line).toBeGreaterThan(0);
        expect(p.message.length).toBeGreaterThan(10);
      }
      if (errors.length)
        rejected[entry.path] = errors.map((e) => `${e.line}:${e.column} ${e.code}: ${e.message}`);
      else expect(item?.identifier, entry.path).toBeTruthy();
    }
    if (process.env.UPDATE_CORPUS_REJECTIONS)
      writeFileSync(
        new URL('../test/corpus-rejections.json', import.meta.url),
        `${JSON.stringify(rejected, null, 2)}\n`,
      );
    expect(rejected).toEqual(rejections);
  });

  it('parses QTI 2.x and 3.0 into the same model (choice item in both spellings)', () => {
    const v21 = parseItemXml(readCorpusFile('qti-sdk/test/samples/ims/items/2_1/choice.xml')).item!;
    const v3 = parseItemXml(readCorpusFile('1EdTech-qti-examples/QTI3_BPIG_Examples/items/BG007.xml')).item!;
    expect(v21.qtiVersion).toBe('2.1');
    expect(v21.interactions).toEqual([
      expect.objectContaining({
        type: 'choiceInteraction',
        responseIdentifier: 'RESPONSE',
        choices: ['ChoiceA', 'ChoiceB', 'ChoiceC'],
      }),
    ]);
    expect(v21.responseProcessing?.template).toBe('match_correct');
    expect(v3.qtiVersion).toBe('3.0');
    expect(v3.interactions.map((i) => i.type)).toEqual(['choiceInteraction']);
    expect(v3.responseProcessing?.template).toBe('match_correct');
    expect(v3.declarations.find((d) => d.identifier === 'RESPONSE')).toMatchObject({
      kind: 'response',
      baseType: 'identifier',
    });
    expect(v3.declarations.find((d) => d.identifier === 'SCORE')).toMatchObject({
      kind: 'outcome',
      baseType: 'float',
      cardinality: 'single',
    });
  });

  it('no key, mapping, processing, feedback or scorer rubric survives the candidate projection of any corpus item', () => {
    let checked = 0;
    for (const entry of items) {
      const { item } = parseItemXml(readCorpusFile(entry.path), entry.path);
      if (!item) continue;
      const projected = toCandidateItem(item, {
        orderChoices: ({ choices }) => choices.map((c) => c.identifier).reverse(),
      });
      const json = JSON.stringify(projected);
      for (const banned of [
        'correctResponse',
        'mapping',
        'areaMapping',
        'responseProcessing',
        'modalFeedback',
        'feedbackInline',
        'feedbackBlock',
        'mapEntry',
        'outcomeDeclaration',
      ]) {
        expect(json, `${entry.path} leaks ${banned}`).not.toContain(`"name":"${banned}"`);
      }
      for (const e of walkContent([projected.body])) {
        if (e.name === 'rubricBlock') expect(e.attributes.view, entry.path).toContain('candidate');
      }
      expect(json).not.toMatch(/"line":\d/);
      // Free-text keys (text entry answers, mapped strings) appear only if the visible content itself shows them.
      const visibleText = `${projected.title} ${textOf(projected.body as never)}`.toLowerCase();
      for (const d of item.declarations) {
        if (d.kind !== 'response' || !['string', 'float', 'integer'].includes(d.baseType ?? '')) continue;
        const secrets = [
          ...(d.correctResponse ?? []).map((v) => v.text),
          ...(d.mapping?.entries ?? []).map((m) => m.mapKey),
        ];
        for (const secret of secrets.filter((s) => s.length >= 3)) {
          if (!visibleText.includes(secret.toLowerCase()))
            expect(json.toLowerCase(), `${entry.path} leaks ${secret}`).not.toContain(secret.toLowerCase());
        }
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(1100);
  });

  it('refuses entity declarations (billion laughs) and reports syntax errors with their place', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><assessmentItem>&lol2;</assessmentItem>`;
    const refused = parseItemXml(bomb, 'bomb.xml');
    expect(refused.item).toBeUndefined();
    expect(refused.problems[0]).toMatchObject({
      file: 'bomb.xml',
      code: 'xml-syntax',
      message: expect.stringMatching(/entities/),
    });
    const broken = parseItemXml(
      '<assessmentItem identifier="x">\n  <itemBody>\n    <p>unclosed\n  </itemBody>\n</assessmentItem>',
      'broken.xml',
    );
    expect(broken.problems[0]).toMatchObject({ file: 'broken.xml', line: 4, code: 'xml-syntax' });
  });

  it('sanitises item bodies: scripts, event handlers and javascript: URLs are dropped, MathML is kept', () => {
    const xml = `<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="s" title="s" adaptive="false" timeDependent="false">
      <itemBody><p onclick="steal()">Tính <a href="javascript:alert(1)">đây</a></p><script>alert(1)</script>
      <math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi><mo>=</mo><mn>2</mn></math></itemBody></assessmentItem>`;
    const { item } = parseItemXml(xml);
    const json = JSON.stringify(item!.body);
    expect(json).not.toContain('script');
    expect(json).not.toContain('onclick');
    expect(json).not.toContain('javascript');
    expect([...walkContent([item!.body])].some((e) => e.ns === 'math' && e.name === 'math')).toBe(true);
  });
});
