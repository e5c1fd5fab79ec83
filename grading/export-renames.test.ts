/**
 * Choice and feedback identifiers that are no identifiers of the schemas (xs:NCName; QTI 2.0
 * samples number hottexts 1..5) are renamed by the QTI writers with every value naming them:
 * the exported item, given the same responses renamed alike, scores exactly as the source.
 */
import { describe, expect, it } from 'vitest';
import { identifierRenames, parseItemXml, renameResponseValue, writeItemXml } from '../item-bank/index.ts';
import { compileItem } from './index.ts';

describe('identifiers renamed by the QTI export', () => {
  it('renames choice and feedback identifiers that are no NCName, every key with them, and scores alike', () => {
    const xml = `<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p0" identifier="h" title="h" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">
    <correctResponse><value>1</value><value>2</value></correctResponse>
    <mapping defaultValue="0"><mapEntry mapKey="1" mappedValue="1"/><mapEntry mapKey="2" mappedValue="0.5"/><mapEntry mapKey="3" mappedValue="-1"/></mapping>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"><defaultValue><value>3</value></defaultValue></outcomeDeclaration>
  <outcomeDeclaration identifier="_1" cardinality="single" baseType="identifier"/>
  <itemBody>
    <hottextInteraction responseIdentifier="RESPONSE" maxChoices="0">
      <p><hottext identifier="1">a</hottext> <hottext identifier="2">b</hottext> <hottext identifier="3">c</hottext>
      <feedbackInline outcomeIdentifier="FEEDBACK" identifier="1" showHide="show">right</feedbackInline></p>
    </hottextInteraction>
  </itemBody>
  <responseProcessing>
    <setOutcomeValue identifier="SCORE"><mapResponse identifier="RESPONSE"/></setOutcomeValue>
    <responseCondition>
      <responseIf><match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>
        <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">1</baseValue></setOutcomeValue></responseIf>
      <responseElseIf><member><baseValue baseType="identifier">2</baseValue><variable identifier="RESPONSE"/></member>
        <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">2</baseValue></setOutcomeValue></responseElseIf>
    </responseCondition>
  </responseProcessing>
</assessmentItem>`;
    const { item: source, problems: sourceProblems } = parseItemXml(xml, 'h.xml');
    expect(sourceProblems.filter((p) => p.severity === 'error')).toEqual([]);
    const renames = identifierRenames(source!);
    // "_1" is taken (an outcome's identifier), so "1" becomes "_1_2".
    expect([...renames]).toEqual([
      ['1', '_1_2'],
      ['2', '_2'],
      ['3', '_3'],
    ]);
    for (const version of ['3.0', '2.2'] as const) {
      const notes: string[] = [];
      const out = writeItemXml(source!, { version, onAdjust: (n) => notes.push(n) });
      expect(out).not.toMatch(/identifier="\d/);
      expect(notes).toEqual([expect.stringContaining('"1" -> "_1_2", "2" -> "_2", "3" -> "_3"')]);
      const { item: exported, problems } = parseItemXml(out, `h-${version}.xml`);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      // Every subset of the three hottexts (and no answer) scores the same, its feedback renamed alike.
      const before = compileItem(source!);
      const after = compileItem(exported!);
      for (const response of [
        null,
        [],
        ['1'],
        ['2'],
        ['3'],
        ['1', '2'],
        ['1', '3'],
        ['2', '3'],
        ['1', '2', '3'],
      ]) {
        const was = before.scoreJson({ RESPONSE: response });
        const now = after.scoreJson({ RESPONSE: renameResponseValue(response, 'identifier', renames) });
        expect(now.SCORE).toBe(was.SCORE);
        expect(now.FEEDBACK).toBe(renameResponseValue(was.FEEDBACK, 'identifier', renames));
      }
    }
  });
});
