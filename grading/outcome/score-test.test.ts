import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseItemXml, type ProcessingNode } from '../../item-bank/index.ts';
import { compileRules } from '../processing/compile.ts';
import { CompileError } from '../processing/context.ts';
import { compileItem } from '../score-item.ts';
import { corpusRoot } from '../test/corpus-root.ts';
import { valueFromJson } from '../values/parse-value.ts';
import { float, single, type QtiValue } from '../values/value.ts';
import { readTestXml } from './read-test.ts';
import { compileTest, sessionTotals } from './score-test.ts';
import type { ItemSessionResult } from './test-expressions.ts';

const TEST = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="T" title="Test">
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="WEIGHTED" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="ALGEBRA" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="NOT_PRETEST" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="MAX" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="MAX_B" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="MIN" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="SELECTED" cardinality="single" baseType="integer"/>
  <outcomeDeclaration identifier="PRESENTED" cardinality="single" baseType="integer"/>
  <outcomeDeclaration identifier="RESPONDED" cardinality="single" baseType="integer"/>
  <outcomeDeclaration identifier="CORRECT" cardinality="single" baseType="integer"/>
  <outcomeDeclaration identifier="INCORRECT" cardinality="single" baseType="integer"/>
  <outcomeDeclaration identifier="CORRECT_A" cardinality="single" baseType="integer"/>
  <outcomeDeclaration identifier="Q1_DOUBLE" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="PASSED" cardinality="single" baseType="boolean"/>
  <testPart identifier="P1" navigationMode="linear" submissionMode="individual">
    <assessmentSection identifier="A" title="A" visible="true">
      <assessmentItemRef identifier="Q1" href="q1.xml" category="algebra"><weight identifier="W" value="2"/></assessmentItemRef>
      <assessmentItemRef identifier="Q2" href="q2.xml" category="geometry pretest"/>
    </assessmentSection>
    <assessmentSection identifier="B" title="B" visible="true">
      <assessmentSection identifier="B1" title="B1" visible="true">
        <assessmentItemRef identifier="Q3" href="q3.xml" category="algebra"><weight identifier="W" value="0.5"/></assessmentItemRef>
      </assessmentSection>
      <assessmentItemRef identifier="Q4" href="q4.xml"/>
    </assessmentSection>
  </testPart>
  <outcomeProcessing>
    <setOutcomeValue identifier="SCORE"><sum><testVariables variableIdentifier="SCORE"/></sum></setOutcomeValue>
    <setOutcomeValue identifier="WEIGHTED"><sum><testVariables variableIdentifier="SCORE" weightIdentifier="W"/></sum></setOutcomeValue>
    <setOutcomeValue identifier="ALGEBRA"><sum><testVariables variableIdentifier="SCORE" includeCategory="algebra"/></sum></setOutcomeValue>
    <setOutcomeValue identifier="NOT_PRETEST"><sum><testVariables variableIdentifier="SCORE" excludeCategory="pretest"/></sum></setOutcomeValue>
    <setOutcomeValue identifier="MAX"><sum><outcomeMaximum outcomeIdentifier="SCORE" weightIdentifier="W"/></sum></setOutcomeValue>
    <setOutcomeValue identifier="MAX_B"><sum><outcomeMaximum outcomeIdentifier="SCORE" sectionIdentifier="B"/></sum></setOutcomeValue>
    <setOutcomeValue identifier="MIN"><sum><outcomeMinimum outcomeIdentifier="SCORE"/></sum></setOutcomeValue>
    <setOutcomeValue identifier="SELECTED"><numberSelected/></setOutcomeValue>
    <setOutcomeValue identifier="PRESENTED"><numberPresented/></setOutcomeValue>
    <setOutcomeValue identifier="RESPONDED"><numberResponded/></setOutcomeValue>
    <setOutcomeValue identifier="CORRECT"><numberCorrect/></setOutcomeValue>
    <setOutcomeValue identifier="INCORRECT"><numberIncorrect/></setOutcomeValue>
    <setOutcomeValue identifier="CORRECT_A"><numberCorrect sectionIdentifier="A"/></setOutcomeValue>
    <setOutcomeValue identifier="Q1_DOUBLE"><variable identifier="Q1.SCORE" weightIdentifier="W"/></setOutcomeValue>
    <outcomeCondition>
      <outcomeIf>
        <gte><variable identifier="WEIGHTED"/><baseValue baseType="float">3</baseValue></gte>
        <setOutcomeValue identifier="PASSED"><baseValue baseType="boolean">true</baseValue></setOutcomeValue>
      </outcomeIf>
      <outcomeElse>
        <setOutcomeValue identifier="PASSED"><baseValue baseType="boolean">false</baseValue></setOutcomeValue>
      </outcomeElse>
    </outcomeCondition>
  </outcomeProcessing>
