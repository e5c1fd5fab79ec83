/** The editor's item as the Item bank's JSON authoring model (the API validates and stores it as QTI 3.0). */
import type { AuthoringContentNode, AuthoringItemInput } from '../../../item-bank/client.ts';
import { html, plainTextOf, qti, text, type EditorItem } from './editor-item.ts';
import { INTERACTION_MODELS } from './interactions/index.ts';
import { shareMapping } from './interactions/interaction-model.ts';
import { responseProcessing } from './scoring.ts';

const isEmptyParagraph = (n: AuthoringContentNode) =>
  n.kind === 'element' &&
  n.name === 'p' &&
  !plainTextOf(n.children).trim() &&
  !n.children.some((c) => c.kind === 'element');

export function toAuthoringItem(e: EditorItem): AuthoringItemInput {
  const points = e.points > 0 ? e.points : 1;
  const built = INTERACTION_MODELS[e.interaction.kind].build(e.interaction, { points });
  let { scoring } = built;
  let mapping = built.response.mapping;
  if (
    scoring === 'match' &&
    e.partialCredit &&
    built.response.cardinality === 'multiple' &&
    built.response.correctResponse?.length
  ) {
    const shares = shareMapping(built.response.correctResponse);
    mapping = {
      ...shares,
      entries: shares.entries.map((m) => ({ ...m, mappedValue: m.mappedValue * points })),
    };
    scoring = 'map';
  }
  const feedback =
    Boolean(e.feedbackCorrect.trim() || e.feedbackIncorrect.trim()) &&
    (scoring === 'match' || scoring === 'map' || scoring === 'point' || scoring === 'atLeast');
  const bounds = { lowerBound: 0, upperBound: points };
  const stem = e.stem.filter((n) => !isEmptyParagraph(n));
  // Untitled: the stem's text, else the interaction's own (a sentence with a blank), else the identifier.
  const title =
    e.title.trim() ||
    plainTextOf(stem).trim().slice(0, 120) ||
    plainTextOf(built.nodes).replace(/\s+/g, ' ').trim().slice(0, 120) ||
    e.identifier;
  const choiceFeedback = Boolean(built.choiceFeedback);
  const rp = responseProcessing(scoring, points, feedback, choiceFeedback);
  return {
    identifier: e.identifier,
    title,
    language: 'vi',
    declarations: [
      {
        kind: 'response',
        identifier: 'RESPONSE',
        cardinality: built.response.cardinality,
        baseType: built.response.baseType,
        ...(built.response.correctResponse?.length
          ? { correctResponse: built.response.correctResponse.map((t) => ({ text: t })) }
          : {}),
        ...(mapping ? { mapping: { ...mapping, ...bounds } } : {}),
        ...(built.response.areaMapping ? { areaMapping: { ...built.response.areaMapping, ...bounds } } : {}),
      },
      {
        kind: 'outcome',
        identifier: 'SCORE',
        cardinality: 'single',
        baseType: 'float',
        defaultValue: [{ text: '0' }],
        normalMaximum: points,
        normalMinimum: 0,
        ...(scoring === 'human' ? { externalScored: 'human' as const } : {}),
        ...(scoring === 'code' ? { externalScored: 'externalMachine' as const } : {}),
      },
      ...(choiceFeedback
        ? [
            {
              kind: 'outcome' as const,
              identifier: 'CHOICE_FEEDBACK',
              cardinality: built.response.cardinality,
              baseType: 'identifier' as const,
            },
          ]
        : []),
      ...(feedback
        ? [
            {
              kind: 'outcome' as const,
              identifier: 'FEEDBACK',
              cardinality: 'single' as const,
              baseType: 'identifier' as const,
            },
          ]
        : []),
    ],
    ...(rp ? { responseProcessing: rp } : {}),
    body: qti('itemBody', {}, [...stem, ...built.nodes]),
    modalFeedback: feedback
      ? [
          ['CORRECT', e.feedbackCorrect],
          ['INCORRECT', e.feedbackIncorrect],
        ]
          .filter(([, t]) => t!.trim())
          .map(([identifier, t]) => ({
            outcomeIdentifier: 'FEEDBACK',
            identifier: identifier!,
            showHide: 'show' as const,
            content: t!
              .split('\n')
              .filter((line) => line.trim())
              .map((line) => html('p', {}, [text(line.trim())])),
          }))
      : [],
  };
}
