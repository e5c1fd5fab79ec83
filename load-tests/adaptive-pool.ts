/**
 * The calibrated pool of the adaptive load (issue 23), shared by the setup and the virtual
 * candidates (no imports: the generators load it cheaply). Item Pk is a one-choice QTI item whose
 * key is A, with 2PL parameters a = 0.8..1.7 and b spread evenly over [-3, 3]; its prompt names
 * it, so a virtual candidate of ability theta can answer it as the model says.
 */
export interface PoolParameters {
  model: '2pl';
  a: number;
  b: number;
}

export function poolParameters(k: number, size: number): PoolParameters {
  return { model: '2pl', a: 0.8 + (k % 4) * 0.3, b: -3 + (6 * k) / Math.max(1, size - 1) };
}

export const poolIdentifier = (k: number) => `P${k}`;

export const poolItemXml = (k: number) => `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="${poolIdentifier(k)}" title="Câu ${poolIdentifier(k)}" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>A</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>
  <itemBody>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
      <prompt>Câu hỏi [${poolIdentifier(k)}]</prompt>
      <simpleChoice identifier="A">Alpha</simpleChoice>
      <simpleChoice identifier="B">Beta</simpleChoice>
      <simpleChoice identifier="C">Gamma</simpleChoice>
      <simpleChoice identifier="D">Delta</simpleChoice>
    </choiceInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/match_correct"/>
</assessmentItem>`;

/** The pool index an item payload names in its prompt, or undefined. */
export function poolIndexOf(payload: unknown): number | undefined {
  const match = /\[P(\d+)\]/.exec(JSON.stringify(payload));
  return match ? Number(match[1]) : undefined;
}

/** A 2PL answer of a candidate of ability theta: right (A) with the model's probability. */
export function answerFor(theta: number, p: PoolParameters | undefined, random = Math.random): 'A' | 'B' {
  if (!p) return random() < 0.5 ? 'A' : 'B';
  return random() < 1 / (1 + Math.exp(-p.a * (theta - p.b))) ? 'A' : 'B';
}
