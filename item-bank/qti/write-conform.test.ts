/**
 * The writers' schema-valid equivalents for sources that break their own schema: each keeps the
 * meaning (read back, the item is the same or scores the same) and is reported through onAdjust.
 * The corpus-wide checks are scripts/qti/export-schema.test.ts and the round-trip tests.
 */
import { describe, expect, it } from 'vitest';
import { parseItemXml } from './parse-item.ts';
import { parseTestXml } from './parse-test.ts';
import { writeItemXml } from './write-item.ts';
import { writeTestXml } from './write-test.ts';

const item22 = (body: string, processing = '', declarations = '') => `<assessmentItem
  xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="i" title="i" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="R" cardinality="single" baseType="string"/>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>${declarations}
  <itemBody>${body}</itemBody>${processing}
</assessmentItem>`;

function written(xml: string, version: '3.0' | '2.2') {
  const { item } = parseItemXml(xml, 'i.xml');
  const notes: string[] = [];
  const out = writeItemXml(item!, { version, onAdjust: (n) => notes.push(n) });
  return { item: item!, out, notes, again: parseItemXml(out, `i.xml as ${version}`).item! };
}

describe('schema-valid equivalents in the writers', () => {
  it('wraps inline content directly in the item body in a div', () => {
    for (const version of ['3.0', '2.2'] as const) {
      const { out, notes } = written(
        item22('Type: <textEntryInteraction responseIdentifier="R"/> <p>x</p>'),
        version,
      );
      expect(out).toMatch(/<div>Type: <(qti-text-entry-interaction|textEntryInteraction) /);
      expect(notes).toEqual([expect.stringContaining('wrapped in a <div>')]);
    }
  });

  it('writes a condition that starts with its else as an if that always holds', () => {
    const { out, notes, again } = written(
      item22(
        '<p>x</p>',
        `<responseProcessing><responseCondition><responseElse><setOutcomeValue identifier="SCORE">
          <baseValue baseType="float">1</baseValue></setOutcomeValue></responseElse></responseCondition></responseProcessing>`,
      ),
      '2.2',
    );
    expect(out).toContain('<responseIf><baseValue baseType="boolean">true</baseValue><setOutcomeValue');
    expect(notes).toEqual([expect.stringContaining('only an else')]);
    expect(again.responseProcessing!.rules[0]!.children[0]!.name).toBe('responseIf');
  });

  it("moves an item's outcomeProcessing to the end of its response processing", () => {
    const { out, notes, again } = written(
      item22(
        '<p>x</p>',
        `<responseProcessing/><outcomeProcessing><outcomeCondition><outcomeIf><isNull><variable identifier="R"/></isNull>
          <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></outcomeIf>
          </outcomeCondition><exitTest/></outcomeProcessing>`,
      ),
      '3.0',
    );
    expect(out).not.toContain('outcome-processing');
    expect(out).toContain('<qti-response-condition><qti-response-if>');
    expect(out).toContain('<qti-exit-response/>');
    expect(notes).toEqual([expect.stringContaining('written at the end of its responseProcessing')]);
    expect(again.outcomeProcessing).toBeUndefined();
  });

  it('keeps an outcomeProcessing that response processing could skip, and says so', () => {
    const { out, notes } = written(
      item22(
        '<p>x</p>',
        `<responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
        <outcomeProcessing><setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></outcomeProcessing>`,
      ),
      '2.2',
    );
    expect(out).toContain('<outcomeProcessing>');
    expect(notes).toEqual([expect.stringContaining('no valid place runs it the same way')]);
  });

  it('writes a vendor expression as a customOperator and reads it back as itself', () => {
    const { out, notes, item, again } = written(
      item22(
        '<p>x</p>',
        `<responseProcessing><setOutcomeValue identifier="SCORE"><allN min="1"><isNotNull><variable identifier="R"/></isNotNull>
          </allN></setOutcomeValue></responseProcessing>`,
      ),
      '2.2',
    );
    expect(out).toContain(
      '<customOperator xmlns:xee="urn:x-exam-engine:expression" definition="urn:x-exam-engine:expression:allN" xee:min="1">',
    );
    expect(notes).toHaveLength(2);
    const names = (n: {
      name: string;
      attributes: Record<string, string>;
      children: unknown[];
    }): unknown => ({
      name: n.name,
      attributes: n.attributes,
      children: (n.children as (typeof n)[]).map(names),
    });
    expect(names(again.responseProcessing!.rules[0]!)).toEqual(names(item.responseProcessing!.rules[0]!));
  });

  it('writes QTI 2.x duration operators with the names QTI 3.0 gives them, and reads them back', () => {
    const { out, again } = written(
      item22(
        '<p>x</p>',
        `<responseProcessing><setOutcomeValue identifier="SCORE"><durationGTE><variable identifier="duration"/>
          <baseValue baseType="duration">1</baseValue></durationGTE></setOutcomeValue></responseProcessing>`,
      ),
      '3.0',
    );
    expect(out).toContain('<qti-duration-gte>');
    expect(again.responseProcessing!.rules[0]!.children[0]!.name).toBe('durationGTE');
  });

  it('rewrites categories that are not identifiers, with every reference, and encodes hrefs', () => {
    const { test } = parseTestXml(
      `<assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="t" title="t">
        <outcomeDeclaration identifier="N" cardinality="single" baseType="integer"/>
        <testPart identifier="p" navigationMode="linear" submissionMode="individual">
          <assessmentSection identifier="s" title="s" visible="true">
            <assessmentItemRef identifier="a" href="http://x/a.rdf#i1|http://x/b.rdf#i2" category="1 ok"/>
          </assessmentSection>
        </testPart>
        <outcomeProcessing><setOutcomeValue identifier="N"><numberCorrect includeCategory="1"/></setOutcomeValue></outcomeProcessing>
      </assessmentTest>`,
      't.xml',
    );
    const notes: string[] = [];
    const out = writeTestXml(test!, { version: '2.2', onAdjust: (n) => notes.push(n) });
    expect(out).toContain('category="_1 ok"');
    expect(out).toContain('includeCategory="_1"');
    expect(out).toContain('href="http://x/a.rdf#i1%7Chttp://x/b.rdf%23i2"');
    expect(notes).toHaveLength(3);
  });

  it('writes a templateBlock of a test rubric as QTI 3.0 shows it (a test has no template variables)', () => {
    const { test } = parseTestXml(
      `<assessmentTest xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="t" title="t">
        <testPart identifier="p" navigationMode="linear" submissionMode="individual">
          <assessmentSection identifier="s" title="s" visible="true">
            <rubricBlock view="candidate">
              <templateBlock templateIdentifier="T" showHide="show" identifier="a"><p>never</p></templateBlock>
              <templateBlock templateIdentifier="T" showHide="hide" identifier="b"><p>always</p></templateBlock>
            </rubricBlock>
            <assessmentItemRef identifier="a" href="a.xml"/>
          </assessmentSection>
        </testPart>
      </assessmentTest>`,
      't.xml',
    );
    const notes: string[] = [];
    const out = writeTestXml(test!, { version: '3.0', onAdjust: (n) => notes.push(n) });
    expect(out).not.toContain('template-block');
    expect(out).not.toContain('never');
    expect(out).toContain('<p>always</p>');
    expect(notes).toHaveLength(2);
  });
});
