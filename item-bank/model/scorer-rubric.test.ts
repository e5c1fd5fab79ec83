import { describe, expect, it } from 'vitest';
import { loadDemoBank } from '../demo-bank/demo-bank.ts';
import { parseItemXml } from '../qti/parse-item.ts';
import { scorerRubricText } from './scorer-rubric.ts';

describe('the scorer rubric of an item', () => {
  it('is the text of the demo essay’s rubricBlock view="scorer" (the marking screen showed none)', () => {
    const essay = loadDemoBank().find((d) => d.file === 'vatly-giai-thich.xml')!;
    expect(scorerRubricText(essay.item)).toBe(
      '1 điểm: nêu được quán tính và liên hệ việc người ngả về phía trước khi xe phanh gấp.',
    );
  });

  it('leaves out blocks for candidates and is null without a scorer block', () => {
    const { item } = parseItemXml(`<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="E" title="e" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"/>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <rubricBlock view="candidate"><p>Viết tối đa 5 dòng.</p></rubricBlock>
    <rubricBlock view="tutor scorer"><p>0,5 điểm: nêu định nghĩa.</p><p>0,5 điểm: cho ví dụ.</p></rubricBlock>
    <extendedTextInteraction responseIdentifier="RESPONSE"/>
  </itemBody>
</assessmentItem>`);
    expect(scorerRubricText(item!)).toBe('0,5 điểm: nêu định nghĩa.\n0,5 điểm: cho ví dụ.');
    const plain = loadDemoBank().find((d) => d.file === 'tinhoc-ham-print.xml')!;
    expect(scorerRubricText(plain.item)).toBeNull();
  });
});
