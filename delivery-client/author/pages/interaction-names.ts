/**
 * A question type as teachers call it: the bank list shows these names in the page's language, never
 * the raw QTI interaction names ("choiceInteraction", "extendedTextInteraction").
 */
import type { Translate } from '../../shared/create-i18n.tsx';
import type { AuthorMessageKey } from '../i18n.tsx';

/** Each QTI interaction type (item-bank's INTERACTION_TYPES) and the message naming it. */
export const INTERACTION_NAME_KEYS = {
  choiceInteraction: 'ie.kind.choice',
  orderInteraction: 'ie.kind.order',
  associateInteraction: 'ie.kind.associate',
  matchInteraction: 'ie.kind.match',
  gapMatchInteraction: 'ie.kind.gapMatch',
  inlineChoiceInteraction: 'ie.kind.inlineChoice',
  textEntryInteraction: 'ie.kind.textEntry',
  extendedTextInteraction: 'ie.kind.extendedText',
  hottextInteraction: 'ie.kind.hottext',
  hotspotInteraction: 'ie.kind.hotspot',
  selectPointInteraction: 'ie.kind.selectPoint',
  graphicOrderInteraction: 'ie.kind.graphicOrder',
  graphicAssociateInteraction: 'ie.kind.graphicAssociate',
  graphicGapMatchInteraction: 'ie.kind.graphicGapMatch',
  positionObjectInteraction: 'ie.kind.positionObject',
  sliderInteraction: 'ie.kind.slider',
  mediaInteraction: 'ie.kind.media',
  uploadInteraction: 'ie.kind.upload',
  drawingInteraction: 'ie.kind.drawing',
  endAttemptInteraction: 'ie.kind.endAttempt',
  portableCustomInteraction: 'bk.type.portableCustom',
  customInteraction: 'bk.type.custom',
} as const satisfies Record<string, AuthorMessageKey>;

/** The name of one interaction type; a type this client does not know is called "another kind". */
export function interactionTypeName(t: Translate<AuthorMessageKey>, type: string): string {
  const key = (INTERACTION_NAME_KEYS as Record<string, AuthorMessageKey>)[type];
  return key ? t(key) : t('bk.type.other');
}

/** The names of an item's interaction types, joined for a table cell. */
export const interactionTypeNames = (t: Translate<AuthorMessageKey>, types: readonly string[]): string =>
  [...new Set(types.map((type) => interactionTypeName(t, type)))].join(', ');
