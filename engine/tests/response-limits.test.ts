/** Response size limits per baseType and cardinality, on items parsed from real QTI XML. */
import { describe, expect, it } from 'vitest';
import { parseItemXml, type AssessmentItem } from '../../item-bank/index.ts';
import {
  MAX_CONTAINER_VALUES,
  MAX_FILE_BYTES,
  MAX_TEXT_ENTRY_CHARS,
  MAX_VALUE_CHARS,
  responseSizeProblem,
} from '../delivery/response-limits.ts';

const item = (declarations: string, body: string): AssessmentItem => {
  const parsed = parseItemXml(`<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="L" title="Limits" adaptive="false" timeDependent="false">
  ${declarations}
  <itemBody>${body}</itemBody>
</assessmentItem>`);
  if (!parsed.item) throw new Error(JSON.stringify(parsed.problems));
  return parsed.item;
};

const decl = (id: string, cardinality: string, baseType: string) =>
  `<responseDeclaration identifier="${id}" cardinality="${cardinality}" baseType="${baseType}"/>`;

const ITEM = item(
  [
    decl('CHOICE', 'multiple', 'identifier'),
    decl('SHORT', 'single', 'string'),
    decl('ESSAY', 'single', 'string'),
    decl('MATCH', 'multiple', 'directedPair'),
    decl('FILE', 'single', 'file'),
    decl('NUMBER', 'single', 'integer'),
    decl('ONE', 'single', 'identifier'),
  ].join(''),
  `<choiceInteraction responseIdentifier="CHOICE" maxChoices="2"><simpleChoice identifier="A">A</simpleChoice><simpleChoice identifier="B">B</simpleChoice><simpleChoice identifier="C">C</simpleChoice></choiceInteraction>
   <p>Short: <textEntryInteraction responseIdentifier="SHORT" expectedLength="10"/></p>
   <extendedTextInteraction responseIdentifier="ESSAY"/>
   <matchInteraction responseIdentifier="MATCH" maxAssociations="2">
     <simpleMatchSet><simpleAssociableChoice identifier="X" matchMax="1">X</simpleAssociableChoice><simpleAssociableChoice identifier="Y" matchMax="1">Y</simpleAssociableChoice></simpleMatchSet>
     <simpleMatchSet><simpleAssociableChoice identifier="P" matchMax="1">P</simpleAssociableChoice><simpleAssociableChoice identifier="Q" matchMax="1">Q</simpleAssociableChoice></simpleMatchSet>
   </matchInteraction>
   <uploadInteraction responseIdentifier="FILE"/>
   <sliderInteraction responseIdentifier="NUMBER" lowerBound="0" upperBound="10"/>
   <inlineChoiceInteraction responseIdentifier="ONE"><inlineChoice identifier="A">A</inlineChoice></inlineChoiceInteraction>`,
);

const dataUrl = (bytes: number) =>
  `data:application/pdf;name=bai-lam.pdf;base64,${Buffer.alloc(bytes, 7).toString('base64')}`;

describe('response size limits', () => {
  it('accepts answers within every limit', () => {
    expect(
      responseSizeProblem(ITEM, {
        CHOICE: ['A', 'B'],
        SHORT: 'x'.repeat(MAX_TEXT_ENTRY_CHARS),
        ESSAY: 'Bài luận. '.repeat(9_000),
        MATCH: ['X P', 'Y Q'],
        FILE: dataUrl(MAX_FILE_BYTES),
        NUMBER: 7,
        ONE: 'A',
      }),
    ).toBeUndefined();
  });

  it('refuses an identifier over 256 characters', () => {
    expect(responseSizeProblem(ITEM, { ONE: 'A'.repeat(257) })).toMatchObject({
      responseIdentifier: 'ONE',
      baseType: 'identifier',
      limit: 'chars',
      max: MAX_VALUE_CHARS.identifier,
    });
    expect(MAX_VALUE_CHARS.identifier).toBe(256);
  });

  it('gives a text entry 1,000 characters and an extended text 100,000', () => {
    expect(responseSizeProblem(ITEM, { SHORT: 'x'.repeat(1_001) })).toMatchObject({
      responseIdentifier: 'SHORT',
      limit: 'chars',
      max: 1_000,
    });
    expect(responseSizeProblem(ITEM, { ESSAY: 'x'.repeat(1_001) })).toBeUndefined();
    const essay = responseSizeProblem(ITEM, { ESSAY: 'x'.repeat(100_001) });
    expect(essay).toMatchObject({ responseIdentifier: 'ESSAY', max: 100_000 });
    expect(essay!.message).toContain('100000');
  });

  it('bounds the number of values by the interaction maxChoices / maxAssociations and single cardinality', () => {
    expect(responseSizeProblem(ITEM, { CHOICE: ['A', 'B', 'C'] })).toMatchObject({
      responseIdentifier: 'CHOICE',
      limit: 'values',
      max: 2,
    });
    expect(responseSizeProblem(ITEM, { MATCH: ['X P', 'Y Q', 'X Q'] })).toMatchObject({
      responseIdentifier: 'MATCH',
      limit: 'values',
      max: 2,
    });
    expect(responseSizeProblem(ITEM, { ONE: ['A', 'B'] })).toMatchObject({ limit: 'values', max: 1 });
  });

  it('limits a file by its decoded bytes and an integer to 32 bits', () => {
    expect(responseSizeProblem(ITEM, { FILE: dataUrl(MAX_FILE_BYTES + 3) })).toMatchObject({
      responseIdentifier: 'FILE',
      baseType: 'file',
      limit: 'bytes',
      max: MAX_FILE_BYTES,
    });
    // A deployment may set its own file limit.
    expect(responseSizeProblem(ITEM, { FILE: dataUrl(2_000) }, { maxFileBytes: 1_000 })).toMatchObject({
      limit: 'bytes',
      max: 1_000,
    });
    expect(responseSizeProblem(ITEM, { NUMBER: 2 ** 31 })).toMatchObject({
      responseIdentifier: 'NUMBER',
      limit: 'range',
    });
    expect(responseSizeProblem(ITEM, { NUMBER: -(2 ** 31 - 1) })).toBeUndefined();
  });

  it('still bounds an item model without declarations by the loosest limits', () => {
    const bare = { public: {}, key: 'x' };
    expect(responseSizeProblem(bare, { RESPONSE: 'x'.repeat(100_000) })).toBeUndefined();
    expect(responseSizeProblem(bare, { RESPONSE: 'x'.repeat(100_001) })).toMatchObject({ limit: 'chars' });
    const many = Array.from({ length: MAX_CONTAINER_VALUES + 1 }, (_, i) => `C${i}`);
    expect(responseSizeProblem(bare, { RESPONSE: many })).toMatchObject({
      limit: 'values',
      max: MAX_CONTAINER_VALUES,
    });
  });
});
