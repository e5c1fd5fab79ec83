/**
 * The engine's scorer takes an item's maximum from grading's rule: a text entry that accepts two
 * spellings for 1 point each is worth 1, not 2 (a fully right candidate scored 9/10 on the demo
 * because the demo's `print` item counted both spellings), and every demo item answered with its
 * key scores its maximum in the engine too.
 */
import { describe, expect, it } from 'vitest';
import { loadDemoBank, parseItemXml } from '../../../item-bank/index.ts';
import { createQtiScorer } from '../../results/qti-scorer.ts';

const twoSpellings = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="T" title="t" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">
    <correctResponse><value>print</value></correctResponse>
    <mapping defaultValue="0"><mapEntry mapKey="print" mappedValue="1" caseSensitive="false"/><mapEntry mapKey="print()" mappedValue="1" caseSensitive="false"/></mapping>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody><p><textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"/>
</assessmentItem>`;

describe('the engine scorer’s maximum', () => {
  it('is the best entry of a single response’s mapping, so the right answer is full marks', () => {
    const { item } = parseItemXml(twoSpellings, 'two-spellings.xml');
    const scored = createQtiScorer().scoreItem(item, { RESPONSE: 'print' } as never, {
      seed: 1,
      itemRef: 'T',
      versionId: 'v-two-spellings',
    });
    expect({ score: scored.score, max: scored.maxScore }).toEqual({ score: 1, max: 1 });
  });

  it('gives every demo text entry answered with its key its full maximum', () => {
    const demo = loadDemoBank().find((d) => d.file === 'tinhoc-ham-print.xml')!;
    const scored = createQtiScorer().scoreItem(demo.item, { RESPONSE: 'print' } as never, {
      seed: 1,
      itemRef: demo.item.identifier,
      versionId: 'v-demo-print',
    });
    expect({ score: scored.score, max: scored.maxScore }).toEqual({ score: 1, max: 1 });
  });
});
