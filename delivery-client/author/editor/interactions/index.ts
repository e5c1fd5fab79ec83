/** Every interaction the item editor writes, by kind. */
import type { InteractionKind } from '../editor-item.ts';
import { associateModel } from './associate.ts';
import { choiceModel } from './choice.ts';
import { codeTaskModel } from './code-task.ts';
import { drawingModel } from './drawing.ts';
import { endAttemptModel } from './end-attempt.ts';
import { extendedTextModel } from './extended-text.ts';
import { gapMatchModel } from './gap-match.ts';
import { graphicAssociateModel } from './graphic-associate.ts';
import { graphicGapMatchModel } from './graphic-gap-match.ts';
import { graphicOrderModel } from './graphic-order.ts';
import { hotspotModel } from './hotspot.ts';
import { hottextModel } from './hottext.ts';
import { inlineChoiceModel } from './inline-choice.ts';
import type { InteractionModel } from './interaction-model.ts';
import { matchModel } from './match.ts';
import { mediaModel } from './media.ts';
import { orderModel } from './order.ts';
import { positionObjectModel } from './position-object.ts';
import { selectPointModel } from './select-point.ts';
import { sliderModel } from './slider.ts';
import { textEntryModel } from './text-entry.ts';
import { uploadModel } from './upload.ts';

export const INTERACTION_MODELS: Record<InteractionKind, InteractionModel> = {
  choice: choiceModel,
  order: orderModel,
  match: matchModel,
  associate: associateModel,
  gapMatch: gapMatchModel,
  inlineChoice: inlineChoiceModel,
  textEntry: textEntryModel,
  extendedText: extendedTextModel,
  hottext: hottextModel,
  slider: sliderModel,
  upload: uploadModel,
  drawing: drawingModel,
  hotspot: hotspotModel,
  selectPoint: selectPointModel,
  graphicOrder: graphicOrderModel,
  graphicAssociate: graphicAssociateModel,
  graphicGapMatch: graphicGapMatchModel,
  positionObject: positionObjectModel,
  codeTask: codeTaskModel,
  media: mediaModel,
  endAttempt: endAttemptModel,
};
