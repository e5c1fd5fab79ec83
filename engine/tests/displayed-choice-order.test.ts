import { describe, expect, it } from 'vitest';
import { parseItemXml, walkContent, type AssessmentItem, type CandidateItem } from '../../item-bank/index.ts';
import { responseSummary } from '../results/routes/reports/response-summary.ts';
import { displayedChoiceOrder } from '../delivery/displayed-choice-order.ts';
import { projectForCandidate } from '../delivery/project-for-candidate.ts';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="SHUF" title="Shuffled" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>C1</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
      <prompt>Pick one</prompt>
      <simpleChoice identifier="C1">One</simpleChoice>
      <simpleChoice identifier="C2">Two</simpleChoice>
      <simpleChoice identifier="C3">Three</simpleChoice>
      <simpleChoice identifier="C4" fixed="true">None of these</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/match_correct"/>
</assessmentItem>`;

const parsed = parseItemXml(xml);
if (!parsed.item) throw new Error(JSON.stringify(parsed.problems));
const model = parsed.item as AssessmentItem;

/** The letter the candidate page puts before a choice: its place among the options it renders. */
function letterOnScreen(seed: number, choice: string): string {
  const shown = projectForCandidate.forCandidate!(projectForCandidate.shared(model, new Map()), {
    seed,
    itemRef: 'Q1',
  }) as CandidateItem;
  const options = [...walkContent([shown.body])]
    .filter((e) => e.name === 'simpleChoice')
    .map((e) => e.attributes.identifier);
  return String.fromCharCode(65 + options.indexOf(choice));
}

describe('the score report quotes choices by the letters the candidate saw', () => {
  it('follows the candidate’s shuffled order, not the authored one, and keeps a fixed choice in place', () => {
    const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
    const reordered = seeds.filter((seed) => letterOnScreen(seed, 'C1') !== 'A');
    expect(reordered.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      const order = displayedChoiceOrder(model, { seed, itemRef: 'Q1' });
      expect(order.get('RESPONSE')![3]).toBe('C4');
      for (const choice of ['C1', 'C2', 'C3'])
        expect(responseSummary(model, { RESPONSE: choice }, order)).toBe(letterOnScreen(seed, choice));
    }
  });

  it('uses the authored order when the sitting turns choice shuffling off', () => {
    const order = displayedChoiceOrder(model, { seed: 7, itemRef: 'Q1', shuffleChoices: false });
    expect(order.get('RESPONSE')).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(responseSummary(model, { RESPONSE: 'C3' }, order)).toBe('C');
  });
});
