/**
 * Checks an item beyond what its XML schema can: interactions answer declared responses of a
 * fitting base type and cardinality, and keys, mappings and processing refer to what exists.
 */
import { walkContent } from '../model/content.ts';
import type { Cardinality, ProcessingNode, ResponseDeclaration } from '../model/declarations.ts';
import type { AssessmentItem, InteractionSummary } from '../model/item.ts';
import { refuseNotInSchema } from './not-in-schema.ts';
import type { ProblemList } from './problems.ts';

/** Base types each interaction can produce (from the QTI information model). */
const EXPECTED_BASE_TYPES: Partial<Record<InteractionSummary['type'], string[]>> = {
  choiceInteraction: ['identifier'],
  orderInteraction: ['identifier'],
  associateInteraction: ['pair'],
  matchInteraction: ['directedPair'],
  gapMatchInteraction: ['directedPair'],
  inlineChoiceInteraction: ['identifier'],
  textEntryInteraction: ['string', 'integer', 'float', 'identifier'],
  extendedTextInteraction: ['string', 'integer', 'float', 'identifier'],
  hottextInteraction: ['identifier'],
  hotspotInteraction: ['identifier'],
  selectPointInteraction: ['point'],
  graphicOrderInteraction: ['identifier'],
  graphicAssociateInteraction: ['pair'],
  graphicGapMatchInteraction: ['directedPair'],
  positionObjectInteraction: ['point'],
  sliderInteraction: ['integer', 'float'],
  mediaInteraction: ['integer'],
  uploadInteraction: ['file'],
  drawingInteraction: ['file'],
  endAttemptInteraction: ['boolean'],
};

/** Cardinalities each interaction can bind to. */
const EXPECTED_CARDINALITIES: Partial<Record<InteractionSummary['type'], Cardinality[]>> = {
  choiceInteraction: ['single', 'multiple'],
  orderInteraction: ['ordered'],
  associateInteraction: ['single', 'multiple'],
  matchInteraction: ['single', 'multiple'],
  gapMatchInteraction: ['single', 'multiple'],
  inlineChoiceInteraction: ['single'],
  textEntryInteraction: ['single', 'record'],
  extendedTextInteraction: ['single', 'multiple', 'ordered', 'record'],
  hottextInteraction: ['single', 'multiple'],
  hotspotInteraction: ['single', 'multiple'],
  selectPointInteraction: ['single', 'multiple'],
  graphicOrderInteraction: ['ordered'],
  graphicAssociateInteraction: ['single', 'multiple'],
  graphicGapMatchInteraction: ['single', 'multiple'],
  positionObjectInteraction: ['single', 'multiple'],
  sliderInteraction: ['single'],
  mediaInteraction: ['single'],
  uploadInteraction: ['single'],
  drawingInteraction: ['single'],
  endAttemptInteraction: ['single'],
};

/** Base types whose values are made of choice identifiers (one, or two for pairs). */
const CHOICE_VALUED = new Set(['identifier', 'pair', 'directedPair']);

/** Processing elements whose `identifier` attribute names a variable. */
const VARIABLE_REFERENCES = new Set([
  'variable',
  'setOutcomeValue',
  'lookupOutcomeValue',
  'setTemplateValue',
  'setCorrectResponse',
  'setDefaultValue',
  'templateDefault',
  'correct',
  'mapResponse',
  'mapResponsePoint',
  'default',
]);

function* walk(nodes: ProcessingNode[]): Generator<ProcessingNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/** Variables every item has without declaring them. */
const BUILT_IN = new Set(['completionStatus', 'completion_status', 'numAttempts', 'duration']);

