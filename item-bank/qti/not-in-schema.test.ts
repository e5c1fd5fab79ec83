/**
 * Constructs of no QTI schema: the writers' schema-valid equivalents where one means the same,
 * and otherwise a not-in-qti-schema error at import (the item is refused) with the line and the
 * reason. Identifiers that are no NCName are renamed by the writers (scored before and after in
 * grading/export-renames.test.ts). Scores of
 * the rewritten forms are checked corpus-wide in scripts/qti/round-trip-scores.test.ts, schema
 * validity in scripts/qti/export-schema.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { NOT_IN_SCHEMA } from './not-in-schema.ts';
import { parseItemXml } from './parse-item.ts';
import { parseTestXml } from './parse-test.ts';
import { writeItemXml } from './write-item.ts';

const item = (processing: string, declarations = '', body = '<p>x</p>') => `<assessmentItem
  xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="i" title="i" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="R" cardinality="single" baseType="string"/>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>${declarations}
  <itemBody>${body}</itemBody>
  <responseProcessing>
${processing}
  </responseProcessing>
</assessmentItem>`;

const warnings = (xml: string) => parseItemXml(xml, 'i.xml').problems.filter((p) => p.code === NOT_IN_SCHEMA);

function written(xml: string, version: '3.0' | '2.2' = '2.2') {
  const { item: model, problems } = parseItemXml(xml, 'i.xml');
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const notes: string[] = [];
  return { out: writeItemXml(model!, { version, onAdjust: (n) => notes.push(n) }), notes };
}

describe('constructs of no QTI schema', () => {
  it('refuses at import, with the line and the reason, what no valid form carries', () => {
    const found = warnings(
      item(
        `<setResponseValue identifier="R"><baseValue baseType="string">a</baseValue></setResponseValue>
<setOutcomeValue identifier="SCORE"><fieldValue fieldIdentifier="x"><record><fieldValue fieldIdentifier="x"><baseValue baseType="integer">1</baseValue></fieldValue></record></fieldValue></setOutcomeValue>`,
        '',
        '<p>Pick <hottext identifier="1">this</hottext></p><p><feedbackInline outcomeIdentifier="SCORE" identifier="F" showHide="show"><textEntryInteraction responseIdentifier="R"/></feedbackInline></p>',
      ),
    );
    expect(found.map((p) => [p.line, p.severity, p.message.split(':')[0]])).toEqual([
      [7, 'error', '<setResponseValue> is in no QTI schema'],
      [8, 'error', '<record> is in no QTI schema'],
      [5, 'error', 'A textEntryInteraction inside a feedbackInline'],
    ]);
    expect(found[2]!.message).toMatch(
      /no schema-valid QTI 2\.2 or 3\.0 form of this item means the same, so the item is not imported\.$/,
    );
    expect(found[0]!.file).toBe('i.xml');
  });

  it("does not warn what the writers rewrite, and writes it in the schemas' form", () => {
    const xml = item(
      `<setOutcomeValue identifier="SCORE"><patternMatch caseSensitive="false"><variable identifier="R"/><baseValue baseType="string">ab+</baseValue></patternMatch></setOutcomeValue>
<setOutcomeValue identifier="SCORE"><equalRounded roundingMode="significantFigure" figures="2"><baseValue baseType="float">1</baseValue><baseValue baseType="float">1</baseValue></equalRounded></setOutcomeValue>
<lookupOutcomeValue identifier="LOOKED"><variable identifier="SCORE"/></lookupOutcomeValue>`,
      `<outcomeDeclaration identifier="LOOKED" cardinality="single" baseType="float"><matchTable defaultValue="9"><matchTableEntry sourceValue="1" targetValue="10"/><matchTableEntry sourceValue="3" targetValue="30"/></matchTable></outcomeDeclaration>`,
    );
    expect(warnings(xml)).toEqual([]);
    const { out, notes } = written(xml);
    expect(out).toContain('<patternMatch pattern="[aA][bB]+"><variable identifier="R"/></patternMatch>');
    expect(out).toContain('roundingMode="significantFigures"');
    // The same lookups: 3 -> 30, 1 -> 10, anything else (2, above 3, below 1) -> 9.
    expect(out).toContain(
      '<interpolationTable defaultValue="9">' +
        '<interpolationTableEntry sourceValue="3" includeBoundary="false" targetValue="9"/>' +
        '<interpolationTableEntry sourceValue="3" includeBoundary="true" targetValue="30"/>' +
        '<interpolationTableEntry sourceValue="1" includeBoundary="false" targetValue="9"/>' +
        '<interpolationTableEntry sourceValue="1" includeBoundary="true" targetValue="10"/>' +
        '</interpolationTable>',
    );
    expect(notes).toHaveLength(3);
  });

  it('keeps a case-insensitive pattern with classes as it is, and refuses it', () => {
    const xml = item(
      `<setOutcomeValue identifier="SCORE"><patternMatch caseSensitive="false" pattern="[a-c]x"><variable identifier="R"/></patternMatch></setOutcomeValue>`,
    );
    expect(warnings(xml).map((p) => p.line)).toEqual([7]);
    const { item: model } = parseItemXml(xml, 'i.xml');
    expect(writeItemXml(model!, { version: '2.2' })).toContain('caseSensitive="false"');
  });

  it('refuses an inside whose coordinates do not fit its shape in a test', () => {
    const { test, problems } = parseTestXml(
      `<assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="t" title="t">
  <testPart identifier="P" navigationMode="linear" submissionMode="individual">
    <assessmentSection identifier="S" title="S" visible="true">
      <assessmentItemRef identifier="Q" href="q.xml">
        <branchRule target="EXIT_TEST"><inside shape="ellipse" coords="0"><baseValue baseType="point">0 0</baseValue></inside></branchRule>
      </assessmentItemRef>
    </assessmentSection>
  </testPart>
</assessmentTest>`,
      't.xml',
    );
    expect(test).toBeDefined();
    expect(
      problems.filter((p) => p.code === NOT_IN_SCHEMA).map((p) => [p.line, p.message.split(':')[1]]),
    ).toEqual([[5, ' inside of shape ellipse given 1 coordinate(s)']]);
  });
});
