/**
 * Checks an item beyond what its XML schema can: interactions answer declared responses of a
 * fitting base type and cardinality, and keys, mappings and processing refer to what exists.
 */
import type { ProcessingNode } from '../model/declarations.ts';
import type { AssessmentItem, InteractionSummary } from '../model/item.ts';
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

function* walk(nodes: ProcessingNode[]): Generator<ProcessingNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/** Variables every item has without declaring them. */
const BUILT_IN = new Set(['completionStatus', 'completion_status', 'numAttempts', 'duration']);

export function validateItem(item: AssessmentItem, problems: ProblemList): void {
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
    if (
      declaration.kind === 'response' &&
      declaration.correctResponse &&
      interaction.choices.length &&
      declaration.baseType === 'identifier'
    ) {
      for (const value of declaration.correctResponse) {
        if (!interaction.choices.includes(value.text)) {
          problems.warning(
            'unknown-choice-in-key',
            `The correct response of ${declaration.identifier} names ${value.text}, which is not a choice of the interaction.`,
            declaration.location,
          );
        }
      }
    }
  }
  const rp = item.responseProcessing;
  if (rp) {
    for (const node of walk(rp.rules)) {
      const ref = node.attributes.identifier;
      if (
        (node.name === 'variable' ||
          node.name === 'setOutcomeValue' ||
          node.name === 'lookupOutcomeValue' ||
          node.name === 'correct' ||
          node.name === 'mapResponse' ||
          node.name === 'mapResponsePoint' ||
          node.name === 'default') &&
        ref &&
        !declared.has(ref) &&
        !BUILT_IN.has(ref)
      ) {
        problems.error(
          'undeclared-variable',
          `<${node.name}> refers to ${ref}, which is not declared.`,
          node.location,
        );
      }
    }
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
