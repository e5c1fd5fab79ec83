/**
 * A blank typed into a sentence (textEntryInteraction), scored by a mapping: accepted answers and
 * alternatives each with a score, case sensitivity, and the first answer as the correct response.
 */
import { qti } from '../editor-item.ts';
import { num, readSentence, RESPONSE, sentenceAround, type InteractionModel } from './interaction-model.ts';

export const textEntryModel: InteractionModel = {
  kind: 'textEntry',
  element: 'textEntryInteraction',
  build(s) {
    const answers = s.answers.filter((a) => a.value.trim());
    const control = qti('textEntryInteraction', {
      responseIdentifier: RESPONSE,
      expectedLength: String(Math.max(4, ...answers.map((a) => a.value.length))),
    });
    return {
      nodes: sentenceAround(s.text, control),
      response: {
        cardinality: 'single',
        baseType: s.baseType,
        ...(answers.length ? { correctResponse: [answers[0]!.value.trim()] } : {}),
        mapping: {
          defaultValue: 0,
          entries: answers.map((a) => ({
            mapKey: a.value.trim(),
            mappedValue: a.score,
            caseSensitive: s.baseType === 'string' && s.caseSensitive,
          })),
        },
      },
      scoring: 'map',
    };
  },
  read(e, r, body) {
    const entries = r.mapping ?? [];
    return {
      text: readSentence(body, e),
      baseType: r.baseType === 'integer' || r.baseType === 'float' ? r.baseType : 'string',
      answers: entries.length
        ? entries.map((m) => ({ value: m.mapKey, score: m.mappedValue }))
        : r.correct.map((value) => ({ value, score: 1 })),
      caseSensitive: entries.some((m) => m.caseSensitive),
      expectedLines: num(e.attributes.expectedLength, 5),
    };
  },
};
