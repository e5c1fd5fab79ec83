/**
 * One component per QTI interaction type (one file each), every one usable with the keyboard
 * alone and labelled for screen readers. `positionObjectStage` is listed too: it holds the
 * picture its position-object interactions place things on.
 */
import type { ComponentType } from 'react';
import { AssociateInteraction } from './associate.tsx';
import { ChoiceInteraction } from './choice.tsx';
import { CustomInteraction } from './custom.tsx';
import { DrawingInteraction } from './drawing.tsx';
import { EndAttemptInteraction } from './end-attempt.tsx';
import { ExtendedTextInteraction } from './extended-text.tsx';
import { GapMatchInteraction } from './gap-match.tsx';
import { GraphicAssociateInteraction } from './graphic-associate.tsx';
import { GraphicGapMatchInteraction } from './graphic-gap-match.tsx';
import { GraphicOrderInteraction } from './graphic-order.tsx';
import { HotspotInteraction } from './hotspot.tsx';
import { HottextInteraction } from './hottext.tsx';
import { InlineChoiceInteraction } from './inline-choice.tsx';
import { MatchInteraction } from './match.tsx';
import { MediaInteraction } from './media.tsx';
import { OrderInteraction } from './order.tsx';
import { PositionObjectInteraction, PositionObjectStage } from './position-object.tsx';
import { SelectPointInteraction } from './select-point.tsx';
import type { InteractionProps } from './shared.tsx';
import { SliderInteraction } from './slider.tsx';
import { TextEntryInteraction } from './text-entry.tsx';
import { UploadInteraction } from './upload.tsx';

export const INTERACTIONS: Record<string, ComponentType<InteractionProps>> = {
  choiceInteraction: ChoiceInteraction,
  inlineChoiceInteraction: InlineChoiceInteraction,
  textEntryInteraction: TextEntryInteraction,
  extendedTextInteraction: ExtendedTextInteraction,
  orderInteraction: OrderInteraction,
  matchInteraction: MatchInteraction,
  sliderInteraction: SliderInteraction,
  associateInteraction: AssociateInteraction,
  gapMatchInteraction: GapMatchInteraction,
  hottextInteraction: HottextInteraction,
  hotspotInteraction: HotspotInteraction,
  selectPointInteraction: SelectPointInteraction,
  graphicOrderInteraction: GraphicOrderInteraction,
  graphicAssociateInteraction: GraphicAssociateInteraction,
  graphicGapMatchInteraction: GraphicGapMatchInteraction,
  positionObjectStage: PositionObjectStage,
  positionObjectInteraction: PositionObjectInteraction,
  mediaInteraction: MediaInteraction,
  uploadInteraction: UploadInteraction,
  drawingInteraction: DrawingInteraction,
  endAttemptInteraction: EndAttemptInteraction,
  portableCustomInteraction: CustomInteraction,
  customInteraction: CustomInteraction,
};
