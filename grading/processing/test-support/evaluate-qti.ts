/**
 * Test support: evaluates one QTI expression written as XML (QTI 2.x names or QTI 3 `qti-` names)
 * through the real parser and compiler, and returns the typed value (base type and cardinality
 * included), so tests can state what the specification says about a result's type.
 */
import { parseItemXml, type ProcessingNode } from '../../../item-bank/index.ts';
import { valueFromJson, valueFromRaw } from '../../values/parse-value.ts';
import type { QtiValue } from '../../values/value.ts';
import { compileExpression, compileRules } from '../compile.ts';
import type { CompileEnv, ScoringState } from '../context.ts';
import { seededRandom } from '../seeded-random.ts';

export interface EvaluateOptions {
  /** Declarations (response, outcome, template), in the same QTI version as the expression. */
  declarations?: string;
  /** Responses in their JSON forms (as in expected.jsonl). */
  responses?: Record<string, unknown>;
  /** Template processing rules, run before the expression (same QTI version). */
  templateProcessing?: string;
  seed?: number;
}

const RESULT = 'RESULT__';

/** The expression in an item of its own version: QTI 3 names (`qti-sum`) or QTI 2.x names. */
function itemXml(expressionXml: string, options: EvaluateOptions): string {
  const declarations = options.declarations ?? '';
  if (expressionXml.trim().startsWith('<qti-'))
    return `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="expression"
      title="expression" adaptive="false" time-dependent="false">
      ${declarations}
      <qti-outcome-declaration identifier="${RESULT}" cardinality="single" base-type="float"/>
      ${options.templateProcessing ? `<qti-template-processing>${options.templateProcessing}</qti-template-processing>` : ''}
      <qti-item-body><p>expression</p></qti-item-body>
      <qti-response-processing><qti-set-outcome-value identifier="${RESULT}">${expressionXml}</qti-set-outcome-value></qti-response-processing>
    </qti-assessment-item>`;
  return `<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="expression"
    title="expression" adaptive="false" timeDependent="false">
    ${declarations}
    <outcomeDeclaration identifier="${RESULT}" cardinality="single" baseType="float"/>
    ${options.templateProcessing ? `<templateProcessing>${options.templateProcessing}</templateProcessing>` : ''}
    <itemBody><p>expression</p></itemBody>
    <responseProcessing><setOutcomeValue identifier="${RESULT}">${expressionXml}</setOutcomeValue></responseProcessing>
  </assessmentItem>`;
}

function parse(expressionXml: string, options: EvaluateOptions) {
  const xml = itemXml(expressionXml, options);
  const { item } = parseItemXml(xml, 'expression.xml');
  if (!item) throw new Error(`not parsed: ${expressionXml}`);
  const expression = item.responseProcessing?.rules[0]?.children[0];
  if (!expression) throw new Error(`no expression in: ${expressionXml}`);
  return { item, expression };
}

/** The parsed expression tree (to check how an element is read). */
export function parseExpression(expressionXml: string): ProcessingNode {
  return parse(expressionXml, {}).expression;
}

/** The value of an expression; throws a CompileError where the compiler refuses it. */
export function evaluateQti(expressionXml: string, options: EvaluateOptions = {}): QtiValue {
  const { item, expression } = parse(expressionXml, options);
  const declarations = new Map(item.declarations.map((d) => [d.identifier, d]));
  const defaults = new Map(
    item.declarations.map((d) => [d.identifier, valueFromRaw(d.defaultValue, d.baseType, d.cardinality)]),
  );
  const correct = new Map(
    item.declarations.flatMap((d) =>
      d.kind === 'response'
        ? [[d.identifier, valueFromRaw(d.correctResponse, d.baseType, d.cardinality)] as const]
        : [],
    ),
  );
  const env: CompileEnv = { declarations, defaults, correct };
  const state: ScoringState = { values: new Map(), random: seededRandom(options.seed ?? 1) };
  for (const d of item.declarations)
    state.values.set(
      d.identifier,
      d.kind === 'response'
        ? valueFromJson(options.responses?.[d.identifier] ?? null, d.baseType, d.cardinality)
        : (defaults.get(d.identifier) ?? null),
    );
  if (item.templateProcessing) compileRules(item.templateProcessing, env)(state);
  return compileExpression(expression, env)(state);
}