export function validateItem(item: AssessmentItem, problems: ProblemList): void {
  refuseNotInSchema(item, problems);
  const declared = new Map(item.declarations.map((d) => [d.identifier, d]));
  const seen = new Set<string>();
  for (const d of item.declarations) {
    if (seen.has(d.identifier))
      problems.error('duplicate-declaration', `${d.identifier} is declared twice.`, d.location);
    seen.add(d.identifier);
  }
  for (const interaction of item.interactions) {
    const at = interaction.location;
    if (!interaction.responseIdentifier) {
      problems.error('missing-response-identifier', `The ${interaction.type} has no responseIdentifier.`, at);
      continue;
    }
    const declaration = declared.get(interaction.responseIdentifier);
    if (!declaration || declaration.kind !== 'response') {
      problems.error(
        'undeclared-response',
        `The ${interaction.type} answers ${interaction.responseIdentifier}, which has no responseDeclaration.`,
        at,
      );
      continue;
    }
    const expected = EXPECTED_BASE_TYPES[interaction.type];
    if (expected && declaration.baseType && !expected.includes(declaration.baseType)) {
      problems.error(
        'base-type-mismatch',
        `${interaction.responseIdentifier} is declared ${declaration.baseType}, but a ${interaction.type} gives ${expected.join(' or ')}.`,
        at,
      );
    }
    const cardinalities = EXPECTED_CARDINALITIES[interaction.type];
    if (cardinalities && !cardinalities.includes(declaration.cardinality)) {
      problems.error(
        'cardinality-mismatch',
        `${interaction.responseIdentifier} has ${declaration.cardinality} cardinality, but a ${interaction.type} needs ${cardinalities.join(' or ')}.`,
        at,
      );
    }
    const maxChoices = interaction.maxChoices ?? 1;
    if (
      declaration.cardinality === 'single' &&
      maxChoices !== 1 &&
      interaction.type === 'choiceInteraction'
    ) {
      problems.error(
        'cardinality-mismatch',
        `${interaction.responseIdentifier} has single cardinality, but its choiceInteraction lets the candidate pick ${maxChoices === 0 ? 'any number of' : maxChoices} choices.`,
        at,
      );
    }
    checkKeys(declaration, interaction, problems);
  }
  for (const node of walk([
    ...(item.templateProcessing ?? []),
    ...(item.responseProcessing?.rules ?? []),
    ...(item.outcomeProcessing ?? []),
  ])) {
    const ref = node.attributes.identifier;
    if (!ref || !VARIABLE_REFERENCES.has(node.name) || BUILT_IN.has(ref)) continue;
    const target = declared.get(ref);
    if (!target) {
      problems.error(
        'undeclared-variable',
        `<${node.name}> refers to ${ref}, which is not declared.`,
        node.location,
      );
    } else if (node.name === 'mapResponse' && (target.kind !== 'response' || !target.mapping)) {
      problems.error('missing-mapping', `<mapResponse> maps ${ref}, which has no mapping.`, node.location);
    } else if (node.name === 'mapResponsePoint' && (target.kind !== 'response' || !target.areaMapping)) {
      problems.error(
        'missing-mapping',
        `<mapResponsePoint> maps ${ref}, which has no areaMapping.`,
        node.location,
      );
    }
  }
  for (const feedback of item.modalFeedback) {
    if (feedback.outcomeIdentifier && !declared.has(feedback.outcomeIdentifier))
      problems.error(
        'undeclared-variable',
        `A modalFeedback is shown by ${feedback.outcomeIdentifier}, which is not declared.`,
        feedback.location ?? item.location,
      );
  }
  for (const e of walkContent([item.body])) {
    const ref =
      e.name === 'feedbackInline' || e.name === 'feedbackBlock'
        ? e.attributes.outcomeIdentifier
        : e.name === 'templateInline' || e.name === 'templateBlock'
          ? e.attributes.templateIdentifier
          : e.name === 'printedVariable'
            ? e.attributes.identifier
            : undefined;
    if (ref && !declared.has(ref) && !BUILT_IN.has(ref))
      problems.error('undeclared-variable', `The ${e.name} refers to ${ref}, which is not declared.`, {
        line: e.line,
        column: e.column,
      });
  }
  const rp = item.responseProcessing;
  if (rp) {
    if (rp.template && !declared.has('RESPONSE')) {
      problems.error(
        'template-needs-response',
        `The ${rp.template} template needs a RESPONSE declaration.`,
        rp.location,
      );
    }
    if (rp.template === 'map_response') {
      const response = declared.get('RESPONSE');
      if (response?.kind === 'response' && !response.mapping) {
        problems.error(
          'template-needs-mapping',
          `map_response needs a mapping on RESPONSE${response.areaMapping ? ' (it has only an areaMapping)' : ''}.`,
          response.location,
        );
      }
    }
    if (rp.templateUri && !rp.template && rp.rules.length === 0) {
      problems.warning(
        'unknown-template',
        `The response processing template ${rp.templateUri} is not one of the standard ones; the item will not be scored automatically.`,
        rp.location,
      );
    }
  }
}

/** Choice identifiers in a response's key and mapping must be choices of the interaction that answers it. */
function checkKeys(declaration: ResponseDeclaration, interaction: InteractionSummary, problems: ProblemList) {
  if (!interaction.choices.length || !CHOICE_VALUED.has(declaration.baseType ?? '')) return;
  const choices = new Set(interaction.choices);
  const unknown = (text: string) => text.split(/\s+/).filter((id) => id && !choices.has(id));
  for (const value of declaration.correctResponse ?? []) {
    for (const id of unknown(value.text))
      problems.error(
        'unknown-choice-in-key',
        `The correct response of ${declaration.identifier} names ${id}, which is not a choice of the ${interaction.type}.`,
        declaration.location,
      );
  }
  for (const entry of declaration.mapping?.entries ?? []) {
    for (const id of unknown(entry.mapKey))
      problems.warning(
        'unknown-choice-in-mapping',
        `The mapping of ${declaration.identifier} scores ${id}, which is not a choice of the ${interaction.type}.`,
        declaration.location,
      );
  }
}
