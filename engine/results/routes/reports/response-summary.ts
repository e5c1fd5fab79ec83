/**
 * What a candidate answered, in a few words for the report's "Trả lời" column: chosen options as
 * letters (A, B, C... in the order this candidate saw a choice interaction's options, which the
 * candidate page letters the same way; the item's own order elsewhere), short text cut at a readable length,
 * "(tệp)" for uploads and drawings. Only the candidate's own response is summarised, never the key.
 */
import type { AssessmentItem } from '../../../../item-bank/index.ts';
import type { ItemResponses } from '../../../protocol/candidate.ts';

const MAX_TEXT = 60;
const FILE_TYPES = new Set(['uploadInteraction', 'drawingInteraction']);

const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String(i + 1));

function truncate(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > MAX_TEXT ? `${plain.slice(0, MAX_TEXT - 1)}…` : plain;
}

/** The identifiers a response holds (a single value, a list, or "A B" pairs). */
function identifiersOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value))
    return value.flatMap((v) => (Array.isArray(v) ? [v.join(' ')] : identifiersOf(v)));
  return [String(value)];
}

function summariseValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return truncate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return truncate(value.map((v) => summariseValue(v)).join(', '));
  return truncate(JSON.stringify(value));
}

export function responseSummary(
  model: AssessmentItem | undefined,
  responses: ItemResponses | undefined,
  /** responseIdentifier -> choice identifiers in the order the candidate saw them (displayedChoiceOrder). */
  shownOrder?: ReadonlyMap<string, string[]>,
): string {
  if (!responses || !Object.keys(responses).length) return '';
  const parts: string[] = [];
  const interactions = model?.interactions ?? [];
  for (const [id, value] of Object.entries(responses)) {
    const interaction = interactions.find((i) => i.responseIdentifier === id);
    if (interaction && FILE_TYPES.has(interaction.type)) {
      if (value !== null && value !== undefined && value !== '') parts.push('(tệp)');
    } else if (interaction?.choices.length) {
      const order =
        interaction.type === 'choiceInteraction'
          ? (shownOrder?.get(id) ?? interaction.choices)
          : interaction.choices;
      const chosen = identifiersOf(value).map((v) =>
        v
          .split(' ')
          .map((c) => {
            const at = order.indexOf(c);
            return at >= 0 ? letter(at) : c;
          })
          .join('-'),
      );
      if (chosen.length) parts.push(chosen.join(', '));
    } else {
      const text = summariseValue(value);
      if (text) parts.push(text);
    }
  }
  return truncate(parts.join('; '));
}