</assessmentTest>`;

const at = { line: 1, column: 1 };
const scoreDecl = (max: number, min = 0) =>
  new Map([
    [
      'SCORE',
      {
        kind: 'outcome' as const,
        identifier: 'SCORE',
        cardinality: 'single' as const,
        baseType: 'float' as const,
        normalMaximum: max,
        normalMinimum: min,
        location: at,
      },
    ],
  ]);

function session(itemRef: string, score: number, over: Partial<ItemSessionResult> = {}): ItemSessionResult {
  return {
    itemRef,
    outcomes: new Map([['SCORE', float(score)]]),
    responses: new Map([['RESPONSE', single('identifier', 'A')]]),
    declarations: scoreDecl(1),
    correct: score === 1,
    ...over,
  };
}

describe('test-level outcome processing', () => {
  const test = compileTest(readTestXml(TEST, 'test.xml'));
  const sessions = [
    session('Q1', 1),
    session('Q2', 0.5, { declarations: scoreDecl(2, -1) }),
    session('Q3', 1),
    session('Q4', 0, { responses: new Map([['RESPONSE', null]]), correct: false }),
  ];

  it('reads sections, nested sections, categories and weights of every item ref', () => {
    expect(test.itemRefs.map((r) => [r.identifier, r.sections, r.categories, r.weights])).toEqual([
      ['Q1', ['A'], ['algebra'], { W: 2 }],
      ['Q2', ['A'], ['geometry', 'pretest'], {}],
      ['Q3', ['B', 'B1'], ['algebra'], { W: 0.5 }],
      ['Q4', ['B'], [], {}],
    ]);
  });

  it('sums testVariables with weights (undefined weights are 1) and category filters', () => {
    const out = test.scoreJson(sessions);
    expect(out.SCORE).toBe(2.5);
    expect(out.WEIGHTED).toBe(2 + 0.5 + 0.5 + 0);
    expect(out.ALGEBRA).toBe(2);
    expect(out.NOT_PRETEST).toBe(2);
    expect(out.Q1_DOUBLE).toBe(2);
    expect(out.PASSED).toBe(true);
  });

  it('outcomeMaximum and outcomeMinimum read normalMaximum/normalMinimum, weighted and by section', () => {
    const out = test.scoreJson(sessions);
    expect(out.MAX).toBe(2 * 1 + 2 + 0.5 * 1 + 1);
    expect(out.MAX_B).toBe(2);
    expect(out.MIN).toBe(-1);
    // One item without normalMaximum makes outcomeMaximum NULL, and sum of NULL is NULL.
    const missing = sessions.map((s) => (s.itemRef === 'Q4' ? { ...s, declarations: new Map() } : s));
    expect(test.scoreJson(missing).MAX).toBeNull();
  });

  it('counts selected, presented, responded, correct and incorrect items, also per section', () => {
    const out = test.scoreJson([...sessions.slice(0, 3), { ...sessions[3]!, presented: false }]);
    expect(out).toMatchObject({
      SELECTED: 4,
      PRESENTED: 3,
      RESPONDED: 3,
      CORRECT: 2,
      INCORRECT: 1,
      CORRECT_A: 1,
    });
    expect(test.scoreJson(sessions)).toMatchObject({ RESPONDED: 3, INCORRECT: 1 });
  });

  it('an empty session gives zero counts and NULL sums', () => {
    const out = test.scoreJson([]);
    expect(out).toMatchObject({ SELECTED: 0, CORRECT: 0, SCORE: null });
  });

  it('rejects test-level expressions in items but compiles them for tests', () => {
    const node: ProcessingNode = {
      name: 'setOutcomeValue',
      attributes: { identifier: 'SCORE' },
      children: [{ name: 'numberCorrect', attributes: {}, children: [], location: at }],
      location: at,
    };
    const env = { declarations: scoreDecl(1), defaults: new Map(), correct: new Map() };
    expect(() => compileRules([node], env)).toThrow(CompileError);
  });

  it('totals per section and category, weighted, for delivery', () => {
    const totals = sessionTotals([
      { sections: ['A'], categories: ['algebra'], weight: 2, score: 1, maxScore: 1 },
      { sections: ['A'], categories: ['geometry', 'algebra'], score: 0.5, maxScore: 1 },
      { sections: ['B', 'B1'], categories: [], weight: 0.5, score: 1, maxScore: 2 },
    ]);
    expect(totals.total).toEqual({ score: 3, maxScore: 4, items: 3 });
    expect(totals.sections).toEqual({
      A: { score: 2.5, maxScore: 3, items: 2 },
      B: { score: 0.5, maxScore: 1, items: 1 },
      B1: { score: 0.5, maxScore: 1, items: 1 },
    });
    expect(totals.categories.algebra).toEqual({ score: 2.5, maxScore: 3, items: 2 });
  });
});

describe('test-level outcome processing on the IMS test examples (corpus, read in place)', () => {
  const ims = path.join(corpusRoot, 'qti-sdk/test/samples/ims/tests');
  const read = (name: string) =>
    compileTest(readTestXml(readFileSync(path.join(ims, name, `${name}.xml`), 'utf8'), name));
  const scores = (pairs: Array<[string, number]>) => pairs.map(([id, s]) => session(id, s));

  it('arbitrary weighting: SCORE is the weighted sum (missing weights count 1, weight 0 drops an item)', () => {
    const test = read('arbitrary_weighting_of_item_outcomes');
    const out = test.scoreJson(
      scores([
        ['item034', 1],
        ['item160', 1],
        ['item063', 1],
        ['item434', 1],
        ['item065', 0],
        ['item365', 1],
        ['item656', 1],
      ]),
    );
    expect(out.SCORE).toBe(2 + 0 + 1 + 0.5 * 3);
  });

  it('categories of item: MATH_SCORE sums Math items that are not PreTest', () => {
    const test = read('categories_of_item');
    const ids = test.itemRefs.map((r) => r.identifier);
    const out = test.scoreJson(scores(ids.map((id) => [id, 1])));
    const math = test.itemRefs.filter(
      (r) => r.categories.includes('Math') && !r.categories.includes('PreTest'),
    );
    expect(out.MATH_SCORE).toBe(math.length);
    expect(math.length).toBeGreaterThan(0);
  });

  it('end to end: items scored by their own response processing feed the test', () => {
    const file = (p: string) =>
      readFileSync(path.join(corpusRoot, 'qti-sdk/test/samples/ims/items/2_1', p), 'utf8');
    const choice = compileItem(parseItemXml(file('choice.xml')).item!);
    const order = compileItem(parseItemXml(file('order.xml')).item!);
    const test = compileTest(
      readTestXml(
        TEST.replace('href="q1.xml"', 'href="choice.xml"').replace('href="q2.xml"', 'href="order.xml"'),
        'end-to-end.xml',
      ),
    );
    const answer = (item: typeof choice, json: Record<string, unknown>): Map<string, QtiValue> => {
      const typed = new Map<string, QtiValue>();
      for (const [id, v] of Object.entries(json)) {
        const d = item.declarations.get(id)!;
        typed.set(id, valueFromJson(v, d.baseType, d.cardinality));
      }
      return typed;
    };
    const r1 = answer(choice, { RESPONSE: 'ChoiceA' });
    const r2 = answer(order, { RESPONSE: ['DriverA', 'DriverB', 'DriverC'] });
    const out = test.scoreJson([
      { itemRef: 'Q1', outcomes: choice.score(r1), responses: r1, correct: choice.isCorrect(r1) },
      { itemRef: 'Q2', outcomes: order.score(r2), responses: r2, correct: order.isCorrect(r2) },
    ]);
    expect(out).toMatchObject({ SCORE: 1, WEIGHTED: 2, CORRECT: 1, INCORRECT: 1, RESPONDED: 2, SELECTED: 2 });
  });
});
